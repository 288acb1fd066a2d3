// The last step of dropping dataset $dataset: its bookkeeping node.
MATCH (d:OrgGraphDataset {name: $dataset})
DELETE d
