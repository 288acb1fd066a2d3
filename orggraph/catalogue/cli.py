"""Catalogue entries: cli (help, exit codes, errors, click's own words, configuration)."""

ZH: dict[str, str] = {
    "[rules.{rule}] must be a table (severity, enabled)": (
        "[rules.{rule}] 必须是一个表（severity、enabled）"
    ),
    "unknown plan setting '{key}' (known: {known})": "未知的方案设置“{key}”（可用：{known}）",
    "plan setting '{key}' must be like {example}, not {value}": (
        "方案设置“{key}”应形如 {example}，而不是 {value}"
    ),
    # --- click's own words (orggraph.cli.help.CLICK_TEXTS) ---
    "Usage: ": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Exit codes": "退出码",
    "{heading}:": "{heading}：",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本号并退出。",
    "{prog}, version {version}": "{prog} 版本 {version}",
    "required": "必填",
    "default: {default}": "默认：{default}",
    "env var: {var}": "环境变量：{var}",
    "; ": "；",
    "Try '{command} {option}' for help.": "运行“{command} {option}”查看帮助。",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "{value} is not one of {choices}.": "{value} 不是可选值之一（可选：{choices}）。",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 内。",
    "{value} is not a valid {kind}.": "{value} 不是有效的{kind}。",
    "integer": "整数",
    "integer range": "整数",
    "float": "数字",
    "float range": "数字",
    "No such option {name}. Did you mean {possibility}?": (
        "没有选项 {name}。是不是要用 {possibility}？"
    ),
    "No such option {name}.": "没有选项 {name}。",
    "No such command {name}.": "没有命令 {name}。",
    "Missing argument {name}.": "缺少参数 {name}。",
    "Missing option {name}.": "缺少选项 {name}。",
    "Missing command.": "缺少命令。",
    "{option} goes before the command: {example}": "{option} 要写在命令之前：{example}",
    "Got unexpected extra argument ({args})": "多出了参数（{args}）",
    "Got unexpected extra arguments ({args})": "多出了参数（{args}）",
    "Option {name} requires an argument.": "选项 {name} 需要一个值。",
    "Option {name} does not take a value.": "选项 {name} 不带值。",
    # --- exit codes (orggraph.errors.ExitCode) ---
    "success (and, with --fail-on, no finding at or above that severity)": (
        "成功（使用 --fail-on 时，也表示没有达到该严重程度的问题）"
    ),
    "the audit found findings at or above --fail-on (default never)": (
        "审计发现了达到 --fail-on 严重程度的问题（默认 never，即不因问题而失败）"
    ),
    "bad command line": "命令行有误",
    "the dataset is invalid: every problem is listed, nothing was loaded or written": (
        "数据集不合规：已列出全部问题，未载入、未写出任何内容"
    ),
    "Neo4j cannot be reached": "连不上 Neo4j",
    "Neo4j rejected the user name or password": "Neo4j 拒绝了用户名或密码",
    "Neo4j database problem: unknown database, server older than 5, dataset not loaded or "
    "being loaded right now": (
        "Neo4j 数据库问题：数据库不存在、服务器版本低于 5、数据集尚未载入或正在载入"
    ),
    "the output file cannot be written": "无法写出输出文件",
    "the configuration file is invalid": "配置文件有误",
    "internal error, a bug in orggraph: rerun with --debug (or ORGGRAPH_DEBUG=1) "
    "for the traceback and report it": (
        "内部错误，即 orggraph 的缺陷：加 --debug（或设 ORGGRAPH_DEBUG=1）重新运行以查看"
        "调用栈，并报告此问题"
    ),
    "interrupted (Ctrl-C)": "已中断（Ctrl-C）",
    "the output's reader went away (for example piped into head)": (
        "输出的接收方已关闭（例如通过管道交给 head）"
    ),
    # --- errors and what the commands print ---
    "Error: {message}": "错误：{message}",
    "{file}: {message}": "{file}：{message}",
    "{file} row {row}, column {column}: {message}": "{file} 第{row}行，{column} 列：{message}",
    "{file} row {row}: {message}": "{file} 第{row}行：{message}",
    "{file}, column {column}: {message}": "{file}，{column} 列：{message}",
    "1 problem in the dataset; nothing was loaded": "数据集有 1 处问题，未载入任何内容",
    "{n} problems in the dataset; nothing was loaded": "数据集有 {n} 处问题，未载入任何内容",
    "internal error ({detail}); this is a bug in orggraph: rerun with --debug "
    "(or {env}=1) to see the traceback, and report it": (
        "内部错误（{detail}）：这是 orggraph 的缺陷。请加 --debug（或设 {env}=1）重新运行"
        "以查看调用栈，并报告此问题"
    ),
    "internal error ({detail}); this is a bug in orggraph, please report it with the "
    "traceback above": "内部错误（{detail}）：这是 orggraph 的缺陷，请连同上面的调用栈一起报告",
    "wrote {file}": "已写出 {file}",
    "wrote {file}: {sizes}": "已写出 {file}：{sizes}",
    "give either a DATASET folder/workbook or --from-neo4j NAME": (
        "请给出数据集（文件夹或工作簿）DATASET，或 --from-neo4j NAME，二者选一"
    ),
    "--alliance goes with --view alliances": "--alliance 只能与 --view alliances 一起使用",
    "--area goes with --view coverage": "--area 只能与 --view coverage 一起使用",
    # --- configuration file (orggraph.config) ---
    "{file}: no such configuration file": "{file}：配置文件不存在",
    "{file}: not valid TOML ({reason})": "{file}：不是有效的 TOML（{reason}）",
    "{file}: cannot read the configuration file ({reason})": "{file}：无法读取配置文件（{reason}）",
    "cannot write the dataset to {folder}: {reason}": "无法把数据集写到 {folder}：{reason}",
    "unknown threshold '{key}' (known: {known})": "未知阈值“{key}”（可用：{known}）",
    "threshold '{key}' must be a number, not {value}": "阈值“{key}”必须是数字，而不是 {value}",
    "unknown rule '{rule}'": "未知规则“{rule}”",
    "rule '{rule}': severity must be one of {choices}": (
        "规则“{rule}”：严重程度必须是 {choices} 之一"
    ),
    "unknown section [{section}]": "未知配置节 [{section}]",
    # --- help of the orggraph group ---
    "Audit Party-organisation coverage, pairings and alliances from planners' spreadsheets.": (
        "根据规划人员的表格，审计党组织覆盖、结对共建与联建情况。"
    ),
    "A DATASET is a folder of CSV files or one .xlsx workbook (see DATASET.md).": (
        "数据集 DATASET 是一个装有 CSV 文件的文件夹，或一个 .xlsx 工作簿（见 DATASET.md）。"
    ),
    "Language of messages and help [env ORGGRAPH_LANG; default: from the locale].": (
        "提示信息和帮助的语言 [环境变量 ORGGRAPH_LANG；默认按系统区域设置]。"
    ),
    "Show the traceback of an internal error [env ORGGRAPH_DEBUG=1].": (
        "内部错误时显示调用栈 [环境变量 ORGGRAPH_DEBUG=1]。"
    ),
    # --- help of the commands ---
    "Check DATASET against the contract and list every problem (exit 3 if any).": (
        "按数据约定检查数据集 DATASET，列出全部问题（有问题时退出码为 3）。"
    ),
    "Audit DATASET (or --from-neo4j NAME): every rule, the rates and the metrics.": (
        "审计数据集 DATASET（或 --from-neo4j NAME）：全部规则、各项比率和指标。"
    ),
    "Analyse the dataset NAME as loaded into Neo4j instead of files.": (
        "分析已载入 Neo4j 的数据集 NAME，而不是读文件。"
    ),
    "Bolt URI [env NEO4J_URI; default bolt://127.0.0.1:7687]": (
        "Bolt 地址 [环境变量 NEO4J_URI；默认 bolt://127.0.0.1:7687]"
    ),
    "Neo4j user [env NEO4J_USER; default neo4j]": "Neo4j 用户名 [环境变量 NEO4J_USER；默认 neo4j]",
    "Neo4j password [env NEO4J_PASSWORD]": "Neo4j 密码 [环境变量 NEO4J_PASSWORD]",
    "Neo4j database [env NEO4J_DATABASE; default neo4j]": (
        "Neo4j 数据库 [环境变量 NEO4J_DATABASE；默认 neo4j]"
    ),
    "TOML file of thresholds and rule overrides [env ORGGRAPH_CONFIG].": (
        "阈值和规则设置的 TOML 文件 [环境变量 ORGGRAPH_CONFIG]。"
    ),
    "Exit 1 when a finding at or above this severity exists.": (
        "存在达到此严重程度的问题时，以退出码 1 结束。"
    ),
    "Write to this file instead of stdout.": "写入此文件，而不是输出到屏幕。",
    "The rates and network metrics of DATASET (or --from-neo4j NAME) as JSON.": (
        "以 JSON 输出数据集 DATASET（或 --from-neo4j NAME）的各项比率和网络指标。"
    ),
    "List the audit rules: id, default severity, thresholds and source.": (
        "列出审计规则：编号、默认严重程度、阈值和依据。"
    ),
    "Write a deterministic synthetic dataset of about NODES entities to the folder OUT.": (
        "在文件夹 OUT 中生成一个约含 NODES 个实体的合成数据集（结果固定可复现）。"
    ),
    "About how many entities (areas, orgs, units, alliances, sites).": (
        "实体（区域、党组织、单位、联建、阵地）的大致数量。"
    ),
    "Validate DATASET, then load it into Neo4j under its folder name (or --name).": (
        "校验数据集 DATASET，再以其文件夹名（或 --name）载入 Neo4j。"
    ),
    "Loading again is safe: only what changed is written. With --replace the database ends up "
    "holding exactly this version (rows you removed disappear); other datasets are untouched. "
    "Nothing is written if the dataset is invalid.": (
        "重复载入是安全的：只写入有变化的内容。加 --replace 时，数据库中将恰好是这一版本"
        "（已删去的行随之消失）；其他数据集不受影响。数据集不合规时不写入任何内容。"
    ),
    "Make Neo4j hold exactly this version: delete rows no longer in DATASET.": (
        "让 Neo4j 中恰好是这一版本：删除数据集 DATASET 中已不存在的行。"
    ),
    "Rows per transaction.": "每个事务写入的行数。",
    "Load under this name instead of the folder/workbook name.": (
        "以此名称载入，而不用文件夹或工作簿的名称。"
    ),
    "Draw a map of DATASET (or --from-neo4j NAME) as one offline HTML file.": (
        "把数据集 DATASET（或 --from-neo4j NAME）画成一个可离线打开的 HTML 地图文件。"
    ),
    "alliances: alliances and members; coverage: areas and the orgs responsible; "
    "pairings: units and their paired communities; hierarchy: the chain of command.": (
        "alliances：联建及其成员；coverage：区域及负责的党组织；"
        "pairings：单位及其结对社区；hierarchy：组织隶属关系。"
    ),
    "alliances view: one alliance and its neighbours.": "alliances 视图：只看一个联建及其相邻者。",
    "coverage view: one street or community and below.": (
        "coverage 视图：只看一个街道或社区及其下级。"
    ),
    "Above this many nodes a map folds detail into counted aggregates.": (
        "节点超过此数时，地图把细节合并为带计数的汇总节点。"
    ),
    "The HTML file to write.": "要写出的 HTML 文件。",
    "Write the meeting report of DATASET (or --from-neo4j NAME): rates, findings, maps.": (
        "写出数据集 DATASET（或 --from-neo4j NAME）的会议报告：比率、问题和地图。"
    ),
    "Language of headings and rule explanations [default: the language chosen with "
    "orggraph --lang or ORGGRAPH_LANG, else zh].": (
        "标题和规则说明的语言 [默认：用 orggraph --lang 或 ORGGRAPH_LANG 选定的语言，"
        "未选定则为 zh]。"
    ),
    # --- help of commands and options added on other branches (diff, plan, outputs, reader,
    # tidy), written here so their --help is Chinese as soon as they are merged ---
    "Add progress since OLD (a dataset or neo4j:NAME).": (
        "加入自 OLD（数据集或 neo4j:NAME）以来的进展。"
    ),
    "Compare snapshot OLD with snapshot NEW: findings resolved, new and persisting; rates old → "
    "new per level and per street; entities added, removed and changed.": (
        "比较快照 OLD 与快照 NEW：已解决、新出现和仍存在的问题；各层级、各街道的比率新旧对比；"
        "新增、删除和改动的实体。"
    ),
    "A snapshot is a dataset (CSV folder or workbook) or a dataset loaded into Neo4j, written "
    "neo4j:NAME (with --uri/--user/--password/--database). Both are audited with the same "
    "configuration. The JSON shape: docs/PROGRESS.md.": (
        "快照可以是数据集（CSV 文件夹或工作簿），也可以是已载入 Neo4j 的数据集，写作 neo4j:NAME"
        "（配合 --uri/--user/--password/--database）。两者按同一配置审计。JSON 的结构见 "
        "docs/PROGRESS.md。"
    ),
    "A snapshot is a dataset (CSV folder or workbook) or neo4j:NAME, as for diff.": (
        "快照可以是数据集（CSV 文件夹或工作簿）或 neo4j:NAME，与 diff 相同。"
    ),
    "Draw what `orggraph plan` proposes.": "画出 `orggraph plan` 提出的整改措施。",
    "Add the plan, by street.": "加入按街道列出的整改方案。",
    "The file to write: FILE.html, or FILE.pdf (printed with headless Chromium).": (
        "要写出的文件：FILE.html，或 FILE.pdf（用无界面 Chromium 打印）。"
    ),
    "Loading again is safe: only what changed is written. With --replace the database ends up "
    "holding exactly this version (rows you removed disappear); other datasets are untouched. "
    "Nothing is written if the dataset is invalid. One load of a dataset runs at a time: a "
    "second one started meanwhile stops (exit code 6) and writes nothing, or with --wait "
    "waits.": (
        "重复载入是安全的：只写入有变化的内容。加 --replace 时，数据库中将恰好是这一版本"
        "（已删去的行随之消失）；其他数据集不受影响。数据集不合规时不写入任何内容。同一数据集"
        "同时只能有一个载入：期间再启动的载入会停止（退出码 6）且不写入任何内容；加 --wait "
        "则等待。"
    ),
    "If another load of this dataset is running, wait up to SECONDS for it to finish (default: "
    "stop at once, exit code 6).": (
        "若该数据集的另一个载入正在进行，最多等待 SECONDS 秒让它结束（默认：立即停止，退出码 6）。"
    ),
    "Headline rates and finding counts over two or more SNAPSHOTs given in time order; with -o "
    "trend.html, an offline line chart.": (
        "按时间顺序给出两个或更多快照 SNAPSHOT，列出主要比率和问题数；用 -o trend.html 时"
        "输出可离线打开的折线图。"
    ),
    "Default: html when -o ends in .html, else table.": (
        "默认：-o 以 .html 结尾时为 html，否则为 table。"
    ),
    "Plan actions that close the findings of DATASET (or --from-neo4j NAME).": (
        "为数据集 DATASET（或 --from-neo4j NAME）的问题制定整改措施。"
    ),
    "Also write the dataset with the plan applied to OUT (a folder, or a .xlsx workbook).": (
        "同时把按方案整改后的数据集写到 OUT（文件夹或 .xlsx 工作簿）。"
    ),
    "xlsx: a workbook (问题清单, 主要指标, 分街道, 规则); needs -o.": (
        "xlsx：工作簿（问题清单、主要指标、分街道、规则）；须配合 -o。"
    ),
    "Encoding of --format csv [default utf-8-sig: UTF-8 with BOM, for Excel].": (
        "--format csv 的编码 [默认 utf-8-sig：带 BOM 的 UTF-8，便于 Excel 打开]。"
    ),
    "The rates and network metrics of DATASET (or --from-neo4j NAME) as JSON or a workbook.": (
        "以 JSON 或工作簿输出数据集 DATASET（或 --from-neo4j NAME）的各项比率和网络指标。"
    ),
    "xlsx: a workbook (主要指标, 分街道, 规则, 网络指标); needs -o.": (
        "xlsx：工作簿（主要指标、分街道、规则、网络指标）；须配合 -o。"
    ),
    "xlsx: a workbook; needs -o.": "xlsx：工作簿；须配合 -o。",
    "Write OUT.xlsx: one sheet per table with Chinese headers, notes and dropdowns.": (
        "写出 OUT.xlsx：每张表一个工作表，带中文表头、批注和下拉选项。"
    ),
    "Blank, it is the workbook to fill in (a 说明 sheet explains it; there is no example row). "
    "With --from DATASET it holds that dataset, and `orggraph audit OUT.xlsx` gives the same "
    "audit as `orggraph audit DATASET`.": (
        "不加选项时是一份待填写的空白工作簿（“说明”工作表介绍填法；不含示例行）。加 --from "
        "DATASET 时装入该数据集，`orggraph audit OUT.xlsx` 与 `orggraph audit DATASET` "
        "的审计结果相同。"
    ),
    "Fill the template with this dataset (a folder of CSV files or a workbook).": (
        "用此数据集（CSV 文件夹或工作簿）填充模板。"
    ),
    "Besides OK, it says for each table the sheet or file, the rows, the columns mapped (with "
    "the headers as written), the extra columns kept, the rows skipped and why, and the sheets "
    "or files ignored.": (
        "除 OK 外，还逐表说明：读的是哪个工作表或文件、哪些行、对应上的列（及原表头）、保留的"
        "额外列、跳过的行及原因，以及被忽略的工作表或文件。"
    ),
    "json: what was read and every problem (uncapped), as data.": (
        "json：以数据形式给出读取情况和全部问题（不截断）。"
    ),
    "List the audit rules: id, severity, thresholds (of --config) and source.": (
        "列出审计规则：编号、严重程度、阈值（按 --config）和依据。"
    ),
}
