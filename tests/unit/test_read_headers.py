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


@pytest.mark.parametrize(
    ("table", "headers"),
    [
        # A clerk's own sheets name the table's noun in the id and name headers.
        ("areas", ["区域编号", "区域名称", "层级"]),
        ("areas", ["区划代码", "地区名称", "层级"]),
        ("orgs", ["组织编号", "党组织名称", "类型"]),
        ("units", ["单位编号", "单位名称", "类别"]),
        ("alliances", ["联盟编号", "联盟名称", "类别"]),
        ("sites", ["阵地编号", "站点名称", "层级", "服务区域"]),
    ],
)
def test_id_and_name_under_the_tables_own_noun(table: str, headers: list[str]) -> None:
    hmap, problems = map_headers(TABLE_BY_NAME[table], f"{table}.csv", headers)
    assert hmap.names[:2] == ["id", "name"] and not problems


def test_a_nouned_id_of_another_table_stays_a_reference() -> None:
    # In unit_coverage, 单位编号 is the unit referred to (unit_id), never a row id.
    hmap, _ = map_headers(
        TABLE_BY_NAME["unit_coverage"], "c.csv", ["党组织编号", "单位编号", "方式"]
    )
    assert hmap.names == ["org_id", "unit_id", "kind"]
