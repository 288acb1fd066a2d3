// unpaired-community: communities and villages with fewer than $min_pairings distinct paired
// sources (双报到, 联系挂点, 包联, 共建协议).  Read-only.
// In Neo4j Browser first:  :param dataset => 'yuzhou'  and  :param min_pairings => 1
MATCH (a:Area {dataset: $dataset})
WHERE a.level IN ['community', 'village']
OPTIONAL MATCH (s)-[:PAIRED_WITH]->(a)
WITH a, count(DISTINCT s) AS sources
WHERE sources < $min_pairings
RETURN a.id AS subject_id, a.name AS subject_name, sources
ORDER BY subject_id
