"""One dataset written in every form DATASET.md allows: English/Chinese headers and enum words,
UTF-8, UTF-8 with BOM, GBK/GB18030 CSV, and an .xlsx workbook."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

Rows = list[list[str]]

# English headers and codes; ids with leading zeros; an extra column ``note``; empty = unknown.
TABLES: dict[str, Rows] = {
    "areas": [
        ["id", "name", "level", "parent_id", "households", "population", "lat", "lon", "note"],
        ["001", "城区", "district", "", "", "", "", "", ""],
        ["010", "凤山街道", "street", "001", "", "", "", "", ""],
        ["011", "西樵镇", "town", "001", "", "", "", "", ""],
        ["0101", "金湖社区", "community", "010", "1200", "3400", "22.78", "115.36", "示范"],
        ["0102", "银湖社区", "community", "010", "", "", "", "", ""],
        ["0111", "大村", "village", "011", "", "", "", "", ""],
        ["01011", "金湖小区", "compound", "0101", "", "", "", "", ""],
        ["010111", "一号网格", "grid", "01011", "", "", "", "", ""],
        ["0101111", "一栋", "building", "010111", "", "", "", "", ""],
    ],
    "orgs": [
        ["id", "name", "type", "parent_id", "area_id", "unit_id", "members"],
        ["P001", "区委", "committee", "", "001", "", ""],
        ["P010", "街道党工委", "working_committee", "P001", "010", "", ""],
        ["P0101", "金湖社区党委", "committee", "P010", "0101", "", "120"],
        ["P01011", "金湖小区党支部", "branch", "P0101", "01011", "", "51"],
        ["P02", "联合党支部", "joint_branch", "P010", "", "", "8"],
        ["P03", "物业党支部", "branch", "P0101", "", "U001", "3"],
        ["P04", "党总支", "general_branch", "P010", "", "", ""],
        ["P05", "网格党小组", "group", "P01011", "010111", "", ""],
        ["P06", "抗疫临时党支部", "temporary_branch", "", "", "", "2"],
    ],
    "units": [
        ["id", "name", "kind", "area_id", "employees", "party_members"],
        ["U001", "金湖物业", "property_company", "01011", "30", "3"],
        ["U002", "非公企业甲", "enterprise", "0101", "100", "5"],
        ["U003", "社会组织乙", "social_org", "0102", "", ""],
        ["U004", "业委会丙", "owners_committee", "01011", "", "1"],
        ["U005", "区机关", "agency", "001", "200", "40"],
        ["U006", "事业单位", "institution", "010", "", ""],
        ["U007", "国企", "soe", "010", "", ""],
        ["U008", "学校", "school", "0111", "", ""],
        ["U009", "医院", "hospital", "0111", "", ""],
        ["U010", "其他单位", "other", "", "", ""],
    ],
    "unit_coverage": [
        ["org_id", "unit_id", "kind"],
        ["P02", "U002", "joint"],
        ["P010", "U003", "instructor"],
    ],
    "alliances": [
        ["id", "name", "kind", "lead_org_id", "area_id"],
        ["A01", "区域联盟", "regional", "P010", "010"],
        ["A02", "行业联盟", "industry", "", ""],
        ["A03", "大工委", "big_committee", "P0101", "0101"],
        ["A04", "契约联盟", "contract", "", ""],
        ["A05", "其他联盟", "other", "", ""],
    ],
    "alliance_members": [
        ["alliance_id", "member_id", "role"],
        ["A01", "P0101", "member"],
        ["A01", "U005", "part_time_member"],
        ["A02", "U005", "lead"],
        ["A02", "U002", ""],
        ["A03", "U001", "member"],
    ],
    "pairings": [
        ["source_id", "area_id", "kind", "members_reported", "since"],
        ["U005", "0101", "dual_report", "12", "2021-03-01"],
        ["U005", "0102", "liaison", "", ""],
        ["U006", "0111", "contract", "", ""],
        ["P010", "0101", "co_building", "", "2020-01-15"],
    ],
    "sites": [
        ["id", "name", "level", "area_id", "floor_area_m2"],
        ["T01", "区中心", "district_center", "001", "3000"],
        ["T02", "街道中心", "street_center", "010", ""],
        ["T03", "金湖中心", "community_center", "0101", "1200"],
        ["T04", "小区中心", "compound_center", "01011", "300"],
        ["T05", "服务站", "station", "0102", ""],
        ["T06", "驿站", "post", "0111", "20"],
        ["T07", "其他阵地", "other", "0111", ""],
    ],
}

# DATASET.md's Chinese headers (a column without one stays English).
ZH_HEADERS = {
    "id": "编号",
    "name": "名称",
    "households": "户数",
    "population": "人口",
    "lat": "纬度",
    "lon": "经度",
}
ZH_TABLE_HEADERS = {
    "areas": {"level": "层级", "parent_id": "上级编号"},
    "orgs": {
        "type": "类型",
        "parent_id": "上级党组织",
        "area_id": "负责区域",
        "unit_id": "所在单位",
        "members": "党员数",
    },
    "units": {
        "kind": "类别",
        "area_id": "所在区域",
        "employees": "职工数",
        "party_members": "党员数",
    },
    "unit_coverage": {"kind": "方式"},
    "alliances": {"lead_org_id": "牵头党组织", "area_id": "范围"},
    "alliance_members": {"role": "角色"},
    "pairings": {"members_reported": "报到党员数", "since": "起始日期"},
    "sites": {"floor_area_m2": "面积"},
}
# DATASET.md's Chinese enum words, per (table, column).
ZH_WORDS = {
    ("areas", "level"): {
        "district": "区",
        "street": "街道",
        "town": "镇",
        "community": "社区",
        "village": "村",
        "compound": "小区",
        "grid": "网格",
        "building": "楼栋",
    },
    ("orgs", "type"): {
        "committee": "党委",
        "working_committee": "党工委",
        "general_branch": "党总支",
        "branch": "党支部",
        "group": "党小组",
        "joint_branch": "联合党支部",
        "temporary_branch": "临时党支部",
    },
    ("units", "kind"): {
        "agency": "机关",
        "institution": "事业单位",
        "soe": "国有企业",
        "enterprise": "非公企业",
        "social_org": "社会组织",
        "property_company": "物业企业",
        "owners_committee": "业委会",
        "school": "学校",
        "hospital": "医院",
        "other": "其他",
    },
    ("unit_coverage", "kind"): {"joint": "联建", "instructor": "党建指导员"},
    ("alliances", "kind"): {
        "regional": "区域治理",
        "industry": "行业系统",
        "big_committee": "大党委/大工委",
        "contract": "契约共建",
        "other": "其他",
    },
    ("alliance_members", "role"): {
        "lead": "牵头",
        "member": "成员",
        "part_time_member": "兼职委员",
    },
    ("pairings", "kind"): {
        "dual_report": "双报到",
        "liaison": "联系挂点",
        "contract": "包联",
        "co_building": "共建协议",
    },
    ("sites", "level"): {"station": "党群服务站", "post": "党员驿站"},
}
NUMBERS = {
    "households",
    "population",
    "lat",
    "lon",
    "members",
    "employees",
    "party_members",
    "members_reported",
    "floor_area_m2",
}


def chinese(table: str, rows: Rows) -> Rows:
    """The same table with Chinese headers and Chinese enum words."""
    header = rows[0]
    heads = {**ZH_HEADERS, **ZH_TABLE_HEADERS.get(table, {})}
    out = [[heads.get(h, h) for h in header]]
    for r in rows[1:]:
        out.append([ZH_WORDS.get((table, h), {}).get(v, v) for h, v in zip(header, r, strict=True)])
    return out


def csv_text(rows: Rows) -> str:
    return "".join(",".join(r) + "\r\n" for r in rows)


def write_csv(folder: Path, encoding: str, zh: bool, tables: dict[str, Rows] = TABLES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        text = csv_text(chinese(name, rows) if zh else rows)
        (folder / f"{name}.csv").write_bytes(text.encode(encoding))
    return folder


def _cell(header: str, value: str) -> object:
    if value == "":
        return None
    if header in NUMBERS:
        f = float(value)
        return int(f) if f.is_integer() else f
    if header == "since":
        return dt.datetime.fromisoformat(value)
    return value  # ids and text stay text cells: leading zeros survive


def write_xlsx(
    path: Path, zh: bool, sheet_names: dict[str, str] | None = None, blank_row_after: int = 0
) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    assert wb.active is not None
    wb.remove(wb.active)
    for name, rows in TABLES.items():
        ws = wb.create_sheet((sheet_names or {}).get(name, name))
        shown = chinese(name, rows) if zh else rows
        for i, (r, en) in enumerate(zip(shown, rows, strict=True)):
            if i == 0:
                ws.append(r)
            else:
                ws.append(
                    [
                        _cell(h, v) if h in NUMBERS or h == "since" else (shown_v or None)
                        for h, v, shown_v in zip(rows[0], en, r, strict=True)
                    ]
                )
            if blank_row_after and i == blank_row_after:
                ws.append([None] * len(r))
    ws = wb.create_sheet("说明")  # a sheet that is not a table is ignored
    ws.append(["这是说明"])
    wb.save(path)
    return path
