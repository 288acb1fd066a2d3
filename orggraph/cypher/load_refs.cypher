// Point each (__FROM__ {id: row.id}) at (__TO__ {id: row.target}) with one __TYPE__
// relationship (a reference column: one target at most).  A relationship to any other target is
// deleted; row.target null means the cell is empty and no relationship remains.  Several
// relationships to the right target (two loads at once, before the dataset lock) become one.
UNWIND $rows AS row
MATCH (n:__FROM__ {dataset: $dataset, id: row.id})
OPTIONAL MATCH (n)-[old:__TYPE__]->(t:__TO__)
WITH n, row, [x IN collect([old, t.id]) WHERE x[0] IS NOT NULL] AS found
WITH n, row,
     [x IN found WHERE x[1] = row.target | x[0]] AS right,
     [x IN found WHERE row.target IS NULL OR x[1] <> row.target | x[0]] AS stale
FOREACH (r IN stale + tail(right) | DELETE r)
WITH n, row, size(right) AS kept, size(stale) AS deleted
OPTIONAL MATCH (t:__TO__ {dataset: $dataset, id: row.target})
WITH n, t, deleted, CASE WHEN kept > 1 THEN kept - 1 ELSE 0 END AS duplicates,
     t IS NOT NULL AND kept = 0 AS create
CALL (n, t, create) {
  WITH n, t, create
  WHERE create
  CREATE (n)-[:__TYPE__]->(t)
}
RETURN sum(CASE WHEN create THEN 1 ELSE 0 END) AS created, sum(deleted) AS deleted,
       sum(duplicates) AS duplicates
