"""Raw cells to typed values, every problem collected: numbers, ids, dates, enum codes.

Numbers as planners type them (１２, 1,250, 3人, 1500㎡) are read; numbers that are not finite
or outside a column's sane range (:mod:`orggraph.schema` column facts) are refused; ids fold
full-width forms and refuse Excel's scientific notation.  :class:`Collector` gathers the
problems of :mod:`orggraph.validate`'s checks, capping what the text report lists.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable

import numpy as np
import pandas as pd

from orggraph.dataset import empty_table
from orggraph.errors import Problem
from orggraph.i18n import tr
from orggraph.read import ROW, RawTable
from orggraph.schema import ENUMS, Column, EnumLookup

# Beyond this many rows, one check lists the rest without a did-you-mean (cheap), and the text
# report summarises them in one line; DatasetError.problems and `validate --format json` keep
# every one.
MAX_PROBLEMS_PER_CHECK = 200
_SCI = r"^[+-]?\d(?:\.\d+)?[eE]\+?\d+$"  # 3.30199E+11: Excel's display of a long code


class Collector:
    """Every problem found (``problems``), and what the text report lists (``shown``)."""

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


def did_you_mean(value: str, candidates: Iterable[str], limit: int = 50_000) -> str:
    """``; did you mean 'X'?`` for the candidate closest to ``value``, or ``""``."""
    pool = list(candidates)
    if len(pool) > limit:  # keep it cheap on huge datasets: same first character only
        pool = [c for c in pool if c[:1] == value[:1]][:limit]
    close = difflib.get_close_matches(value, pool, n=1, cutoff=0.6)
    return tr("; did you mean '{value}'?", value=close[0]) if close else ""


def _iso_from_chinese(m: re.Match[str]) -> str:
    return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3) or 1):02d}"


def _enum_codes(rt: RawTable, col: Column, c: Collector) -> pd.Series:
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
                hint=did_you_mean(v, lookup.words),
                accepted=accepted,
            )

        c.rows(rt, bad, col.name, msg)
    if col.default is not None:
        codes = codes.where(s.notna(), col.default)
    return codes.astype(object)


def _numbers(rt: RawTable, col: Column, c: Collector) -> pd.Series:
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


def _ids(rt: RawTable, col: Column, c: Collector) -> pd.Series:
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


def _dates(rt: RawTable, col: Column, c: Collector) -> pd.Series:
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


def typed_table(rt: RawTable, c: Collector) -> pd.DataFrame:
    """The table's contract columns typed (codes, numbers, ids, dates), then its extras.

    Every problem is added to ``c``; absent contract columns come back empty (unknown).
    """
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
