// Every batch is in: record the table columns (so empty and extra columns read back exactly)
// and mark the dataset complete.  $columns maps 'columns_<table>' to the list of column names.
MATCH (d:OrgGraphDataset {name: $dataset})
SET d += $columns, d.status = 'loaded'
