"""Is the local Neo4j ready?  Used by tools/neo4j/neo4j.sh, never imported by orggraph.

Exit 0: ``RETURN 1`` answered.  Exit 1: not reachable yet (the script keeps waiting).
Exit 2: reachable but the password is refused (waiting will not help).
The password comes from ``NEO4J_PASSWORD`` (default ``orggraph-local``) and is never printed.
"""

from __future__ import annotations

import os
import sys

import neo4j
from neo4j.exceptions import AuthError, ServiceUnavailable, SessionExpired


def main() -> int:
    uri = sys.argv[1]
    password = os.environ.get("NEO4J_PASSWORD", "orggraph-local")
    user = os.environ.get("NEO4J_USER", "neo4j")
    try:
        with neo4j.GraphDatabase.driver(
            uri, auth=(user, password), connection_timeout=3, max_connection_lifetime=30
        ) as driver:
            # A plain session, not execute_query: no retries, we do the waiting ourselves.
            with driver.session(database="neo4j") as session:
                record = session.run("RETURN 1 AS ok").single()
            return 0 if record is not None and record["ok"] == 1 else 1
    except AuthError:
        return 2
    except (ServiceUnavailable, SessionExpired, OSError):
        return 1
    except neo4j.exceptions.Neo4jError:
        # Reachable but still starting (database not yet available, ...).
        return 1


if __name__ == "__main__":
    sys.exit(main())
