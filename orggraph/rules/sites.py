"""Service sites (党群服务阵地): every community has a centre, centres meet their standard."""

from __future__ import annotations

import pandas as pd

from orggraph.audit_context import AuditContext
from orggraph.i18n import tr
from orggraph.rules import fill, findings_frame, rule, words

FLOOR_STANDARDS = {
    "community_center": "community_center_min_m2",
    "compound_center": "compound_center_min_m2",
}


@rule(
    "missing-service-site",
    title="Service site missing or below standard",
    explain="A community or village with no community centre, or a centre below its floor-area "
    "standard (community {community_center_min_m2} m², compound {compound_center_min_m2"
    "} m²).",
    source="玉林市玉州区“3456”工程“一集群”：建设区、街道、社区、小区四级党群服务中心；"
    "汕尾市城区“1+7+99+N”党群服务矩阵",
)
def missing_service_sites(ctx: AuditContext) -> pd.DataFrame:
    sites = ctx.ds.sites
    com = ctx.communities
    centres = sites.loc[sites["level"] == "community_center", "area_id"]
    lacking = com[~com["id"].isin(centres)]
    lack_msg = fill(
        tr("{level} “{name}” has no community Party service centre"),
        level=words(lacking["level"]),
        name=lacking["name"],
    )
    minimum = (
        sites["level"]
        .map({lvl: ctx.threshold(key) for lvl, key in FLOOR_STANDARDS.items()})
        .astype("float64")
    )
    small = sites[sites["floor_area_m2"] < minimum]
    need = minimum[small.index]
    msg = fill(
        tr("“{name}” has {area} m², below the {level} standard of {need} m²"),
        name=small["name"],
        area=small["floor_area_m2"].map("{:g}".format),
        level=words(small["level"]),
        need=need.map("{:g}".format),
    )
    return pd.concat(
        [findings_frame(lacking["id"], lack_msg), findings_frame(small["id"], msg)],
        ignore_index=True,
    )
