"""Catalogue entries: plan (orggraph plan, its actions and reasons) and writing a dataset."""

ZH: dict[str, str] = {
    # actions: the sentence a planner puts in a work plan
    "put {org} under {superior}": "将{org}隶属关系调整至{superior}",
    "{superior} to set up {org} in {area}": "由{superior}在{area}新建{org}",
    "establish {org} in {unit} ({n} formal members), under {superior}": (
        "在{unit}（正式党员{n}名）单独组建{org}，隶属{superior}"
    ),
    "form {org} under {superior}, covering {units} ({n} formal members)": (
        "由{superior}牵头组建{org}，覆盖{units}（正式党员{n}名）"
    ),
    "{units} to join {org}": "{units}纳入{org}联建覆盖",
    "{org} to send a Party-building instructor to {unit}": "由{org}向{unit}选派党建指导员",
    "split {org} ({n} members) into {k} organisations of {shares} members": (
        "将{org}（党员{n}名）分设为{k}个组织，党员分别为{shares}名"
    ),
    "merge {org} ({n} members) into {sibling}, which then has {total}": (
        "将{org}（党员{n}名）并入{sibling}，合并后党员{total}名"
    ),
    "{source} to pair with {area} ({kind})": "{source}与{area}结对（{kind}）",
    "{source} to hand over its pairing with {areas}": "{source}不再结对{areas}，移交其他单位",
    "{member} to join {alliance}": "{member}加入{alliance}",
    "{lead} to lead a new {alliance} joining {orgs}": "由{lead}牵头新建{alliance}，吸纳{orgs}",
    "build {site} of at least {m2} m² for {area}": "为{area}新建{site}，面积不少于{m2}㎡",
    "extend {site} by {short} m² (from {have} to {need} m²)": (
        "{site}扩建{short}㎡（由{have}㎡增至{need}㎡）"
    ),
    # reasons
    "{superior} is responsible for the nearest area above {org}'s own": (
        "{superior}负责{org}所在区域的最近上级区域"
    ),
    "{superior} is responsible for the nearest area above {area}": (
        "{superior}负责{area}的最近上级区域"
    ),
    "{superior} covers the unit today": "{superior}目前覆盖该单位",
    "{superior} is responsible for the unit's community or the nearest area above it": (
        "{superior}负责该单位所在社区或其最近上级区域"
    ),
    "together these units have at least {low} formal members": (
        "这些单位合计正式党员不少于{low}名"
    ),
    "{org} has room for their formal members": "{org}尚有容纳其党员的余量",
    "no joint branch nearby can take this unit": "附近没有可容纳该单位的联合党支部",
    "at most {limit} members each": "每个组织党员不超过{limit}名",
    "a sibling branch in the same community with room": "同一社区内有余量的同级支部",
    "a source in the same street, cost {cost}": "同一街道内的结对单位，代价{cost}",
    "no source in the same street has capacity left; cost {cost}": (
        "本街道内没有尚有结对余量的单位，跨街道结对，代价{cost}"
    ),
    "it may carry at most {max} areas; it keeps {kept}": "每个单位最多结对{max}个区域；保留{kept}",
    "its scope {scope} contains the org's area": "该联盟范围{scope}包含本组织负责的区域",
    "the alliance with the most members in {street}": "{street}内成员最多的联盟",
    "no alliance reaches {street} yet": "{street}尚无党建联盟",
    "a second link round the single points of its part of the alliance network": (
        "为联盟网络中的单点增加第二条联系"
    ),
    "a community centre is the standard for every community and village": (
        "每个社区和村都应有社区党群服务中心"
    ),
    "the standard for a {level} is {need} m²": "{level}面积标准为{need}㎡",
    # why a finding stays unresolved
    "no organisation is responsible for any area above {area}": (
        "{area}的上级区域均没有负责的党组织"
    ),
    "{org} has no area of its own or of its unit to place it by": (
        "{org}既无负责区域，所在单位也无区域，无法确定上级"
    ),
    "no org of this loop has an area to place it by": "闭环上的组织都没有可据以确定上级的区域",
    "the unit has no area, so no organisation near it": "该单位没有所在区域，找不到就近的党组织",
    "it is a pairing source or an alliance member; merge it by hand": (
        "该支部承担结对或联盟成员职责，请人工合并"
    ),
    "its unit has enough members to keep an organisation of its own": (
        "所在单位党员人数达到单独建立党组织的要求"
    ),
    "no sibling branch in the same community has room for its members": (
        "同一社区内没有尚有余量的同级支部"
    ),
    "no pairing source anywhere has capacity left (at most {max} areas each)": (
        "本街道内没有尚有结对余量的单位，其他街道也没有（每个单位最多结对{max}个区域）"
    ),
    "its area lies in no street and no alliance reaches it": (
        "所在区域不属于任何街道，也没有联盟覆盖"
    ),
    "no membership found that removes this single point": "未找到能消除该单点的成员调整",
    "the plan has no action that closes this finding": "方案中没有能解决该问题的措施",
    "follows from the plan itself: {message}": "由方案本身引起：{message}",
    "plan setting '{key}' must be one of {allowed}": "方案设置“{key}”必须是以下之一：{allowed}",
    # the plan's output
    "Mend the chain of command": "理顺隶属关系",
    "New community organisations": "新建社区（村）党组织",
    "New compound and grid branches": "新建小区、网格党支部",
    "Organisations units should establish": "应建未建单位单独组建",
    "New joint branches": "新建联合党支部",
    "Units joining joint branches": "纳入现有联合党支部",
    "Party-building instructors": "选派党建指导员",
    "Branches to split": "分设支部",
    "Branches to merge": "合并支部",
    "New pairings": "新增结对",
    "Pairings to hand over": "移交结对",
    "Alliance memberships for isolated organisations": "未入盟党组织加入联盟",
    "New street alliances": "新建街道大工委",
    "Memberships against single points": "消除联盟网络单点",
    "Service centres to build": "新建党群服务中心",
    "Service centres to extend": "扩建党群服务中心",
    "Unresolved": "未解决",
    "Plan: {dataset}": "工作方案：{dataset}",
    "Optimisers": "优化结果",
    "Before:": "实施前：",
    "After:": "实施后：",
    "{dataset}: {actions} actions, {unresolved} findings unresolved "
    "(findings before {before}, after {after})": (
        "{dataset}：措施{actions}项，未解决问题{unresolved}个（实施前问题{before}个，实施后{after}个）"
    ),
    "Pairing (minimum-cost flow): {new} new, {dropped} handed over, cost {cost}, "
    "unmet need {unmet}, optimal: {optimal}": (
        "结对（最小费用流）：新增{new}个，移交{dropped}个，代价{cost}，未满足需求{unmet}，"
        "最优：{optimal}"
    ),
    "Joint branches: {new} new (lower bound {bound}), {joined} of {units} units in a "
    "branch, {instructors} instructors, optimal: {optimal}": (
        "联合党支部：新建{new}个（下界{bound}），{units}个单位中{joined}个纳入支部，"
        "选派指导员{instructors}名，最优：{optimal}"
    ),
    "Alliance single points: {n} new memberships (block–cut lower bound {bound}), "
    "optimal: {optimal}": "联盟网络单点：新增成员关系{n}个（块割树下界{bound}），最优：{optimal}",
    "wrote the planned dataset to {path}": "已将实施方案后的数据集写入{path}",
    # the plan in the meeting report
    "Work plan by street": "工作方案（按街道）",
    "Kind": "类别",
    "Action": "措施",
    "Reason": "理由",
    "Rates before and after the plan": "实施前后的主要指标",
    # the plan over a map
    "kind": "类别",
    "plan": "方案",
    "membership the plan proposes": "方案拟新增的联盟成员关系",
    "responsibility the plan proposes": "方案拟新增的负责关系",
    "organisation or alliance the plan proposes": "方案拟新建的党组织、联盟",
    "Pink: what the plan proposes ({n} actions).": (
        "粉色节点与粉色虚线为工作方案拟议的内容（措施{n}项）。"
    ),
    "{n} proposed links have an end this map does not show.": (
        "另有{n}条拟议联系的一端未在本图显示。"
    ),
    "--plan draws over the alliances or coverage view": (
        "--plan 只能叠加在 alliances 或 coverage 视图上"
    ),
    # writing a dataset
    "cannot write the dataset to {path}: folder {folder} does not exist": (
        "无法将数据集写入{path}：文件夹{folder}不存在"
    ),
    "cannot write the dataset to {path}: {reason}": "无法将数据集写入{path}：{reason}",
    "Plan actions": "方案措施",
    "Unresolved findings": "未解决问题",
    "Rates before and after": "实施前后指标",
}
