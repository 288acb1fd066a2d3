"""The output formats of ``diff`` and ``trend`` (no heavy import: the CLI reads them at start)."""

TEXT_FORMATS = ("table", "json", "csv", "markdown")
DIFF_FORMATS = (*TEXT_FORMATS, "xlsx")
TREND_FORMATS = (*TEXT_FORMATS, "html")
