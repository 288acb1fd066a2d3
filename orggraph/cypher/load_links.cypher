// Upsert one batch of __TYPE__ relationships from a link table (unit_coverage,
// alliance_members, pairings).  A row is keyed by its two ends and _n, its occurrence among the
// table's rows for the same pair (a unit may pair with one community twice: 双报到 and 包联).
// row.props: the row's other known cells plus _n and _row.
UNWIND $rows AS row
MATCH (s:__FROM__ {dataset: $dataset, id: row.s})
MATCH (t:__TO__ {dataset: $dataset, id: row.t})
MERGE (s)-[r:__TYPE__ {_n: row.props._n}]->(t)
WITH r, row.props AS props, r._row IS NULL AS created, properties(r) = row.props AS same
CALL (r, props, same) {
  WITH r, props, same
  WHERE NOT same
  SET r = props
}
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN created OR same THEN 0 ELSE 1 END) AS updated
