// uncovered-community: communities and villages that no Party organisation is RESPONSIBLE_FOR
// (填补空白点).  Read-only.  In Neo4j Browser first:  :param dataset => 'yuzhou'
MATCH (a:Area {dataset: $dataset})
WHERE a.level IN ['community', 'village']
  AND NOT EXISTS { MATCH (:PartyOrg)-[:RESPONSIBLE_FOR]->(a) }
RETURN a.id AS subject_id, a.name AS subject_name, a.level AS level
ORDER BY subject_id
