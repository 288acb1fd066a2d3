"""Blanks (填补空白点): areas and units no Party organisation covers."""

from __future__ import annotations

import pandas as pd

from orggraph.audit_context import AuditContext
from orggraph.i18n import tr
from orggraph.rules import fill, findings_frame, rule, words
from orggraph.schema import COMMUNITY_LEVELS, TWO_NEW_KINDS


def _uncovered(ctx: AuditContext, levels: tuple[str, ...]) -> pd.DataFrame:
    areas = ctx.ds.areas
    hit = areas[areas["level"].isin(levels) & ~areas["id"].isin(ctx.responsible_areas)]
    msg = fill(
        tr("{level} “{name}” has no Party organisation responsible for it"),
        level=words(hit["level"]),
        name=hit["name"],
    )
    return findings_frame(hit["id"], msg)


@rule(
    "uncovered-community",
    title="Community or village without a Party organisation",
    explain="A community or village that no Party organisation is responsible for: a blank in "
    "the coverage.",
    source="汕尾市城区填补城市基层党建“空白点”；玉林市玉州区“3456”工程：把组织设置嵌入网格，"
    "实现党组织全覆盖",
)
def uncovered_communities(ctx: AuditContext) -> pd.DataFrame:
    return _uncovered(ctx, COMMUNITY_LEVELS)


@rule(
    "uncovered-compound",
    title="Compound without a Party organisation",
    explain="A residential compound that no Party organisation is responsible for.",
    source="玉林市玉州区“3456”工程：单建、联建、区域建80个小区党支部，实现小区的物业企业、"
    "业委会党组织全覆盖",
)
def uncovered_compounds(ctx: AuditContext) -> pd.DataFrame:
    return _uncovered(ctx, ("compound",))


@rule(
    "uncovered-grid",
    title="Grid without a Party organisation",
    explain="A grid that no Party organisation is responsible for.",
    source="玉林市玉州区“3456”工程：设置网格259个，把组织设置嵌入网格；"
    "佛山市南海区西樵镇“三级党建网格”",
)
def uncovered_grids(ctx: AuditContext) -> pd.DataFrame:
    return _uncovered(ctx, ("grid",))


@rule(
    "unit-should-establish",
    title="Unit that should have its own Party organisation",
    explain="A unit with {establish_min_members} or more formal Party members but no "
    "organisation established in it, whatever else covers it.",
    source="《中国共产党章程》第三十条：凡是有正式党员三人以上的，都应当成立党的基层组织",
)
def units_should_establish(ctx: AuditContext) -> pd.DataFrame:
    units = ctx.ds.units
    need = ctx.threshold("establish_min_members")
    hit = units[(units["party_members"] >= need) & ~units["id"].isin(ctx.established_units)]
    msg = fill(
        tr("“{name}” has {members} formal Party members and should set up its own organisation"),
        name=hit["name"],
        members=hit["party_members"].astype("int64"),
    )
    return findings_frame(hit["id"], msg)


@rule(
    "unit-uncovered",
    title="Two-new organisation not covered",
    explain="A two-new unit (enterprise, social organisation, property company, owners' "
    "committee) with fewer than {establish_min_members} or unknown members, no own "
    "organisation, no joint branch and no instructor.",
    source="佛山市南海区西樵镇“双同步、促单建”：“两新”党建覆盖率100%；"
    "汕尾市城区选派30名“两新”党建指导员",
)
def units_uncovered(ctx: AuditContext) -> pd.DataFrame:
    ds = ctx.ds
    units = ds.units
    need = ctx.threshold("establish_min_members")
    small = units["party_members"].isna() | (units["party_members"] < need)
    covered = units["id"].isin(ds.unit_coverage["unit_id"])
    hit = units[
        units["kind"].isin(TWO_NEW_KINDS)
        & small
        & ~units["id"].isin(ctx.established_units)
        & ~covered
    ]
    msg = fill(
        tr("{kind} “{name}” has no organisation of its own, no joint branch and no instructor"),
        kind=words(hit["kind"]),
        name=hit["name"],
    )
    return findings_frame(hit["id"], msg)
