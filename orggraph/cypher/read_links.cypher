// Every __TYPE__ relationship between nodes of dataset $dataset that a link table made: its
// two ends, its table position and the values of $columns.
MATCH (s:__FROM__ {dataset: $dataset})-[r:__TYPE__]->(t:__TO__)
RETURN s.id AS s, t.id AS t, r._row AS row, [c IN $columns | r[c]] AS cells
