"""Blanks (填补空白点): a new organisation for every uncovered area and every unit that should
establish its own.

- uncovered community / village / compound / grid: a new organisation responsible for the area,
  under the org responsible for the nearest area above it.  An org answers for one area in the
  dataset (``orgs.area_id``), so an existing ancestor org cannot also take the area over (兜底)
  without losing its own; a new branch under it keeps both, and keeps the chain unbroken.  Areas
  are handled top-down, so a compound's branch can hang from the community organisation planned
  a moment before.
- unit-should-establish: a new org in the unit, sized by its members (branch up to
  ``branch_max_members``, general branch up to ``general_branch_max_members``, committee above),
  under the org that covers the unit today, else the org responsible for its community, else the
  nearest org above its area.
"""

from __future__ import annotations

from orggraph.i18n import Lang, both
from orggraph.plan.work import Work, no_org_above
from orggraph.schema import LEVEL_RANK, ZH

AREA_RULES = ("uncovered-community", "uncovered-compound", "uncovered-grid")
UNIT_RULE = "unit-should-establish"
UNIT_WITHOUT_AREA = both("the unit has no area, so no organisation near it")


def plan_uncovered_areas(work: Work) -> None:
    """A new org for every uncovered area, top-down (see the module's docstring)."""
    todo = [(rule, a) for rule in AREA_RULES for a in work.findings.get(rule, [])]
    todo.sort(key=lambda ra: (LEVEL_RANK[work.area_level[ra[1]]], ra[1]))
    for rule, area in todo:
        superior = work.nearest_org(area, include_self=False)
        area_name = work.area_name[area]
        if superior is None:
            work.leave(rule, area, no_org_above(area_name))
            continue
        kind = "new-community-org" if rule == "uncovered-community" else "new-area-branch"
        org_type = work.setting(
            "new_community_org_type" if rule == "uncovered-community" else "new_area_org_type"
        )
        org = work.add_org(area_name + ZH[org_type], org_type, superior, area=area)
        work.act(
            kind,
            [(rule, area)],
            [area, superior],
            [org],
            both(
                "{superior} to set up {org} in {area}",
                superior=work.name(superior),
                org=work.name(org),
                area=area_name,
            ),
            both(
                "{superior} is responsible for the nearest area above {area}",
                superior=work.name(superior),
                area=area_name,
            ),
            area,
        )


def _org_type_for(work: Work, members: float) -> tuple[str, float | None]:
    """The type a unit's new org takes for its size, and the member count to record (none
    where recording it would itself be an org-size finding)."""
    if members <= work.threshold("branch_max_members"):
        ok = members >= work.threshold("branch_min_members")
        return "branch", members if ok else None
    if members <= work.threshold("general_branch_max_members"):
        return "general_branch", members
    return "committee", members


def plan_unit_orgs(work: Work) -> None:
    """A new org in every unit that should establish one (see the module's docstring)."""
    subjects = work.findings.get(UNIT_RULE, [])
    if not subjects:
        return
    units = work.ds.units.set_index("id")
    cov = work.ds.unit_coverage
    cov = cov.assign(_joint=cov["kind"] != "joint").sort_values(["_joint", "org_id"])
    covering = cov.drop_duplicates("unit_id").set_index("unit_id")["org_id"]
    for unit in subjects:
        area = work.unit_area.get(unit)
        superior = covering.get(unit)
        covers_today = superior is not None
        if superior is None:
            superior = work.nearest_org(work.community_of(area)) or work.nearest_org(area)
        name = work.name(unit)
        if superior is None:
            work.leave(UNIT_RULE, unit, no_org_above(name) if area else UNIT_WITHOUT_AREA)
            continue
        members = float(units.at[unit, "party_members"])
        org_type, recorded = _org_type_for(work, members)
        org = work.add_org(name + ZH[org_type], org_type, superior, unit=unit, members=recorded)
        work.act(
            "establish-unit-org",
            [(UNIT_RULE, unit)],
            [unit, superior],
            [org],
            both(
                "establish {org} in {unit} ({n} formal members), under {superior}",
                org=work.name(org),
                unit=name,
                n=f"{members:g}",
                superior=work.name(superior),
            ),
            _superior_reason(covers_today, work.name(superior)),
            area,
        )


def _superior_reason(covers_today: bool, superior: str) -> dict[Lang, str]:
    if covers_today:
        return both("{superior} covers the unit today", superior=superior)
    return both(
        "{superior} is responsible for the unit's community or the nearest area above it",
        superior=superior,
    )
