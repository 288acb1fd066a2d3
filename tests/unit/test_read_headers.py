"""Header keys, synonyms and sheet names: what maps, what is refused, what is left alone."""

from __future__ import annotations

import pytest

from orggraph.read.headers import header_key, map_headers, table_for_name
from orggraph.schema import TABLE_BY_NAME


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("党员数（人）", "党员数"),  # full-width brackets, a unit: dropped
        ("面积(㎡)", "面积"),  # ㎡ is m2 after NFKC, a unit
        ("上级\n党组织", "上级党组织"),  # a line break typed with Alt+Enter
        (" Parent_ID ", "parentid"),
        ("党员数(预备)", "党员数(预备)"),  # a qualifier, not a unit: kept, so not 党员数
    ],
)
def test_header_key(written: str, key: str) -> None:
    assert header_key(written) == key


@pytest.mark.parametrize(
    ("name", "table"),
    [
        ("Sheet1", None),
        ("填表说明", None),
        ("说明", None),
        ("orgs", "orgs"),
        ("党组织", "orgs"),
        ("党组织统计表", "orgs"),
        ("城北街道联盟成员名单", "alliance_members"),
    ],
)
def test_sheet_names(name: str, table: str | None) -> None:
    t, _ = table_for_name(name)
    assert (t.name if t else None) == table


def test_extra_headers_kept_near_names_refused_serials_dropped() -> None:
    orgs = TABLE_BY_NAME["orgs"]
    headers = ["序号", "编号", "名称", "类型", "备注", "负责人", "党员数(预备)", None]
    hmap, problems = map_headers(orgs, "orgs.csv", headers)
    assert hmap.names == ["", "id", "name", "type", "备注", "负责人", "党员数(预备)", ""]
    assert hmap.extra == ["备注", "负责人", "党员数(预备)"]
    assert hmap.dropped == ["序号"]
    # Only the header that names an absent column is refused: 负责人 (a person) is no 负责区域.
    assert [p.column for p in problems] == ["党员数(预备)"]
    assert "'members'" in problems[0].message
