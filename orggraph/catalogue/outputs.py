"""Catalogue entries: outputs (table, CSV, Markdown, workbooks, the report, PDF, template).

Besides the messages (:data:`ZH`), the Chinese of the output tables' column headers
(:data:`HEADERS`, keyed by the English header, which is also the JSON field), of the workbook
sheets (:data:`SHEETS`) and of the severities (:data:`SEVERITY_WORDS`).
"""

from orggraph.findings import SEVERITY_WORDS as _FINDINGS_SEVERITY_WORDS

ZH: dict[str, str] = {
    "not recorded": "未填",
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
    "the template is an .xlsx workbook: name it OUT.xlsx": (
        "模板是 .xlsx 工作簿：请用 .xlsx 结尾的文件名"
    ),
    "a report is .html or .pdf, not '{suffix}'": "报告只能写成 .html 或 .pdf，不能是“{suffix}”",
    "a map is an .html page, not '{suffix}'": "网络图是 .html 网页，不能写成“{suffix}”",
    "writing a PDF needs Chromium, and none was found{where}; install it "
    "(Debian/Ubuntu: sudo apt-get install chromium) or set ORGGRAPH_CHROMIUM to its "
    "path, or write the report as .html": (
        "生成 PDF 需要 Chromium 浏览器，但没有找到{where}；请安装"
        "（Debian/Ubuntu：sudo apt-get install chromium），或用 ORGGRAPH_CHROMIUM 指定其路径，"
        "或把报告写成 .html"
    ),
    "Chromium took longer than {seconds} s to print the PDF": (
        "Chromium 生成 PDF 超过 {seconds} 秒，已停止"
    ),
    "cannot run Chromium ({binary}): {reason}": "无法运行 Chromium（{binary}）：{reason}",
    "Chromium could not print the PDF (exit {code}): {said}": (
        "Chromium 未能生成 PDF（退出码 {code}）：{said}"
    ),
    "Loading into Neo4j": "正在写入 Neo4j",
    "… and {more} more {severity} findings: --format csv, xlsx, json or markdown lists every one": (
        "……另有 {more} 条{severity}未列出：--format csv、xlsx、json 或 markdown 列出全部"
    ),
    "Party organisation audit report": "党建组织体系审计报告",
    "Headline rates": "主要指标",
    "Findings": "问题清单",
    "By severity": "按严重程度",
    "By street or town": "按街道（镇）",
    "Street / town": "街道（镇）",
    "(above street level)": "（街道以上）",
    "Total": "合计",
    "Severity": "严重程度",
    "Subject": "对象",
    "Rules": "规则说明",
    "Source": "依据",
    "Default severity": "默认级别",
    "Number of findings": "问题数",
    "Maps": "网络图",
    "Click a column heading to sort.": "点击表头排序。",
    "No findings.": "未发现问题。",
    "Notes": "说明",
    "Required.": "必填。",
    "Optional; empty means unknown, not zero.": "选填；空白表示未知，不是 0。",
    "Text; kept as written (leading zeros count).": "文本，按原样保存（前导零有效）。",
    "The id of a row in: {tables}.": "填写以下表中已有的编号：{tables}。",
    "A number.": "填数字。",
    "A date, YYYY-MM-DD.": "填日期，格式 YYYY-MM-DD。",
    "Choose from the list: {words}.": "从下拉列表中选择：{words}。",
    "{table} has {rows} rows, more than a sheet holds ({limit}); write CSV instead": (
        "{table} 有 {rows} 行，超过一张工作表的容量（{limit} 行）；请改用 CSV"
    ),
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

SEVERITY_WORDS: dict[str, str] = _FINDINGS_SEVERITY_WORDS["zh"]

# The template workbook (`orggraph template`): what each column holds, in the planner's words
# (DATASET.md's meanings), keyed by "table.column".  The note on each header adds whether the
# column is required, what kind of value it takes and, for a choice, the words offered.
COLUMN_MEANINGS: dict[str, str] = {
    "areas.id": "区域编号，在整个数据集中唯一（如行政区划代码）",
    "areas.name": "区域名称",
    "areas.level": "层级：区/县、街道、镇/乡、社区、村、小区、网格、楼栋",
    "areas.parent_id": "上级区域的编号；只有最上级（区/县）可以不填；上级层级必须更高",
    "areas.households": "户数",
    "areas.population": "人口数",
    "areas.lat": "纬度（WGS-84，度）",
    "areas.lon": "经度（WGS-84，度）",
    "orgs.id": "党组织编号，在整个数据集中唯一",
    "orgs.name": "党组织名称",
    "orgs.type": "党组织类型",
    "orgs.parent_id": "上级党组织的编号；只有最上级党委可以不填",
    "orgs.area_id": "该党组织负责的区域编号（如社区党委负责的社区）",
    "orgs.unit_id": "该党组织所在单位的编号（单建）",
    "orgs.members": "正式党员人数",
    "units.id": "单位编号，在整个数据集中唯一",
    "units.name": "单位名称",
    "units.kind": "单位类别",
    "units.area_id": "单位所在区域的编号",
    "units.employees": "职工人数",
    "units.party_members": "单位中的正式党员人数",
    "unit_coverage.org_id": "覆盖该单位的党组织编号（联合党支部或派出党建指导员的党组织）",
    "unit_coverage.unit_id": "被覆盖的单位编号（该单位没有自己的党组织）",
    "unit_coverage.kind": "覆盖方式：联建或党建指导员",
    "alliances.id": "党建联盟编号，在整个数据集中唯一",
    "alliances.name": "党建联盟名称",
    "alliances.kind": "联盟类别",
    "alliances.lead_org_id": "牵头党组织的编号",
    "alliances.area_id": "联盟覆盖范围的区域编号",
    "alliance_members.alliance_id": "党建联盟编号",
    "alliance_members.member_id": "成员的编号：党组织或单位",
    "alliance_members.role": "角色：牵头、成员（不填即成员）、兼职委员",
    "pairings.source_id": "结对来源：单位或党组织的编号",
    "pairings.area_id": "结对的社区、村或小区的编号",
    "pairings.kind": "结对方式",
    "pairings.members_reported": "到社区报到的在职党员人数",
    "pairings.since": "结对起始日期（YYYY-MM-DD）",
    "sites.id": "党群服务阵地编号，在整个数据集中唯一",
    "sites.name": "阵地名称",
    "sites.level": "阵地层级",
    "sites.area_id": "阵地服务的区域编号",
    "sites.floor_area_m2": "面积（平方米）",
}

# The template's 说明 sheet: how to fill the workbook in (above the contract's columns), the
# headers of its table of columns, and the words for "required: yes / no".  The template is for
# planners and is written in Chinese whatever the message language.
TEMPLATE_GUIDE: tuple[str, ...] = (
    "orggraph 数据模板",
    "每张工作表对应一类数据，表名（areas、orgs…）不要修改；“说明”表不会被读取。",
    "从表头下一行起，每行填写一条记录；不要留示例行、合计行或备注行（本模板不含示例行）。",
    "鼠标移到表头可看该列说明；带底色的列必须填写，其余可空（空白表示未知，不是 0）。",
    "编号列已设为文本格式：编号在整个数据集中唯一，前导零有效。",
    "带下拉箭头的列请从列表中选择中文词；也可以填写英文代码。",
    "区域表（areas）和党组织表（orgs）必须填写；其他表没有数据时保留表头即可。",
    "例如 areas 表的一行：编号 450902001，名称 玉城街道，层级 街道，上级编号 450902。",
    "填好后运行 orggraph validate 本文件.xlsx 检查，再运行 orggraph audit 本文件.xlsx 审计。",
)
TEMPLATE_GUIDE_COLUMNS: tuple[str, ...] = ("工作表", "数据", "列名", "英文列名", "必填", "填写说明")
YES_NO: tuple[str, str] = ("是", "否")
