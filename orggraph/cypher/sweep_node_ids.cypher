// Ids of every __LABEL__ node of dataset $dataset (to find rows a new version dropped).
MATCH (n:__LABEL__ {dataset: $dataset})
RETURN n.id AS id
