"""Catalogue entries: diff."""

ZH: dict[str, str] = {}
