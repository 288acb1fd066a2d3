// The start time of a load of dataset $dataset running now in database $database: the open
// transaction of lock_take.cypher, found by the metadata orggraph gives it.  Empty: none runs.
SHOW TRANSACTIONS YIELD database, metaData, startTime
WHERE database = $database AND metaData.orggraph_load = $dataset
RETURN toString(startTime) AS started
ORDER BY started
