// Start (or restart) loading dataset $dataset.  The status stays 'loading' until every batch
// has been committed (and, with --replace, the old rows swept), so a load that failed midway is
// visible as such.  Returns whether an earlier load (complete or not) may have left nodes.
MERGE (d:OrgGraphDataset {name: $dataset})
WITH d, d.status IS NOT NULL AS existed
SET d.status = 'loading'
RETURN existed
