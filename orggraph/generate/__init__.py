"""Synthetic datasets shaped like a real district, city or province.

:func:`generate` writes a dataset of about ``nodes`` entities (areas + orgs + units + alliances +
sites) that follows ``docs/DATASET.md``: districts → streets/towns → communities/villages →
compounds, grids and buildings; the district committee, street working committees, community
committees, compound and grid branches, building groups, single-build unit orgs and joint branches;
units of every kind; joint/instructor coverage; alliances with members and lead orgs; pairings;
service sites.  A small, realistic share of every audit rule's gap is planted (uncovered areas,
should-establish and uncovered units, orphan orgs and superior loops, odd org sizes, unpaired
communities, overloaded pairing sources, missing or small service sites, isolated orgs).

Everything is vectorised (numpy/pandas, no per-row Python), so a province of 10⁶ nodes takes
seconds.  The output depends only on ``(nodes, seed)``.  About 5,000 nodes make one district.
"""

from __future__ import annotations

from pathlib import Path

from orggraph.generate.parts import write_tables
from orggraph.generate.tables import build_tables

__all__ = ["build_tables", "generate"]


def generate(nodes: int, seed: int, out_dir: Path, fmt: str = "csv") -> dict[str, int]:
    """Write a deterministic synthetic dataset of about ``nodes`` entities.

    Parameters
    ----------
    nodes
        Target number of entities (areas + orgs + units + alliances + sites); about 10⁴ make one
        district, 10⁶ a large province (about a hundred districts).
    seed
        Random seed; the files depend only on ``(nodes, seed)``.
    out_dir
        Folder to write the CSV files into (created if needed).  With ``fmt="xlsx"``: the
        workbook's path if it ends in ``.xlsx``, else the workbook is ``out_dir/dataset.xlsx``.
    fmt
        ``"csv"`` (a folder of UTF-8 CSV files with English headers) or ``"xlsx"`` (one
        workbook, one sheet per table; meant for small sizes).

    Returns
    -------
    dict
        Rows written per table.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> rows = generate(2_000, 7, pathlib.Path(tempfile.mkdtemp()))
    >>> rows["areas"] > 0 and rows["orgs"] > 0
    True
    """
    tables = build_tables(nodes, seed)
    write_tables(tables, Path(out_dir), fmt)
    return {name: len(df) for name, df in tables.items()}
