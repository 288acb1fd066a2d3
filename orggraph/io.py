"""The one call that turns a planner's files into a validated dataset."""

from __future__ import annotations

from pathlib import Path

from orggraph.dataset import Dataset
from orggraph.read import read_raw
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
    >>> ds = load("datasets/yuzhou")  # doctest: +SKIP
    >>> ds.areas.columns[:3].tolist()  # doctest: +SKIP
    ['id', 'name', 'level']
    """
    ds = validate(read_raw(path))
    if name:
        ds.name = name
    return ds
