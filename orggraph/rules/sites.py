"""Service sites (党群服务阵地): every community has a centre, centres meet their standard."""

from __future__ import annotations

import pandas as pd

from orggraph.rules import findings_frame, rule
from orggraph.rules.context import AuditContext
from orggraph.schema import ZH

FLOOR_STANDARDS = {
    "community_center": "community_center_min_m2",
    "compound_center": "compound_center_min_m2",
}


@rule(
    "missing-service-site",
    "info",
    title_zh="阵地缺失或不达标",
    title_en="Service site missing or below standard",
    explain_zh="没有社区党群服务中心的社区或村；面积低于标准的服务中心（社区1000㎡，小区500㎡）。",
    explain_en="A community or village with no community centre, or a centre below its floor-area "
    "standard (community 1000 m², compound 500 m²).",
    source="seed 001 阵地建设标准; seed 002 1+7+99+N 服务矩阵",
    thresholds=("community_center_min_m2", "compound_center_min_m2"),
)
def missing_service_sites(ctx: AuditContext) -> pd.DataFrame:
    sites = ctx.ds.sites
    com = ctx.communities
    centres = sites.loc[sites["level"] == "community_center", "area_id"]
    lacking = com[~com["id"].isin(centres)]
    lack_msg = (
        lacking["level"].map(ZH) + "“" + lacking["name"].astype(str) + "”没有社区党群服务中心"
    )
    minimum = (
        sites["level"]
        .map({lvl: ctx.threshold(key) for lvl, key in FLOOR_STANDARDS.items()})
        .astype("float64")
    )
    small = sites[sites["floor_area_m2"] < minimum]
    need = minimum[small.index]
    msg = (
        "“"
        + small["name"].astype(str)
        + "”面积"
        + small["floor_area_m2"].map("{:g}".format)
        + "㎡，低于"
        + small["level"].map(ZH)
        + "标准"
        + need.map("{:g}".format)
        + "㎡"
    )
    return pd.concat(
        [findings_frame(lacking["id"], lack_msg), findings_frame(small["id"], msg)],
        ignore_index=True,
    )
