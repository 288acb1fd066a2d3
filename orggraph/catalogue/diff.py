"""Catalogue entries: diff, trend and the progress section of the report."""

ZH: dict[str, str] = {
    # headline figures (orggraph.progress.rates)
    "community coverage": "社区党组织覆盖率",
    "village coverage": "村党组织覆盖率",
    "compound coverage": "小区党组织覆盖率",
    "grid coverage": "网格党组织覆盖率",
    "two-new single-build rate": "两新组织单建率",
    "two-new coverage rate": "两新组织党建覆盖率",
    "communities paired": "社区（村）结对率",
    "compound Party organisations": "小区党组织数",
    "serving members reported": "在职党员报到人数",
    # summary sentences (orggraph.progress.summary)
    "{n} communities": "社区{n}个",
    "{n} villages": "村{n}个",
    "{n} compounds": "小区{n}个",
    "{n} grids": "网格{n}个",
    "This period {n} blanks were filled ({parts})": "本期填补空白点{n}个（{parts}）",
    "This period {n} blanks were filled": "本期填补空白点{n}个",
    "{new} new problems appeared, {resolved} were resolved and {open} remain open": (
        "新出现问题{new}个，整改销号问题{resolved}个，仍有问题{open}个"
    ),
    "{what} rose from {old} to {new}": "{what}由{old}提高到{new}",
    "{what} fell from {old} to {new}": "{what}由{old}下降到{new}",
    "The headline rates are unchanged": "各项主要指标与上期持平",
    "streets added: {names}": "新增街道（镇）{names}",
    "streets removed: {names}": "撤销街道（镇）{names}",
    "{old} renamed {new}": "{old}更名为{new}",
    "{table}: {added} added, {removed} removed, {changed} changed": (
        "{table}新增{added}个、减少{removed}个、信息变更{changed}个"
    ),
    "Records: {parts}": "台账变化：{parts}",
    # diff and trend outputs (orggraph.progress.render, .trend, .section)
    "Findings: resolved, new and persisting": "问题对比：已整改、新出现、仍存在",
    "Rates, old → new": "指标变化（上期 → 本期）",
    "Records added, removed and changed": "台账变化：新增、减少、变更",
    "orggraph diff — {old} → {new}": "orggraph 对比 — {old} → {new}",
    "Snapshot": "期次",
    "error findings": "错误",
    "warning findings": "警告",
    "info findings": "提示",
    "findings in all": "问题总数",
    "Headline rates over time": "主要指标变化",
    "Finding counts": "问题数",
    "Trend of the headline rates": "趋势",
    "Coverage per street or town": "各街道（镇）党组织覆盖率",
    "Resolved findings": "已整改的问题",
    "New findings": "新出现的问题",
    "Progress since the last snapshot": "与上期相比",
    # the commands (orggraph.cli.progress)
    "'{spec}': give the dataset name after '{prefix}'": "“{spec}”：请在“{prefix}”后写出数据集名称",
    "trend needs two or more snapshots, oldest first": "trend 需要两期或更多期数据，按时间先后排列",
    "Finding changes": "问题变化",
    "Rate changes": "指标变化",
    "Record changes": "记录变化",
}
