"""Recipes for the bundled datasets (built by ``python -m tools.datasets``).

A recipe builds one dataset row by row with a :class:`Builder` and calls ``plant(rule, subject)``
for every gap it puts in on purpose.  Figures come from the field reports:
玉林市玉州区 (Yuzhou), 西宁市城东区 (Chengdong), 佛山市南海区西樵镇 (Xiqiao).
Random choices use a fixed ``random.Random`` so the build is
reproducible.
"""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

from orggraph.schema import TABLES

# Every enum column of every table in its Chinese words (a recipe's fmt['zh_enums']).
ZH_ENUMS_EVERYWHERE: dict[str, list[str]] = {t.name: ["*"] for t in TABLES}

COMPOUND_WORDS = [
    "乾隆",
    "碧桂",
    "金玉",
    "银湖",
    "鸿景",
    "万盛",
    "东方",
    "锦绣",
    "翠竹",
    "桂花",
    "紫荆",
    "书香",
    "阳光",
    "富康",
    "嘉和",
    "星河",
    "江景",
    "滨江",
    "名门",
    "新城",
    "朝阳",
    "金港",
    "御景",
    "兰亭",
    "盛世",
    "文华",
    "长乐",
    "恒大",
    "金山",
    "安居",
    "润和",
    "天骄",
    "盛景",
    "荔园",
]
COMPOUND_SUFFIX = ("苑", "园", "小区", "花园", "家园", "新村", "公馆", "华府")


class Builder:
    """Rows of one dataset, in contract codes, plus the gaps planted on purpose."""

    def __init__(self, seed: int, fmt: dict[str, Any]) -> None:
        self.rng = random.Random(seed)
        self.rows: dict[str, list[dict[str, Any]]] = {t.name: [] for t in TABLES}
        self.planted: list[tuple[str, str]] = []
        self.fmt = fmt
        self._n: Counter[str] = Counter()
        self._compound_names: set[str] = set()

    def _id(self, prefix: str, width: int = 4) -> str:
        self._n[prefix] += 1
        return f"{prefix}{self._n[prefix]:0{width}d}"

    def plant(self, rule: str, subject: str) -> str:
        self.planted.append((rule, subject))
        return subject

    def area(
        self,
        id: str,
        name: str,
        level: str,
        parent: str | None = None,
        households: int | None = None,
        population: int | None = None,
        lat: float | None = None,
        lon: float | None = None,
    ) -> str:
        self.rows["areas"].append(
            {
                "id": id,
                "name": name,
                "level": level,
                "parent_id": parent,
                "households": households,
                "population": population,
                "lat": lat,
                "lon": lon,
            }
        )
        return id

    def org(
        self,
        name: str,
        type: str,
        parent: str | None = None,
        area: str | None = None,
        unit: str | None = None,
        members: int | None = None,
        prefix: str = "P",
    ) -> str:
        id = self._id(prefix)
        self.rows["orgs"].append(
            {
                "id": id,
                "name": name,
                "type": type,
                "parent_id": parent,
                "area_id": area,
                "unit_id": unit,
                "members": members,
            }
        )
        return id

    def set_parent(self, org: str, parent: str | None) -> None:
        next(r for r in self.rows["orgs"] if r["id"] == org)["parent_id"] = parent

    def unit(
        self,
        name: str,
        kind: str,
        area: str | None = None,
        employees: int | None = None,
        party_members: int | None = None,
    ) -> str:
        id = self._id("U")
        self.rows["units"].append(
            {
                "id": id,
                "name": name,
                "kind": kind,
                "area_id": area,
                "employees": employees,
                "party_members": party_members,
            }
        )
        return id

    def cover(self, org: str, unit: str, kind: str) -> None:
        self.rows["unit_coverage"].append({"org_id": org, "unit_id": unit, "kind": kind})

    def alliance(
        self,
        name: str,
        kind: str,
        lead: str | None,
        area: str | None = None,
        list_lead: bool = True,
    ) -> str:
        id = self._id("L", 3)
        self.rows["alliances"].append(
            {"id": id, "name": name, "kind": kind, "lead_org_id": lead, "area_id": area}
        )
        if lead and list_lead:
            self.member(id, lead, "lead")
        return id

    def member(self, alliance: str, member: str, role: str | None = "member") -> None:
        self.rows["alliance_members"].append(
            {"alliance_id": alliance, "member_id": member, "role": role}
        )

    def pair(
        self,
        source: str,
        area: str,
        kind: str = "dual_report",
        reported: int | None = None,
        since: str | None = None,
    ) -> None:
        self.rows["pairings"].append(
            {
                "source_id": source,
                "area_id": area,
                "kind": kind,
                "members_reported": reported,
                "since": since,
            }
        )

    def site(self, name: str, level: str, area: str, m2: float | None) -> str:
        id = self._id("S")
        self.rows["sites"].append(
            {"id": id, "name": name, "level": level, "area_id": area, "floor_area_m2": m2}
        )
        return id

    def own_org(self, unit: str, name: str, parent: str | None, members: int) -> str:
        """The unit's own organisation (单建), its type following its size."""
        typ, word = (
            ("committee", "委员会")
            if members > 100
            else ("general_branch", "总支部委员会")
            if members > 50
            else ("branch", "支部委员会")
        )
        return self.org(f"中共{name}{word}", typ, parent, unit=unit, members=members)

    def reserve_compound_names(self, *names: str) -> None:
        self._compound_names.update(names)

    def compound_name(self) -> str:
        while True:
            n = self.rng.choice(COMPOUND_WORDS) + self.rng.choice(COMPOUND_SUFFIX)
            if n not in self._compound_names:
                self._compound_names.add(n)
                return n

    def date(self, first_year: int = 2018, last_year: int = 2024) -> str:
        r = self.rng
        return f"{r.randint(first_year, last_year)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
