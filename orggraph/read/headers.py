"""Headers and names: which contract column a header is, which table a sheet or file holds.

Planners type headers their own way: ``党员数（人）``, ``上级\\n党组织``, ``member_count``.  Each
header is compared by its *key*: NFKC (full-width forms to ASCII), no whitespace or line breaks,
no ``_``/``-``, lower case, and without a trailing bracketed unit (``(人)``, ``（㎡）``).  A key
found in the column's name or aliases (:mod:`orggraph.schema`) maps the header; an unknown header
that looks like a column the table lacks is refused with a did-you-mean, so no header is kept as
an extra column while the field it names reads as empty.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from orggraph.errors import Problem
from orggraph.i18n import tr
from orggraph.schema import TABLES, Column, Table

# Bracketed units a header may carry; anything else in brackets is part of the name.
_UNIT_WORDS = ("人", "名", "户", "个", "家", "m2", "平方米", "平米", "平方", "平方m")
_UNIT = re.compile(r"[(\[【]\s*(?:" + "|".join(map(re.escape, _UNIT_WORDS)) + r")\s*[)\]】]$")
_ANY_BRACKET = re.compile(r"[(\[【][^()\[\]【】]*[)\]】]$")
_SPACE = re.compile(r"[\s_\-]+")
# A serial-number column (序号) only numbers the rows: it is dropped, and reported.
SERIAL_KEYS = frozenset({"序号", "序", "no", "no.", "编码序号", "行号"})
# Words a sheet or file name may add around a table's name: 城北街道区域情况统计表 is areas.
_NAME_SUFFIX = re.compile(
    r"(?:统计表|一览表|明细表|汇总表|情况表|登记表|信息表|名单|清单|表|情况|信息)$"
)
RESERVED = ("_row",)  # column names the reader itself uses


def header_key(text: object) -> str:
    """The form a header is compared in (see the module docstring)."""
    s = unicodedata.normalize("NFKC", str(text)).replace("\ufeff", "")
    s = _SPACE.sub("", s).lower()
    return _UNIT.sub("", s) or s


@cache
def column_keys(table: Table) -> dict[str, str]:
    """Every accepted header key of ``table`` -> its column name."""
    out: dict[str, str] = {}
    for c in table.columns:
        names = [c.name, *c.aliases]
        if c.kind == "ref" and c.name.endswith("_id"):
            names.append(c.name[:-3])  # org for org_id, parent for parent_id
        for n in names:
            out.setdefault(header_key(n), c.name)
    return out


@dataclass(frozen=True)
class HeaderMap:
    """How one table's header row was read."""

    names: list[str]  # per header cell: contract name, extra name, or "" (dropped)
    mapped: dict[str, str]  # contract column -> the header as written
    extra: list[str]  # extra columns kept
    dropped: list[str]  # headers dropped (序号, blank)


def map_headers(
    table: Table, where: str, headers: Sequence[object]
) -> tuple[HeaderMap, list[Problem]]:
    """Contract names for ``headers``: mapped, kept as extras, or refused with a did-you-mean.

    Parameters
    ----------
    table
        The table the header row belongs to.
    where
        How problems name the file or sheet.
    headers
        The header cells as read; ``None`` or blank for an empty cell.
    """
    keys = column_keys(table)
    problems: list[Problem] = []
    names: list[str] = []
    mapped: dict[str, str] = {}
    extra: list[str] = []
    dropped: list[str] = []
    seen: dict[str, str] = {}
    unknown: list[tuple[int, str]] = []
    for h in headers:
        raw = "" if h is None else " ".join(str(h).replace("\ufeff", "").split())
        key = header_key(raw) if raw else ""
        if not raw or key in SERIAL_KEYS:
            names.append("")
            if raw:
                dropped.append(raw)
            continue
        name = keys.get(key)
        if name is None:
            if raw in RESERVED:
                message = tr(
                    "the column name '{name}' is reserved by orggraph; rename the column", name=raw
                )
                problems.append(Problem(where, None, raw, message))
            unknown.append((len(names), raw))
            name = raw
        if name in seen:
            message = tr(
                "column '{name}' appears twice (also as '{other}')", name=name, other=seen[name]
            )
            problems.append(Problem(where, None, raw, message))
            names.append("")
            continue
        seen[name] = raw
        names.append(name)
        if name in keys.values():
            mapped[name] = raw
        else:
            extra.append(name)
    absent = [c for c in table.columns if c.name not in mapped]
    for _, raw in unknown:
        if raw in RESERVED:
            continue
        near = _near_column(raw, absent)
        if near is not None:
            zh = f" ({near.aliases[0]})" if near.aliases else ""
            problems.append(
                Problem(
                    where,
                    None,
                    raw,
                    tr(
                        "header '{header}' is not a column of {table}; did you mean "
                        "'{column}'{zh}? Rename the header to '{column}' or '{zh_name}'",
                        header=raw,
                        table=table.name,
                        column=near.name,
                        zh=zh,
                        zh_name=near.aliases[0] if near.aliases else near.name,
                    ),
                )
            )
    return HeaderMap(names, mapped, extra, dropped), problems


def _near_column(raw: str, absent: list[Column]) -> Column | None:
    """The absent column ``raw`` most looks like, if it looks like one at all."""
    key = header_key(raw)
    base = _ANY_BRACKET.sub("", key)
    best: tuple[float, Column] | None = None
    for c in absent:
        for n in (c.name, *c.aliases):
            k = header_key(n)
            score = difflib.SequenceMatcher(None, key, k).ratio()
            if k == base or (len(k) >= 3 and (k in key or key in k)):
                score = max(score, 0.8)
            if score >= 0.75 and (best is None or score > best[0]):
                best = (score, c)
    return best[1] if best else None


def match_score(table: Table, cells: Sequence[object]) -> int:
    """How many cells of a row are headers of ``table`` (finds the header row)."""
    keys = column_keys(table)
    return len({keys[k] for c in cells if c is not None and (k := header_key(c)) in keys})


@cache
def _name_keys() -> dict[str, str]:
    out: dict[str, str] = {}
    for t in TABLES:
        for n in (t.name, t.label, *t.aliases):
            if n:
                out.setdefault(header_key(n), t.name)
    return out


def table_for_name(name: str) -> tuple[Table | None, bool]:
    """The table a sheet or file name holds, and whether the name is exact.

    ``结对共建`` and ``城北街道区域情况统计表`` are read as pairings and areas (not exact: the
    report says what each name was taken as).  ``None`` when the name names no table.
    """
    from orggraph.schema import TABLE_BY_NAME

    keys = _name_keys()
    key = header_key(name)
    if key in keys:
        exact = key == header_key(TABLE_BY_NAME[keys[key]].name)
        return TABLE_BY_NAME[keys[key]], exact
    stripped = key
    while (shorter := _NAME_SUFFIX.sub("", stripped)) != stripped and shorter:
        stripped = shorter
        if stripped in keys:
            return TABLE_BY_NAME[keys[stripped]], False
    # A place prefix (城北街道区域…): the longest table word the name ends with.
    ends = [k for k in keys if len(k) >= 2 and stripped.endswith(k) and not k.isascii()]
    if ends:
        return TABLE_BY_NAME[keys[max(ends, key=len)]], False
    return None, False


def letter(column: int) -> str:
    """Spreadsheet letters of a 1-based column (1 -> A, 28 -> AB), as problems name columns."""
    from openpyxl.utils import get_column_letter  # only on the way to a problem: a slow import

    return get_column_letter(column)
