"""What a plan is: actions, the findings left unresolved, the figures of each optimiser.

Every action kind is listed once, in :data:`ACTION_KINDS`, with the rules it answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from orggraph.i18n import Lang, lang

# kind -> the rules whose findings it resolves (in DOMAIN.md's order of the rules).
ACTION_KINDS: dict[str, tuple[str, ...]] = {
    "reparent-org": ("broken-chain",),
    "new-community-org": ("uncovered-community",),
    "new-area-branch": ("uncovered-compound", "uncovered-grid"),
    "establish-unit-org": ("unit-should-establish",),
    "new-joint-branch": ("unit-uncovered",),
    "join-joint-branch": ("unit-uncovered",),
    "assign-instructor": ("unit-uncovered",),
    "split-branch": ("org-size",),
    "merge-branch": ("org-size",),
    "new-pairing": ("unpaired-community",),
    "drop-pairing": ("overloaded-unit",),
    "join-alliance": ("isolated-org",),
    "new-street-alliance": ("isolated-org",),
    "add-alliance-membership": ("alliance-single-point",),
    "build-service-site": ("missing-service-site",),
    "expand-service-site": ("missing-service-site",),
}


@dataclass
class Action:
    """One step of the plan.

    ``resolves`` lists the ``(rule, subject_id)`` findings it closes (empty when the action only
    keeps another action from opening a new finding, e.g. a new community organisation joining an
    alliance).  ``entities`` are the existing ids it touches, ``created`` the ids it makes.
    ``sentence`` and ``reason`` hold the text in each language (``{"zh": …, "en": …}``).
    """

    kind: str
    resolves: list[tuple[str, str]]
    entities: list[str]
    created: list[str]
    sentence: dict[Lang, str]
    reason: dict[Lang, str]
    street: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "resolves": [{"rule": r, "subject_id": s} for r, s in self.resolves],
            "entities": self.entities,
            "created": self.created,
            "street": self.street,
            "sentence": self.sentence["zh"],
            "reason": self.reason["zh"],
            "sentence_en": self.sentence["en"],
            "reason_en": self.reason["en"],
        }


@dataclass
class Unresolved:
    """A finding the plan leaves open, and why."""

    rule: str
    subject_id: str
    subject_name: str
    street: str | None
    message: str
    reason: dict[Lang, str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "subject_id": self.subject_id,
            "subject_name": self.subject_name,
            "street": self.street,
            "message": self.message,
            "reason": self.reason["zh"],
            "reason_en": self.reason["en"],
        }


@dataclass
class Plan:
    """A plan for one dataset: actions, unresolved findings, optimiser figures, rates.

    ``figures`` holds one entry per optimiser (``pairing``, ``joint_branches``,
    ``alliance_single_points``) with what it achieved and whether that is optimal.
    ``model`` states each optimiser's model and objectives, so anyone can check them.
    """

    dataset: str
    actions: list[Action] = field(default_factory=list)
    unresolved: list[Unresolved] = field(default_factory=list)
    figures: dict[str, dict[str, Any]] = field(default_factory=dict)
    model: dict[str, str] = field(default_factory=dict)
    rates_before: dict[str, Any] = field(default_factory=dict)
    rates_after: dict[str, Any] = field(default_factory=dict)
    counts_before: dict[str, int] = field(default_factory=dict)
    counts_after: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "actions": [a.to_dict() for a in self.actions],
            "unresolved": [u.to_dict() for u in self.unresolved],
            **self.figures,
            "model": self.model,
            "counts": {"before": self.counts_before, "after": self.counts_after},
            "rates": {"before": self.rates_before, "after": self.rates_after},
        }

    def text(self, which: dict[Lang, str]) -> str:
        """One of an action's texts in the language in force."""
        return which[lang()]
