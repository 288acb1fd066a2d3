// Upsert one batch of __LABEL__ nodes.  $rows: maps of the row's known cells plus _row (its
// position in the table).  A node is written only when something differs, so loading the same
// dataset again changes nothing; SET n = … also removes cells that became empty.
UNWIND $rows AS row
MERGE (n:__LABEL__ {dataset: $dataset, id: row.id})
WITH n, row {.*, dataset: $dataset} AS props
WITH n, props, n._row IS NULL AS created, properties(n) = props AS same
CALL (n, props, same) {
  WITH n, props, same
  WHERE NOT same
  SET n = props
}
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN created OR same THEN 0 ELSE 1 END) AS updated
