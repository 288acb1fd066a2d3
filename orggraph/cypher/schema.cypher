// Keys of the graph.  Several datasets (districts) share one database and ids are unique only
// within a dataset, so each label is keyed by (dataset, id): a composite uniqueness constraint,
// available in Neo4j Community 5.  Statements are separated by semicolons; all are idempotent.
CREATE CONSTRAINT orggraph_area_key IF NOT EXISTS
FOR (n:Area) REQUIRE (n.dataset, n.id) IS UNIQUE;
CREATE CONSTRAINT orggraph_partyorg_key IF NOT EXISTS
FOR (n:PartyOrg) REQUIRE (n.dataset, n.id) IS UNIQUE;
CREATE CONSTRAINT orggraph_unit_key IF NOT EXISTS
FOR (n:Unit) REQUIRE (n.dataset, n.id) IS UNIQUE;
CREATE CONSTRAINT orggraph_alliance_key IF NOT EXISTS
FOR (n:Alliance) REQUIRE (n.dataset, n.id) IS UNIQUE;
CREATE CONSTRAINT orggraph_servicesite_key IF NOT EXISTS
FOR (n:ServiceSite) REQUIRE (n.dataset, n.id) IS UNIQUE;
// One bookkeeping node per dataset: its table columns and whether its last load completed.
CREATE CONSTRAINT orggraph_dataset_name IF NOT EXISTS
FOR (d:OrgGraphDataset) REQUIRE d.name IS UNIQUE;
// One lock node per dataset: a load holds a write lock on it from start to end (lock_take).
CREATE CONSTRAINT orggraph_load_lock_name IF NOT EXISTS
FOR (l:OrgGraphLoadLock) REQUIRE l.name IS UNIQUE
