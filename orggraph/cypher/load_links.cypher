// Upsert one batch of __TYPE__ relationships from a link table (unit_coverage,
// alliance_members, pairings).  A row is keyed by its two ends and _n, its occurrence among the
// table's rows for the same pair (a unit may pair with one community twice: 双报到 and 包联).
// row.props: the row's other known cells plus _n and _row.
// Neo4j Community has no relationship key constraint, so the key is kept by the dataset lock
// (one load of a dataset at a time) and MERGE; relationships an older orggraph left twice for
// one key (two loads at once) are repaired here: the first is kept, the others are deleted.
UNWIND $rows AS row
MATCH (s:__FROM__ {dataset: $dataset, id: row.s})
MATCH (t:__TO__ {dataset: $dataset, id: row.t})
MERGE (s)-[r:__TYPE__ {_n: row.props._n}]->(t)
WITH row, collect(r) AS found
WITH row.props AS props, found[0] AS r, tail(found) AS extra
FOREACH (x IN extra | DELETE x)
WITH r, props, size(extra) AS duplicates, r._row IS NULL AS created, properties(r) = props AS same
CALL (r, props, same) {
  WITH r, props, same
  WHERE NOT same
  SET r = props
}
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN created OR same THEN 0 ELSE 1 END) AS updated,
       sum(duplicates) AS duplicates
