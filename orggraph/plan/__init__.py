"""``orggraph plan``: from the audit's findings to a plan that closes them.

:func:`make_plan` audits the dataset, runs each action family in a fixed order on a working copy
(each sees what the earlier ones created), applies the changes, and audits the result: every
finding still there is listed as unresolved, with the reason the family gave, so ``audit`` on the
applied dataset shows exactly the unresolved findings.  docs/PLAN.md states the models.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from orggraph.audit import run_audit
from orggraph.config import AuditConfig
from orggraph.dataset import Dataset
from orggraph.errors import ConfigError
from orggraph.i18n import both, tr
from orggraph.plan.alliances import plan_isolated, plan_single_points
from orggraph.plan.apply import applied_dataset
from orggraph.plan.chain import plan_chain
from orggraph.plan.coverage import plan_uncovered_areas, plan_unit_orgs
from orggraph.plan.joint import plan_joint_branches
from orggraph.plan.model import ACTION_KINDS, Action, Plan, Unresolved
from orggraph.plan.pairing import plan_pairings
from orggraph.plan.sites import plan_sites
from orggraph.plan.sizes import plan_sizes
from orggraph.plan.work import Work
from orggraph.schema import ENUMS

# The order matters: the chain is mended before anything hangs from it; new community orgs
# exist before compound branches hang from them and before alliances take them in; single
# points are removed last, on the alliance network the earlier steps left.
FAMILIES: tuple[Callable[[Work], None], ...] = (
    plan_chain,
    plan_uncovered_areas,
    plan_unit_orgs,
    plan_joint_branches,
    plan_sizes,
    plan_pairings,
    plan_isolated,
    plan_single_points,
    plan_sites,
)

# Which enum each kind-valued plan setting must name.
SETTING_ENUMS = {
    "new_pairing_kind": "pairing_kind",
    "new_community_org_type": "org_type",
    "new_area_org_type": "org_type",
    "new_alliance_kind": "alliance_kind",
}


@dataclass
class PlanResult:
    """A plan and the dataset with it applied."""

    plan: Plan
    applied: Dataset


def _check_settings(cfg: AuditConfig) -> None:
    for key, enum in SETTING_ENUMS.items():
        if cfg.plan[key] not in ENUMS[enum]:
            raise ConfigError(
                tr(
                    "plan setting '{key}' must be one of {allowed}",
                    key=key,
                    allowed=", ".join(ENUMS[enum]),
                )
            )


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector: planning builds millions of small objects (lookups,
    graphs) that all live until the plan is done, and on a province the collector's repeated
    full passes over them cost as much as the planning itself.  Nothing is leaked: the collector
    resumes afterwards and frees whatever cycles were left."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def make_plan(ds: Dataset, cfg: AuditConfig | None = None) -> PlanResult:
    """Plan actions for every finding of ``ds``'s audit, apply them, audit the result.

    Parameters
    ----------
    ds
        A validated dataset.
    cfg
        Thresholds (the audit's) and the ``[plan]`` costs; the defaults when omitted.

    Returns
    -------
    PlanResult
        ``plan`` (actions, unresolved findings with reasons, optimiser figures, rates before
        and after) and ``applied`` (the dataset with the plan carried out).

    Examples
    --------
    >>> from orggraph.io import load
    >>> result = make_plan(load("datasets/yuzhou"))
    >>> result.plan.figures["pairing"]["optimal"]
    True
    """
    cfg = cfg or AuditConfig()
    _check_settings(cfg)
    with _without_cycle_collection():
        return _make_plan(ds, cfg)


def _make_plan(ds: Dataset, cfg: AuditConfig) -> PlanResult:
    before = run_audit(ds, cfg, metrics=False)
    work = Work(ds, cfg, before)
    for family in FAMILIES:
        family(work)
    applied = applied_dataset(work)
    after = run_audit(applied, cfg, metrics=False)
    before_keys = {(f.rule, f.subject_id) for f in before.findings}
    unresolved = []
    for f in after.findings:
        key = (f.rule, f.subject_id)
        reason = work.reasons.get(key)
        if reason is None:
            reason = (
                both("the plan has no action that closes this finding")
                if key in before_keys
                else both("follows from the plan itself: {message}", message=f.message)
            )
        unresolved.append(
            Unresolved(f.rule, f.subject_id, f.subject_name, f.street, f.message, reason)
        )
    plan = Plan(
        dataset=ds.name,
        actions=work.actions,
        unresolved=unresolved,
        figures=work.figures,
        model=work.model,
        rates_before=before.rates,
        rates_after=after.rates,
        counts_before=before.counts(),
        counts_after=after.counts(),
    )
    return PlanResult(plan, applied)


__all__ = ["ACTION_KINDS", "FAMILIES", "Action", "Plan", "PlanResult", "Unresolved", "make_plan"]
