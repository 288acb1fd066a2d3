"""Catalogue entries: outputs (table, CSV, Markdown, workbooks, the report, PDF, template).

Besides the messages (:data:`ZH`), the Chinese of the output tables' column headers
(:data:`HEADERS`, keyed by the English header, which is also the JSON field), of the workbook
sheets (:data:`SHEETS`) and of the severities (:data:`SEVERITY_WORDS`).
"""

ZH: dict[str, str] = {
    "cannot write {path}: folder {folder} does not exist": (
        "无法写入 {path}：文件夹 {folder} 不存在"
    ),
    "cannot write {path}: {reason}": "无法写入 {path}：{reason}",
    "Party organisation coverage: {level}": "{level}党组织覆盖率",
    "Two-new organisations: single-build rate": "两新组织单建率",
    "Two-new organisations: coverage rate": "两新组织覆盖率",
    "Communities and villages paired": "社区/村结对率",
    "Compound Party organisations": "小区党组织",
    " organisations": "个",
    "Serving members reported": "在职党员报到人数",
    " members": "名",
    "enabled": "启用",
    "disabled": "停用",
    "--format {fmt} writes a file: give it with -o FILE.{fmt}": (
        "--format {fmt} 输出的是文件，请用 -o 文件名.{fmt} 指定"
    ),
    "--encoding applies to --format csv only": "--encoding 只用于 --format csv",
    "'{char}' (line {line}) cannot be written in {encoding}; use --encoding utf-8-sig or gb18030": (
        "“{char}”（第 {line} 行）无法用 {encoding} 编码写出；请改用 --encoding utf-8-sig 或 gb18030"
    ),
    "{severity} ({count})": "{severity}（{count}）",
    "Rule": "规则",
    "Id": "编号",
    "Name": "名称",
    "Area": "区域",
    "Message": "说明",
    "orggraph audit — {dataset}: {counts}": "orggraph 审计 — {dataset}：{counts}",
    "Note: {note}": "注：{note}",
    "Audit of {dataset}": "审计结果：{dataset}",
}

HEADERS: dict[str, str] = {
    "severity": "严重程度",
    "rule_title": "规则",
    "rule": "规则编号",
    "subject_id": "对象编号",
    "subject_name": "对象名称",
    "subject_label": "对象类型",
    "street": "街道（镇）",
    "street_id": "街道编号",
    "area_path": "所在区域",
    "message": "说明",
    "indicator": "指标",
    "value": "数值",
    "unit": "单位",
    "part": "达标数",
    "total": "总数",
    "key": "键",
    "level": "层级",
    "covered": "已覆盖",
    "rate": "覆盖率（%）",
    "enabled": "是否启用",
    "thresholds": "阈值",
    "findings": "问题数",
    "explanation": "规则说明",
    "source": "依据",
}

SHEETS: dict[str, str] = {
    "findings": "问题清单",
    "headline": "主要指标",
    "by_street": "分街道",
    "rules": "规则",
    "metrics": "网络指标",
}

SEVERITY_WORDS: dict[str, str] = {"error": "错误", "warning": "警告", "info": "提示"}
