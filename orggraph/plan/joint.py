"""unit-uncovered: group uncovered two-new units into joint branches (联合党支部), else send an
instructor (党建指导员).

Model.  A unit weighs its formal members (unknown counts as 0).  A joint branch holds units of
total weight between ``max(establish_min_members, branch_min_members)`` (L) and
``branch_max_members`` (U); an existing joint branch of known size has room ``U - members``.
Each street is grouped two ways (see :func:`_group`: community first, or room first) and the
better kept.  A unit left over gets an instructor from the org responsible for its community (or
the nearest area above).

Objective: units covered by a branch first, then fewest new branches.  A group of weight W with
no room to fill needs at least ⌈W/U⌉ branches (:func:`pack` tries that many first, then one more
at a time); the plan reports its count against the bound
Σ over streets ⌈max(0, W_street − room_street)/U⌉, and units covered against the units of streets
where a branch is possible at all.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

import pandas as pd

from orggraph.i18n import both
from orggraph.plan.coverage import UNIT_WITHOUT_AREA
from orggraph.plan.work import Work, no_org_above
from orggraph.schema import ZH

RULE = "unit-uncovered"


@dataclass
class Branch:
    """A joint branch: existing (``org`` set, ``new`` false) or planned."""

    org: str | None
    load: float
    units: list[str] = field(default_factory=list)
    recorded: set[str] = field(default_factory=set)  # units already written as coverage rows
    place: str | None = None  # a planned branch's community or street


def pack(units: list[tuple[str, float]], low: float, high: float) -> list[Branch]:
    """Units into as few branches as possible, each of total weight in ``[low, high]``.

    Every weight must be below ``low`` (so balanced bins stay in range).  Returns ``[]`` when
    the total is below ``low``.  ⌈W/high⌉ bins are tried first, then one more at a time; with
    weights below ``low`` the first try succeeds unless ``high < 2·low``.
    """
    total = sum(w for _, w in units)
    if total < low or not units:
        return []
    ordered = sorted(units, key=lambda u: (-u[1], u[0]))
    k = max(1, math.ceil(total / high))
    while k * low <= total:
        bins = [Branch(None, 0.0) for _ in range(k)]
        for unit, w in ordered:  # heaviest first onto the lightest bin (then the emptiest)
            b = min(bins, key=lambda b: (b.load, len(b.units)))
            b.units.append(unit)
            b.load += w
        if all(low <= b.load <= high for b in bins):
            return bins
        k += 1
    return []


def pour(
    units: list[tuple[str, float]], branches: list[Branch], high: float
) -> list[tuple[str, float]]:
    """Put units into branches that have room, heaviest unit into the roomiest branch first;
    returns the units that did not fit."""
    left = []
    for unit, w in sorted(units, key=lambda u: (-u[1], u[0])):
        fits = [b for b in branches if b.load + w <= high]
        if not fits:
            left.append((unit, w))
            continue
        b = min(fits, key=lambda b: (b.load, b.org or ""))
        b.units.append(unit)
        b.load += w
    return left


def _existing_branches(work: Work) -> pd.DataFrame:
    """Joint branches of known size with their community and street (the area of the units
    they cover, else their own)."""
    orgs = work.ds.orgs
    jb = orgs[(orgs["type"] == "joint_branch") & orgs["members"].notna()]
    jb = jb[~jb["id"].isin(work.removed["orgs"])]
    cov = work.ds.unit_coverage
    cov = cov[(cov["kind"] == "joint") & cov["org_id"].isin(jb["id"])]
    area = cov.drop_duplicates("org_id").set_index("org_id")["unit_id"].map(work.unit_area)
    own = jb.set_index("id")["area_id"]
    where = own.where(own.notna(), area.reindex(own.index))
    return pd.DataFrame(
        {"org": jb["id"].to_numpy(), "members": jb["members"].to_numpy(), "area": where.to_numpy()}
    )


@dataclass
class _Tally:
    new: int = 0
    joined: int = 0
    instructors: int = 0
    bound: int = 0
    coverable: int = 0
    units: int = 0


def plan_joint_branches(work: Work) -> None:
    """Joint branches and instructors for the uncovered two-new units (module docstring)."""
    subjects = work.findings.get(RULE, [])
    if not subjects:
        return
    low = max(work.threshold("establish_min_members"), work.threshold("branch_min_members"))
    high = work.threshold("branch_max_members")
    weight = work.ds.units.set_index("id")["party_members"].fillna(0.0)
    existing = _existing_branches(work)
    rooms: dict[tuple[str, str | None], list[Branch]] = defaultdict(list)
    for rec in existing.itertuples(index=False):
        b = Branch(rec.org, float(rec.members))
        rooms[("c", work.community_of(rec.area))].append(b)
        rooms[("s", work.street_of(rec.area))].append(b)
    streets: dict[str | None, dict[str | None, list[tuple[str, float]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    tally = _Tally()
    for unit in sorted(subjects):
        area = work.unit_area.get(unit)
        if area is None:
            work.leave(RULE, unit, UNIT_WITHOUT_AREA)
            continue
        streets[work.street_of(area)][work.community_of(area)].append((unit, float(weight[unit])))
    for street, communities in sorted(streets.items(), key=lambda kv: str(kv[0])):
        _plan_street(_Street(work, street, communities, rooms, low, high), tally)
    for b in {id(b): b for bs in rooms.values() for b in bs}.values():
        _record_joins(work, b)
    work.figures["joint_branches"] = {
        "new_branches": tally.new,
        "lower_bound": tally.bound,
        "units": tally.units,
        "units_in_branches": tally.joined,
        "units_coverable": tally.coverable,
        "instructors": tally.instructors,
        "optimal": tally.new == tally.bound and tally.joined == tally.coverable,
    }
    work.model["joint_branches"] = (
        "units weigh their formal members (unknown: 0); a joint branch holds weight in "
        f"[{low:g}, {high:g}]; group within a community first, then within a street, filling "
        "existing joint branches' room before forming new ones; objective: units covered by a "
        "branch, then fewest new branches; bound: sum over streets of "
        "ceil(max(0, weight - existing room) / max)"
    )


@dataclass
class _Outcome:
    """What one way of grouping a street's units would do (nothing is recorded yet)."""

    rooms: dict[int, Branch]  # copies of the existing branches, by id() of the original
    formed: list[Branch]
    left: list[tuple[str, float]]
    rooms_from: list[tuple[str, str | None]]  # the keys of ``rooms`` the copies came from


