"""orggraph: audits of grassroots Party-organisation coverage from planners' spreadsheets.

>>> from orggraph.io import load
>>> from orggraph.audit import run_audit
>>> result = run_audit(load("datasets/yuzhou"))  # doctest: +SKIP
"""

__version__ = "0.1.0"
