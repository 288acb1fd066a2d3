"""Catalogue entries: store."""

ZH: dict[str, str] = {}
