"""The headline rates, worded once as the field reports word them.

Every output that shows the rates (the terminal table, Markdown, the report's cards, the
workbook's 主要指标 sheet) takes them from :func:`headlines`; none words them itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from orggraph.i18n import Lang, both, lang, tr
from orggraph.schema import ZH


@dataclass(frozen=True)
class Headline:
    """One headline figure.

    ``key`` is where the figure sits in the JSON ``rates`` (``coverage.community``,
    ``two_new.single_build_rate``, ``members_reported``…); ``value`` is a percentage when
    ``unit`` is ``"%"``, else a count; ``part`` and ``total`` are what a percentage is made of.
    """

    key: str
    label: str
    value: float | int | None
    unit: str
    part: int | None = None
    total: int | None = None

    @property
    def shown(self) -> bool:
        """Whether the figure says something (a rate of nothing is left out of documents)."""
        return self.total != 0

    @property
    def value_text(self) -> str:
        if self.value is None:
            # A rate of nothing is "—"; a count never recorded is unknown, not zero.
            return "—" if self.unit == "%" else tr("not recorded")
        if self.unit == "%":
            return f"{self.value:g}%"
        return f"{self.value}{self.unit}"

    @property
    def detail(self) -> str:
        return f"{self.part}/{self.total}" if self.total is not None else ""

    @property
    def text(self) -> str:
        """``75% (3/4)`` or ``80个``."""
        return f"{self.value_text} ({self.detail})" if self.detail else self.value_text


# The percentages after coverage, as (key, section of the JSON rates, rate field, part field);
# every section has its "total".  Then the plain counts, by key.
_PERCENTAGES = (
    ("two_new.single_build_rate", "two_new", "single_build_rate", "single_built"),
    ("two_new.coverage_rate", "two_new", "coverage_rate", "covered"),
    ("communities_paired", "communities_paired", "rate", "paired"),
)
_COUNTS = ("compound_branches", "members_reported")


def _labels() -> dict[str, dict[Lang, str]]:
    """Label (and, for a count, unit) of every figure but coverage, in both languages."""
    return {
        "two_new.single_build_rate": both("Two-new organisations: single-build rate"),
        "two_new.coverage_rate": both("Two-new organisations: coverage rate"),
        "communities_paired": both("Communities and villages paired"),
        "compound_branches": both("Compound Party organisations"),
        "compound_branches.unit": both(" organisations"),
        "members_reported": both("Serving members reported"),
        "members_reported.unit": both(" members"),
    }


def level_word(level: str, in_lang: Lang | None = None) -> str:
    """An area level as the output language names it (社区, or ``community``)."""
    return ZH.get(level, level) if (in_lang or lang()) == "zh" else level


def headlines(rates: dict[str, Any], in_lang: Lang | None = None) -> list[Headline]:
    """Every headline figure of an audit's ``rates``, labelled in ``in_lang`` (default: the
    language in force).

    Examples
    --------
    >>> h = headlines({"communities_paired": {"total": 4, "paired": 3, "rate": 75.0}}, "zh")
    >>> h[0].label, h[0].text
    ('社区/村结对率', '75% (3/4)')
    """
    code: Lang = in_lang or lang()
    labels = {key: words[code] for key, words in _labels().items()}
    out = [
        Headline(
            f"coverage.{level}",
            both("Party organisation coverage: {level}", level=level_word(level, code))[code],
            share.get("rate"),
            "%",
            share.get("covered"),
            share.get("total"),
        )
        for level, share in (rates.get("coverage") or {}).items()
    ]
    for key, section, rate, part in _PERCENTAGES:
        figures = rates.get(section)
        if figures is not None:
            out.append(
                Headline(
                    key,
                    labels[key],
                    figures.get(rate),
                    "%",
                    figures.get(part),
                    figures.get("total"),
                )
            )
    # A count present as None was never recorded: it reads 未填 / not recorded, never 0.
    out += [
        Headline(key, labels[key], rates[key], labels[f"{key}.unit"])
        for key in _COUNTS
        if key in rates
    ]
    return out
