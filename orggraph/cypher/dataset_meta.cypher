// The bookkeeping node of one dataset (null when it was never loaded).
OPTIONAL MATCH (d:OrgGraphDataset {name: $dataset})
RETURN properties(d) AS meta
