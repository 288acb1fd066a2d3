// The start time of a load of dataset $dataset running now in database $database: the open
// transaction of lock_take.cypher, found by the metadata orggraph gives it ($key: $dataset).
// Empty: no load of it runs.
SHOW TRANSACTIONS YIELD database, metaData, startTime
WHERE database = $database AND metaData[$key] = $dataset
RETURN toString(startTime) AS started
ORDER BY started
