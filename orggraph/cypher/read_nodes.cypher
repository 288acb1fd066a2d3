// Every __LABEL__ node of dataset $dataset: its table position and the values of $columns
// (lists rather than maps: much less to decode for a million rows).
MATCH (n:__LABEL__ {dataset: $dataset})
RETURN n._row AS row, [c IN $columns | n[c]] AS cells
