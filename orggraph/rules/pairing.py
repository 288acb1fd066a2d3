"""Pairings (双报到, 联系挂点, 包联, 共建协议): every community paired, no source overloaded."""

from __future__ import annotations

import pandas as pd

from orggraph.audit_context import AuditContext
from orggraph.i18n import tr
from orggraph.rules import fill, findings_frame, rule, words


@rule(
    "unpaired-community",
    title_zh="社区/村未结对",
    title_en="Community or village without enough pairings",
    explain_zh="结对（双报到、联系挂点、包联、共建协议）"
    "的单位或党组织少于{min_pairings}个的社区或村。",
    explain_en="A community or village with fewer than {min_pairings} distinct paired sources "
    "(dual report, liaison, contract, co-building agreement).",
    source="汕尾市城区“双报到、双服务”：99个村（社区）均签订《党建共建协议》；"
    "玉林市玉东新区联系挂点制度",
)
def unpaired_communities(ctx: AuditContext) -> pd.DataFrame:
    com = ctx.communities
    n = com["id"].map(ctx.pairing_sources_per_area).fillna(0).astype("int64")
    need = ctx.threshold("min_pairings")
    hit, n = com[n < need], n[n < need]
    msg = fill(
        tr("{level} “{name}” has {count} paired sources (at least {need} required)"),
        level=words(hit["level"]),
        name=hit["name"],
        count=n,
        need=f"{need:g}",
    )
    return findings_frame(hit["id"], msg)


@rule(
    "overloaded-unit",
    title_zh="结对负担过重",
    title_en="Pairing source carrying too many areas",
    explain_zh="同一单位或党组织结对（包联）的区域超过{max_pairings}个。",
    explain_en="A unit or organisation paired with more than {max_pairings} areas.",
    source="玉林市玉东新区联系挂点制度：处级领导干部、包联社区责任单位定期深入挂点社区",
)
def overloaded_units(ctx: AuditContext) -> pd.DataFrame:
    load = ctx.pairing_areas_per_source
    cap = ctx.threshold("max_pairings")
    load = load[load > cap]
    names = ctx.org_and_unit_names
    msg = fill(
        tr("“{name}” is paired with {count} areas, more than {cap}"),
        name=load.index.to_series().map(names),
        count=load,
        cap=f"{cap:g}",
    )
    return findings_frame(load.index, msg.reset_index(drop=True))
