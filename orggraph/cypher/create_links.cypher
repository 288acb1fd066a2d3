// First load of a dataset: one __TYPE__ relationship per link-table row ($rows as for
// load_links.cypher).
UNWIND $rows AS row
MATCH (s:__FROM__ {dataset: $dataset, id: row.s})
MATCH (t:__TO__ {dataset: $dataset, id: row.t})
CREATE (s)-[r:__TYPE__]->(t)
SET r = row.props
RETURN count(*) AS created
