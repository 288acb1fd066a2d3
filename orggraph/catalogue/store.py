"""Catalogue entries: store (loading into Neo4j, reading back, the server's errors)."""

ZH: dict[str, str] = {
    # orggraph.cli.store
    "{address} (database {database})": "{address}（数据库 {database}）",
    "loading '{name}' ({nodes} nodes, {relationships} relationships) into {where}": (
        "正在把“{name}”（{nodes} 个节点，{relationships} 条关系）载入 {where}"
    ),
    "loading into Neo4j": "正在载入 Neo4j",
    "interrupted; '{name}' stays marked incomplete until `orggraph load` runs on it again": (
        "已中断；“{name}”在重新运行 `orggraph load` 之前一直标记为未载完"
    ),
    # orggraph.store.load
    "created {nodes} nodes and {relationships} relationships ({parts})": (
        "新建 {nodes} 个节点、{relationships} 条关系（{parts}）"
    ),
    "updated {nodes} nodes and {relationships} relationships ({parts})": (
        "更新 {nodes} 个节点、{relationships} 条关系（{parts}）"
    ),
    "deleted {nodes} nodes and {relationships} relationships ({parts})": (
        "删除 {nodes} 个节点、{relationships} 条关系（{parts}）"
    ),
    "removed {relationships} duplicate relationships ({parts})": (
        "清除重复关系 {relationships} 条（{parts}）"
    ),
    "nothing changed: the database already held this version": "没有变化：数据库中已是这一版本",
    # orggraph.store.rows
    "column name '{column}' is reserved when loading into Neo4j; rename the column": (
        "列名“{column}”在载入 Neo4j 时为保留名，请改名"
    ),
    # orggraph.store.lock and orggraph.store.datasets
    "another `orggraph load` of '{name}' is running (it started at {started}); nothing was "
    "written: run this again when that load has finished": (
        "另一个 `orggraph load` 正在载入“{name}”（开始于 {started}）；本次未写入任何内容，"
        "请等它完成后再运行"
    ),
    "dataset '{name}' is not in database '{database}' at {where} (datasets there: {there}); "
    "load it with `orggraph load`": (
        "数据集“{name}”不在 {where} 的数据库“{database}”中（现有数据集：{there}）；"
        "请先用 `orggraph load` 载入"
    ),
    "no dataset loaded yet": "尚无已载入的数据集",
    "dataset '{name}' in Neo4j is being loaded right now (a load started at {started} is in "
    "progress); run this again when it has finished": (
        "Neo4j 中的数据集“{name}”正在载入（开始于 {started}，尚未完成）；请等载入完成后再运行"
    ),
    "dataset '{name}' in Neo4j is incomplete: its last load stopped midway; run "
    "`orggraph load` on it again": (
        "Neo4j 中的数据集“{name}”不完整：上次载入中途停止；请对它重新运行 `orggraph load`"
    ),
    # orggraph.store.connection
    "the given URI": "所给的 URI",
    "the Neo4j server": "该 Neo4j 服务器",
    "wrong user name or password (set NEO4J_PASSWORD or --password)": (
        "用户名或密码错误（请设置 NEO4J_PASSWORD 或 --password）"
    ),
    "too many failed attempts; wait a few seconds and check the password": (
        "失败次数过多；请稍等几秒并核对密码"
    ),
    "Neo4j at {where} refused user '{user}': {hint}": "{where} 的 Neo4j 拒绝了用户“{user}”：{hint}",
    "cannot reach Neo4j at {where}: is it running? `make neo4j-up` starts a local one": (
        "无法连接 {where} 的 Neo4j：它在运行吗？`make neo4j-up` 可启动本地服务器"
    ),
    "cannot use {where} as a Neo4j URI (bolt://HOST:PORT)": (
        "不能把 {where} 用作 Neo4j URI（应为 bolt://主机:端口）"
    ),
    "database '{database}' does not exist on Neo4j at {where} (Neo4j Community has only "
    "'neo4j'; set NEO4J_DATABASE or --database)": (
        "{where} 的 Neo4j 上没有数据库“{database}”（Neo4j 社区版只有“neo4j”；"
        "请设置 NEO4J_DATABASE 或 --database）"
    ),
    "Neo4j at {where}: {code}: {message}": "{where} 的 Neo4j：{code}：{message}",
    "Neo4j at {where}: {message}": "{where} 的 Neo4j：{message}",
    "Neo4j at {where} is version {version}; orggraph needs Neo4j 5 or later": (
        "{where} 的 Neo4j 版本为 {version}；orggraph 需要 Neo4j 5 或更高版本"
    ),
    "'{uri}' is not a Bolt URI: use bolt://HOST:7687 (or neo4j://, bolt+s://, neo4j+s://)": (
        "“{uri}”不是 Bolt URI：请用 bolt://主机:7687（或 neo4j://、bolt+s://、neo4j+s://）"
    ),
    "{where}: put the user and password in --user/--password (NEO4J_USER/NEO4J_PASSWORD), "
    "not in the URI": (
        "{where}：用户名和密码请写在 --user/--password（NEO4J_USER/NEO4J_PASSWORD）中，不要写进 URI"
    ),
}
