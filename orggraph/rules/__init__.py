"""The audit rules: each one is an entry (data) and a small function.

The entries, in order, with their default severities, are ``[rules.<id>]`` in
``orggraph/defaults.toml``.  A rule function takes an :class:`~orggraph.audit_context.AuditContext`
and returns a frame with ``subject_id`` and ``message`` columns, one row per finding; it is
registered under its id, with its title, explanation and source, by :func:`rule`.  Severity,
names, area paths and sorting are added once, by :func:`orggraph.audit.run_audit`.  Adding a rule
is adding one entry to ``defaults.toml`` and one decorated function in a module below.

Titles and explanations are written in English and translated by the message catalogue
(:mod:`orggraph.catalogue.rules`); an explanation names each threshold as a ``{field}`` filled
from the configuration in force, so a custom ``--config`` prints its own numbers.

>>> from orggraph.config import AuditConfig
>>> rule = RULES["org-size"]
>>> rule.thresholds
('branch_max_members', 'branch_min_members', 'general_branch_max_members')
>>> cfg = AuditConfig().overlay({"thresholds": {"branch_max_members": 40}})
>>> "超过40人" in rule.explain(cfg, "zh"), "more than 40" in rule.explain(cfg, "en")
(True, True)
"""

from __future__ import annotations

import string
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from orggraph.audit_context import AuditContext
from orggraph.config import AuditConfig, default_severities
from orggraph.i18n import Lang, both
from orggraph.i18n import lang as lang_in_force
from orggraph.schema import ZH

RuleFunction = Callable[[AuditContext], pd.DataFrame]


@dataclass(frozen=True)
class Rule:
    """One audit rule: its id, default severity, title, explanation and source.

    ``title_en`` and ``explain_en`` are the English texts, keys of the message catalogue
    (:mod:`orggraph.catalogue.rules` holds the Chinese); the explanation has a ``{name}``
    field for each threshold the rule uses.  Read them through :meth:`title` and :meth:`explain`.
    ``source`` cites the field report or the regulation, in Chinese, in every language.
    """

    id: str
    severity: str
    title_en: str
    explain_en: str
    source: str
    function: RuleFunction

    @property
    def thresholds(self) -> tuple[str, ...]:
        """The configuration thresholds the rule uses (the fields of its explanation)."""
        names = [f for _, f, _, _ in string.Formatter().parse(self.explain_en) if f]
        return tuple(dict.fromkeys(names))

    def title(self, lang: str | None = None) -> str:
        """The rule's title in ``lang`` (default: the language in force)."""
        return _in(lang, both(self.title_en))

    def explain(self, cfg: AuditConfig | None = None, lang: str | None = None) -> str:
        """The explanation in ``lang`` with the thresholds of ``cfg`` (default: the defaults)."""
        cfg = cfg or AuditConfig()
        values = {key: _number(cfg[key]) for key in self.thresholds}
        return _in(lang, both(self.explain_en, **values))


def _number(value: float) -> str:
    """``50`` for 50.0, ``0.5`` for 0.5, never ``1e+06``."""
    return str(int(value)) if float(value).is_integer() else str(value)


def _in(lang: str | None, texts: dict[Lang, str]) -> str:
    return texts["zh"] if (lang or lang_in_force()) == "zh" else texts["en"]


RULES: dict[str, Rule] = {}


def rule(
    id: str, *, title: str, explain: str, source: str
) -> Callable[[RuleFunction], RuleFunction]:
    """Register the decorated function as the rule ``id`` of ``defaults.toml``.

    ``title`` and ``explain`` are English, with their Chinese in the catalogue; ``explain``
    names each threshold the rule uses as a ``{field}``.
    """
    severity = default_severities().get(id)
    if severity is None:
        raise ValueError(f"rule '{id}' has no [rules.{id}] entry in orggraph/defaults.toml")

    def register(fn: RuleFunction) -> RuleFunction:
        RULES[id] = Rule(id, severity, title, explain, source, fn)
        return fn

    return register


def fill(template: str, **values: pd.Series | str) -> pd.Series:
    """``template`` (a :func:`~orggraph.i18n.tr` message) filled in row by row, vectorised.

    Each ``{field}`` takes the row's value of the aligned Series ``values[field]`` (or one
    string for every row); a million findings cost a few string concatenations, not a million
    ``str.format`` calls.

    >>> fill("“{name}” has {n} members", name=pd.Series(["一支部", "二支部"]), n="3").tolist()
    ['“一支部” has 3 members', '“二支部” has 3 members']
    """
    index = next(v.index for v in values.values() if isinstance(v, pd.Series))
    out = pd.Series("", index=index, dtype=object)
    for literal, field, _, _ in string.Formatter().parse(template):
        out = out + literal
        if field:
            value = values[field]
            out = out + (value.astype(str) if isinstance(value, pd.Series) else value)
    return out


def words(codes: pd.Series) -> pd.Series:
    """Enum codes (``general_branch``) in words of the language in force: 党总支, general branch."""
    return codes.map(ZH) if lang_in_force() == "zh" else codes.astype(str).str.replace("_", " ")


def findings_frame(subject_ids: pd.Series | pd.Index, messages: pd.Series | str) -> pd.DataFrame:
    """The frame a rule function returns."""
    ids = pd.Series(pd.Index(subject_ids).to_numpy(), dtype=object)
    msg = messages if isinstance(messages, str) else pd.Series(pd.Index(messages).to_numpy())
    return pd.DataFrame({"subject_id": ids, "message": msg})


# Importing the modules registers their rules; RULES then follows defaults.toml's order.
from orggraph.rules import alliance, chain, coverage, pairing, sites  # noqa: E402

_unregistered = set(default_severities()) - set(RULES)
if _unregistered:
    raise ValueError(f"no function registered for rules {sorted(_unregistered)}")
RULES = {rid: RULES[rid] for rid in default_severities()}

__all__ = [
    "RULES",
    "AuditContext",
    "Rule",
    "alliance",
    "chain",
    "coverage",
    "fill",
    "findings_frame",
    "pairing",
    "rule",
    "sites",
    "words",
]
