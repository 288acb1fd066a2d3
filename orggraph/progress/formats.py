"""The output formats of ``diff`` and ``trend`` (no heavy import: the CLI reads them at start)."""

DIFF_FORMATS = ("table", "json", "csv", "markdown")
TREND_FORMATS = (*DIFF_FORMATS, "html")
