"""城东区 (Xining, Qinghai): the 全域党建联盟 of its field report.

7 streets and 2 towns, 30 communities and the 15 villages of the extended 城中村 alliance; 8
regional (区域治理) and 3 industry (行业系统) alliances — 夏都枢纽 station-area alliance included —
street 大工委 and town 大党委 with part-time members (兼职委员), a district joint meeting.
GB18030-encoded CSV with Chinese headers and Chinese enum words throughout.
"""

from __future__ import annotations

from tools.datasets.recipes import ZH_ENUMS_EVERYWHERE, Builder

STREETS = {
    "东关大街街道": ["东关社区", "南小街社区", "中关社区", "德兴社区"],
    "清真巷街道": ["清真巷社区", "大新社区", "凤凰亭社区", "南关社区"],
    "大众街街道": ["大众街社区", "共和路社区", "自立社区", "谢家寨社区"],
    "周家泉街道": ["周家泉社区", "民惠城社区", "互助巷社区", "东兴社区"],
    "火车站街道": ["火车站社区", "站东社区", "富民社区", "互助中路社区"],
    "八一路街道": ["八一路社区", "团结社区", "东盛社区", "康宁社区"],
    "林家崖街道": ["林家崖社区", "北山社区", "建国路社区", "金桥社区"],
}
TOWNS = {
    "乐家湾镇": [
        "乐家湾社区",
        "泮子山村",
        "王家庄村",
        "付家寨村",
        "朱家庄村",
        "小寨村",
        "褚家营村",
    ],
    "韵家口镇": [
        "韵家口社区",
        "中庄村",
        "东村",
        "西村",
        "曹家寨村",
        "杨沟湾村",
        "红星村",
        "泉湾村",
        "新添村",
        "上坪村",
    ],
}
AGENCIES = [
    "区委办公室",
    "区政府办公室",
    "区委组织部",
    "区委宣传部",
    "区委统战部",
    "区委政法委",
    "区纪委监委",
    "区发展和改革局",
    "区教育局",
    "区民政局",
    "区司法局",
    "区财政局",
    "区人力资源和社会保障局",
    "区住房和城乡建设局",
    "区城市管理局",
    "区农业农村和水利局",
    "区商务局",
    "区文体旅游局",
    "区卫生健康局",
    "区退役军人事务局",
    "区应急管理局",
    "区市场监督管理局",
    "区医疗保障局",
    "区信访局",
    "区民族宗教事务局",
    "公安城东分局",
    "火车站派出所",
    "自然资源城东分局",
    "区总工会",
    "区妇联",
]
INSTITUTIONS = [
    "区融媒体中心",
    "区社会保险服务中心",
    "区疾病预防控制中心",
    "区图书馆",
    "区文化馆",
    "区档案馆",
    "区政务服务中心",
    "区就业服务中心",
    "区城市更新服务中心",
    "区环卫服务中心",
    "区综合执法大队",
    "区农牧业综合服务中心",
]
SOES = [
    "青藏铁路公司西宁站",
    "西宁公交集团城东公司",
    "国网西宁供电公司城东分公司",
    "西宁水务城东营业所",
    "西宁中油燃气城东分公司",
    "城东区城市建设投资公司",
    "城东区农贸市场管理公司",
    "城东区国有资产运营公司",
]
HOSPITALS = [
    "城东区人民医院",
    "城东区中医院",
    "城东区妇幼保健计划生育服务中心",
    "东关社区卫生服务中心",
    "八一路社区卫生服务中心",
    "韵家口镇卫生院",
]
SCHOOLS = [f"西宁市城东区第{n}小学" for n in range(1, 11)] + [
    "西宁市第八中学",
    "西宁市第二十五中学",
    "西宁市第三十一中学",
    "城东区实验幼儿园",
]
TRADES = [
    "商贸有限公司",
    "清真餐饮有限公司",
    "牛羊肉经营部",
    "民族服饰店",
    "物流有限公司",
    "建材市场",
    "电子商务有限公司",
    "劳务服务有限公司",
    "文化旅游有限公司",
]
BRANDS = ("东关", "清真巷", "夏都", "河湟", "昆仑")


