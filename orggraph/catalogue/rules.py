"""Catalogue entries: the audit rules' titles, explanations and finding messages."""

ZH: dict[str, str] = {
    "{level} “{name}” has no Party organisation responsible for it": (
        "{level}“{name}”没有负责的党组织"
    ),
    "“{name}” has {members} formal Party members and should set up its own organisation": (
        "“{name}”有正式党员{members}名，应单独建立党组织"
    ),
    "{kind} “{name}” has no organisation of its own, no joint branch and no instructor": (
        "{kind}“{name}”既未单建党组织，也没有联建党组织或党建指导员"
    ),
    "{type} “{name}” has no superior organisation": "{type}“{name}”没有上级党组织",
    "“{name}” is on a loop of superiors (superior: {parent})": (
        "“{name}”的上级关系形成闭环（上级：{parent}）"
    ),
    "{type} “{name}” has {members} members, more than {limit}: split it": (
        "{type}“{name}”有党员{members}名，超过{limit}名，宜分设"
    ),
    "{type} “{name}” has only {members} members, fewer than {limit}": (
        "{type}“{name}”只有党员{members}名，少于{limit}名"
    ),
    "{level} “{name}” has {count} paired sources (at least {need} required)": (
        "{level}“{name}”只有{count}个结对单位（要求至少{need}个）"
    ),
    "“{name}” is paired with {count} areas, more than {cap}": (
        "“{name}”结对{count}个区域，超过{cap}个"
    ),
    "{level} “{name}” has no community Party service centre": "{level}“{name}”没有社区党群服务中心",
    "“{name}” has {area} m², below the {level} standard of {need} m²": (
        "“{name}”面积{area}㎡，低于{level}标准{need}㎡"
    ),
    "“{name}” is responsible for a community or village but belongs to no alliance": (
        "“{name}”负责社区/村，但没有加入任何党建联盟"
    ),
    "links {count} alliances: without it the alliance network splits": (
        "连接{count}个联盟，退出后联盟网络将分裂"
    ),
    "source: {source}": "来源：{source}",
    # Rule titles and explanations ({threshold} fields take the thresholds in force).
    "Community or village without a Party organisation": "社区/村未覆盖",
    (
        "A community or village that no Party organisation is responsible for: a blank in the "
        "coverage."
    ): ("没有任何党组织负责的社区或村，是组织覆盖的空白点。"),
    "Compound without a Party organisation": "小区未覆盖",
    "A residential compound that no Party organisation is responsible for.": (
        "没有党组织负责的小区（应建小区党支部）。"
    ),
    "Grid without a Party organisation": "网格未覆盖",
    "A grid that no Party organisation is responsible for.": (
        "没有党组织负责的网格（把组织设置嵌入网格）。"
    ),
    "Unit that should have its own Party organisation": "应建未建",
    (
        "A unit with {establish_min_members} or more formal Party members but no organisation "
        "established in it, whatever else covers it."
    ): (
        "正式党员达到{establish_min_members}人以上、"
        "但没有单独建立党组织的单位（无论是否已被联建或派驻指导员）。"
    ),
    "Two-new organisation not covered": "两新组织未覆盖",
    (
        "A two-new unit (enterprise, social organisation, property company, owners' committee) "
        "with fewer than {establish_min_members} or unknown members, no own organisation, no joint "
        "branch and no instructor."
    ): (
        "党员不足{establish_min_members}人或人数不详的非公企业、社会组织、物业企业、业委会，"
        "既未单建，也没有联建党组织或党建指导员。"
    ),
    "Broken chain of command": "组织链条断层",
    (
        "An organisation that is not a committee yet has no superior, or whose chain of superiors "
        "loops (every organisation on the loop is listed)."
    ): ("不是党委却没有上级党组织，或上级关系形成闭环（闭环上的每个组织都列出）。"),
    "Branch size out of range": "支部规模不当",
    (
        "A branch (incl. joint and temporary) with more than {branch_max_members} or fewer than "
        "{branch_min_members} members, or a general branch with more than "
        "{general_branch_max_members}."
    ): (
        "党支部（含联合、临时党支部）党员超过{branch_max_members}人或不足{branch_min_members}人，"
        "党总支超过{general_branch_max_members}人。"
    ),
    "Community or village without enough pairings": "社区/村未结对",
    (
        "A community or village with fewer than {min_pairings} distinct paired sources (dual "
        "report, liaison, contract, co-building agreement)."
    ): ("结对（双报到、联系挂点、包联、共建协议）的单位或党组织少于{min_pairings}个的社区或村。"),
    "Pairing source carrying too many areas": "结对负担过重",
    "A unit or organisation paired with more than {max_pairings} areas.": (
        "同一单位或党组织结对（包联）的区域超过{max_pairings}个。"
    ),
    "Service site missing or below standard": "阵地缺失或不达标",
    (
        "A community or village with no community centre, or a centre below its floor-area "
        "standard (community {community_center_min_m2} m², compound {compound_center_min_m2} m²)."
    ): (
        "没有社区党群服务中心的社区或村；面积低于标准的服务中心（社区{community_center_min_m2}㎡，"
        "小区{compound_center_min_m2}㎡）。"
    ),
    "Community organisation in no alliance": "社区党组织未入联盟",
    (
        "An organisation responsible for a community or village that belongs to no alliance (a "
        "lead organisation counts as a member)."
    ): ("负责社区或村的党组织没有加入任何党建联盟（牵头组织视为成员）。"),
    "Single point of the alliance network": "联盟网络单点",
    (
        "An articulation point of the alliance network: removing it splits its component (two "
        "members are linked when they share an alliance)."
    ): ("联盟网络的关节点：一旦退出，所在的联盟网络就会分裂（同属一个联盟的成员视为相连）。"),
}
