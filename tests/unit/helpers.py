"""Tiny hand-built datasets for the unit tests: CSV text in, validated Dataset or findings out."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from pathlib import Path

from orggraph.audit import run_audit
from orggraph.config import AuditConfig
from orggraph.dataset import Dataset
from orggraph.findings import AuditResult
from orggraph.io import load

# A district, one street and one community that the street's committee runs.  Most rule tests
# add their own rows below this skeleton.
AREAS = """\
id,name,level,parent_id
D,城区,district,
S1,凤山街道,street,D
"""
ORGS = """\
id,name,type,parent_id,area_id,unit_id,members
O0,区委,committee,,D,,
"""


def write_dataset(folder: Path, tables: Mapping[str, str | bytes]) -> Path:
    """Write each table's CSV text (dedented, UTF-8) or raw bytes to ``folder/<name>.csv``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in tables.items():
        path = folder / (name if "." in name else f"{name}.csv")
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return folder


def dataset(folder: Path, **tables: str) -> Dataset:
    """Load a dataset whose tables are given as CSV text; areas and orgs default to the skeleton."""
    tables.setdefault("areas", AREAS)
    tables.setdefault("orgs", ORGS)
    return load(write_dataset(folder, tables))


def audit(folder: Path, cfg: AuditConfig | None = None, /, **tables: str) -> AuditResult:
    return run_audit(dataset(folder, **tables), cfg)


def subjects(result: AuditResult, rule: str) -> list[str]:
    """Sorted subject ids of ``rule``'s findings."""
    return sorted(f.subject_id for f in result.findings if f.rule == rule)


def by_rule(result: AuditResult) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in result.findings:
        out.setdefault(f.rule, []).append(f.subject_id)
    return {k: sorted(v) for k, v in sorted(out.items())}
