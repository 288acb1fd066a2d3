// Delete the __TYPE__ relationships $keys ({s, t, n}) of dataset $dataset.
UNWIND $keys AS key
MATCH (s:__FROM__ {dataset: $dataset, id: key.s})-[r:__TYPE__ {_n: key.n}]->(t:__TO__ {dataset: $dataset, id: key.t})
DELETE r
RETURN count(*) AS deleted
