"""Service sites (党群服务阵地): every community has a centre, centres meet their standard."""

from __future__ import annotations

import pandas as pd

from orggraph.audit_context import AuditContext
from orggraph.rules import findings_frame, rule
from orggraph.schema import ZH

FLOOR_STANDARDS = {
    "community_center": "community_center_min_m2",
    "compound_center": "compound_center_min_m2",
}


@rule(
    "missing-service-site",
    title_zh="阵地缺失或不达标",
    title_en="Service site missing or below standard",
    explain_zh="没有社区党群服务中心的社区或村；面积低于标准的服务中心（社区{community_center_min_"
    "m2}㎡，小区{compound_center_min_m2}㎡）。",
    explain_en="A community or village with no community centre, or a centre below its floor-area "
    "standard (community {community_center_min_m2} m², compound {compound_center_min_m2"
    "} m²).",
    source="玉林市玉州区“3456”工程“一集群”：建设区、街道、社区、小区四级党群服务中心；汕尾市城区“1"
    "+7+99+N”党群服务矩阵",
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
