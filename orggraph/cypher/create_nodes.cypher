// First load of a dataset (no node of it exists yet): create one batch of __LABEL__ nodes.
// $rows as for load_nodes.cypher.
UNWIND $rows AS row
CREATE (n:__LABEL__)
SET n = row {.*, dataset: $dataset}
RETURN count(*) AS created
