// The lock node of dataset $dataset, made once (a uniqueness constraint keeps it one node even
// when two loads make it at the same moment).  It carries no data: see lock_take.cypher.
MERGE (:OrgGraphLoadLock {name: $dataset})
