"""isolated-org and alliance-single-point: alliance memberships.

isolated-org.  An org responsible for a community or village that is in no alliance joins the
regional alliance whose scope is the nearest area at or above its own; otherwise the alliance with
the most members in its street (ties: smallest id); otherwise one new street alliance (大工委,
led by the street's org) takes in that street's isolated orgs.  Orgs the plan itself made
responsible for a community are placed the same way, so that no new finding opens.

alliance-single-point.  Members are linked when they share an alliance; an alliance's members
form a clique, so each alliance lies inside one block (biconnected component).  The network is
measured on a linear-size stand-in (each alliance's members on a ring, which has the same
articulation points and blocks as the clique).  A new membership (member m joins alliance X)
links m to X's block: it can give at most two leaf blocks of the block–cut tree a second
attachment, and at most one more way round any cut vertex, so a component needs at least
max(⌈leaves/2⌉, d−1) new memberships, d the most blocks meeting at one cut vertex.  The plan
pairs leaf blocks in depth-first order (leaf i with leaf i+⌈L/2⌉): a non-cut member of one joins
an alliance of the other; it repeats on what is left, and reports its count against the bound.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from dataclasses import dataclass

import networkx as nx
import pandas as pd

from orggraph.areas import STREET_LEVELS
from orggraph.i18n import both
from orggraph.plan.work import Work
from orggraph.schema import COMMUNITY_LEVELS, ZH

ISOLATED = "isolated-org"
SINGLE = "alliance-single-point"
MAX_ROUNDS = 20


def memberships(work: Work) -> pd.DataFrame:
    """(alliance_id, member_id) pairs as the plan leaves them so far; leads count as members."""
    ds = work.ds
    members = ds.alliance_members[["alliance_id", "member_id"]]
    leads = ds.alliances.loc[ds.alliances["lead_org_id"].notna(), ["id", "lead_org_id"]]
    leads = leads.set_axis(["alliance_id", "member_id"], axis=1)
    planned = pd.DataFrame(work.new_rows["alliance_members"], columns=["alliance_id", "member_id"])
    new_leads = pd.DataFrame(
        [(a["id"], a["lead_org_id"]) for a in work.new_rows["alliances"] if a["lead_org_id"]],
        columns=["alliance_id", "member_id"],
    )
    out = pd.concat([leads, members, planned, new_leads], ignore_index=True).drop_duplicates()
    return out[~out["member_id"].isin(work.removed["orgs"])]


def _join(work: Work, alliance: str, member: str) -> None:
    work.new_rows["alliance_members"].append(
        {"alliance_id": alliance, "member_id": member, "role": "member"}
    )


def _isolated(work: Work, mem: pd.DataFrame) -> list[str]:
    """Orgs responsible for a community or village in no alliance, subjects first."""
    found = list(work.findings.get(ISOLATED, []))
    planned = [
        r["id"]
        for r in work.new_rows["orgs"]
        if work.area_level.get(r["area_id"]) in COMMUNITY_LEVELS
    ]
    # A sibling that took over a merged branch's community answers for it now.
    planned += [
        org
        for org, cells in work.updates["orgs"].items()
        if work.area_level.get(cells.get("area_id") or "", "") in COMMUNITY_LEVELS
    ]
    members = set(mem["member_id"])
    seen: set[str] = set()
    out = []
    for org in [*found, *planned]:
        if org not in members and org not in seen and org not in work.removed["orgs"]:
            seen.add(org)
            out.append(org)
    return out


def plan_isolated(work: Work) -> None:
    """Alliances for the isolated orgs (see the module's docstring)."""
    mem = memberships(work)
    todo = _isolated(work, mem)
    if not todo:
        return
    subjects = set(work.findings.get(ISOLATED, []))
    al = work.ds.alliances
    regional: dict[str, list[str]] = defaultdict(list)
    reg = al[(al["kind"] == "regional") & al["area_id"].notna()]
    for a, scope in zip(reg["id"], reg["area_id"], strict=True):
        regional[scope].append(a)
    member_area = mem["member_id"].map(work.index.entity_area)
    streets = work.index.ancestor_at(pd.Index(member_area.dropna().unique()), STREET_LEVELS)
    mem_street = pd.DataFrame(
        {"alliance": mem["alliance_id"].to_numpy(), "street": member_area.map(streets).to_numpy()}
    ).dropna()
    counts = mem_street.groupby(["street", "alliance"]).size().reset_index(name="n")
    counts = counts.sort_values(["street", "n", "alliance"], ascending=[True, False, True])
    top = counts.drop_duplicates("street")
    busiest = dict(zip(top["street"], top["alliance"], strict=True))
    fresh: dict[str, list[str]] = defaultdict(list)
    for org in todo:
        area = work.org_cell(org, "area_id")
        resolves = [(ISOLATED, org)] if org in subjects else []
        scope = next((a for a in work.ancestors(area) if regional.get(a)), None)
        street = work.street_of(area)
        if scope is not None:
            alliance = sorted(regional[scope])[0]
            reason = both("its scope {scope} contains the org's area", scope=work.area_name[scope])
        elif street is not None and street in busiest:
            alliance = busiest[street]
            reason = both(
                "the alliance with the most members in {street}", street=work.area_name[street]
            )
        elif street is not None:
            fresh[street].append(org)
            continue
        else:
            work.leave(ISOLATED, org, both("its area lies in no street and no alliance reaches it"))
            continue
        _join(work, alliance, org)
        work.act(
            "join-alliance",
            resolves,
            [org, alliance],
            [],
            both(
                "{member} to join {alliance}", member=work.name(org), alliance=work.name(alliance)
            ),
            reason,
            area,
        )
    for street, orgs in sorted(fresh.items()):
        _new_street_alliance(work, street, orgs, subjects)


def _new_street_alliance(work: Work, street: str, orgs: list[str], subjects: set[str]) -> None:
    kind = work.setting("new_alliance_kind")
    lead = work.nearest_org(street)
    alliance = work.new_id("alliances")
    name = work.area_name[street] + ZH[kind].split("/")[-1] + "（拟）"
    work.names[alliance] = name
    work.new_rows["alliances"].append(
        {"id": alliance, "name": name, "kind": kind, "lead_org_id": lead, "area_id": street}
    )
    for org in orgs:
        _join(work, alliance, org)
    work.act(
        "new-street-alliance",
        [(ISOLATED, o) for o in orgs if o in subjects],
        [*orgs, street, *([lead] if lead else [])],
        [alliance],
        both(
            "{lead} to lead a new {alliance} joining {orgs}",
            lead=work.name(lead) if lead else work.area_name[street],
            alliance=name,
            orgs="、".join(work.name(o) for o in orgs),
        ),
        both("no alliance reaches {street} yet", street=work.area_name[street]),
        street,
    )


def ring_network(mem: pd.DataFrame) -> tuple[nx.Graph, dict[str, tuple[str, str]]]:
    """Members linked along a ring per alliance, and each alliance's first link."""
    g = nx.Graph()
    first: dict[str, tuple[str, str]] = {}
    for alliance, members in mem.groupby("alliance_id")["member_id"]:
        ms = sorted(set(members))
        if len(ms) < 2:
            continue
        first[str(alliance)] = (ms[0], ms[1])
        g.add_edges_from(itertools.pairwise(ms))
        if len(ms) > 2:
            g.add_edge(ms[-1], ms[0])
    return g, first


@dataclass
class BlockCut:
    """The blocks, cut vertices and components (with a cut vertex) of a network."""

    blocks: list[set[str]]
    cuts: set[str]
    edge_block: dict[frozenset[str], int]
    comps: list[set[str]]
    comp_of: dict[str, int]

    @property
    def bound(self) -> int:
        """Σ over components of max(⌈leaf blocks / 2⌉, most blocks at one cut vertex − 1)."""
        leaves = [0] * len(self.comps)
        meet: dict[str, int] = defaultdict(int)
        for block in self.blocks:
            at = block & self.cuts
            if len(at) == 1:
                leaves[self.comp_of[next(iter(at))]] += 1
            for c in at:
                meet[c] += 1
        most = [0] * len(self.comps)
        for c, n in meet.items():
            most[self.comp_of[c]] = max(most[self.comp_of[c]], n)
        return sum(max(math.ceil(lv / 2), d - 1) for lv, d in zip(leaves, most, strict=True))


def block_cut(g: nx.Graph) -> BlockCut:
    """One depth-first pass: a member in two blocks or more is a cut vertex."""
    blocks: list[set[str]] = []
    edge_block: dict[frozenset[str], int] = {}
    seen: dict[str, int] = defaultdict(int)
    for i, edges in enumerate(nx.biconnected_component_edges(g)):
        nodes: set[str] = set()
        for u, v in edges:
            edge_block[frozenset((u, v))] = i
            nodes.update((u, v))
        for n in nodes:
            seen[n] += 1
        blocks.append(nodes)
    cuts = {n for n, k in seen.items() if k > 1}
    comps: list[set[str]] = []
    comp_of: dict[str, int] = {}
    if cuts:
        for comp in nx.connected_components(g):
            if comp & cuts:
                comp_of.update(dict.fromkeys(comp, len(comps)))
                comps.append(set(comp))
    return BlockCut(blocks, cuts, edge_block, comps, comp_of)


def block_cut_bound(g: nx.Graph) -> tuple[int, list[set[str]]]:
    """The lower bound on new memberships, and the components that have a single point."""
    bc = block_cut(g)
    return bc.bound, bc.comps


def _leaf_pairs(bc: BlockCut, first: dict[str, tuple[str, str]]) -> list[tuple[str, str]]:
    """(member, alliance) joins pairing the leaf blocks of each component in DFS order."""
    blocks, cuts = bc.blocks, bc.cuts
    alliances_in: dict[int, list[str]] = defaultdict(list)
    for alliance, (u, v) in sorted(first.items()):
        at = bc.edge_block.get(frozenset((u, v)))
        if at is not None:
            alliances_in[at].append(alliance)
    tree = nx.Graph()
    for i, b in enumerate(blocks):
        for c in b & cuts:
            tree.add_edge(("b", i), ("c", c))
    joins = []
    for part in nx.connected_components(tree):
        root = min(part, key=str)
        order = [n[1] for n in nx.dfs_preorder_nodes(tree, source=root) if n[0] == "b"]
        leaves = [i for i in order if len(blocks[i] & cuts) == 1]
        half = math.ceil(len(leaves) / 2)
        for k in range(half):
            j = k + half if k + half < len(leaves) else (0 if k else 1)
            if j >= len(leaves) or j == k or not alliances_in[leaves[j]]:
                continue
            joins.append((min(blocks[leaves[k]] - cuts), alliances_in[leaves[j]][0]))
    return joins


def plan_single_points(work: Work) -> None:
    """Memberships until the alliance network has no single point (module docstring)."""
    subjects = work.findings.get(SINGLE, [])
    g, first = ring_network(memberships(work))
    bc = block_cut(g)
    if not bc.cuts:
        return
    bound, comp_of = bc.bound, bc.comp_of
    joins: list[tuple[str, str]] = []
    for _ in range(MAX_ROUNDS):
        added = _leaf_pairs(bc, first)
        for member, alliance in added:
            u, v = first[alliance]
            g.add_edges_from([(member, u), (member, v)])
            joins.append((member, alliance))
        bc = block_cut(g)
        if not added or not bc.cuts:
            break
    remaining = bc.cuts
    by_comp: dict[int, list[str]] = defaultdict(list)
    for s in subjects:
        if s in comp_of and s not in remaining:
            by_comp[comp_of[s]].append(s)
    for member, alliance in joins:
        _join(work, alliance, member)
        resolved = by_comp.get(comp_of.get(member, -1), [])
        work.act(
            "add-alliance-membership",
            [(SINGLE, s) for s in sorted(resolved)],
            [member, alliance],
            [],
            both(
                "{member} to join {alliance}",
                member=work.name(member),
                alliance=work.name(alliance),
            ),
            both("a second link round the single points of its part of the alliance network"),
            work.index.entity_area.get(member),
        )
    for s in subjects:
        if s in remaining:
            work.leave(SINGLE, s, both("no membership found that removes this single point"))
    work.figures["alliance_single_points"] = {
        "memberships": len(joins),
        "lower_bound": bound,
        "optimal": len(joins) == bound and not remaining,
        "left": len(remaining),
    }
    work.model["alliance_single_points"] = (
        "members linked when they share an alliance; a new membership links a member to one "
        "block; bound: per component max(ceil(leaf blocks / 2), most blocks at one cut vertex "
        "- 1) from the block-cut tree; leaf blocks paired in DFS order, repeated until no cut "
        "vertex is left"
    )
