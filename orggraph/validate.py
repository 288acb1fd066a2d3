"""Check raw tables against the contract and turn them into a typed :class:`Dataset`.

Every problem is collected — missing files and columns, empty required cells, unknown enum words,
non-numeric counts, duplicate ids, references to ids that do not exist, parents at the wrong
level — and reported together in one :class:`DatasetError`.  Nothing is returned unless the whole
dataset is valid, so nothing downstream ever sees half a dataset.  The checks are vectorised:
Python runs per *problem*, not per row.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from orggraph.dataset import Dataset, empty_table
from orggraph.errors import DatasetError, Problem
from orggraph.i18n import tr
from orggraph.read import ROW, RawDataset, RawTable
from orggraph.schema import ENUMS, LEVEL_RANK, TABLES, Column, EnumLookup, Table

# Beyond this many rows, one check lists the rest without a did-you-mean (cheap), and the text
# report summarises them in one line; DatasetError.problems and `validate --format json` keep
# every one.
MAX_PROBLEMS_PER_CHECK = 200
_SCI = r"^[+-]?\d(?:\.\d+)?[eE]\+?\d+$"  # 3.30199E+11: Excel's display of a long code


class InvalidDataset(DatasetError):
    """A :class:`DatasetError` whose text report caps the rows listed per check.

    ``problems`` holds every problem (``validate --format json`` prints them all); ``shown`` is
    what :meth:`report` lists: per check the first ``MAX_PROBLEMS_PER_CHECK`` rows with their
    did-you-mean, then "… and N more rows like these".
    """

    def __init__(self, problems: list[Problem], source: str, shown: list[Problem]) -> None:
        super().__init__(problems, source)
        self.shown = shown

    def report(self) -> str:
        return "\n".join([str(self), *(f"  {p}" for p in self.shown)])


class _Collector:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.shown: list[Problem] = []  # what the text report lists: capped per check

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)
        self.shown.append(problem)

    def rows(
        self,
        rt: RawTable,
        mask: pd.Series,
        column: str | None,
        message_for: Callable[[pd.Series], str],
        brief_for: Callable[[pd.Series], str] | None = None,
    ) -> None:
        bad = rt.frame.loc[mask]
        for i, (_, rec) in enumerate(bad.iterrows()):
            cheap = i >= MAX_PROBLEMS_PER_CHECK
            text = (brief_for or message_for)(rec) if cheap else message_for(rec)
            problem = Problem(rt.file, int(rec[ROW]), column, text)
            self.problems.append(problem)
            if not cheap:
                self.shown.append(problem)
        if len(bad) > MAX_PROBLEMS_PER_CHECK:
            more = len(bad) - MAX_PROBLEMS_PER_CHECK
            self.shown.append(
                Problem(
                    rt.file,
                    None,
                    column,
                    tr(
                        "… and {n} more rows like these (validate --format json lists them all)",
                        n=more,
                    ),
                )
            )


def _did_you_mean(value: str, candidates: Iterable[str], limit: int = 50_000) -> str:
    pool = list(candidates)
    if len(pool) > limit:  # keep it cheap on huge datasets: same first character only
        pool = [c for c in pool if c[:1] == value[:1]][:limit]
    close = difflib.get_close_matches(value, pool, n=1, cutoff=0.6)
    return tr("; did you mean '{value}'?", value=close[0]) if close else ""


def _check_columns(rt: RawTable, c: _Collector) -> bool:
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


def _check_required_cells(rt: RawTable, c: _Collector) -> None:
    for col in rt.table.columns:
        if col.required and col.name in rt.frame:
            mask = rt.frame[col.name].isna()
            message = tr("{column} is required but empty", column=col.name)

            def required(_rec: pd.Series, message: str = message) -> str:
                return message

            c.rows(rt, mask, col.name, required)


def _iso_from_chinese(m: re.Match[str]) -> str:
    return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3) or 1):02d}"


def _enum_codes(rt: RawTable, col: Column, c: _Collector) -> pd.Series:
    lookup = EnumLookup.for_enum(col.enum or "")
    s = rt.frame[col.name]
    codes = s.map(lookup.words)
    missed = s.notna() & codes.isna()
    if missed.any():  # English codes in any case: Community, COMMUNITY
        codes[missed] = s[missed].astype(str).str.lower().map(lookup.words)
    bad = s.notna() & codes.isna()
    if bad.any():
        accepted = ", ".join(f"{k} {v[0]}" for k, v in ENUMS[col.enum or ""].items())

        def msg(rec: pd.Series) -> str:
            v = str(rec[col.name])
            return tr(
                "'{value}' is not a valid {column}{hint} (expected one of: {accepted})",
                value=v,
                column=col.name,
                hint=_did_you_mean(v, lookup.words),
                accepted=accepted,
            )

        c.rows(rt, bad, col.name, msg)
    if col.default is not None:
        codes = codes.where(s.notna(), col.default)
    return codes.astype(object)


def _numbers(rt: RawTable, col: Column, c: _Collector) -> pd.Series:
    s = rt.frame[col.name]
    nums = pd.to_numeric(s, errors="coerce").astype("float64")
    retry = s.notna() & nums.isna()
    if retry.any():  # １２, 1,250, 3人, 1500㎡: the forms Excel and WPS users type
        nums[retry] = pd.to_numeric(_number_text(s[retry], col), errors="coerce")
    bad = s.notna() & nums.isna()
    if bad.any():
        c.rows(rt, bad, col.name, lambda r: tr("'{value}' is not a number", value=r[col.name]))
    limits = col.limits
    lo, hi = limits if limits is not None else (-np.inf, np.inf)
    # 1e400 reads as inf: outside every range, and not finite where there is none.
    out = nums.notna() & ~((nums >= lo) & (nums <= hi) & np.isfinite(nums))
    if out.any():

        def outside(r: pd.Series) -> str:
            v = r[col.name]
            if limits is None:
                return tr("'{value}' is not a finite number", value=v)
            if lo == 0 and str(v).lstrip().startswith("-"):
                return tr("'{value}' must not be negative", value=v)
            return tr("'{value}' is outside the sane range {lo:g}..{hi:g}", value=v, lo=lo, hi=hi)

        c.rows(rt, out, col.name, outside)
    return nums


def _number_text(s: pd.Series, col: Column) -> pd.Series:
    """Numbers as typed -> plain: NFKC, thousands separators and the column's units removed."""
    text = s.astype(str).map(lambda v: unicodedata.normalize("NFKC", v))
    text = text.str.replace(r"[,，\s]", "", regex=True)
    if col.units:
        units = "|".join(re.escape(unicodedata.normalize("NFKC", u)) for u in col.units)
        text = text.str.replace(rf"(?<=\d)(?:{units})$", "", regex=True)
    return text


