"""orggraph: audits of grassroots Party-organisation coverage from planners' spreadsheets.

>>> from orggraph.io import load
>>> from orggraph.audit import run_audit
>>> result = run_audit(load("datasets/yuzhou"))
>>> result.counts()["error"], result.rates["coverage"]["community"]["rate"]
(4, 96.3)
"""

__version__ = "0.1.0"
