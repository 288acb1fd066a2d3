"""unpaired-community, overloaded-unit (DOMAIN.md): distinct sources per area, areas per source."""

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
C4,四社区,community,S1
C5,五社区,community,S1
V1,一村,village,S1
K1,一小区,compound,C1
"""
)
UNITS = """\
id,name,kind,area_id
U1,一局,agency,S1
U2,二局,agency,S1
U3,三局,agency,S1
"""


def test_unpaired_counts_distinct_sources(tmp_path: Path) -> None:
    # C1 has U1 twice (dual_report and liaison): 1 distinct source -> paired (min 1).
    # C2 is paired by the org O0 (an org can be a source).  C3..C5 and the village V1 have no
    # pairing -> unpaired.  A pairing with the compound K1 inside C3 does not pair C3.
    # The compound K1 itself has no pairing rule.
    r = audit(
        tmp_path,
        areas=AREAS_C,
        units=UNITS,
        pairings="""\
source_id,area_id,kind,members_reported
U1,C1,dual_report,10
U1,C1,liaison,
O0,C2,contract,
U2,K1,co_building,
""",
    )
    assert subjects(r, "unpaired-community") == ["C3", "C4", "C5", "V1"]
    assert {f.severity for f in r.findings if f.rule == "unpaired-community"} == {"warning"}


def test_unpaired_threshold_uses_distinct_sources(tmp_path: Path) -> None:
    # min_pairings = 2: C1 has U1 three times (1 distinct source) -> still unpaired;
    # C2 has U1 and U2 -> paired.  Everything else has 0.
    cfg = AuditConfig().overlay({"thresholds": {"min_pairings": 2}})
    r = audit(
        tmp_path,
        cfg,
        areas=AREAS_C,
        units=UNITS,
        pairings="""\
source_id,area_id,kind
U1,C1,dual_report
U1,C1,liaison
U1,C1,contract
U1,C2,dual_report
U2,C2,dual_report
""",
    )
    assert subjects(r, "unpaired-community") == ["C1", "C3", "C4", "C5", "V1"]


def test_overloaded_counts_distinct_areas(tmp_path: Path) -> None:
    # max 3 areas per source: U1 has exactly 3 distinct areas (C1 listed twice) -> fine.
    # U2 has 4 distinct areas (a compound counts as an area) -> overloaded.
    # O0 (an org) has 4 -> overloaded too: the subject may be an org.
    # U3 has 5 rows but only 2 distinct areas -> fine.
    r = audit(
        tmp_path,
        areas=AREAS_C,
        units=UNITS,
        pairings="""\
source_id,area_id,kind
U1,C1,dual_report
U1,C1,liaison
U1,C2,dual_report
U1,C3,dual_report
U2,C1,dual_report
U2,C2,dual_report
U2,C3,dual_report
U2,K1,dual_report
O0,C1,contract
O0,C2,contract
O0,C3,contract
O0,C4,contract
U3,C1,dual_report
U3,C1,liaison
U3,C1,contract
U3,C2,dual_report
U3,C2,co_building
""",
    )
    assert subjects(r, "overloaded-unit") == ["O0", "U2"]
    f = next(f for f in r.findings if f.subject_id == "U2" and f.rule == "overloaded-unit")
    assert f.severity == "info" and f.subject_name == "二局" and "4" in f.message


def test_overloaded_custom_threshold(tmp_path: Path) -> None:
    # max_pairings = 1: U1 with 2 distinct areas is overloaded, U2 with exactly 1 is not.
    cfg = AuditConfig().overlay({"thresholds": {"max_pairings": 1}})
    r = audit(
        tmp_path,
        cfg,
        areas=AREAS_C,
        units=UNITS,
        pairings="source_id,area_id,kind\nU1,C1,dual_report\nU1,C2,liaison\nU2,C1,双报到\n",
    )
    assert subjects(r, "overloaded-unit") == ["U1"]