@dataclass
class _Street:
    """One street's uncovered units by community, and what grouping them needs to know."""

    work: Work
    street: str | None
    communities: dict[str | None, list[tuple[str, float]]]
    rooms: dict[tuple[str, str | None], list[Branch]]
    low: float
    high: float


def _group(st: _Street, room_first: bool) -> _Outcome:
    """Group one street's units, on copies of its branches.

    Community first: each community fills its own branches' room, then forms new branches
    (whichever of the two covers more, then needs fewer); what is left fills the street's room.
    Room first: every unit fills room in its community, then in its street, before any community
    forms new branches.  Either way the street's pool then forms street-level branches or fills
    the new ones; what is still left gets instructors.
    """
    work, street, communities, rooms = st.work, st.street, st.communities, st.rooms
    low, high = st.low, st.high
    copies: dict[int, Branch] = {}
    keys: list[tuple[str, str | None]] = []

    def room(key: tuple[str, str | None]) -> list[Branch]:
        keys.append(key)
        out = []
        for b in rooms.get(key, []):
            if id(b) not in copies:
                copies[id(b)] = Branch(b.org, b.load, list(b.units))
            out.append(copies[id(b)])
        return out

    def can_form(place: str | None) -> bool:
        return work.nearest_org(place) is not None

    formed: list[Branch] = []
    pool: list[tuple[str, float]] = []
    rest: dict[str | None, list[tuple[str, float]]] = {}
    for community, cus in sorted(communities.items(), key=lambda kv: str(kv[0])):
        here = room(("c", community)) if community else []
        if room_first:
            rest[community] = pour(cus, here, high)
            continue
        trial = [Branch(b.org, b.load, list(b.units)) for b in here]
        left = pour(cus, trial, high)
        fill_new = pack(left, low, high) if can_form(community) else []
        form_new = pack(cus, low, high) if can_form(community) else []
        covered_fill = len(cus) - (0 if fill_new else len(left))
        if form_new and (
            len(cus) > covered_fill or (len(cus) == covered_fill and len(form_new) < len(fill_new))
        ):
            new, left = form_new, []
        else:
            for b, t in zip(here, trial, strict=True):
                b.units, b.load = t.units, t.load
            new, left = fill_new, ([] if fill_new else left)
        for b in new:
            b.place = community
        formed += new
        pool += left
    if room_first:
        community_of = {u: c for c, us in rest.items() for u, _ in us}
        spill = [u for us in rest.values() for u in us]
        spill = pour(spill, room(("s", street)), high) if street else spill
        by_community: dict[str | None, list[tuple[str, float]]] = defaultdict(list)
        for u in spill:
            by_community[community_of[u[0]]].append(u)
        for community, left in sorted(by_community.items(), key=lambda kv: str(kv[0])):
            new = pack(left, low, high) if can_form(community) else []
            for b in new:
                b.place = community
            formed += new
            pool += [] if new else left
    elif street:
        pool = pour(pool, room(("s", street)), high)
    street_new = pack(pool, low, high) if can_form(street) else []
    if street_new:
        for b in street_new:
            b.place = street
        formed += street_new
        pool = []
    pool = pour(pool, formed, high)
    return _Outcome(copies, formed, pool, keys)


