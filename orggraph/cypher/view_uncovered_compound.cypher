// uncovered-compound: residential compounds that no Party organisation is RESPONSIBLE_FOR.
// Read-only.  In Neo4j Browser first:  :param dataset => 'yuzhou'
MATCH (a:Area {dataset: $dataset})
WHERE a.level = 'compound'
  AND NOT EXISTS { MATCH (:PartyOrg)-[:RESPONSIBLE_FOR]->(a) }
RETURN a.id AS subject_id, a.name AS subject_name
ORDER BY subject_id
