"""Alliances (党建联盟, 区域化党建): who stands alone, who holds the network together."""

from __future__ import annotations

import pandas as pd

from orggraph.audit_context import AuditContext
from orggraph.i18n import tr
from orggraph.rules import fill, findings_frame, rule
from orggraph.schema import COMMUNITY_LEVELS


@rule(
    "isolated-org",
    title="Community organisation in no alliance",
    explain="An organisation responsible for a community or village that belongs to no "
    "alliance (a lead organisation counts as a member).",
    source="汕尾市城区“横向互动 区域融合‘无缝隙’”；西宁市城东区全域党建联盟",
)
def isolated_orgs(ctx: AuditContext) -> pd.DataFrame:
    orgs = ctx.ds.orgs
    areas = ctx.ds.areas
    community_ids = areas.loc[areas["level"].isin(COMMUNITY_LEVELS), "id"]
    members = ctx.alliance_memberships["member_id"]
    hit = orgs[orgs["area_id"].isin(community_ids) & ~orgs["id"].isin(members)]
    msg = fill(
        tr("“{name}” is responsible for a community or village but belongs to no alliance"),
        name=hit["name"],
    )
    return findings_frame(hit["id"], msg)


@rule(
    "alliance-single-point",
    title="Single point of the alliance network",
    explain="An articulation point of the alliance network: removing it splits its component "
    "(two members are linked when they share an alliance).",
    source="西宁市城东区全域党建联盟（8个区域治理党建联盟、3个行业系统党建联盟）：联盟网络的韧性",
)
def alliance_single_points(ctx: AuditContext) -> pd.DataFrame:
    points = sorted(ctx.alliance_single_points)
    m = ctx.alliance_memberships
    n_alliances = m[m["member_id"].isin(points)].groupby("member_id")["alliance_id"].nunique()
    ids = pd.Series(points, dtype=object)
    msg = fill(
        tr("links {count} alliances: without it the alliance network splits"),
        count=ids.map(n_alliances).fillna(0).astype("int64"),
    )
    return findings_frame(ids, msg)