def _plan_street(st: _Street, tally: _Tally) -> None:
    work, street, communities, rooms = st.work, st.street, st.communities, st.rooms
    low, high = st.low, st.high
    units = [u for us in communities.values() for u in us]
    total = sum(w for _, w in units)
    room = sum(high - b.load for b in rooms[("s", street)]) if street else 0.0
    tally.units += len(units)
    tally.bound += math.ceil(max(0.0, total - room) / high)
    if total >= low or (street and rooms[("s", street)]):
        tally.coverable += len(units)
    # Both groupings, then the one covering more units, then with fewer new branches (ties:
    # community first, the order).
    outcomes = [_group(st, room_first) for room_first in (False, True)]
    best = min(outcomes, key=lambda o: (len(o.left), len(o.formed)))
    for b in {id(b): b for key in best.rooms_from for b in rooms.get(key, [])}.values():
        copy = best.rooms.get(id(b))
        if copy is not None:
            b.units, b.load = copy.units, copy.load
    for b in best.formed:
        b.org = _new_branch(work, b, b.place, low)
    tally.new += len(best.formed)
    tally.joined += len(units) - len(best.left)
    for unit, _ in best.left:
        _instructor(work, unit)
        tally.instructors += 1


def _new_branch(work: Work, b: Branch, place: str | None, low: float) -> str | None:
    superior = work.nearest_org(place)
    if superior is None:
        return None
    name = work.area_name.get(place, "") if place else ""
    org = work.add_org(name + ZH["joint_branch"], "joint_branch", superior, members=b.load)
    for unit in b.units:
        work.new_rows["unit_coverage"].append({"org_id": org, "unit_id": unit, "kind": "joint"})
    names = "、".join(work.name(u) for u in b.units)
    work.act(
        "new-joint-branch",
        [(RULE, u) for u in b.units],
        [*b.units, superior],
        [org],
        both(
            "form {org} under {superior}, covering {units} ({n} formal members)",
            org=work.name(org),
            superior=work.name(superior),
            units=names,
            n=f"{b.load:g}",
        ),
        both(
            "together these units have at least {low} formal members",
            low=f"{low:g}",
        ),
        place,
    )
    b.recorded = set(b.units)
    return org


def _record_joins(work: Work, b: Branch) -> None:
    """Record the units poured into an existing (or just formed) branch, once."""
    if b.org is None:
        return
    added = [u for u in b.units if u not in b.recorded]
    if not added:
        return
    b.recorded.update(added)
    for unit in added:
        work.new_rows["unit_coverage"].append({"org_id": b.org, "unit_id": unit, "kind": "joint"})
    work.update_org(b.org, members=b.load)
    work.act(
        "join-joint-branch",
        [(RULE, u) for u in added],
        [*added, b.org],
        [],
        both(
            "{units} to join {org}",
            units="、".join(work.name(u) for u in added),
            org=work.name(b.org),
        ),
        both("{org} has room for their formal members", org=work.name(b.org)),
        work.unit_area.get(added[0]),
    )


def _instructor(work: Work, unit: str) -> None:
    area = work.unit_area.get(unit)
    org = work.nearest_org(work.community_of(area)) or work.nearest_org(area)
    if org is None:
        work.leave(RULE, unit, no_org_above(work.name(unit)))
        return
    work.new_rows["unit_coverage"].append({"org_id": org, "unit_id": unit, "kind": "instructor"})
    work.act(
        "assign-instructor",
        [(RULE, unit)],
        [unit, org],
        [],
        both(
            "{org} to send a Party-building instructor to {unit}",
            org=work.name(org),
            unit=work.name(unit),
        ),
        both("no joint branch nearby can take this unit"),
        area,
    )
