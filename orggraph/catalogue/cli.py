"""Catalogue entries: cli."""

ZH: dict[str, str] = {}
