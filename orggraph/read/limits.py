"""The documented limits on what orggraph reads: work stays bounded whatever the input.

A street's or district's data is far inside every limit (a district has some 10⁵ rows); beyond
them a file is a mistake or an attack, and is refused with a located error before it costs
minutes or gigabytes.  README and docs/DATASET.md quote these numbers.
"""

from __future__ import annotations

MAX_COLUMNS = 1_000  # columns in one table's header (the contract has at most 8)
MAX_CELL_CHARS = 32_767  # characters in one cell: Excel's own limit
MAX_ROWS = 5_000_000  # data rows in one table
MAX_FILE_BYTES = 512 * 1024**2  # a CSV file, or a workbook on disk
MAX_XML_BYTES = 512 * 1024**2  # the uncompressed parts of a workbook, all together
MAX_PART_RATIO = 200  # uncompressed / compressed size of one part above 1 MiB: a zip bomb
MAX_SHEET_CELLS = 20_000_000  # last row x last column named in a sheet: what calamine allocates
HEADER_SCAN_ROWS = 30  # rows searched for the header row (titles and notes sit above it)


def too_many_columns(n: int) -> str:
    """The problem text for a header wider than :data:`MAX_COLUMNS`."""
    from orggraph.i18n import tr

    return tr("the header has {n} columns; at most {limit} are read", n=n, limit=MAX_COLUMNS)


def too_long(n: int) -> str:
    """The problem text for a cell longer than :data:`MAX_CELL_CHARS`."""
    from orggraph.i18n import tr

    return tr("a cell of {n} characters; at most {limit} are read", n=n, limit=MAX_CELL_CHARS)


def too_many_rows(n: int) -> str:
    """The problem text for a table longer than :data:`MAX_ROWS`."""
    from orggraph.i18n import tr

    return tr("{n} rows; at most {limit} are read", n=n, limit=MAX_ROWS)


def too_big(size: int) -> str:
    """The problem text for a file larger than :data:`MAX_FILE_BYTES`."""
    from orggraph.i18n import tr

    return tr(
        "the file is {mb} MB; at most {limit} MB are read",
        mb=size // 2**20,
        limit=MAX_FILE_BYTES // 2**20,
    )


def too_wide_sheet(rows: int, columns: int) -> str:
    """The problem text for a sheet whose cells span more than :data:`MAX_SHEET_CELLS`."""
    from orggraph.i18n import tr

    return tr(
        "the sheet's cells reach row {rows} and column {columns}; a sheet may span at most "
        "{limit} cells (delete the stray cells far from the table)",
        rows=rows,
        columns=columns,
        limit=MAX_SHEET_CELLS,
    )
