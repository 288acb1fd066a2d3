// Take the write lock on the lock node of dataset $dataset.  The transaction that runs this
// stays open for the whole load (its metadata names the dataset) and is then rolled back: the
// property is never written, and the lock goes with the transaction, also when the client dies
// (the server rolls back the transactions of a closed connection).  A second load waits here.
MATCH (l:OrgGraphLoadLock {name: $dataset})
SET l.held = true
RETURN count(l) AS locked
