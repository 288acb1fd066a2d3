"""Catalogue entries: outputs."""

ZH: dict[str, str] = {}
