"""Catalogue entries: reading and validating a dataset."""

ZH: dict[str, str] = {
    # validate
    "OK: {dataset} is a valid dataset ({sizes})": "通过：{dataset} 是有效的数据集（{sizes}）",
    "'{value}' is not a number": "“{value}”不是数字",
    "required {kind} '{table}' ({label}) is missing": "缺少必需的{kind}“{table}”（{label}）",
    "sheet": "工作表",
    "file": "文件",
    "ignored": "未读取",
    " (is this {table}? rename it '{name}')": "（是 {table} 表吗？请改名为“{name}”）",
    "; found: {found}": "；找到的：{found}",
    "; did you mean '{value}'?": "；是否应为“{value}”？",
    "parent '{parent}' is a {parent_level} but a {level} must sit inside a higher level "
    "(district > street/town > community/village > compound > grid > building)": (
        "上级“{parent}”的层级是 {parent_level}，而 {level} 必须隶属于更高的层级"
        "（区/县 > 街道/镇 > 社区/村 > 小区 > 网格 > 楼栋）"
    ),
    "{column} is required but empty": "{column} 为必填项，但此处为空",
    "'{value}' is not a valid {column}{hint} (expected one of: {accepted})": (
        "“{value}”不是有效的 {column}{hint}（可填：{accepted}）"
    ),
    "duplicate id '{id}' (first used in {file} row {row}); ids must be unique across the "
    "whole dataset": "编号“{id}”重复（首次出现在 {file} 第 {row} 行）；整个数据集中编号必须唯一",
    "'{value}' is not a date (use YYYY-MM-DD)": "“{value}”不是日期（请写成 YYYY-MM-DD）",
    "… and {n} more rows like these (validate --format json lists them all)": (
        "……另有 {n} 行同类问题（validate --format json 会全部列出）"
    ),
    "'{value}' is not an id in {tables}{kind}{hint}": "“{value}”不是 {tables} 中的编号{kind}{hint}",
    "; an id of another kind": "；它是另一类对象的编号",
    "missing required column '{column}'{alias}": "缺少必需的列“{column}”{alias}",
    "'{value}' must not be negative": "“{value}”不能为负数",
    "'{value}' is outside the sane range {lo:g}..{hi:g}": "“{value}”超出合理范围 {lo:g}..{hi:g}",
    "'{value}' is not a finite number": "“{value}”不是有限的数字",
    "'{value}' is a code Excel showed in scientific notation: its digits are lost. Format "
    "the column as Text (设置单元格格式 → 文本), type the codes again, and save": (
        "“{value}”是被 Excel 显示成科学计数法的编码，后面的数字已经丢失。请把该列设为文本"
        "（设置单元格格式 → 文本），重新录入编码后保存"
    ),
    "has a header but no rows": "只有表头，没有数据行",
    # sniff
    "open it in Excel or WPS and save it as an Excel workbook (另存为 .xlsx)": (
        "请用 Excel 或 WPS 打开，另存为 Excel 工作簿（.xlsx）"
    ),
    "the workbook's XML inflates to {mb} MB or more; at most {limit} MB are read": (
        "工作簿解压后的 XML 达到 {mb} MB 以上；最多读取 {limit} MB"
    ),
    "not a workbook (neither .xlsx nor .xls inside): {how}": (
        "这不是工作簿（内容既不是 .xlsx 也不是 .xls）：{how}"
    ),
    "a WPS spreadsheet (.et) is not read: {how}": "不读取 WPS 表格（.et）文件：{how}",
    "the file is {mb} MB; at most {limit} MB are read": "文件有 {mb} MB；最多读取 {limit} MB",
    "this is a web page (HTML) saved with a {suffix} name, not a workbook: {how}": (
        "这是以 {suffix} 为扩展名保存的网页（HTML），不是工作簿：{how}"
    ),
    "this is an Excel 2003 XML spreadsheet saved with a {suffix} name: {how}": (
        "这是以 {suffix} 为扩展名保存的 Excel 2003 XML 表格：{how}"
    ),
    "this is an old-format .xls workbook renamed {suffix}: {how}": (
        "这是改了扩展名为 {suffix} 的旧版 .xls 工作簿：{how}"
    ),
    "cannot open the file ({error})": "无法打开文件（{error}）",
    "the workbook is protected by a password (encrypted): open it in Excel or WPS, remove the "
    "password (文件 → 信息 → 用密码进行加密 / 文档加密), save it, and try again": (
        "工作簿设置了打开密码（已加密）：请用 Excel 或 WPS 打开，取消密码"
        "（文件 → 信息 → 用密码进行加密 / 文档加密），保存后再试"
    ),
    "not a readable .xlsx workbook ({error})": "不是可读取的 .xlsx 工作簿（{error}）",
    "part {part} would inflate {ratio:.0f} times (to {mb} MB): refused as a zip bomb": (
        "部件 {part} 解压后会膨胀 {ratio:.0f} 倍（达 {mb} MB）：按压缩炸弹拒绝读取"
    ),
    "the XML of part {part} declares a DTD or entities, which Excel and WPS never write: "
    "refused": "部件 {part} 的 XML 声明了 DTD 或实体，Excel 和 WPS 从不写这些内容：拒绝读取",
    # report
    "{table}: {source}, {rows} ({n} records)": "{table}：{source}，{rows}（{n} 条记录）",
    "rows {first}-{last}": "第 {first}-{last} 行",
    "row {first}": "第 {first} 行",
    "no rows": "没有数据行",
    "ignored: {name} ({why})": "未读取：{name}（{why}）",
    "columns: {columns}": "列：{columns}",
    "header row: {rows}": "表头行：{rows}",
    "extra columns kept: {columns}": "保留的其他列：{columns}",
    "absent (read as unknown): {columns}": "缺少的列（按未填处理）：{columns}",
    "column not read: {header} ({why})": "未读取的列：{header}（{why}）",
    "rows skipped: {rows} ({why})": "跳过的行：{rows}（{why}）",
    # files and sheets
    "file '{file}' read as table {table}": "文件“{file}”按 {table} 表读取",
    "sheet '{sheet}' read as table {table}": "工作表“{sheet}”按 {table} 表读取",
    "no such file or folder": "文件或文件夹不存在",
    "not the name of a table": "名称不对应任何表",
    "a second file for table '{table}' (also {first})": "表“{table}”有第二个文件（另见 {first}）",
    "expected a folder of CSV files or an .xlsx workbook": (
        "应为 CSV 文件所在的文件夹或 .xlsx 工作簿"
    ),
    "another sheet of a one-table workbook": "单表工作簿中的其他工作表",
    "hidden; the visible sheet '{sheet}' was read as {table}": (
        "隐藏的工作表；已按 {table} 读取可见的工作表“{sheet}”"
    ),
    "the sheet for table {table} is hidden: unhide it (取消隐藏) to use it, or delete it": (
        "{table} 表所在的工作表是隐藏的：如要使用请取消隐藏，否则请删除"
    ),
    "sheets {names} all hold table {table}: keep one, or rename the others": (
        "工作表 {names} 都对应 {table} 表：请只保留一个，或给其他工作表改名"
    ),
    "sheet '{sheet}' is the one read as {table}": "已按 {table} 读取的是工作表“{sheet}”",
    "the workbook is damaged or not a workbook ({error}): open it in Excel or WPS and save "
    "it again as .xlsx": (
        "工作簿已损坏或不是工作簿（{error}）：请用 Excel 或 WPS 打开，重新另存为 .xlsx"
    ),
    "the sheet's XML is damaged ({error}): open the workbook in Excel or WPS and save it "
    "again as .xlsx": (
        "工作表的 XML 已损坏（{error}）：请用 Excel 或 WPS 打开工作簿，重新另存为 .xlsx"
    ),
    "a formula with no saved value: open the workbook in Excel or WPS and save it, so the "
    "values are stored": "公式没有保存计算结果：请用 Excel 或 WPS 打开工作簿并保存，使结果存入文件",
    # csv
    "the file is empty: expected a header row with at least {columns}": (
        "文件为空：至少应有包含 {columns} 的表头行"
    ),
    "cannot decode the file as {encodings} (tried in that order): save it as UTF-8 or GBK "
    "CSV (另存为 CSV UTF-8)": (
        "无法按 {encodings}（依次尝试）识别文件编码：请另存为 UTF-8 或 GBK 编码的 CSV"
        "（另存为 CSV UTF-8）"
    ),
    'a quote (") opens here and is not closed as CSV expects ({error})': (
        '此处的引号（"）没有按 CSV 的规则闭合（{error}）'
    ),
    # layout
    "no header row found in the first {n} rows: expected a row with {columns}": (
        "前 {n} 行中找不到表头行：应有一行包含 {columns}"
    ),
    "the header has {n} columns; at most {limit} are read": "表头有 {n} 列；最多读取 {limit} 列",
    "{n} rows; at most {limit} are read": "共 {n} 行；最多读取 {limit} 行",
    "a cell of {n} characters; at most {limit} are read": (
        "单元格有 {n} 个字符；最多读取 {limit} 个"
    ),
    "column {letter} has values but no header: give it a header or delete it": (
        "{letter} 列有数据但没有表头：请补上表头或删除该列"
    ),
    "above the header (title or note)": "表头上方（标题或说明）",
    "the sheet's cells reach row {rows} and column {columns}; a sheet may span at most "
    "{limit} cells (delete the stray cells far from the table)": (
        "工作表的单元格延伸到第 {rows} 行、第 {columns} 列；一个工作表最多跨 {limit} 个单元格"
        "（请删除远离表格的零散单元格）"
    ),
    "blank": "空行",
    "no contract column filled": "没有填写任何规定列",
    "total row": "合计行",
    "the header again": "重复的表头",
    "note": "说明行",
    "row numbers": "序号",
    # headers
    "column '{name}' appears twice (also as '{other}')": "列“{name}”出现两次（另一处为“{other}”）",
    "header '{header}' is not a column of {table}; did you mean '{column}'{zh}? Rename the "
    "header to '{column}' or '{zh_name}'": (
        "表头“{header}”不是 {table} 表的列；是否应为“{column}”{zh}？请把表头改为“{column}”或"
        "“{zh_name}”"
    ),
    "the column name '{name}' is reserved by orggraph; rename the column": (
        "列名“{name}”由 orggraph 保留；请给该列改名"
    ),
}
