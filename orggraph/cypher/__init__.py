"""orggraph's Cypher statements (``*.cypher``), read with :func:`orggraph.store.cypher`.

Load, read-back and sweep statements carry ``__LABEL__``-style placeholders for graph labels and
relationship types only (filled from orggraph's own schema, never from data); every value is a
``$parameter``.  The ``view_*.cypher`` files are plain read-only queries a planner can paste into
Neo4j Browser after ``:param dataset => 'yuzhou'``.
"""
