"""西樵镇 (Nanhai, Foshan): the 三级党建网格 of its field report.

33 villages and communities, 281 economic cooperatives (经济社, the second-level grid) each with a
党群服务站, 704 two-new units of which 183 built their own organisation (单建率 26%) and 521 are
joint-building enterprises (共建企业) under joint branches (覆盖率 100%), 26 temporary branches
of the 2020 epidemic.  One .xlsx workbook, sheets named after the tables, Chinese headers.
"""

from __future__ import annotations

from tools.datasets.recipes import ZH_ENUMS_EVERYWHERE, Builder

COMMUNITIES = ["官山社区", "樵乐社区", "爱国社区", "民乐社区", "西岸社区", "百西社区"]
VILLAGES = [
    "新田村",
    "岭西村",
    "太平村",
    "简村村",
    "大岸村",
    "上金瓯村",
    "河岗村",
    "七星村",
    "大同村",
    "儒溪村",
    "崇北村",
    "三多村",
    "华夏村",
    "松塘村",
    "朝山村",
    "西樵村",
    "白云村",
    "平沙村",
    "丰华村",
    "山根村",
    "沙滘村",
    "江浦村",
    "吉水村",
    "民星村",
    "福溪村",
    "岭南村",
    "海舟村",
]
COOP_WORDS = [
    "上塘",
    "下塘",
    "东头",
    "西头",
    "南约",
    "北约",
    "大围",
    "新围",
    "龙头",
    "龙尾",
    "坑边",
    "涌口",
    "岗头",
    "塘面",
    "田心",
    "社头",
    "桥头",
    "基围",
]
TOWN_UNITS = (
    (
        "agency",
        "西樵镇党政办公室 西樵镇党建工作办公室 西樵镇规划建设办公室 西樵镇经济促进局 "
        "西樵镇农业农村办公室 西樵镇社会工作局 西樵镇综合行政执法办公室 西樵镇应急管理办公室 "
        "西樵镇财政局 西樵镇宣传文体旅游办公室 西樵镇公共服务办公室 西樵镇人民武装部 "
        "西樵镇纪委 西樵镇总工会 西樵镇妇联 西樵镇团委 西樵派出所 西樵市场监管所",
    ),
    (
        "institution",
        "西樵镇党群服务中心管理处 西樵镇社区卫生服务中心 西樵镇文化站 "
        "西樵镇行政服务中心 西樵镇环境运输和城管局服务中心 西樵山风景名胜区管理处",
    ),
    ("school", "西樵中学 樵北中学 西樵第一小学 西樵第二小学 民乐小学 太平小学"),
    ("hospital", "南海区第五人民医院"),
)
TRADES = [
    "纺织有限公司",
    "印染有限公司",
    "织造厂",
    "面料有限公司",
    "服装有限公司",
    "五金制品厂",
    "铝型材有限公司",
    "商贸有限公司",
    "餐饮有限公司",
    "旅游发展有限公司",
]
BRANDS = [
    "樵山",
    "南海",
    "西江",
    "听音湖",
    "大岸",
    "民乐",
    "新田",
    "百西",
    "官山",
    "渔耕",
    "桑园",
    "翰林",
    "云泉",
    "白云",
    "华夏",
    "樵星",
    "锦龙",
    "富丽",
    "恒发",
    "宝达",
    "金源",
    "俊兴",
]


