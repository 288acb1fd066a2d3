"""Catalogue entries: the audit's finding messages (orggraph/rules/) and the rule listing."""

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
}