def _ids(rt: RawTable, col: Column, c: _Collector) -> pd.Series:
    """Ids and references: full-width forms folded (Ｐ００３ is P003); Excel's 3.3E+11 refused."""
    s = rt.frame[col.name].astype(object)
    if "nfkc" in rt.checks:
        wide = s.notna() & ~s.astype(str).str.isascii()
        if wide.any():
            s = s.copy()
            s[wide] = s[wide].map(lambda v: unicodedata.normalize("NFKC", v))
    if "sci" in rt.checks:
        sci = s.notna() & s.astype(str).str.match(_SCI)
        if sci.any():
            c.rows(
                rt,
                sci,
                col.name,
                lambda r: tr(
                    "'{value}' is a code Excel showed in scientific notation: its digits are "
                    "lost. Format the column as Text (设置单元格格式 → 文本), type the codes "
                    "again, and save",
                    value=r[col.name],
                ),
            )
    return s


_CHINESE_DATE = r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日?)?$"
_EXCEL_EPOCH = pd.Timestamp("1899-12-30")  # Excel's day 0, leap-year bug included


def _dates(rt: RawTable, col: Column, c: _Collector) -> pd.Series:
    s = rt.frame[col.name]
    text = s.astype(str).str.replace(_CHINESE_DATE, _iso_from_chinese, regex=True)
    parsed = pd.to_datetime(text.where(s.notna()), errors="coerce", format="mixed")
    serial = pd.to_numeric(s, errors="coerce")
    excel = parsed.isna() & serial.between(1, 2958465) & (serial % 1 == 0)
    if excel.any():  # a date cell saved as a number: days since Excel's epoch
        parsed[excel] = _EXCEL_EPOCH + pd.to_timedelta(serial[excel], unit="D")
    bad = s.notna() & parsed.isna()
    if bad.any():
        c.rows(
            rt,
            bad,
            col.name,
            lambda r: tr("'{value}' is not a date (use YYYY-MM-DD)", value=r[col.name]),
        )
    return parsed.dt.strftime("%Y-%m-%d").astype(object).where(parsed.notna(), None)


def _typed_table(rt: RawTable, c: _Collector) -> pd.DataFrame:
    frame = rt.frame
    out: dict[str, pd.Series] = {}
    for col in rt.table.columns:
        if col.name not in frame:
            out[col.name] = empty_table(rt.table)[col.name].reindex(frame.index)
            continue
        if col.kind == "enum":
            out[col.name] = _enum_codes(rt, col, c)
        elif col.kind == "number":
            out[col.name] = _numbers(rt, col, c)
        elif col.kind == "date":
            out[col.name] = _dates(rt, col, c)
        elif col.kind in ("id", "ref"):
            out[col.name] = _ids(rt, col, c)
        else:
            out[col.name] = frame[col.name].astype(object)
    for extra in frame.columns:
        if extra not in out and extra != ROW:
            out[extra] = frame[extra].astype(object)
    return pd.DataFrame(out, index=frame.index)


def _check_unique_ids(
    raws: list[RawTable], tables: dict[str, pd.DataFrame], c: _Collector, id_index: _IdIndex
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
    c: _Collector,
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
                hint = _did_you_mean(v, pool) if pool is not None else ""
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


def _check_parent_levels(areas: pd.DataFrame, rt: RawTable, c: _Collector) -> None:
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
    c = _Collector()
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
        tables[name] = _typed_table(rt, c)
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

        raise InvalidDataset(sorted(c.problems, key=key), raw.source, sorted(c.shown, key=key))
    for name in tables:
        tables[name] = tables[name].reset_index(drop=True)
    absent = {name: tuple(rt.report.absent) for name, rt in raw.tables.items()}
    return Dataset(raw.name, tables, absent=absent)
