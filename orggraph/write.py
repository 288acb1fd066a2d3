"""Write a dataset back to disk in the contract's form: a CSV folder or an .xlsx workbook.

The inverse of :func:`orggraph.io.load`: English headers, English enum codes, UTF-8 with BOM
(what Excel opens without asking), ids as text, whole numbers without a trailing ``.0``, empty
cells for unknown values.  Extra columns are written after the contract's own.  Loading what
this writes gives back the same dataset.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pandas as pd

from orggraph.dataset import Dataset
from orggraph.errors import OutputError
from orggraph.i18n import tr
from orggraph.schema import TABLES

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


def _cell_texts(frame: pd.DataFrame) -> pd.DataFrame:
    """Every cell as the text a planner would type (``None`` for an empty cell)."""
    out = {}
    for col in frame.columns:
        s = frame[col]
        if pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
            whole = s.notna() & (s % 1 == 0)
            text = s.map(lambda v: f"{v:.15g}", na_action="ignore").astype(object)
            ints = s[whole].astype("int64").astype(str)
            text[whole] = ints
            out[col] = text.where(s.notna(), None)
        else:
            out[col] = s.astype(object).where(s.notna(), None)
    return pd.DataFrame(out, index=frame.index)


def _tables(ds: Dataset) -> list[tuple[str, pd.DataFrame]]:
    """The tables worth writing: the required ones always, the others when they hold rows."""
    return [(t.name, _cell_texts(ds[t.name])) for t in TABLES if t.required or len(ds[t.name])]


def _write_csv_folder(ds: Dataset, folder: Path) -> None:
    for name, frame in _tables(ds):
        frame.to_csv(folder / f"{name}.csv", index=False, encoding="utf-8-sig")


def _write_workbook(ds: Dataset, path: Path) -> None:
    from openpyxl import Workbook

    # Not write-only: only a normal workbook records each sheet's dimensions, which readers use
    # to give every row its full width (trailing empty cells included).
    wb = Workbook()
    if wb.active is not None:
        wb.remove(wb.active)
    for name, frame in _tables(ds):
        ws = wb.create_sheet(name)
        ws.append(list(frame.columns))
        for row in frame.itertuples(index=False, name=None):
            ws.append(list(row))
    wb.save(path)


def write_dataset(ds: Dataset, path: str | Path) -> Path:
    """Write ``ds`` to ``path``: an .xlsx workbook if the name says so, else a CSV folder.

    The folder is written next to its final place and moved there whole, so a failed write
    leaves nothing half-written; an existing folder's CSV files of the contract are replaced.

    Parameters
    ----------
    ds
        A validated dataset (what :func:`orggraph.io.load` returns).
    path
        ``something.xlsx`` for a workbook, anything else for a folder of CSV files.

    Raises
    ------
    OutputError
        If the place cannot be written.

    Examples
    --------
    >>> import tempfile
    >>> from orggraph.io import load
    >>> out = Path(tempfile.mkdtemp()) / "yuzhou-copy"
    >>> write_dataset(load("datasets/yuzhou"), out) == out
    True
    >>> len(load(out).orgs) == len(load("datasets/yuzhou").orgs)
    True
    """
    p = Path(path)
    parent = p.parent if str(p.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(
            tr(
                "cannot write the dataset to {path}: folder {folder} does not exist",
                path=p,
                folder=parent,
            )
        )
    try:
        if p.suffix.lower() in WORKBOOK_SUFFIXES:
            with tempfile.TemporaryDirectory(dir=parent) as tmp:
                staged = Path(tmp) / p.name
                _write_workbook(ds, staged)
                staged.replace(p)
            return p
        with tempfile.TemporaryDirectory(dir=parent) as tmp:
            staged = Path(tmp) / "dataset"
            staged.mkdir()
            _write_csv_folder(ds, staged)
            p.mkdir(exist_ok=True)
            for t in TABLES:  # a table the dataset no longer holds must not linger
                (p / f"{t.name}.csv").unlink(missing_ok=True)
            for f in staged.iterdir():
                shutil.move(str(f), p / f.name)
    except OSError as e:
        raise OutputError(
            tr("cannot write the dataset to {path}: {reason}", path=p, reason=e.strerror or e)
        ) from e
    return p
