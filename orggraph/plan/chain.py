"""broken-chain: give every org without a superior, and one org of every loop, the superior the
area hierarchy implies.

The implied superior of an org is the org responsible for the nearest area above the org's own
area (for an org responsible for an area), or for the nearest area at or above its unit's area
(for an org established in a unit); never an org whose own chain runs through the org, which
would close a loop.  An org with neither, a joint branch, is placed by the area of the first
unit it covers.  A loop is broken at its most senior org (type, then the area's level, then
the id) that has an implied superior; the others on the loop then hang from it again.
"""

from __future__ import annotations

from orggraph.i18n import both
from orggraph.plan.work import TYPE_SENIORITY, Work
from orggraph.schema import LEVEL_RANK

RULE = "broken-chain"


def _implied_superior(work: Work, org: str) -> str | None:
    own = work.org_cell(org, "area_id")
    if own is not None:
        return work.nearest_org(own, include_self=False, avoid=org)
    return work.nearest_org(work.org_area(org), include_self=True, avoid=org)


def _reparent(work: Work, org: str, resolves: list[tuple[str, str]]) -> bool:
    superior = _implied_superior(work, org)
    if superior is None:
        return False
    old = work.org_parent.get(org)
    work.update_org(org, parent_id=superior)
    area = work.org_area(org)
    work.act(
        "reparent-org",
        resolves,
        [org, superior, *([old] if old else [])],
        [],
        both("put {org} under {superior}", org=work.name(org), superior=work.name(superior)),
        both(
            "{superior} is responsible for the nearest area above {org}'s own",
            superior=work.name(superior),
            org=work.name(org),
        ),
        area,
    )
    return True


def _seniority(work: Work, org: str) -> tuple[int, int, str]:
    area = work.org_cell(org, "area_id")
    level = LEVEL_RANK.get(work.area_level.get(area, ""), len(LEVEL_RANK)) if area else 99
    return (TYPE_SENIORITY.index(work.org_type[org]), level, org)


def _loops(work: Work, subjects: list[str]) -> list[list[str]]:
    """The loops among ``subjects`` (each org on a loop is a subject), each as a list."""
    left = set(subjects)
    loops = []
    for start in subjects:
        if start not in left:
            continue
        loop = [start]
        cur = work.org_parent.get(start)
        while cur is not None and cur != start and cur in left and cur not in loop:
            loop.append(cur)
            cur = work.org_parent.get(cur)
        left -= set(loop)
        loops.append(loop)
    return loops


def plan_chain(work: Work) -> None:
    """Re-parent orphans, break loops (see the module's docstring)."""
    subjects = work.findings.get(RULE, [])
    orphans = [o for o in subjects if work.org_parent.get(o) is None]
    looped = [o for o in subjects if work.org_parent.get(o) is not None]
    for org in orphans:
        if not _reparent(work, org, [(RULE, org)]):
            work.leave(
                RULE,
                org,
                both(
                    "{org} has no area of its own or of its unit to place it by", org=work.name(org)
                ),
            )
    for loop in _loops(work, looped):
        resolves = [(RULE, o) for o in loop]
        for org in sorted(loop, key=lambda o: _seniority(work, o)):
            # Cut the loop at ``org`` first, so the implied superior can be any org of it.
            saved = work.org_parent[org]
            work.org_parent[org] = None
            if _reparent(work, org, resolves):
                break
            work.org_parent[org] = saved
        else:
            for o in loop:
                work.leave(RULE, o, both("no org of this loop has an area to place it by"))
