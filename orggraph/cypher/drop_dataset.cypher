// Delete up to $limit __LABEL__ nodes of dataset $dataset with their relationships; run until
// it returns 0 for every label, then drop_dataset_meta.cypher.
MATCH (n:__LABEL__ {dataset: $dataset})
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
