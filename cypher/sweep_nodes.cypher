// Delete the __LABEL__ nodes $ids of dataset $dataset with their relationships.
UNWIND $ids AS id
MATCH (n:__LABEL__ {dataset: $dataset, id: id})
DETACH DELETE n
RETURN count(*) AS deleted