def chengdong() -> Builder:
    b = Builder(
        3,
        {
            "kind": "csv",
            "encoding": "gb18030",
            "zh_headers": True,
            "zh_enums": ZH_ENUMS_EVERYWHERE,
        },
    )
    r = b.rng
    d = b.area("630102", "城东区", "district", None, 150000, 420000, 36.6106, 101.8042)
    top = b.org("中共西宁市城东区委员会", "committee", area=d, members=9800)
    organs = b.org("中共西宁市城东区直属机关工作委员会", "working_committee", top, members=2400)
    liangxin = b.org("中共城东区非公有制经济组织和社会组织委员会", "committee", top, members=860)
    sorg, sarea, corg, carea, cstreet = {}, {}, {}, {}, {}
    compounds: list[tuple[str, str, str]] = []  # area, name, community
    uncovered_compounds = {("大众街社区", 2), ("自立社区", 1), ("互助巷社区", 2), ("南关社区", 1)}
    uncovered_grids = {("北山社区", 4), ("富民社区", 3), ("东村", 2)}
    areas = {**STREETS, **TOWNS}
    for si, (sname, comms) in enumerate(areas.items(), 1):
        town = sname in TOWNS
        sid = b.area(
            f"630102{si:03d}", sname, "town" if town else "street", d, r.randint(9000, 26000)
        )
        sorg[sname], sarea[sname] = (
            b.org(
                f"中共城东区{sname}{'委员会' if town else '工作委员会'}",
                "committee" if town else "working_committee",
                top,
                sid,
                members=r.randint(500, 1800),
            ),
            sid,
        )
        for k, cname in enumerate(comms, 1):
            village = cname.endswith("村")
            hh = r.randint(500, 1500) if village else r.randint(2000, 5200)
            cid = b.area(
                f"{sid}{k:03d}",
                cname,
                "village" if village else "community",
                sid,
                hh,
                int(hh * 3.1),
                round(36.61 + r.uniform(-0.05, 0.05), 5),
                round(101.80 + r.uniform(-0.06, 0.06), 5),
            )
            carea[cname], cstreet[cname] = cid, sname
            if cname == "金桥社区":  # split off last year, organisation not formed yet
                b.plant("uncovered-community", cid)
                boss = sorg[sname]
            elif cname == "朱家庄村":
                boss = b.org("中共朱家庄村支部委员会", "branch", sorg[sname], cid, members=56)
                b.plant("org-size", boss)
            elif village:
                boss = b.org(
                    f"中共{cname}总支部委员会",
                    "general_branch",
                    sorg[sname],
                    cid,
                    members=r.randint(40, 95),
                )
            else:
                boss = b.org(
                    f"中共{cname}委员会", "committee", sorg[sname], cid, members=r.randint(90, 320)
                )
            corg[cname] = boss
            for g in range(1, (2 if village else 4) + 1):
                gid = b.area(
                    f"{cid}G{g:02d}", f"{cname}第{g}网格", "grid", cid, r.randint(150, 600)
                )
                if (cname, g) in uncovered_grids:
                    b.plant("uncovered-grid", gid)
                else:
                    b.org(f"{cname}第{g}网格党支部", "branch", boss, gid, members=r.randint(4, 30))
            for c in range(1, 0 if village else 3):
                name = b.compound_name()
                aid = b.area(f"{cid}X{c:02d}", name, "compound", cid, r.randint(150, 1200))
                compounds.append((aid, name, cname))
                if (cname, c) in uncovered_compounds:  # 老旧小区 without a branch yet
                    b.plant("uncovered-compound", aid)
                else:
                    b.org(f"{name}小区党支部", "branch", boss, aid, members=r.randint(3, 40))

    # ---- joint branches of the 东关 business district; two of them point at each other --------
    dg1 = b.org("东关商圈第一联合党支部", "joint_branch", None, members=18)
    dg2 = b.org("东关商圈第二联合党支部", "joint_branch", dg1, members=14)
    b.set_parent(dg1, dg2)
    b.plant("broken-chain", dg1)
    b.plant("broken-chain", dg2)
    qz = b.org("清真巷商户联合党支部", "joint_branch", liangxin, members=2)
    b.plant("org-size", qz)
    yj = b.org("韵家口镇非公企业联合党支部", "joint_branch", sorg["韵家口镇"], members=9)

    # ---- units with their own organisations: the pairing sources -----------------------------
    sources: dict[str, str] = {}  # unit name -> unit id
    own: dict[str, str] = {}  # unit name -> org id

    def organ(name: str, kind: str, lo: int, hi: int, parent: str) -> str:
        pm = r.randint(lo, hi)
        u = b.unit(name, kind, d, pm * r.randint(2, 5), pm)
        sources[name], own[name] = u, b.own_org(u, name, parent, pm)
        return u

    for n in AGENCIES:
        organ(n, "agency", 8, 70, organs)
    for n in INSTITUTIONS:
        organ(n, "institution", 5, 40, organs)
    for n in SCHOOLS:
        organ(n, "school", 8, 60, organs)
    for n in HOSPITALS:
        organ(n, "hospital", 15, 180, organs)
    for n in SOES:
        organ(n, "soe", 10, 120, top)
    unpaired = {"新添村", "上坪村"}  # remote villages nobody reports to yet
    for v in unpaired:
        b.plant("unpaired-community", carea[v])
    targets = [c for c in carea if c not in unpaired]
    t = 0
    for i, (name, u) in enumerate(sources.items()):
        n = 4 if name == "区住房和城乡建设局" else (2 if i % 5 == 0 else 1)
        if n > 3:
            b.plant("overloaded-unit", u)
        for _ in range(n):
            cname = targets[t % len(targets)]
            kind = "contract" if cname.endswith("村") else "dual_report"
            b.pair(
                u,
                carea[cname],
                kind,
                r.randint(8, 35) if kind == "dual_report" else None,
                b.date(2020),
            )
            t += 1

    # ---- two-new units -----------------------------------------------------------------------
    comm_list = [c for c in carea if not c.endswith("村")]
    enterprises: list[str] = []
    for i in range(45):
        cname = comm_list[(i * 3) % len(comm_list)]
        name = f"西宁{BRANDS[i % len(BRANDS)]}{TRADES[i % len(TRADES)]}"  # 45 distinct names
        if i < 10:
            pm = r.randint(3, 20)
            u = b.unit(name, "enterprise", carea[cname], pm * 6, pm)
            b.own_org(u, name, liangxin, pm)
        else:
            u = b.unit(
                name,
                "enterprise",
                carea[cname],
                r.randint(4, 50),
                None if i % 9 == 0 else r.randint(0, 2),
            )
            if cstreet[cname] == "东关大街街道":
                b.cover(dg1 if i % 2 else dg2, u, "joint")
            elif cstreet[cname] == "清真巷街道":
                b.cover(qz, u, "joint")
            else:
                b.cover(sorg[cstreet[cname]], u, "instructor")
        enterprises.append(u)
    gf = b.unit("西宁东城·共富工坊劳务服务有限公司", "enterprise", carea["东关社区"], 218, 6)
    b.cover(sorg["东关大街街道"], gf, "instructor")  # an instructor, but six members: 应建未建
    b.plant("unit-should-establish", gf)
    for name, cname, pm in (
        ("西宁中庄民族手工艺品店", "中庄村", 1),
        ("西宁杨沟湾养殖专业户联营部", "杨沟湾村", None),
    ):
        b.plant("unit-uncovered", b.unit(name, "enterprise", carea[cname], 8, pm))
    for i, v in enumerate(("东村", "西村", "曹家寨村", "红星村")):
        u = b.unit(f"西宁{v}农家乐餐饮店", "enterprise", carea[v], 6 + i, i % 3)
        b.cover(yj, u, "joint")
    socials = [
        "城东区民族团结促进会",
        "城东区志愿者协会",
        "东关社区邻里互助会",
        "周家泉社工服务站",
        "火车站社区爱心驿站",
        "八一路社区老年协会",
        "大众街社区调解委员会",
        "林家崖社区文艺队",
        "清真巷社区读书会",
        "城东区个体劳动者协会",
    ]
    for i, n in enumerate(socials):
        cname = next((c for c in comm_list if n.startswith(c[:2])), comm_list[i])
        if n == "清真巷社区读书会":
            b.plant("unit-uncovered", b.unit(n, "social_org", carea[cname], 6, 0))
        elif i < 2:
            u = b.unit(n, "social_org", d, 20, r.randint(3, 9))
            b.own_org(u, n, liangxin, 5)
        else:
            u = b.unit(n, "social_org", carea[cname], r.randint(4, 20), r.randint(0, 2))
            b.cover(sorg[cstreet[cname]], u, "instructor")
    properties: list[tuple[str, str]] = []  # (unit, street)
    for i, (aid, name, cname) in enumerate(compounds):
        if i % 2:
            continue
        pname = f"西宁{name}物业服务有限公司"
        if i == 0:
            u = b.unit("城东区安居物业管理有限公司", "property_company", aid, 25, 3)
            b.plant("unit-should-establish", u)
        elif i % 4 == 0:
            pm = r.randint(3, 9)
            u = b.unit(pname, "property_company", aid, pm * 8, pm)
            b.own_org(u, pname, corg[cname], pm)
        else:
            u = b.unit(pname, "property_company", aid, r.randint(8, 30), r.randint(0, 2))
            b.cover(sorg[cstreet[cname]], u, "instructor")
        properties.append((u, cstreet[cname]))
    for aid, name, cname in compounds[1:20:2]:
        u = b.unit(f"{name}业主委员会", "owners_committee", aid, 7, r.randint(0, 2))
        b.cover(corg[cname], u, "instructor")
    for v in carea:
        if v.endswith("村"):
            b.unit(f"{v}股份经济合作社", "other", carea[v], r.randint(3, 12), r.randint(0, 2))

    # ---- service sites -----------------------------------------------------------------------
    b.site("城东区党群服务中心", "district_center", d, 2800)
    for sname, sid in sarea.items():
        b.site(f"{sname}党群服务中心", "street_center", sid, r.randint(600, 1500))
    small = {"团结社区": 820, "泮子山村": 650}
    for cname, cid in carea.items():
        if cname in ("金桥社区", "新添村"):
            b.plant("missing-service-site", cid)
            continue
        s = b.site(
            f"{cname}党群服务中心",
            "community_center",
            cid,
            small.get(cname) or (None if cname == "东兴社区" else r.randint(1000, 2200)),
        )
        if cname in small:
            b.plant("missing-service-site", s)
    for cname in ("东关社区", "火车站社区", "中庄村", "清真巷社区", "八一路社区"):
        b.site(f"{cname}党员驿站", "post", carea[cname], r.randint(30, 120))

    # ---- alliances -----------------------------------------------------------------------------
    hub = b.alliance("城东区区域化大党建联席会议", "other", top, d)
    for o in (organs, liangxin, *sorg.values(), own["区教育局"], own["区卫生健康局"]):
        b.member(hub, o)
    for sname in ("东关大街街道", "大众街街道", "周家泉街道", "火车站街道", "八一路街道"):
        b.member(hub, corg[STREETS[sname][0]])  # the street's 示范社区 sits in the joint meeting
    for sname in ("清真巷街道", "林家崖街道"):  # their street org is the only bridge
        b.plant("alliance-single-point", sorg[sname])
    regional = {
        "火车站街道": "“夏都枢纽”党建联盟",
        "东关大街街道": "东关商圈党建联盟",
        "清真巷街道": "清真巷民族团结进步党建联盟",
        "大众街街道": "大众街老旧小区治理党建联盟",
        "周家泉街道": "周家泉“红色物业”党建联盟",
        "八一路街道": "八一路产业园区党建联盟",
        "林家崖街道": "林家崖生态治理党建联盟",
    }
    isolated = {"谢家寨社区", "康宁社区"}
    for o in isolated:
        b.plant("isolated-org", corg[o])
    ra: dict[str, str] = {}
    for sname, title in regional.items():
        a = ra[sname] = b.alliance(title, "regional", sorg[sname], sarea[sname])
        for cname in STREETS[sname]:
            if cname not in isolated and cname != "金桥社区":
                b.member(a, corg[cname])
    for n in ("青藏铁路公司西宁站", "西宁公交集团城东公司", "火车站派出所"):
        b.member(ra["火车站街道"], sources[n])
    for u, s in properties:
        if s == "周家泉街道":
            b.member(ra["周家泉街道"], u)
    for u in enterprises[10:13]:
        b.member(ra["八一路街道"], u)
    village = b.alliance("城中村党建联盟", "regional", sorg["韵家口镇"], d)
    for o in (
        sorg["乐家湾镇"],
        sorg["八一路街道"],
        sorg["林家崖街道"],
        sources["区农业农村和水利局"],
        sources["自然资源城东分局"],
    ):
        b.member(village, o)
    for comms in TOWNS.values():
        for cname in comms:
            b.member(village, corg[cname])
    edu = b.alliance("城东区教育系统党建联盟", "industry", own["区教育局"], d)
    for n in SCHOOLS:
        b.member(edu, sources[n])
    health = b.alliance(
        "城东区卫健系统党建联盟", "industry", own["区卫生健康局"], d, list_lead=False
    )  # the lead is not listed, yet counts as a member
    for n in HOSPITALS:
        b.member(health, sources[n])
    b.plant("alliance-single-point", own["区卫生健康局"])
    lx = b.alliance("城东区非公企业和社会组织党建联盟", "industry", liangxin, d)
    for u in enterprises[:6]:
        b.member(lx, u)
        b.member(ra["东关大街街道"], u)
    dg = b.alliance(
        "东关大街街道大工委", "big_committee", sorg["东关大街街道"], sarea["东关大街街道"]
    )
    for cname in STREETS["东关大街街道"]:
        b.member(dg, corg[cname])
    for n in ("区市场监督管理局", "西宁市城东区第1小学"):
        b.member(dg, sources[n], "part_time_member")
    lj = b.alliance("乐家湾镇大党委", "big_committee", sorg["乐家湾镇"], sarea["乐家湾镇"])
    for cname in TOWNS["乐家湾镇"]:
        b.member(lj, corg[cname])
    for n in ("城东区农贸市场管理公司", "区农牧业综合服务中心"):
        b.member(lj, sources[n], "part_time_member")
    return b
