"""Catalogue entries: plan."""

ZH: dict[str, str] = {}
