"""missing-service-site (DOMAIN.md): both forms, subject area or subject site."""

from __future__ import annotations

from pathlib import Path

from helpers import AREAS, audit, subjects

from orggraph.config import AuditConfig

AREAS_C = (
    AREAS
    + """\
C1,一社区,community,S1
C2,二社区,community,S1
C3,三社区,community,S1
V1,一村,village,S1
K1,一小区,compound,C1
"""
)
SITES = """\
id,name,level,area_id,floor_area_m2
T1,一社区中心,community_center,C1,1000
T2,二社区中心,community_center,C2,999
T3,小区中心,compound_center,K1,499
T4,小区中心二,compound_center,K1,500
T5,村驿站,post,V1,10
T6,面积不详中心,community_center,C3,
T7,街道中心,street_center,S1,20
T8,服务站,station,C3,5
"""


def test_missing_service_site_both_forms(tmp_path: Path) -> None:
    # Form 1 (subject: the area): a community/village with no community_center.  C1, C2, C3 have
    # one (whatever its size; C3's size unknown); V1 has only a post -> V1 fires.  The compound
    # K1 needs no community centre.
    # Form 2 (subject: the site): a centre below its level's standard: T2 (999 < 1000) and T3
    # (499 < 500) fire; exactly 1000 (T1) and 500 (T4) are fine; unknown floor area (T6) is
    # no finding; posts, stations and street centres have no standard.
    r = audit(tmp_path, areas=AREAS_C, sites=SITES)
    assert subjects(r, "missing-service-site") == ["T2", "T3", "V1"]
    by_id = {f.subject_id: f for f in r.findings if f.rule == "missing-service-site"}
    assert by_id["V1"].subject_label == "Area"
    assert by_id["T2"].subject_label == "ServiceSite"
    # a site's place is the area it serves
    assert by_id["T3"].area_path == "城区/凤山街道/一社区/一小区"
    assert {f.severity for f in by_id.values()} == {"info"}


def test_site_standards_are_configurable(tmp_path: Path) -> None:
    # Lowering the community standard to 900 and raising the compound one to 600:
    # T2 (999) is now fine, T4 (500) now fires along with T3.
    cfg = AuditConfig().overlay(
        {"thresholds": {"community_center_min_m2": 900, "compound_center_min_m2": 600}}
    )
    r = audit(tmp_path, cfg, areas=AREAS_C, sites=SITES)
    assert subjects(r, "missing-service-site") == ["T3", "T4", "V1"]


def test_no_sites_file_every_community_lacks_a_centre(tmp_path: Path) -> None:
    # A missing sites file means "none recorded": every community and village fires.
    r = audit(tmp_path, areas=AREAS_C)
    assert subjects(r, "missing-service-site") == ["C1", "C2", "C3", "V1"]
