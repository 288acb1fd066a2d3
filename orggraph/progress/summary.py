"""A few sentences a planner can paste into a work report, from a :class:`ProgressDiff`.

For example: 本期填补空白点5个（社区1个、小区3个、网格1个），新出现问题2个……
社区结对率由96.3%提高到100%.  Every sentence exists in Chinese and English (the catalogue
holds the Chinese).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from orggraph.i18n import LANGS, Lang, both, lang
from orggraph.progress.rates import HEADLINES
from orggraph.schema import TABLE_BY_NAME

if TYPE_CHECKING:
    from orggraph.progress.diff import ProgressDiff

# The rules whose subjects are the blanks (空白点) the field reports count as filled.
BLANK_RULES = ("uncovered-community", "uncovered-compound", "uncovered-grid")
LIST_SEP: dict[Lang, str] = {"zh": "、", "en": ", "}
PHRASE_SEP: dict[Lang, str] = {"zh": "，", "en": "; "}
CLAUSE_SEP: dict[Lang, str] = {"zh": "；", "en": "; "}
STOP: dict[Lang, str] = {"zh": "。", "en": "."}


def _blank_parts(levels: Counter[str], la: Lang) -> str:
    words = {
        "community": both("{n} communities", n=levels["community"])[la],
        "village": both("{n} villages", n=levels["village"])[la],
        "compound": both("{n} compounds", n=levels["compound"])[la],
        "grid": both("{n} grids", n=levels["grid"])[la],
    }
    return LIST_SEP[la].join(w for lvl, w in words.items() if levels[lvl])


def findings_sentence(d: ProgressDiff, la: Lang) -> str:
    """Blanks filled by level (not those whose area is gone), then findings new, resolved and
    still open."""
    blanks = [
        f for f in d.resolved if f.rule in BLANK_RULES and f.subject_id not in d.subjects_gone
    ]
    levels = Counter(d.subject_levels.get(f.subject_id, "") for f in blanks)
    parts = _blank_parts(levels, la)
    head = (
        both("This period {n} blanks were filled ({parts})", n=len(blanks), parts=parts)[la]
        if parts
        else both("This period {n} blanks were filled", n=len(blanks))[la]
    )
    tail = both(
        "{new} new problems appeared, {resolved} were resolved and {open} remain open",
        new=len(d.appeared),
        resolved=len(d.resolved),
        open=len(d.persisting),
    )[la]
    return head + PHRASE_SEP[la] + tail + STOP[la]


def rates_sentence(d: ProgressDiff, la: Lang) -> str:
    """Every headline figure that moved, old → new; or that none did."""
    moves = []
    for h in HEADLINES:
        a, b = h.value(d.old.rates), h.value(d.new.rates)
        if a is None or b is None or a == b:
            continue
        fields = {"what": h.label[la], "old": h.text(a), "new": h.text(b)}
        if b > a:
            moves.append(both("{what} rose from {old} to {new}", **fields)[la])
        else:
            moves.append(both("{what} fell from {old} to {new}", **fields)[la])
    if not moves:
        return both("The headline rates are unchanged")[la] + STOP[la]
    return CLAUSE_SEP[la].join(moves) + STOP[la]


def streets_sentence(d: ProgressDiff, la: Lang) -> str | None:
    """Streets and towns added, removed or renamed; ``None`` when there are none."""
    rates = d.rates
    streets = rates[rates["scope"] == "street"].drop_duplicates("street_id")
    parts = []
    sep = LIST_SEP[la]
    added = streets.loc[streets["street_change"] == "added", "street_new"].tolist()
    if added:
        parts.append(both("streets added: {names}", names=sep.join(map(str, added)))[la])
    removed = streets.loc[streets["street_change"] == "removed", "street_old"].tolist()
    if removed:
        parts.append(both("streets removed: {names}", names=sep.join(map(str, removed)))[la])
    for old, new in streets.loc[
        streets["street_change"] == "renamed", ["street_old", "street_new"]
    ].itertuples(index=False):
        parts.append(both("{old} renamed {new}", old=old, new=new)[la])
    return CLAUSE_SEP[la].join(parts) + STOP[la] if parts else None


def entities_sentence(d: ProgressDiff, la: Lang) -> str | None:
    """Per table: how many added, removed and changed; ``None`` when nothing changed."""
    parts = [
        both(
            "{table}: {added} added, {removed} removed, {changed} changed",
            table=TABLE_BY_NAME[name].label if la == "zh" else name,
            added=len(tc.added),
            removed=len(tc.removed),
            changed=len(tc.changed),
        )[la]
        for name, tc in d.entities.items()
        if len(tc)
    ]
    if not parts:
        return None
    return both("Records: {parts}", parts=CLAUSE_SEP[la].join(parts))[la] + STOP[la]


def summary(d: ProgressDiff, la: Lang | None = None) -> list[str]:
    """The sentences, in ``la`` (default: the language in force).

    Parameters
    ----------
    d
        The comparison (:func:`orggraph.progress.diff.diff_datasets`).
    la
        ``"zh"`` or ``"en"``.
    """
    la = la or lang()
    sentences = [
        findings_sentence(d, la),
        rates_sentence(d, la),
        streets_sentence(d, la),
        entities_sentence(d, la),
    ]
    # English labels are lower-case in the middle of a sentence; a sentence starts upper-case.
    return [s[0].upper() + s[1:] for s in sentences if s]


def summary_both(d: ProgressDiff) -> dict[Lang, list[str]]:
    """:func:`summary` in every language (the JSON carries both)."""
    return {la: summary(d, la) for la in LANGS}
