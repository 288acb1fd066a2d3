"""The dataset contract (docs/DATASET.md) as data.

Every table, its columns with their Chinese header aliases, which are required, which hold ids,
numbers or enum codes, and the Chinese words accepted for each enum code.  The reader and the
validator are small functions over these specs; nothing else knows the contract.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ColumnKind = Literal["id", "text", "ref", "number", "enum", "date"]


@dataclass(frozen=True)
class Column:
    """One column of a table.

    ``ref`` names the tables whose ids a ``ref`` column may point at.
    ``enum`` names the enum (a key of :data:`ENUMS`) for an ``enum`` column.
    ``aliases`` are the headers read as this column besides its name (Chinese names, synonyms,
    English near-names); headers are compared ignoring case, spaces, line breaks, ``_``/``-``
    and a bracketed unit (see :mod:`orggraph.read.headers`).
    ``count`` marks a non-negative quantity (people, households, m²): stored as a whole number,
    never below 0.  ``bounds`` is the sane range of a number column; ``units`` the unit words a
    cell may carry after its number (``3人``, ``1500平方米``).
    """

    name: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    kind: ColumnKind = "text"
    ref: tuple[str, ...] = ()
    enum: str | None = None
    default: str | None = None
    count: bool = False
    bounds: tuple[float, float] | None = None
    units: tuple[str, ...] = ()

    @property
    def limits(self) -> tuple[float, float] | None:
        """The sane range of a number column: its own ``bounds``, else a count's."""
        return self.bounds or (COUNT_BOUNDS if self.count else None)


@dataclass(frozen=True)
class Table:
    """One file of a dataset (``areas.csv`` or the sheet ``areas``)."""

    name: str
    columns: tuple[Column, ...]
    aliases: tuple[str, ...] = ()
    has_id: bool = True
    required: bool = False
    label: str = ""

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)


# English code -> accepted Chinese words (the code itself is always accepted too).
ENUMS: dict[str, dict[str, tuple[str, ...]]] = {
    "area_level": {
        "district": ("区", "县", "区/县", "市辖区", "新区"),
        "street": ("街道",),
        "town": ("镇", "乡", "镇/乡"),
        "community": ("社区",),
        "village": ("村", "行政村"),
        "compound": ("小区",),
        "grid": ("网格",),
        "building": ("楼栋",),
    },
    "org_type": {
        "committee": ("党委",),
        "working_committee": ("党工委",),
        "general_branch": ("党总支",),
        "branch": ("党支部",),
        "group": ("党小组",),
        "joint_branch": ("联合党支部",),
        "temporary_branch": ("临时党支部",),
    },
    "unit_kind": {
        "agency": ("机关",),
        "institution": ("事业单位",),
        "soe": ("国有企业", "国企"),
        "enterprise": ("非公企业",),
        "social_org": ("社会组织",),
        "property_company": ("物业企业", "物业公司"),
        "owners_committee": ("业委会", "业主委员会"),
        "school": ("学校",),
        "hospital": ("医院",),
        "other": ("其他",),
    },
    "coverage_kind": {
        "joint": ("联建",),
        "instructor": ("党建指导员", "指导员"),
    },
    "alliance_kind": {
        "regional": ("区域治理",),
        "industry": ("行业系统",),
        "big_committee": ("大党委/大工委", "大党委", "大工委"),
        "contract": ("契约共建",),
        "other": ("其他",),
    },
    "member_role": {
        "lead": ("牵头",),
        "member": ("成员",),
        "part_time_member": ("兼职委员",),
    },
    "pairing_kind": {
        "dual_report": ("双报到",),
        "liaison": ("联系挂点",),
        "contract": ("包联",),
        "co_building": ("共建协议",),
    },
    "site_level": {
        "district_center": ("区级中心", "区党群服务中心"),
        "street_center": ("街道中心", "街道党群服务中心"),
        "community_center": ("社区中心", "社区党群服务中心"),
        "compound_center": ("小区中心", "小区党群服务中心"),
        "station": ("党群服务站",),
        "post": ("党员驿站",),
        "other": ("其他",),
    },
}

# Chinese labels for codes, for tables, maps and reports (the first accepted word).
ZH: dict[str, str] = {code: words[0] for enum in ENUMS.values() for code, words in enum.items()}

# Rank of each area level: a parent must sit at a strictly lower rank (higher level).
# town and street are peers, as are community and village.
LEVEL_RANK: dict[str, int] = {
    "district": 0,
    "street": 1,
    "town": 1,
    "community": 2,
    "village": 2,
    "compound": 3,
    "grid": 4,
    "building": 5,
}

COMMUNITY_LEVELS = ("community", "village")
# A count or measure beyond this is a typing slip (or 1e400), not a street's data.
COUNT_BOUNDS = (0.0, 1e9)
_PEOPLE = ("人", "名")
_MEMBER_HEADERS = ("党员数", "党员人数", "党员数量", "member_count")


def _people(name: str, *aliases: str) -> Column:
    """A count of people: 3人 and 9名 read as 3 and 9."""
    return Column(name, aliases, kind="number", count=True, units=_PEOPLE)


_AREA_UNITS = ("平方米", "平米", "平方", "m2", "㎡")
TWO_NEW_KINDS = ("enterprise", "social_org", "property_company", "owners_committee")
BRANCH_TYPES = ("branch", "joint_branch", "temporary_branch")


def _id_and_name(*nouns: str) -> tuple[Column, Column]:
    """The ``id`` and ``name`` columns of a table whose rows a planner calls ``nouns``: besides
    编号/名称, the headers 区域编号, 组织名称 … that their own sheets carry."""
    ids = tuple(f"{n}{suffix}" for n in nouns for suffix in ("编号", "代码"))
    names = tuple(f"{n}名称" for n in nouns)
    return (
        Column("id", ("编号", "ID", *ids), required=True, kind="id"),
        Column("name", ("名称", "名字", *names), required=True),
    )


