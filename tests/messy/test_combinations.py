"""Any combination of a planner's habits reads as the clean dataset (hypothesis).

The corpus (``cases.py``) has each habit alone and one sheet with most of them; habits also
meet in ways nobody lists (a 合计 row inside a merged run, a title over a two-row header on a
sheet that starts at B3).  Hypothesis draws a set of habits and a file form (.xlsx as openpyxl
or as Excel writes it, legacy .xls); the workbook gets all of them on its three big sheets, and
it must read exactly as the clean one.  40 examples of under a second each (about 10 s): the
point is the combinations the fixed cases do not hold.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from . import layouts as L
from .compare import Snapshot, assert_same
from .files import write_xls, write_xlsx, write_xlsx_shared

# The workbook as openpyxl writes it, as Excel writes it (shared strings), and as legacy .xls.
FORMS = {
    "openpyxl": (L.WORKBOOK, write_xlsx),
    "excel-like": (L.WORKBOOK, write_xlsx_shared),
    "xls": ("城东区.xls", write_xls),
}
habit_sets = st.sets(st.sampled_from(L.HABITS), min_size=2).filter(
    lambda s: not {"separators", "two-row-header"} <= s
)


@settings(
    max_examples=40,
    deadline=None,
    derandomize=os.environ.get("CI") == "true",  # as in test_fuzz.py
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(chosen=habit_sets, form=st.sampled_from(sorted(FORMS)))
def test_any_combination_of_habits_reads_the_same(
    chosen: set[str], form: str, clean: Snapshot
) -> None:
    order = [h for h in L.HABITS if h in chosen]
    name, writer = FORMS[form]
    with tempfile.TemporaryDirectory() as d:
        path = L.build(L.habits(*order), name=name, writer=writer)(Path(d))
        assert_same(f"{form} with habits {order}", path, clean)
