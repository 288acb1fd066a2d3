"""missing-service-site: the shortfall in m², as an action.  Nothing to optimise.

A community or village without a community centre gets a planned centre of the standard floor
area; a centre below its standard is to be extended by the shortfall.
"""

from __future__ import annotations

from orggraph.i18n import both
from orggraph.plan.work import PLANNED_MARK, Work
from orggraph.rules.sites import FLOOR_STANDARDS
from orggraph.schema import ZH

RULE = "missing-service-site"
CENTRE_NAME = "党群服务中心"  # 金港社区党群服务中心, as the field reports name them


def plan_sites(work: Work) -> None:
    """A centre for every community without one, an extension for every small centre."""
    subjects = work.findings.get(RULE, [])
    if not subjects:
        return
    sites = work.ds.sites.set_index("id")
    standard = {lvl: work.threshold(key) for lvl, key in FLOOR_STANDARDS.items()}
    for subject in subjects:
        if subject in work.area_level:  # a community with no centre
            need = standard["community_center"]
            site = work.new_id("sites")
            name = work.area_name[subject] + CENTRE_NAME + PLANNED_MARK
            work.names[site] = name
            work.new_rows["sites"].append(
                {
                    "id": site,
                    "name": name,
                    "level": "community_center",
                    "area_id": subject,
                    "floor_area_m2": need,
                }
            )
            work.act(
                "build-service-site",
                [(RULE, subject)],
                [subject],
                [site],
                both(
                    "build {site} of at least {m2} m² for {area}",
                    site=name,
                    m2=f"{need:g}",
                    area=work.area_name[subject],
                ),
                both("a community centre is the standard for every community and village"),
                subject,
            )
            continue
        level = sites.at[subject, "level"]
        need = standard[level]
        have = float(sites.at[subject, "floor_area_m2"])
        work.updates["sites"][subject] = {"floor_area_m2": need}
        work.act(
            "expand-service-site",
            [(RULE, subject)],
            [subject],
            [],
            both(
                "extend {site} by {short} m² (from {have} to {need} m²)",
                site=work.name(subject),
                short=f"{need - have:g}",
                have=f"{have:g}",
                need=f"{need:g}",
            ),
            both("the standard for a {level} is {need} m²", level=ZH[level], need=f"{need:g}"),
            sites.at[subject, "area_id"],
        )
