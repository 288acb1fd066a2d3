"""Pairings (双报到, 联系挂点, 包联, 共建协议): every community paired, no source overloaded."""

from __future__ import annotations

import pandas as pd

from orggraph.audit_context import AuditContext
from orggraph.i18n import tr
from orggraph.rules import fill, findings_frame, rule, words


@rule(
    "unpaired-community",
    title="Community or village without enough pairings",
    explain="A community or village with fewer than {min_pairings} distinct paired sources "
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
    title="Pairing source carrying too many areas",
    explain="A unit or organisation paired with more than {max_pairings} areas.",
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
