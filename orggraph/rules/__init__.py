"""The audit rules: each one is an entry (data) and a small function.

A rule function takes an :class:`~orggraph.rules.context.AuditContext` and returns a frame with
``subject_id`` and ``message`` columns, one row per finding.  Severity, names, area paths and
sorting are added once, by :func:`orggraph.audit.run_audit`.  Adding a rule is adding one
decorated function in one of the modules below.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from orggraph.rules.context import AuditContext

RuleFunction = Callable[[AuditContext], pd.DataFrame]


@dataclass(frozen=True)
class Rule:
    """One audit rule: its id, default severity, explanation and source."""

    id: str
    severity: str
    title_zh: str
    title_en: str
    explain_zh: str
    explain_en: str
    source: str
    thresholds: tuple[str, ...]
    function: RuleFunction


RULES: dict[str, Rule] = {}


def rule(
    id: str,
    severity: str,
    *,
    title_zh: str,
    title_en: str,
    explain_zh: str,
    explain_en: str,
    source: str,
    thresholds: tuple[str, ...] = (),
) -> Callable[[RuleFunction], RuleFunction]:
    """Register the decorated function as the rule ``id``."""

    def register(fn: RuleFunction) -> RuleFunction:
        RULES[id] = Rule(
            id, severity, title_zh, title_en, explain_zh, explain_en, source, thresholds, fn
        )
        return fn

    return register


def findings_frame(subject_ids: pd.Series | pd.Index, messages: pd.Series | str) -> pd.DataFrame:
    """The frame a rule function returns."""
    ids = pd.Series(pd.Index(subject_ids).to_numpy(), dtype=object)
    msg = messages if isinstance(messages, str) else pd.Series(pd.Index(messages).to_numpy())
    return pd.DataFrame({"subject_id": ids, "message": msg})


# Importing the modules registers their rules; RULES then follows DOMAIN.md's order.
from orggraph.rules import alliance, chain, coverage, pairing, sites  # noqa: E402

DOMAIN_ORDER = (
    "uncovered-community",
    "uncovered-compound",
    "uncovered-grid",
    "unit-should-establish",
    "unit-uncovered",
    "broken-chain",
    "org-size",
    "unpaired-community",
    "overloaded-unit",
    "missing-service-site",
    "isolated-org",
    "alliance-single-point",
)
RULES = {rid: RULES[rid] for rid in (*DOMAIN_ORDER, *sorted(set(RULES) - set(DOMAIN_ORDER)))}

__all__ = [
    "DOMAIN_ORDER",
    "RULES",
    "AuditContext",
    "Rule",
    "alliance",
    "chain",
    "coverage",
    "findings_frame",
    "pairing",
    "rule",
    "sites",
]
