// isolated-org: organisations responsible for a community or village that belong to no
// alliance; an alliance's lead organisation (LED_BY) counts as a member.  Read-only.
// In Neo4j Browser first:  :param dataset => 'yuzhou'
MATCH (o:PartyOrg {dataset: $dataset})-[:RESPONSIBLE_FOR]->(a:Area)
WHERE a.level IN ['community', 'village']
  AND NOT EXISTS { MATCH (o)-[:MEMBER_OF]->(:Alliance) }
  AND NOT EXISTS { MATCH (:Alliance)-[:LED_BY]->(o) }
RETURN DISTINCT o.id AS subject_id, o.name AS subject_name, a.id AS area_id
ORDER BY subject_id
