"""org-size: split an oversized branch, merge an undersized one into a sibling with room.

An oversized branch (or general branch) becomes ⌈members / max⌉ orgs of its type under the same
superior: it keeps one share, new siblings take the others (shares differ by at most one).  An
undersized branch merges into a sibling branch (same superior, same community, known size of at
least the minimum) whose size stays within the maximum; the fullest such sibling wins (ties:
smallest id).  A merge moves the branch's members, its subordinate orgs and its coverage to the
sibling, and the area it answers for when the sibling answers for none.  A branch is left alone,
and its finding unresolved, when it is a pairing source or an alliance member (moving those
would undo the other optimisers' work), when its unit has enough members to need its own org,
or when it answers for an area no one else would then cover.
"""

from __future__ import annotations

import math
from collections import defaultdict

import pandas as pd

from orggraph.i18n import Lang, both
from orggraph.plan.work import Work
from orggraph.schema import BRANCH_TYPES

RULE = "org-size"


def _limit(work: Work, org_type: str) -> float:
    key = "general_branch_max_members" if org_type == "general_branch" else "branch_max_members"
    return work.threshold(key)


def _shares(members: float, k: int) -> list[float]:
    whole = int(members)
    if whole == members:
        base, extra = divmod(whole, k)
        return [float(base + (i < extra)) for i in range(k)]
    return [members / k] * k


def _split(work: Work, org: str, members: float, limit: float) -> None:
    k = math.ceil(members / limit)
    shares = _shares(members, k)
    org_type = work.org_type[org]
    work.update_org(org, members=shares[0])
    created = []
    base = work.org_name[org]
    for i, share in enumerate(shares[1:], start=2):
        created.append(
            work.add_org(
                f"{base}{i}",
                org_type,
                work.org_parent.get(org),
                unit=work.org_cell(org, "unit_id"),
                members=share,
            )
        )
    area = work.org_area(org)
    work.act(
        "split-branch",
        [(RULE, org)],
        [org],
        created,
        both(
            "split {org} ({n} members) into {k} organisations of {shares} members",
            org=work.name(org),
            n=f"{members:g}",
            k=k,
            shares="/".join(f"{s:g}" for s in shares),
        ),
        both("at most {limit} members each", limit=f"{limit:g}"),
        area,
    )


def _blocker(work: Work, org: str, busy: set[str]) -> dict[Lang, str] | None:
    """Why ``org`` cannot be merged away (``None`` if it can)."""
    if org in busy:
        return both("it is a pairing source or an alliance member; merge it by hand")
    unit = work.org_cell(org, "unit_id")
    if unit is not None:
        need = work.threshold("establish_min_members")
        n = work.unit_members.get(unit)
        if n is not None and n == n and n >= need:
            return both("its unit has enough members to keep an organisation of its own")
    return None


def plan_sizes(work: Work) -> None:
    """Split and merge (see the module's docstring)."""
    subjects = work.findings.get(RULE, [])
    if not subjects:
        return
    lo = work.threshold("branch_min_members")
    ds = work.ds
    busy = set(ds.pairings["source_id"]) | set(ds.alliance_members["member_id"])
    busy |= set(ds.alliances["lead_org_id"].dropna())
    responsible_count: dict[str, int] = defaultdict(int)
    for a in ds.orgs["area_id"].dropna():
        responsible_count[a] += 1
    small = []
    for org in subjects:
        members = float(work.org_cell(org, "members"))
        limit = _limit(work, work.org_type[org])
        if members > limit:
            _split(work, org, members, limit)
        elif members < lo:  # a joint branch may have grown into range taking in units
            small.append(org)
    children: dict[str, list[str]] = defaultdict(list)
    for o, p in work.org_parent.items():
        if p is not None:
            children[p].append(o)
    subject_set = set(subjects)
    for org in sorted(small):
        reason = _blocker(work, org, busy)
        if reason is None:
            reason = _merge(work, org, lo, children, subject_set, responsible_count)
        if reason is not None:
            work.leave(RULE, org, reason)


def _community(work: Work, org: str) -> str | None:
    return work.community_of(work.org_area(org))


def _merge(
    work: Work,
    org: str,
    lo: float,
    children: dict[str, list[str]],
    subjects: set[str],
    responsible_count: dict[str, int],
) -> dict[Lang, str] | None:
    members = float(work.org_cell(org, "members"))
    parent = work.org_parent.get(org)
    community = _community(work, org)
    area = work.org_cell(org, "area_id")
    candidates = []
    for sib in children.get(parent, []) if parent is not None else []:
        n = work.org_cell(sib, "members")
        if sib == org or sib in work.removed["orgs"] or work.org_type.get(sib) not in BRANCH_TYPES:
            continue
        if (
            n is None
            or pd.isna(n)
            or n < lo
            or (sib in subjects and n > _limit(work, work.org_type[sib]))
        ):
            continue
        if n + members > _limit(work, work.org_type[sib]) or _community(work, sib) != community:
            continue
        sib_area = work.org_cell(sib, "area_id")
        if area is not None and sib_area is not None and responsible_count[area] < 2:
            continue
        candidates.append((-float(n), sib))
    if community is None or not candidates:
        return both("no sibling branch in the same community has room for its members")
    _, sib = min(candidates)
    total = float(work.org_cell(sib, "members")) + members
    work.update_org(sib, members=total)
    if area is not None and work.org_cell(sib, "area_id") is None:
        work.update_org(sib, area_id=area)
        responsible_count[area] += 1
    if area is not None:
        responsible_count[area] -= 1
        if work.responsible.get(area) == org:
            work.responsible[area] = sib
    for child in children.get(org, []):
        work.update_org(child, parent_id=sib)
    children[sib] += children.pop(org, [])
    unit = work.org_cell(org, "unit_id")
    if unit is not None:
        work.new_rows["unit_coverage"].append({"org_id": sib, "unit_id": unit, "kind": "joint"})
    work.removed["orgs"].add(org)
    work.merged[org] = sib
    work.act(
        "merge-branch",
        [(RULE, org)],
        [org, sib],
        [],
        both(
            "merge {org} ({n} members) into {sibling}, which then has {total}",
            org=work.name(org),
            n=f"{members:g}",
            sibling=work.name(sib),
            total=f"{total:g}",
        ),
        both("a sibling branch in the same community with room"),
        area or (work.unit_area.get(unit) if unit else None),
    )
    return None
