"""玉州区 (Yulin, Guangxi), the “3456”工程 of its field report.

5 streets, 27 communities, 259 grids, 83 compounds of which 80 have a compound branch, 205
agencies/institutions/schools/hospitals/SOEs doing 双报到 with 5000+ members reported, property
companies and owners' committees, four-level service centres built to the area standards.
UTF-8 with BOM, English headers, Chinese words in areas.level, orgs.type and pairings.kind.
"""

from __future__ import annotations

from tools.datasets.recipes import Builder

STREETS = {
    "玉城街道": ["东岳社区", "北辰社区", "南观社区", "大塘社区", "广场社区", "新民社区"],
    "名山街道": ["名山社区", "清湾江社区", "旺岭社区", "万花社区", "岭塘社区"],
    "南江街道": ["江滨社区", "南江社区", "江南社区", "苗园社区", "岭南社区"],
    "城西街道": ["城西社区", "西就社区", "教育社区", "人民社区", "铁路社区", "城站社区"],
    "城北街道": ["城北社区", "嘉宾社区", "金港社区", "大北社区", "一环社区"],
}
AGENCIES = [
    "区委办公室",
    "区人民政府办公室",
    "区纪委监委机关",
    "区委组织部",
    "区委宣传部",
    "区委统战部",
    "区委政法委",
    "区发展和改革局",
    "区教育局",
    "区科学技术和工业信息化局",
    "公安局玉州分局",
    "区民政局",
    "区司法局",
    "区财政局",
    "区人力资源和社会保障局",
    "自然资源局玉州分局",
    "区住房和城乡建设局",
    "区城市管理局",
    "区交通运输局",
    "区农业农村局",
    "区水利局",
    "区商务局",
    "区文化广电体育和旅游局",
    "区卫生健康局",
    "区退役军人事务局",
    "区应急管理局",
    "区审计局",
    "区市场监督管理局",
    "区统计局",
    "区医疗保障局",
    "区信访局",
    "区行政审批局",
    "区总工会",
    "共青团玉州区委",
    "区妇女联合会",
    "区工商业联合会",
    "区残疾人联合会",
    "区科学技术协会",
    "区人民法院",
    "区人民检察院",
]
INSTITUTIONS = [
    "区不动产登记中心",
    "区疾病预防控制中心",
    "区社会保险服务中心",
    "区图书馆",
    "区文化馆",
    "区档案馆",
    "区融媒体中心",
    "区城建档案馆",
    "区公共就业服务中心",
    "区退役军人服务中心",
    "区市政设施维护中心",
    "区园林绿化中心",
    "区环境卫生管理站",
    "区农业技术推广中心",
    "区水利工作站",
    "区动物疫病预防控制中心",
    "区林业站",
    "区扶贫开发服务中心",
    "区政务服务中心",
    "区公共资源交易中心",
    "区住房保障中心",
    "区房屋征收补偿服务中心",
    "区国库集中支付中心",
    "区财政投资评审中心",
    "区青少年活动中心",
    "区老年大学",
    "区妇幼保健计划生育服务中心",
    "区应急救援中心",
    "区人民防空服务中心",
    "区计量检测所",
    "区殡葬管理所",
    "区救助管理站",
    "区福利院",
    "区博物馆",
    "区体育中心",
]
STREET_INSTITUTIONS = (
    "社区服务中心",
    "建设综合服务中心",
    "综合行政执法队",
    "退役军人服务站",
    "文化体育和旅游服务中心",
    "农业服务中心",
    "社会治安综合治理中心",
)
SOES = [
    "玉林市玉州城市投资集团有限公司",
    "广西电网玉林玉州供电局",
    "玉州区水务有限公司",
    "玉州区燃气有限公司",
    "玉林市公共交通有限公司玉州分公司",
    "中国邮政玉州区分公司",
    "中国电信玉州分公司",
    "中国移动玉州分公司",
    "中国联通玉州分公司",
    "玉林农村商业银行玉州支行",
    "中国工商银行玉州支行",
    "中国建设银行玉州支行",
    "中国农业银行玉州支行",
    "中国银行玉州支行",
    "玉州区国有资产经营公司",
    "玉州区粮食储备有限公司",
    "玉州区旅游投资有限公司",
    "玉州区农贸市场管理有限公司",
    "玉州区城市更新有限公司",
    "玉州区交通投资有限公司",
]
HOSPITALS = ["玉州区人民医院", "玉州区中医医院", "玉州区妇幼保健院"] + [
    f"玉州区{s}社区卫生服务中心"
    for s in (
        "东岳",
        "北辰",
        "名山",
        "南江",
        "城西",
        "城北",
        "江滨",
        "大塘",
        "人民",
        "教育",
        "嘉宾",
        "一环",
    )
]
SOCIAL = [
    "玉林市幸福义工协会",
    "玉林市创梦公益联合会",
    "东岳社区老年协会",
    "江滨社会组织孵化工作室",
    "北辰社区志愿者协会",
    "南观孝德敬老会",
    "玉州区个体劳动者协会",
    "玉州区物业管理协会",
    "清湾江民族团结促进会",
    "名山社区文艺协会",
    "城西社工服务中心",
    "玉州区红十字志愿服务队",
    "大塘社区调解协会",
    "人民社区读书会",
    "城北社区爱心互助会",
    "一环社区邻里互助会",
]
TRADE = ("恒通", "鑫源", "宏达", "华盛", "永兴")
SHOPS = [
    "商贸有限公司",
    "电子商务有限公司",
    "餐饮管理有限公司",
    "建材经营部",
    "物流有限公司",
    "超市",
    "医药连锁店",
    "服装有限公司",
    "汽车服务有限公司",
    "文化传媒有限公司",
    "家政服务有限公司",
    "装饰工程有限公司",
]


