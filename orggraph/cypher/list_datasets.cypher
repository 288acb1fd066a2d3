// Every dataset the database holds, with its load status.
MATCH (d:OrgGraphDataset)
RETURN d.name AS name, d.status AS status
ORDER BY name
