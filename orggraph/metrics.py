"""Rates the field reports quote (覆盖率, 单建率, …) and network metrics, from one context."""

from __future__ import annotations

from typing import Any

import networkx as nx
import pandas as pd

from orggraph.areas import STREET_LEVELS
from orggraph.audit_context import AuditContext
from orggraph.dataset import Dataset
from orggraph.network import Brokerage, brokerage
from orggraph.schema import NODE_LABEL, TWO_NEW_KINDS

COVERAGE_LEVELS = ("community", "village", "compound", "grid")
TOP_BROKERS = 10


def _rate(part: int, total: int) -> float | None:
    return round(100.0 * part / total, 1) if total else None


def _share(part: int, total: int) -> dict[str, Any]:
    return {"total": int(total), "covered": int(part), "rate": _rate(part, total)}


def coverage_rates(ctx: AuditContext) -> dict[str, Any]:
    """Coverage per level and per street: the share of areas some org is responsible for."""
    index = ctx.area_index
    areas = ctx.ds.areas
    covered = areas["id"].isin(ctx.responsible_areas)
    per_level = {
        lvl: _share(
            int((covered & (areas["level"] == lvl)).sum()), int((areas["level"] == lvl).sum())
        )
        for lvl in COVERAGE_LEVELS
    }
    scoped = areas[areas["level"].isin(COVERAGE_LEVELS)]
    street_id = index.ancestor_at(scoped["id"], STREET_LEVELS).to_numpy()
    frame = pd.DataFrame(
        {
            "street_id": street_id,
            "level": scoped["level"].to_numpy(),
            "covered": covered[scoped.index].to_numpy(),
        }
    ).dropna(subset=["street_id"])
    grouped = frame.groupby(["street_id", "level"])["covered"].agg(["sum", "size"])
    per_street: dict[str, dict[str, Any]] = {}
    for (sid, lvl), s, n in zip(grouped.index, grouped["sum"], grouped["size"], strict=True):
        row = per_street.setdefault(sid, {"street_id": sid, "street": index.name.get(sid)})
        row[lvl] = _share(int(s), int(n))
    for row in per_street.values():  # levels in COVERAGE_LEVELS order, as documents list them
        for lvl in [k for k in COVERAGE_LEVELS if k in row]:
            row[lvl] = row.pop(lvl)
    ordered = [per_street[sid] for sid in sorted(per_street)]
    return {"coverage": per_level, "coverage_by_street": ordered}


def two_new_rates(ctx: AuditContext) -> dict[str, Any]:
    """单建率 (own org) and 覆盖率 (own org, joint branch or instructor) of two-new units."""
    units = ctx.ds.units
    two_new = units[units["kind"].isin(TWO_NEW_KINDS)]
    own = two_new["id"].isin(ctx.established_units)
    covered = own | two_new["id"].isin(ctx.ds.unit_coverage["unit_id"])
    n = len(two_new)
    return {
        "total": n,
        "single_built": int(own.sum()),
        "single_build_rate": _rate(int(own.sum()), n),
        "covered": int(covered.sum()),
        "coverage_rate": _rate(int(covered.sum()), n),
    }


def compute_rates(ctx: AuditContext) -> dict[str, Any]:
    """Every headline rate, as the field reports quote them."""
    com = ctx.communities
    paired = int(
        (
            com["id"].map(ctx.pairing_sources_per_area).fillna(0) >= ctx.threshold("min_pairings")
        ).sum()
    )
    areas = ctx.ds.areas
    compounds = areas.loc[areas["level"] == "compound", "id"]
    orgs = ctx.ds.orgs
    return {
        **coverage_rates(ctx),
        "two_new": two_new_rates(ctx),
        "communities_paired": {
            "total": len(com),
            "paired": paired,
            "rate": _rate(paired, len(com)),
        },
        "compound_branches": int(orgs["area_id"].isin(compounds).sum()),
        "members_reported": _members_reported(ctx.ds),
    }


def _members_reported(ds: Dataset) -> int | None:
    """Serving members reported over all pairings; ``None`` (unknown, 未填) when the count was
    never recorded: the column is absent from the file, or empty on every pairing."""
    reported = ds.pairings["members_reported"]
    if "members_reported" in ds.absent.get("pairings", ()) or (
        len(reported) and reported.isna().all()
    ):
        return None
    return int(reported.fillna(0).sum())


def pairing_load(ctx: AuditContext) -> dict[str, Any]:
    load = ctx.pairing_areas_per_source
    dist = load.value_counts().sort_index()
    return {
        "sources": len(load),
        "pairings": len(ctx.ds.pairings),
        "mean_areas_per_source": round(float(load.mean()), 2) if len(load) else None,
        "max_areas_per_source": int(load.max()) if len(load) else 0,
        "distribution": {str(k): int(v) for k, v in dist.items()},
    }