def yuzhou() -> Builder:
    b = Builder(
        1,
        {
            "kind": "csv",
            "encoding": "utf-8-sig",
            "zh_headers": False,
            "zh_enums": {"areas": ["level"], "orgs": ["type"], "pairings": ["kind"]},
        },
    )
    r = b.rng
    b.reserve_compound_names("乾隆苑", "碧桂园")
    d = b.area("450902", "玉州区", "district", None, 193000, 560000, 22.6542, 110.1541)
    top = b.org("中共玉林市玉州区委员会", "committee", area=d, members=12600)
    organs = b.org("中共玉林市玉州区直属机关工作委员会", "working_committee", top, members=3100)
    grid_counts = [10] * 16 + [9] * 11  # 259 grids in 27 communities
    comp_counts = [4, 4] + [3] * 25  # 83 compounds
    uncovered_compounds = {("大塘社区", 2), ("人民社区", 2), ("嘉宾社区", 1)}
    street_org, street_area, comm_org, comm_area, comm_street = {}, {}, {}, {}, {}
    compounds: list[tuple[str, str, str | None, str]] = []  # area, name, branch, community
    joint: dict[str, tuple[str, str]] = {}
    ci = 0
    for si, (sname, comms) in enumerate(STREETS.items(), 1):
        sid = b.area(f"450902{si:03d}", sname, "street", d, r.randint(18000, 42000))
        so = b.org(
            f"中共玉林市玉州区{sname}工作委员会",
            "working_committee",
            top,
            sid,
            members=r.randint(900, 2400),
        )
        street_org[sname], street_area[sname] = so, sid
        joint[sname] = (
            b.org(f"{sname}商圈联合党支部", "joint_branch", so, members=r.randint(6, 18)),
            b.org(f"{sname}物业行业联合党支部", "joint_branch", so, members=r.randint(5, 15)),
        )
        b.site(f"{sname}党群服务中心", "street_center", sid, r.randint(800, 1600))
        for k, cname in enumerate(comms, 1):
            hh = r.randint(2200, 6500)
            cid = b.area(
                f"{sid}{k:03d}",
                cname,
                "community",
                sid,
                hh,
                int(hh * 2.8),
                round(22.6542 + r.uniform(-0.04, 0.04), 5),
                round(110.1541 + r.uniform(-0.04, 0.04), 5),
            )
            comm_area[cname], comm_street[cname] = cid, sname
            if cname == "金港社区":  # newly set up; its organisation is still being formed
                b.plant("uncovered-community", cid)
                boss = so
            elif cname == "一环社区":
                boss = b.org("中共一环社区总支部委员会", "general_branch", so, cid, members=108)
                b.plant("org-size", boss)
            else:
                boss = b.org(
                    f"中共{cname}委员会", "committee", so, cid, members=r.randint(120, 380)
                )
            comm_org[cname] = boss
            for g in range(1, grid_counts[ci] + 1):
                gid = b.area(
                    f"{cid}G{g:02d}", f"{cname}第{g}网格", "grid", cid, r.randint(180, 520)
                )
                if (cname, g) in {("江南社区", 9), ("城站社区", 8)}:
                    b.plant("uncovered-grid", gid)
                    continue
                members = 2 if (cname, g) == ("苗园社区", 2) else r.randint(5, 28)
                go = b.org(f"{cname}第{g}网格党支部", "branch", boss, gid, members=members)
                if members == 2:
                    b.plant("org-size", go)
                if (cname, g) == ("铁路社区", 3):  # superior left blank when keyed in
                    b.set_parent(go, None)
                    b.plant("broken-chain", go)
            for c in range(1, comp_counts[ci] + 1):
                name = (
                    "乾隆苑"
                    if cname == "东岳社区" and c == 1
                    else ("碧桂园" if cname == "北辰社区" and c == 1 else b.compound_name())
                )
                hh = r.randint(200, 1600)
                aid = b.area(f"{cid}X{c:02d}", name, "compound", cid, hh, int(hh * 2.7))
                if (cname, c) in uncovered_compounds:
                    b.plant("uncovered-compound", aid)
                    compounds.append((aid, name, None, cname))
                    continue
                members = 62 if name == "乾隆苑" else r.randint(5, 45)
                typ = "joint_branch" if c == 3 and ci % 4 == 0 else "branch"
                word = "联合党支部" if typ == "joint_branch" else "党支部"
                co = b.org(f"{name}小区{word}", typ, boss, aid, members=members)
                if members == 62:
                    b.plant("org-size", co)
                compounds.append((aid, name, co, cname))
                if name in ("乾隆苑", "碧桂园"):  # 楼栋党小组 of the model compounds
                    for n in range(1, 7 if name == "乾隆苑" else 9):
                        bid = b.area(
                            f"{aid}B{n:02d}", f"{name}{n}栋", "building", aid, r.randint(40, 120)
                        )
                        b.org(f"{name}{n}栋党小组", "group", co, bid, members=r.randint(3, 9))
            ci += 1

    # ---- service centres: 80%+ of community centres over 1000 m², 7 over 2000 ------------
    b.site("玉州区党群服务中心", "district_center", d, 3200)
    small = {"广场社区": 780, "旺岭社区": 850, "岭南社区": 920, "西就社区": 960, "嘉宾社区": 990}
    big = {"东岳社区", "北辰社区", "南观社区", "清湾江社区", "江滨社区", "城北社区", "人民社区"}
    for cname, cid in comm_area.items():
        m2 = small.get(cname) or (r.randint(2000, 2600) if cname in big else r.randint(1000, 1900))
        s = b.site(f"{cname}党群服务中心", "community_center", cid, m2)
        if cname in small:
            b.plant("missing-service-site", s)
    new_centres = [500, 520, 600, 680, 750, 1050, 1100, 1200, 1320, 1500]  # built to 500 m²
    old_centres = [380, 460, None] + [r.randint(500, 900) for _ in range(14)]
    for (aid, name, _, _), m2 in zip(compounds[::3], new_centres + old_centres, strict=False):
        s = b.site(f"{name}小区党群服务中心", "compound_center", aid, m2)
        if m2 is not None and m2 < 500:
            b.plant("missing-service-site", s)
    for cname in (
        "东岳社区",
        "北辰社区",
        "南观社区",
        "江滨社区",
        "清湾江社区",
        "城西社区",
        "人民社区",
        "城北社区",
        "名山社区",
        "大塘社区",
    ):
        b.site(f"{cname}“为民红绳”服务站", "station", comm_area[cname], r.randint(60, 180))
    for sname in STREETS:
        b.site(f"{sname}党员驿站", "post", comm_area[STREETS[sname][0]], r.randint(30, 90))

    # ---- 双报到: 205 agencies, institutions, schools, hospitals and SOEs ------------------------
    sources: list[tuple[str, str]] = []  # (unit, its org)

    def organ(name: str, kind: str, area: str, lo: int, hi: int, parent: str) -> None:
        pm = r.randint(lo, hi)
        u = b.unit(name, kind, area, pm * r.randint(2, 4), pm)
        sources.append((u, b.own_org(u, name, parent, pm)))

    for n in AGENCIES:
        organ(n, "agency", d, 12, 90, organs)
    for n in INSTITUTIONS:
        organ(n, "institution", d, 6, 45, organs)
    for sname in STREETS:
        for n in STREET_INSTITUTIONS:
            organ(f"{sname}{n}", "institution", street_area[sname], 4, 20, street_org[sname])
    for n in range(1, 46):
        organ(
            f"玉州区第{n}小学" if n <= 35 else f"玉州区第{n - 35}初级中学",
            "school",
            d,
            8,
            60,
            organs,
        )
    for n in HOSPITALS:
        organ(n, "hospital", d, 20, 260, organs)
    for n in SOES:
        organ(n, "soe", d, 15, 140, organs)
    targets = [c for c in comm_area if c != "铁路社区"]  # 铁路社区: nobody reports there
    b.plant("unpaired-community", comm_area["铁路社区"])
    load = {"区住房和城乡建设局": 4, "区城市管理局": 5}
    unit_name = {u["id"]: u["name"] for u in b.rows["units"]}
    pm_of = {u["id"]: u["party_members"] for u in b.rows["units"]}
    t = 0
    for i, (u, o) in enumerate(sources):
        n = load.get(unit_name[u], 2 if i % 7 == 0 else 1)
        if n > 3:
            b.plant("overloaded-unit", u)
        for _ in range(n):
            rep = min(pm_of[u], r.randint(18, 40))
            b.pair(u, comm_area[targets[t % len(targets)]], "dual_report", rep, b.date(2019))
            t += 1
        if i < 90:  # 200多个党组织进驻城市各小区: the unit's org adopts a compound
            aid, _, _, cname = compounds[(i * 7) % len(compounds)]
            if cname != "铁路社区":
                b.pair(o, aid, "dual_report", None, b.date(2020))

    # ---- two-new units, property companies and owners' committees -----------------------------
    cnames = list(comm_area)
    for i in range(60):
        cname = cnames[(i * 5) % len(cnames)]
        name = f"玉林市{TRADE[i // len(SHOPS)]}{SHOPS[i % len(SHOPS)]}"
        if i == 59:  # three members, no organisation of its own, nobody covering it
            u = b.unit("玉林市城站电子商务有限公司", "enterprise", comm_area[cname], 40, 3)
            b.plant("unit-should-establish", u)
        elif i < 15:
            pm = r.randint(3, 25)
            u = b.unit(name, "enterprise", comm_area[cname], pm * r.randint(3, 8), pm)
            b.own_org(u, name, comm_org[cname], pm)
        else:
            pm = None if i % 11 == 0 else r.randint(0, 2)
            u = b.unit(name, "enterprise", comm_area[cname], r.randint(5, 60), pm)
            if i % 3 == 0:
                b.cover(street_org[comm_street[cname]], u, "instructor")
            else:
                b.cover(joint[comm_street[cname]][0], u, "joint")
    social_units = {}
    for i, name in enumerate(SOCIAL):
        cname = next((c for c in cnames if name.startswith(c[:2])), cnames[i])
        if i == 15:  # a new mutual-aid association nobody has reached yet
            u = b.unit(name, "social_org", comm_area[cname], 12, 0)
            b.plant("unit-uncovered", u)
        elif i < 4:
            pm = r.randint(3, 8)
            u = b.unit(name, "social_org", comm_area[cname], pm * 4, pm)
            b.own_org(u, name, comm_org[cname], pm)
        else:
            u = b.unit(name, "social_org", comm_area[cname], r.randint(5, 40), r.randint(0, 2))
            b.cover(street_org[comm_street[cname]], u, "instructor")
        social_units[cname] = u
    property_units: list[tuple[str, str]] = []  # (unit, street)
    for i, (aid, name, _, cname) in enumerate(compounds[::2][:40]):
        sname = comm_street[cname]
        pname = f"玉林市{name}物业服务有限公司"
        if i == 39:  # four members, only under the joint branch: should set up its own
            u = b.unit(pname, "property_company", aid, 30, 4)
            b.cover(joint[sname][1], u, "joint")
            b.plant("unit-should-establish", u)
        elif i < 25:
            pm = r.randint(3, 12)
            u = b.unit(pname, "property_company", aid, pm * 6, pm)
            b.own_org(u, pname, comm_org[cname], pm)
        else:
            u = b.unit(pname, "property_company", aid, r.randint(8, 30), r.randint(0, 2))
            b.cover(joint[sname][1], u, "joint")
        property_units.append((u, sname))
    for i, (aid, name, branch, cname) in enumerate(compounds[1::2][:30]):
        if i == 29:  # elected this spring, not yet reached
            u = b.unit(f"{name}业主委员会", "owners_committee", aid, None, None)
            b.plant("unit-uncovered", u)
            continue
        u = b.unit(f"{name}业主委员会", "owners_committee", aid, r.randint(5, 9), r.randint(0, 2))
        b.cover(branch or comm_org[cname], u, "joint" if branch else "instructor")

    # ---- alliances: street 大工委, district joint meeting, community 大党委, red property -----
    joint_meeting = b.alliance("玉州区城市基层党建联席会议", "other", top, d)
    b.member(joint_meeting, organs)
    pt_property: dict[str, str] = {}
    for sname, comms in STREETS.items():
        a = b.alliance(
            f"{sname}大工委",
            "big_committee",
            street_org[sname],
            next(x["id"] for x in b.rows["areas"] if x["name"] == sname),
        )
        for cname in comms:
            if cname in ("金港社区", "大北社区"):
                continue
            b.member(a, comm_org[cname], "member" if cname != comms[1] else None)
        b.member(joint_meeting, street_org[sname])
        b.member(joint_meeting, comm_org[comms[0]])  # the 五好 model community of the street
        pu = next(u for u, s in property_units if s == sname)
        pt_property[sname] = pu
        b.member(a, pu, "part_time_member")
        b.member(a, sources[list(STREETS).index(sname)][0], "part_time_member")
    b.plant("isolated-org", comm_org["大北社区"])
    for i, cname in enumerate(("东岳社区", "北辰社区", "江滨社区")):
        a = b.alliance(f"{cname}大党委", "big_committee", comm_org[cname], comm_area[cname])
        b.member(a, social_units.get(cname) or sources[40][0], "part_time_member")
        b.member(a, sources[60 + i][0], "part_time_member")
        if cname == "江滨社区":  # its property company also sits on the street 大工委
            b.member(a, pt_property["南江街道"], "part_time_member")
        else:
            b.plant("alliance-single-point", comm_org[cname])
    housing = next(o for u, o in sources if unit_name[u] == "区住房和城乡建设局")
    red = b.alliance("玉州区“红色物业”党建联盟", "industry", housing, d)
    bridge = pt_property["城北街道"]
    b.member(red, bridge)
    b.plant("alliance-single-point", bridge)
    others = [u for u, _ in property_units if u not in pt_property.values()]
    for u in others[:7]:
        b.member(red, u)
    return b
