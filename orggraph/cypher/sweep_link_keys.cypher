// Keys (two ends and _n) of every __TYPE__ relationship of dataset $dataset.
MATCH (s:__FROM__ {dataset: $dataset})-[r:__TYPE__]->(t:__TO__)
RETURN s.id AS s, t.id AS t, r._n AS n