TABLES: tuple[Table, ...] = (
    Table(
        "areas",
        (
            *_id_and_name("区域", "地区", "区划"),
            Column("level", ("层级", "级别"), required=True, kind="enum", enum="area_level"),
            Column(
                "parent_id",
                ("上级编号", "上级区域", "上级区域编号", "parent"),
                kind="ref",
                ref=("areas",),
            ),
            Column("households", ("户数", "住户数"), kind="number", count=True, units=("户",)),
            Column("population", ("人口", "人口数"), kind="number", count=True, units=("人",)),
            Column("lat", ("纬度", "latitude"), kind="number", bounds=(-90.0, 90.0)),
            Column("lon", ("经度", "longitude", "lng"), kind="number", bounds=(-180.0, 180.0)),
        ),
        aliases=("区域",),
        required=True,
        label="区域",
    ),
    Table(
        "orgs",
        (
            *_id_and_name("组织", "党组织"),
            Column("type", ("类型",), required=True, kind="enum", enum="org_type"),
            Column(
                "parent_id",
                ("上级党组织", "上级编号", "上级党组织编号", "parent"),
                kind="ref",
                ref=("orgs",),
            ),
            Column("area_id", ("负责区域", "负责区域编号"), kind="ref", ref=("areas",)),
            Column("unit_id", ("所在单位", "所在单位编号"), kind="ref", ref=("units",)),
            _people("members", *_MEMBER_HEADERS, "members_count"),
        ),
        aliases=("党组织",),
        required=True,
        label="党组织",
    ),
    Table(
        "units",
        (
            *_id_and_name("单位"),
            Column("kind", ("类别",), required=True, kind="enum", enum="unit_kind"),
            Column("area_id", ("所在区域", "所在区域编号"), kind="ref", ref=("areas",)),
            _people("employees", "职工数", "职工人数", "从业人员数", "employee_count"),
            _people("party_members", *_MEMBER_HEADERS, "members"),
        ),
        aliases=("单位", "单位名单"),
        label="单位",
    ),
    Table(
        "unit_coverage",
        (
            Column("org_id", ("党组织编号",), required=True, kind="ref", ref=("orgs",)),
            Column("unit_id", ("单位编号",), required=True, kind="ref", ref=("units",)),
            Column("kind", ("方式",), required=True, kind="enum", enum="coverage_kind"),
        ),
        aliases=("单位覆盖", "联建覆盖", "覆盖"),
        has_id=False,
        label="单位覆盖",
    ),
    Table(
        "alliances",
        (
            *_id_and_name("联盟"),
            Column("kind", ("类别", "类型"), required=True, kind="enum", enum="alliance_kind"),
            Column("lead_org_id", ("牵头党组织",), kind="ref", ref=("orgs",)),
            Column("area_id", ("范围",), kind="ref", ref=("areas",)),
        ),
        aliases=("党建联盟", "联盟"),
        label="党建联盟",
    ),
    Table(
        "alliance_members",
        (
            Column("alliance_id", ("联盟编号",), required=True, kind="ref", ref=("alliances",)),
            Column("member_id", ("成员编号",), required=True, kind="ref", ref=("orgs", "units")),
            Column("role", ("角色",), kind="enum", enum="member_role", default="member"),
        ),
        aliases=("联盟成员", "党建联盟成员"),
        has_id=False,
        label="联盟成员",
    ),
    Table(
        "pairings",
        (
            Column(
                "source_id",
                ("来源编号", "报到单位"),
                required=True,
                kind="ref",
                ref=("units", "orgs"),
            ),
            Column("area_id", ("结对区域", "报到社区"), required=True, kind="ref", ref=("areas",)),
            Column("kind", ("方式", "类别"), required=True, kind="enum", enum="pairing_kind"),
            _people("members_reported", "报到党员数", "报到党员人数", "报到人数"),
            Column("since", ("起始日期",), kind="date"),
        ),
        aliases=("结对", "双报到", "结对共建"),
        has_id=False,
        label="结对共建",
    ),
    Table(
        "sites",
        (
            *_id_and_name("阵地", "站点"),
            Column("level", ("层级", "级别"), required=True, kind="enum", enum="site_level"),
            Column("area_id", ("服务区域",), required=True, kind="ref", ref=("areas",)),
            Column(
                "floor_area_m2",
                ("面积", "阵地面积", "floor_area", "area_m2"),
                kind="number",
                count=True,
                units=_AREA_UNITS,
            ),
        ),
        aliases=("阵地", "党群服务阵地"),
        label="党群服务阵地",
    ),
)

TABLE_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}

# Non-negative quantities, stored as whole numbers (the store and the generator derive from it).
COUNT_COLUMNS: tuple[str, ...] = tuple(
    dict.fromkeys(c.name for t in TABLES for c in t.columns if c.count)
)

# Graph label of the nodes each id-bearing table holds.
NODE_LABEL: dict[str, str] = {
    "areas": "Area",
    "orgs": "PartyOrg",
    "units": "Unit",
    "alliances": "Alliance",
    "sites": "ServiceSite",
}


@dataclass(frozen=True)
class EnumLookup:
    """Maps every accepted spelling (code, Chinese word, case-insensitive code) to the code."""

    words: dict[str, str] = field(default_factory=dict)

    @classmethod
    def for_enum(cls, enum: str) -> EnumLookup:
        words: dict[str, str] = {}
        for code, zh in ENUMS[enum].items():
            words[code] = code
            words[code.upper()] = code
            for w in zh:
                words[w] = code
        return cls(words)
