"""Every messy workbook of the corpus (``cases.py``) gets what a planner expects of it.

Each case writes a real file (openpyxl, XlsxWriter, xlwt, msoffcrypto-tool, CSV bytes,
rewritten zip members) into ``tmp_path``, then reads it the way a user does:
``orggraph.io.load`` and ``orggraph.audit.run_audit``, and ``orggraph validate`` where what it
reports matters.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psutil
import pytest
from click.testing import CliRunner, Result

from orggraph.audit import run_audit
from orggraph.cli import main
from orggraph.errors import EXIT_DATASET, DatasetError, Problem
from orggraph.io import load

from . import layouts as L
from .base import ROOT
from .cases import CASES
from .compare import Snapshot, assert_kept, assert_same, loaded
from .outcomes import Case, Refused, Same, Unknown

# Issue 8's bounds for hostile input: generous, because CI machines are slow and shared.
TIME_LIMIT_S = 30.0
MEMORY_LIMIT = 1 << 30


def _check_same(case: Case, path: Path, clean_of: Callable[[str], Snapshot]) -> None:
    want = case.expect
    assert isinstance(want, Same)
    ds = assert_same(case.id, path, clean_of(want.base))
    for column in want.kept:
        assert_kept(case.id, ds, L.MERGED_DOWN, column, set(L.REMARKS))
    if want.reported:
        _check_reported(case, path, want.reported)


def _validate(path: Path) -> Result:
    """``orggraph validate PATH`` as a user runs it."""
    return CliRunner().invoke(main, ["validate", str(path)])


def _check_reported(case: Case, path: Path, patterns: tuple[str, ...]) -> None:
    """``orggraph validate`` says what it did with the sheet or rows (read, not silently)."""
    result = _validate(path)
    assert result.exit_code == 0, result.output
    # The temporary folder is named after the case ("…total_rows0"): it must not match.
    said = result.output.replace(str(path.parent), "<folder>")
    for pattern in patterns:
        assert re.search(pattern, said, re.IGNORECASE), (
            f"{case.id}: validate does not report {pattern!r}:\n{said}"
        )


def _matches(p: Problem, want: Refused, folder: Path) -> bool:
    # The temporary folder is named after the case ("…truncated_xml0"): it must not match.
    text = str(p).replace(str(folder), "<folder>")
    return (
        want.where in p.file.replace(str(folder), "<folder>")
        and (want.row is None or p.row == want.row)
        and (not want.column or p.column in want.column)
        and all(re.search(s, text, re.IGNORECASE) for s in want.says)
    )


def _check_refused(case: Case, problems: list[Problem], folder: Path) -> None:
    want = case.expect
    assert isinstance(want, Refused)
    shown = "\n".join(f"  {p}" for p in problems[:20])
    ways = [want, *([want.or_else] if want.or_else else [])]
    assert any(_matches(p, w, folder) for p in problems for w in ways), (
        f"{case.id}: no problem located at {want} among:\n{shown}"
    )
    for p in problems:
        for s in want.never_says:
            assert s not in str(p), f"{case.id}: {p} shows {s!r}"


def _check_unknown(case: Case, path: Path) -> None:
    want = case.expect
    assert isinstance(want, Unknown)
    ds = loaded(case.id, path)
    column = ds[want.table][want.column]
    assert len(column) > 0 and column.isna().all(), (
        f"{case.id}: {want.table}.{want.column} never given, read as {column.dropna().unique()[:5]}"
    )
    result = run_audit(ds)
    if want.no_rule:
        fired = [f.subject_id for f in result.findings if f.rule == want.no_rule]
        assert not fired, f"{case.id}: {want.no_rule} fired on unknown values: {fired[:5]}"
    if want.rate:
        value = result.rates[want.rate]
        # The column was never there: the rate is unknown (None), not a count of 0.
        assert value is None or isinstance(value, str), f"{case.id}: {want.rate} = {value!r}"


# The child also reports its own peak RSS (VmHWM: polling can miss a spike; ru_maxrss would
# count the parent's memory at fork time).
_CHILD = """
import json, re, sys
from pathlib import Path
from orggraph.errors import DatasetError
from orggraph.io import load
try:
    load(sys.argv[1])
    got = {"outcome": "dataset"}
except DatasetError as e:
    got = {"outcome": "refused",
           "problems": [[p.file, p.row, p.column, p.message] for p in e.problems]}
status = Path("/proc/self/status")
hwm = re.search(r"VmHWM:\\s+(\\d+) kB", status.read_text()) if status.exists() else None
got["maxrss"] = int(hwm[1]) * 1024 if hwm else 0
print(json.dumps(got))
"""


def _bounded(path: Path) -> tuple[dict[str, Any], float, int]:
    """Load ``path`` in a child process; its outcome, wall time and peak memory (RSS)."""
    env = {"ORGGRAPH_LANG": "en", "PATH": "/usr/bin:/bin"}
    proc = psutil.Popen(
        [sys.executable, "-c", _CHILD, str(path)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    start = time.monotonic()
    peak = 0
    while proc.poll() is None:
        try:
            peak = max(peak, proc.memory_info().rss)
        except psutil.NoSuchProcess:
            break
        if time.monotonic() - start > TIME_LIMIT_S or peak > MEMORY_LIMIT:
            proc.kill()
            break
        time.sleep(0.02)
    out, err = proc.communicate()
    elapsed = time.monotonic() - start
    if proc.returncode != 0:
        return {"outcome": "crash", "stderr": err.decode(errors="replace")[-2000:]}, elapsed, peak
    got = json.loads(out)
    return got, elapsed, max(peak, got["maxrss"])


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_messy_case(case: Case, tmp_path: Path, clean_of: Callable[[str], Snapshot]) -> None:
    path = case.build(tmp_path)
    if case.bounded:
        got, elapsed, peak = _bounded(path)
        assert elapsed < TIME_LIMIT_S, f"{case.id}: took {elapsed:.1f} s"
        assert peak < MEMORY_LIMIT, f"{case.id}: used {peak / (1 << 20):.0f} MB"
        assert got["outcome"] == "refused", f"{case.id}: {got}"
        _check_refused(case, [Problem(*p) for p in got["problems"]], tmp_path)
    elif isinstance(case.expect, Same):
        _check_same(case, path, clean_of)
    elif isinstance(case.expect, Unknown):
        _check_unknown(case, path)
    else:
        with pytest.raises(DatasetError) as err:
            load(path)
        _check_refused(case, err.value.problems, tmp_path)
        # What a script sees: the dataset exit code and an Error line, never a traceback.
        result = _validate(path)
        assert result.exit_code == EXIT_DATASET, f"{case.id}: exit {result.exit_code}"
        assert "Traceback" not in result.output
