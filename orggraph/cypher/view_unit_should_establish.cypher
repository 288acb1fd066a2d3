// unit-should-establish: units with at least $establish_min_members formal Party members and no
// organisation ESTABLISHED_IN them, whatever else covers them (应建未建).  Read-only.
// In Neo4j Browser first:  :param dataset => 'yuzhou'  and  :param establish_min_members => 3
MATCH (u:Unit {dataset: $dataset})
WHERE u.party_members >= $establish_min_members
  AND NOT EXISTS { MATCH (:PartyOrg)-[:ESTABLISHED_IN]->(u) }
RETURN u.id AS subject_id, u.name AS subject_name, u.party_members AS party_members
ORDER BY subject_id