def xiqiao() -> Builder:
    b = Builder(
        4,
        {
            "kind": "xlsx",
            "zh_headers": True,
            "zh_enums": ZH_ENUMS_EVERYWHERE,
        },
    )
    r = b.rng
    d = b.area("440605", "南海区", "district", None, 1_100_000, 3_660_000, 23.0288, 113.1430)
    town = b.area("440605114", "西樵镇", "town", d, 72000, 245000, 22.9384, 112.9662)
    top = b.org("中共佛山市南海区委员会", "committee", area=d, members=98000)
    tc = b.org("中共佛山市南海区西樵镇委员会", "committee", top, town, members=9200)
    lx = b.org("中共西樵镇非公有制经济组织和社会组织委员会", "committee", tc, members=2100)
    carea, corg, grids, coop_org = {}, {}, [], []
    coops = [2, 2, 2, 2, 2, 1] + [10] * 27  # 281 economic cooperatives
    for i, cname in enumerate(COMMUNITIES + VILLAGES):
        village = cname.endswith("村")
        hh = r.randint(700, 2600) if village else r.randint(1800, 4800)
        cid = b.area(
            f"440605114{i + 1:03d}",
            cname,
            "village" if village else "community",
            town,
            hh,
            int(hh * 3.3),
            round(22.94 + r.uniform(-0.06, 0.06), 5),
            round(112.97 + r.uniform(-0.07, 0.07), 5),
        )
        carea[cname] = cid
        if cname == "太平村":
            corg[cname] = b.org(
                "中共西樵镇太平村总支部委员会", "general_branch", tc, cid, members=112
            )
            b.plant("org-size", corg[cname])
        else:
            corg[cname] = b.org(
                f"中共西樵镇{cname}委员会", "committee", tc, cid, members=r.randint(90, 420)
            )
        words = r.sample(COOP_WORDS, coops[i])
        for k, w in enumerate(words, 1):
            gid = b.area(f"{cid}{k:02d}", f"{cname}{w}经济社", "grid", cid, r.randint(60, 320))
            grids.append((gid, f"{cname}{w}经济社", cname))
            b.site(f"{cname}{w}经济社党群服务站", "station", gid, r.randint(40, 300))
            if (cname, k) in {("华夏村", 4), ("沙滘村", 7)}:  # cooperatives merged this year
                b.plant("uncovered-grid", gid)
                continue
            members = 58 if (cname, k) == ("简村村", 2) else r.randint(4, 45)
            o = b.org(
                f"中共{cname}{w}经济社支部委员会", "branch", corg[cname], gid, members=members
            )
            coop_org.append(o)
            if members == 58:
                b.plant("org-size", o)
    loop = coop_org[100:103]  # keyed in as each other's superior
    for a, p in zip(loop, loop[1:] + loop[:1], strict=True):
        b.set_parent(a, p)
        b.plant("broken-chain", a)
    for i, cname in enumerate(COMMUNITIES[:4]):  # the town's few gated residential compounds
        for c in range(1, 3 if i < 3 else 2):
            name = b.compound_name()
            aid = b.area(
                f"{carea[cname]}X{c:02d}", name, "compound", carea[cname], r.randint(300, 1400)
            )
            if (cname, c) in {("樵乐社区", 2), ("民乐社区", 1)}:
                b.plant("uncovered-compound", aid)
            else:
                b.org(f"{name}小区党支部", "branch", corg[cname], aid, members=r.randint(5, 30))
    for n in range(1, 27):  # 先后成立临时党支部26个
        v = VILLAGES[n % len(VILLAGES)]
        o = b.org(
            f"西樵镇{v}疫情防控临时党支部",
            "temporary_branch",
            tc,
            members=2 if n == 9 else r.randint(3, 20),
        )
        if n == 9:
            b.plant("org-size", o)
        if n == 17:
            b.set_parent(o, None)
            b.plant("broken-chain", o)

    # ---- town units (pairing sources) -------------------------------------------------------
    sources: dict[str, str] = {}
    for kind, names in TOWN_UNITS:
        for n in names.split():
            pm = r.randint(6, 48) if kind != "hospital" else 160
            u = b.unit(n, kind, town, pm * 3, pm)
            b.own_org(u, n, tc, pm)
            sources[n] = u
    unpaired = {"山根村", "海舟村"}
    for v in unpaired:
        b.plant("unpaired-community", carea[v])
    targets = [c for c in carea if c not in unpaired]
    t = 0
    for name, u in sources.items():
        n = 4 if name == "西樵镇规划建设办公室" else 1
        if n > 3:
            b.plant("overloaded-unit", u)
        for _ in range(n):
            b.pair(
                u,
                carea[targets[t % len(targets)]],
                "dual_report",
                r.randint(4, 30),
                b.date(2019, 2021),
            )
            t += 1

    # ---- two-new units: 704, 183 single-built, 521 under joint branches ---------------------
    places = COMMUNITIES + VILLAGES
    kinds = (
        ["property_company"] * 40
        + ["owners_committee"] * 24
        + ["social_org"] * 40
        + ["enterprise"] * 600
    )
    joint_of: dict[str, str] = {}
    n_single = 0
    enterprises_own: list[str] = []
    enterprises_joint: list[str] = []
    for i, kind in enumerate(kinds):
        place = places[(i * 7) % len(places)]
        if kind == "enterprise":
            name = f"佛山市南海区{BRANDS[i % len(BRANDS)]}{TRADES[i % len(TRADES)]}"
            name = f"{name}（{place[:-1]}）" if i >= len(BRANDS) * len(TRADES) // 2 else name
        elif kind == "social_org":
            name = f"西樵镇{place}{('志愿服务队', '社工服务站', '老年人协会', '慈善会')[i % 4]}"
        elif kind == "property_company":
            name = f"佛山市{BRANDS[i % len(BRANDS)]}物业管理有限公司{place}服务处"
        else:
            name = f"{place}{('锦绣', '翠园', '碧水')[i % 3]}小区业主委员会"
        single = (
            (kind == "property_company" and i < 25)
            or (kind == "social_org" and i % 5 == 0)
            or (kind == "enterprise" and i % 4 == 1)
        )
        if single:
            pm = r.randint(3, 60)
            u = b.unit(name, kind, carea[place], pm * r.randint(4, 12), pm)
            b.own_org(u, name, lx, pm)
            n_single += 1
            if kind == "enterprise":
                enterprises_own.append(u)
            continue
        # two joint-building enterprises grew to 3+ members: 应建未建
        pm = {300: 4, 502: 3}.get(i, None if i % 13 == 0 else r.randint(0, 2))
        u = b.unit(name, kind, carea[place], r.randint(5, 80), pm)
        if pm is not None and pm >= 3:
            b.plant("unit-should-establish", u)
        if place not in joint_of:
            joint_of[place] = b.org(
                f"中共西樵镇{place}非公企业联合支部委员会",
                "joint_branch",
                lx,
                members=r.randint(8, 40),
            )
        b.cover(joint_of[place], u, "joint")
        if kind == "enterprise":
            enterprises_joint.append(u)
    assert n_single == 183, n_single

    # ---- service sites ------------------------------------------------------------------------
    b.site("西樵镇党群服务中心", "street_center", town, 3600)
    small = {"大岸村": 760, "七星村": 880, "河岗村": 940}
    for cname, cid in carea.items():
        s = b.site(
            f"{cname}党群服务中心",
            "community_center",
            cid,
            small.get(cname) or r.randint(1000, 2400),
        )
        if cname in small:
            b.plant("missing-service-site", s)
    for i in range(10):  # 10个“红房子”投入使用 in the city communities
        cname = COMMUNITIES[i % len(COMMUNITIES)]
        b.site(
            f"{cname}“红房子”{i // len(COMMUNITIES) + 1}号",
            "other",
            carea[cname],
            r.randint(80, 300),
        )
    for n, cname in (
        ("岭西村党建主题公园", "岭西村"),
        ("爱国社区党建主题公园", "爱国社区"),
        ("新田村党建主题公园", "新田村"),
        ("西樵山红色基因教育阵地", "官山社区"),
        ("樵乐社区红色文化教育基地", "樵乐社区"),
    ):
        b.site(n, "other", carea[cname], None)

    # ---- alliances ------------------------------------------------------------------------------
    rural = b.alliance("西樵镇乡村振兴党建联盟", "regional", tc, town)
    isolated = {"儒溪村", "松塘村"}
    for v in VILLAGES:
        if v in isolated:
            b.plant("isolated-org", corg[v])
        else:
            b.member(rural, corg[v])
    city = b.alliance("樵城社区党建联盟", "regional", tc, town)
    for c in COMMUNITIES:
        b.member(city, corg[c])
    b.member(city, lx)
    mountain = b.alliance("西樵山旅游景区党建联盟", "regional", tc, town)
    for o in ("官山社区", "简村村", "七星村", "白云村"):
        b.member(mountain, corg[o])
    for u in enterprises_joint[-3:]:
        b.member(mountain, u, "member")
    textile = b.alliance("西樵纺织产业党建联盟", "industry", lx, town)
    for u in enterprises_own[:10] + enterprises_joint[:3]:
        b.member(textile, u)
    shops = b.alliance("西樵商圈党员议事厅", "industry", lx, town)
    for u in enterprises_own[10:18] + enterprises_own[:1]:
        b.member(shops, u, None)
    b.plant("alliance-single-point", lx)
    return b
