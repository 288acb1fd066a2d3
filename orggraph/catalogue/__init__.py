"""Chinese for every English message the user reads (see :mod:`orggraph.i18n`).

One entry per message: the English text exactly as passed to ``tr``, then its Chinese, with the
same ``{fields}`` on both sides.  One module per part of orggraph, so each part keeps its own
words; :data:`ZH` is their union (a key given twice is an error, caught by the tests).
"""

from __future__ import annotations

from orggraph.catalogue import cli, diff, outputs, plan, reading, rules, store

PARTS = (reading, cli, outputs, store, plan, diff, rules)

ZH: dict[str, str] = {k: v for part in PARTS for k, v in part.ZH.items()}