def alliance_metrics(ctx: AuditContext, broker: Brokerage) -> dict[str, Any]:
    ds = ctx.ds
    index = ctx.area_index
    m = ctx.alliance_memberships
    member_area = m["member_id"].map(index.entity_area)
    street = index.ancestor_at(member_area.dropna().to_numpy(), STREET_LEVELS)
    m = m.assign(
        street=member_area.map(
            pd.Series(street.to_numpy(), index=street.index).groupby(level=0).first()
        ),
        is_org=m["member_id"].isin(ds.orgs["id"]),
    )
    g = m.groupby("alliance_id")
    summary = pd.DataFrame(
        {
            "members": g["member_id"].nunique(),
            "orgs": g["is_org"].sum(),
            "streets": g["street"].nunique(),
        }
    )
    summary = summary.reindex(ds.alliances["id"]).fillna(0).astype("int64")
    per_alliance = [
        {
            "id": aid,
            "name": name,
            "kind": kind,
            "members": int(n),
            "orgs": int(o),
            "units": int(n - o),
            "streets_reached": int(st),
        }
        for aid, name, kind, n, o, st in zip(
            ds.alliances["id"],
            ds.alliances["name"],
            ds.alliances["kind"],
            summary["members"],
            summary["orgs"],
            summary["streets"],
            strict=True,
        )
    ]
    net = ctx.alliance_network
    members = [n for n, side in net.nodes(data="side") if side == "member"]
    comps = sorted(
        (
            sum(1 for n in c if net.nodes[n]["side"] == "member")
            for c in nx.connected_components(net)
        ),
        reverse=True,
    )
    names = ctx.org_and_unit_names
    top = sorted(broker.scores.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_BROKERS]
    return {
        "alliances": per_alliance,
        "members_total": int(m["member_id"].nunique()),
        "network": {
            "members": len(members),
            "components": len(comps),
            "largest_component": comps[0] if comps else 0,
            "single_points": len(ctx.alliance_single_points),
            "brokerage_exact": broker.exact,
            "top_brokers": [
                {"id": k, "name": names.get(k), "betweenness": round(v, 4)} for k, v in top
            ],
        },
    }


def _org_depths(ctx: AuditContext) -> pd.Series:
    orgs = ctx.ds.orgs
    parent = pd.Series(orgs["parent_id"].to_numpy(), index=orgs["id"].to_numpy())
    parent = parent[~parent.index.duplicated()]
    depth = pd.Series(0, index=parent.index)
    cur = parent.copy()
    ongoing = len(cur) + 1
    while True:
        has = cur.notna()
        # Depths present form a contiguous range, so while real chains go on, fewer go on at
        # every step; once the count stops falling only chains stuck in loops remain.
        if not has.any() or int(has.sum()) == ongoing:
            break
        ongoing = int(has.sum())
        depth += has.astype(int)
        cur = cur.map(parent)
    return depth.where(cur.isna())  # orgs on or under a loop have no depth


def hierarchy_metrics(ctx: AuditContext) -> dict[str, Any]:
    orgs = ctx.ds.orgs
    fanout = orgs["parent_id"].value_counts()
    area_fanout = ctx.ds.areas["parent_id"].value_counts()
    depth = _org_depths(ctx)
    area_depth = ctx.area_index.depth()
    return {
        "org_roots": int(orgs["parent_id"].isna().sum()),
        "org_depth_max": int(depth.max()) + 1 if depth.notna().any() else 0,
        "org_fanout_mean": round(float(fanout.mean()), 2) if len(fanout) else 0.0,
        "org_fanout_max": int(fanout.max()) if len(fanout) else 0,
        "area_depth_max": int(area_depth.max()) + 1 if len(area_depth) else 0,
        "area_fanout_mean": round(float(area_fanout.mean()), 2) if len(area_fanout) else 0.0,
        "area_fanout_max": int(area_fanout.max()) if len(area_fanout) else 0,
    }


def compute_brokerage(ctx: AuditContext) -> Brokerage:
    """Betweenness on the member network; on the affiliation graph only if that is too big."""
    projected = ctx.alliance_member_network
    return brokerage(
        projected if projected is not None else ctx.alliance_network,
        exact_max_nodes=int(ctx.threshold("betweenness_exact_max_nodes")),
        samples=int(ctx.threshold("betweenness_samples")),
        seed=int(ctx.threshold("betweenness_seed")),
        work_budget=int(ctx.threshold("betweenness_work_budget")),
        projected=projected is not None,
    )


def compute_metrics(ctx: AuditContext, broker: Brokerage) -> dict[str, Any]:
    """Entity counts, pairing load, alliance membership and brokerage, hierarchy shape."""
    ds = ctx.ds
    counts = {label: len(ds[table]) for table, label in NODE_LABEL.items()}
    return {
        "nodes": counts,
        "relationships": ds.relationship_count,
        "pairing_load": pairing_load(ctx),
        "alliance": alliance_metrics(ctx, broker),
        "hierarchy": hierarchy_metrics(ctx),
    }
