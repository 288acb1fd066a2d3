"""Any combination of a planner's habits reads as the clean dataset (hypothesis).

The corpus (``cases.py``) has each habit alone and one sheet with most of them; habits also
meet in ways nobody lists (a 合计 row inside a merged run, a title over a two-row header on a
sheet that starts at B3).  Hypothesis draws a set of habits, the workbook gets all of them on
its three big sheets, and it must read exactly as the clean one.  Few examples, each about a
second: the point is the combinations the fixed cases do not hold.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from . import layouts as L
from .compare import Snapshot, assert_same

habit_sets = st.sets(st.sampled_from(L.HABITS), min_size=2).filter(
    lambda s: not {"separators", "two-row-header"} <= s
)


@settings(
    max_examples=12,
    deadline=None,
    derandomize=os.environ.get("CI") == "true",  # as in test_fuzz.py
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(chosen=habit_sets)
def test_any_combination_of_habits_reads_the_same(chosen: set[str], clean: Snapshot) -> None:
    order = [h for h in L.HABITS if h in chosen]
    with tempfile.TemporaryDirectory() as d:
        path = L.build(L.habits(*order))(Path(d))
        assert_same(f"habits {order}", path, clean)
