"""Check raw tables against the contract and turn them into a typed :class:`Dataset`.

Every problem is collected — missing files and columns, empty required cells, unknown enum words,
non-numeric counts, duplicate ids, references to ids that do not exist, parents at the wrong
level — and reported together in one :class:`DatasetError`.  Nothing is returned unless the whole
dataset is valid, so nothing downstream ever sees half a dataset.  The checks are vectorised:
Python runs per *problem*, not per row.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from orggraph.cells import MAX_PROBLEMS_PER_CHECK, Collector, did_you_mean, typed_table
from orggraph.dataset import Dataset, empty_table
from orggraph.errors import DatasetError, Problem
from orggraph.i18n import tr
from orggraph.read import ROW, RawDataset, RawTable
from orggraph.schema import LEVEL_RANK, TABLES, Column, Table


def _check_columns(rt: RawTable, c: Collector) -> bool:
    ok = True
    for col in rt.table.columns:
        if col.required and col.name not in rt.frame.columns:
            alias = f" ({col.aliases[0]})" if col.aliases else ""
            row = rt.report.header_rows[-1] if rt.report.header_rows else 1
            c.add(
                Problem(
                    rt.file,
                    row,
                    col.name,
                    tr("missing required column '{column}'{alias}", column=col.name, alias=alias),
                )
            )
            ok = False
    return ok


def _check_required_cells(rt: RawTable, c: Collector) -> None:
    for col in rt.table.columns:
        if col.required and col.name in rt.frame:
            mask = rt.frame[col.name].isna()
            message = tr("{column} is required but empty", column=col.name)

            def required(_rec: pd.Series, message: str = message) -> str:
                return message

            c.rows(rt, mask, col.name, required)


def _check_unique_ids(
    raws: list[RawTable], tables: dict[str, pd.DataFrame], c: Collector, id_index: _IdIndex
) -> None:
    if id_index.index.is_unique:  # the same ids, already hashed
        return
    parts = [
        pd.DataFrame({"id": tables[rt.table.name]["id"], "file": rt.file, "row": rt.frame[ROW]})
        for rt in raws
        if rt.table.has_id and "id" in rt.frame
    ]
    if not parts:
        return
    ids = pd.concat(parts, ignore_index=True)
    ids = ids[ids["id"].notna()]
    dup = ids["id"].duplicated(keep=False)
    if not dup.any():
        return
    first = ids[dup].drop_duplicates("id").set_index("id")
    later = ids[dup & ids["id"].duplicated(keep="first")]
    for n, rec in enumerate(later.itertuples(index=False)):
        f = first.loc[rec.id]
        problem = Problem(
            rec.file,
            int(rec.row),
            "id",
            tr(
                "duplicate id '{id}' (first used in {file} row {row}); ids must be unique "
                "across the whole dataset",
                id=rec.id,
                file=f["file"],
                row=int(f["row"]),
            ),
        )
        c.problems.append(problem)
        if n < MAX_PROBLEMS_PER_CHECK:
            c.shown.append(problem)
    if len(later) > MAX_PROBLEMS_PER_CHECK:
        c.shown.append(
            Problem(
                "(dataset)",
                None,
                "id",
                tr(
                    "… and {n} more rows like these (validate --format json lists them all)",
                    n=len(later) - MAX_PROBLEMS_PER_CHECK,
                ),
            )
        )


class _IdIndex:
    """Every id of the dataset in one hash index, with the table each id comes from.

    One hash pass serves the uniqueness check and every reference check: a reference is looked
    up once and its table compared as a small integer, instead of one ``isin`` per target table.
    """

    def __init__(self, ds: dict[str, pd.DataFrame]) -> None:
        self.ids = {t.name: ds[t.name]["id"].dropna() for t in TABLES if t.has_id}
        self.tables = list(self.ids)
        self.index = pd.Index(np.concatenate([v.to_numpy() for v in self.ids.values()]))
        self.owner = np.repeat(
            np.arange(len(self.tables)), [len(v) for v in self.ids.values()]
        ).astype(np.int8)

    def resolves(self, s: pd.Series, targets: tuple[str, ...]) -> pd.Series:
        """Whether each value of ``s`` is an id of one of the ``targets`` tables."""
        if self.index.is_unique:
            pos = self.index.get_indexer(s.to_numpy())
            found = pos >= 0
            wanted = np.isin(self.owner, [self.tables.index(t) for t in targets])
            return pd.Series(found & wanted[np.where(found, pos, 0)], index=s.index)
        ok = pd.Series(False, index=s.index)  # duplicate ids (reported): one isin per table
        for target in targets:
            ok |= s.isin(pd.Index(self.ids[target]))
        return ok


def _check_refs(
    ds: dict[str, pd.DataFrame],
    raws: dict[str, RawTable],
    c: Collector,
    id_index: _IdIndex,
    unknown: set[str],
) -> None:
    ids = id_index.ids
    for t in TABLES:
        if t.name not in raws:
            continue
        rt, frame = raws[t.name], ds[t.name]
        for col in t.columns:
            if col.kind != "ref" or col.name not in rt.frame or unknown & set(col.ref):
                continue
            s = frame[col.name]
            ok = id_index.resolves(s, tuple(col.ref))
            bad = s.notna() & ~ok
            if not bad.any():
                continue
            names = " or ".join(col.ref)
            pool = [i for target in col.ref for i in ids[target]]

            def msg(
                rec: pd.Series,
                col: Column = col,
                names: str = names,
                pool: list[str] | None = pool,
                frame: pd.DataFrame = frame,
            ) -> str:
                v = str(frame.at[rec.name, col.name])
                kind = tr("; an id of another kind") if v in id_index.index else ""
                hint = did_you_mean(v, pool) if pool is not None else ""
                return tr(
                    "'{value}' is not an id in {tables}{kind}{hint}",
                    value=v,
                    tables=names,
                    kind=kind,
                    hint=hint,
                )

            def brief(rec: pd.Series, msg: Callable[..., str] = msg) -> str:
                return msg(rec, pool=None)

            c.rows(rt, bad, col.name, msg, brief)


def _check_parent_levels(areas: pd.DataFrame, rt: RawTable, c: Collector) -> None:
    rank = areas["level"].map(LEVEL_RANK)
    by_id = pd.Series(rank.to_numpy(), index=areas["id"].to_numpy())
    by_id = by_id[~by_id.index.duplicated()]
    parent_rank = areas["parent_id"].map(by_id).where(areas["parent_id"].notna())
    bad = parent_rank.notna() & rank.notna() & (parent_rank >= rank)
    if not bad.any():
        return
    level_of = pd.Series(areas["level"].to_numpy(), index=areas["id"].to_numpy())
    level_of = level_of[~level_of.index.duplicated()]

    def msg(rec: pd.Series) -> str:
        i = rec.name
        lvl, parent = areas.at[i, "level"], areas.at[i, "parent_id"]
        return tr(
            "parent '{parent}' is a {parent_level} but a {level} must sit inside a higher "
            "level (district > street/town > community/village > compound > grid > building)",
            parent=parent,
            parent_level=level_of[parent],
            level=lvl,
        )

    c.rows(rt, bad, "parent_id", msg)


def _missing_table(raw: RawDataset, t: Table) -> Problem:
    """A required table is missing: say what every sheet or file found was taken as."""
    found = [f"{where} → {table}" for table, where in raw.present.items()]
    names = [t.name, t.label, *t.aliases]
    for where, _ in raw.ignored:
        sheet = where.rsplit(" sheet ", 1)[-1] if raw.workbook else Path(where).stem
        close = difflib.get_close_matches(sheet.lower(), names, n=1, cutoff=0.6)
        hint = tr(" (is this {table}? rename it '{name}')", table=t.name, name=t.name)
        found.append(f"{where} → {tr('ignored')}{hint if close else ''}")
    kind = tr("sheet") if raw.workbook else tr("file")
    message = tr(
        "required {kind} '{table}' ({label}) is missing",
        kind=kind,
        table=t.name,
        label=t.label,
    )
    if found:
        message += tr("; found: {found}", found="; ".join(found))
    return Problem(raw.label(t.name), None, None, message)


def validate(raw: RawDataset) -> Dataset:
    """Turn raw tables into a typed :class:`Dataset`, or raise with every problem found.

    The dataset's ``absent`` records, per table read, the optional columns its header lacked
    (unknown, not zero).

    Raises
    ------
    DatasetError
        Listing every problem: file, spreadsheet row, column and what was expected.  Its
        ``problems`` hold every one; its text ``report()`` lists at most
        ``MAX_PROBLEMS_PER_CHECK`` per check, then one summary line.
    """
    c = Collector()
    for p in raw.problems:
        c.add(p)
    for t in TABLES:
        if t.required and t.name not in raw.present:
            c.add(_missing_table(raw, t))
    usable: dict[str, RawTable] = {}
    for name, rt in raw.tables.items():
        if _check_columns(rt, c):
            usable[name] = rt
            if rt.table.required and rt.frame.empty:
                c.add(Problem(rt.file, None, None, tr("has a header but no rows")))
    tables: dict[str, pd.DataFrame] = {}
    for name, rt in usable.items():
        _check_required_cells(rt, c)
        tables[name] = typed_table(rt, c)
    for t in TABLES:
        tables.setdefault(t.name, empty_table(t))
    id_index = _IdIndex(tables)
    _check_unique_ids(list(usable.values()), tables, c, id_index)
    # A table that is there but unreadable, or a required one that is missing, was reported
    # already: references into it cannot be checked, and are not reported a second time.
    unknown = {
        t.name for t in TABLES if t.name not in usable and (t.required or t.name in raw.present)
    }
    _check_refs(tables, usable, c, id_index, unknown)
    if "areas" in usable:
        _check_parent_levels(tables["areas"], usable["areas"], c)
    if c.problems:
        order = {t.name: i for i, t in enumerate(TABLES)}
        rank = {where: order[t] for t, where in raw.present.items()}
        rank.update({rt.file: order[name] for name, rt in raw.tables.items()})

        def key(p: Problem) -> tuple[int, str, int]:
            return (rank.get(p.file, 99), p.file, p.row or 0)

        raise DatasetError(sorted(c.problems, key=key), raw.source, sorted(c.shown, key=key))
    for name in tables:
        tables[name] = tables[name].reset_index(drop=True)
    absent = {name: tuple(rt.report.absent) for name, rt in raw.tables.items()}
    return Dataset(raw.name, tables, absent=absent)
