// Delete the __LABEL__ nodes $ids of dataset $dataset with their relationships; returns how
// many nodes went and the type of each relationship that went with them.
UNWIND $ids AS id
MATCH (n:__LABEL__ {dataset: $dataset, id: id})
OPTIONAL MATCH (n)-[r]-()
WITH collect(DISTINCT n) AS nodes, collect(DISTINCT r) AS rels
WITH nodes, rels, [r IN rels | type(r)] AS types
FOREACH (r IN rels | DELETE r)
FOREACH (n IN nodes | DELETE n)
RETURN size(nodes) AS deleted, types
