// First load of a dataset: one __TYPE__ relationship per filled reference cell ($rows: {id,
// target}, target never null).
UNWIND $rows AS row
MATCH (n:__FROM__ {dataset: $dataset, id: row.id})
MATCH (t:__TO__ {dataset: $dataset, id: row.target})
CREATE (n)-[:__TYPE__]->(t)
RETURN count(*) AS created
