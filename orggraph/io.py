"""The one call that turns a planner's files into a validated dataset."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from orggraph.dataset import Dataset
from orggraph.errors import DatasetError
from orggraph.read import RawDataset, read_raw
from orggraph.validate import validate


def load(path: str | Path, name: str | None = None) -> Dataset:
    """Read and validate the dataset at ``path`` (a folder of CSV files or an .xlsx workbook).

    Parameters
    ----------
    path
        The folder or workbook.
    name
        The dataset's name; defaults to the folder name or the workbook's stem.

    Raises
    ------
    orggraph.errors.DatasetError
        Listing every problem in the dataset; nothing is returned then.

    Examples
    --------
    >>> from orggraph.io import load
    >>> ds = load("datasets/yuzhou")
    >>> ds.areas.columns[:3].tolist()
    ['id', 'name', 'level']
    """
    ds = validate(read_raw(path))
    if name:
        ds.name = name
    return ds


@dataclass
class Inspection:
    """A dataset read and checked, with what was read: ``validate``'s answer."""

    raw: RawDataset
    dataset: Dataset | None
    error: DatasetError | None

    def as_dict(self) -> dict[str, Any]:
        """The whole answer as data: every problem (uncapped), and per table what was read."""
        problems = self.error.problems if self.error else []
        return {
            "dataset": self.raw.source,
            "valid": self.error is None,
            "counts": (
                {n: len(f) for n, f in self.dataset.items() if len(f)} if self.dataset else {}
            ),
            "tables": [rt.report.as_dict() for rt in self.raw.tables.values()],
            "ignored": [{"name": n, "why": w} for n, w in self.raw.ignored],
            "problems": [
                {"file": p.file, "row": p.row, "column": p.column, "message": p.message}
                for p in problems
            ],
        }


def inspect(path: str | Path) -> Inspection:
    """Read and validate ``path``, keeping what was read whether or not it is valid.

    Never raises for the user's files: a path that is no dataset at all (missing, or a file
    refused whole) gives an inspection with no tables and that error.
    """
    try:
        raw = read_raw(path)
    except DatasetError as e:
        return Inspection(RawDataset(Path(path).name, str(path)), None, e)
    try:
        return Inspection(raw, validate(raw), None)
    except DatasetError as e:
        return Inspection(raw, None, e)
