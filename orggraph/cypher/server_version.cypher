// The server's product version and edition (orggraph needs Neo4j 5 or later).
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions[0] AS version, edition
