"""Catalogue entries: reading and validating a dataset."""

ZH: dict[str, str] = {
    "'{value}' is not a number": "“{value}”不是数字",
}
