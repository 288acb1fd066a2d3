"""Any bytes in, a located ``DatasetError`` or a ``Dataset`` out: never any other exception.

Issue 7 §3 and issue 8 found crashes (a TypeError on a trailing comma, ParseError tracebacks on
bad sheet XML, an audit crash on a member count of 1e400) that only odd input reaches.  These
properties feed reading, validation and the audit of what validates:

* CSV files of random bytes, and of random text made from the pieces real files hold
  (separators, quotes, BOMs, full-width forms, units, Chinese headers and enum words);
* a real .xlsx with random bytes overwritten or cut off;
* a real .xlsx whose sheet XML has random pieces spliced in (a valid zip, odd XML);
* a real .xlsx whose orgs rows hold random typed cells (text, huge numbers, dates, booleans).

Each is bounded (``max_examples``) so the file runs in well under 60 s.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
import zipfile
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orggraph.audit import run_audit
from orggraph.errors import DatasetError
from orggraph.io import load

from .base import tiny
from .files import csv_text, write_xlsx_shared

# CI replays the same examples every run (a red build then means a change broke something);
# on a developer's machine each run explores new ones.
FUZZ = settings(
    max_examples=120,
    deadline=None,
    derandomize=os.environ.get("CI") == "true",
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# What real CSV and sheet cells hold, including the forms that broke the reader before.
PIECES = [
    ",",
    ",",
    ",",
    '"',
    '""',
    "\r\n",
    "\n",
    "\r",
    "\t",
    " ",
    "\u3000",
    "\ufeff",
    "\x00",
    "id",
    "name",
    "level",
    "parent_id",
    "type",
    "members",
    "area_id",
    "_row",
    "编号",
    "名称",
    "层级",
    "上级编号",
    "类型",
    "上级党组织",
    "党员数",
    "上级\n党组织",
    "党员数（人）",
    "district",
    "street",
    "community",
    "committee",
    "branch",
    "区",
    "街道",
    "社区",
    "党支部",
    "D1",
    "S1",
    "C1",
    "P1",
    "P2",
    "Ｐ００３",
    "１２",
    "3人",
    "1500㎡",
    "1,250",
    "1e400",
    "-1",
    "nan",
    "NaN",
    "inf",
    "3.30199E+11",
    "=SUM(1,2)",
    "合计",
    "小计",
    "2024-03-01",
    "2024年3月",
]
text = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)
encoded = st.tuples(text, st.sampled_from(["utf-8", "utf-8-sig", "gb18030"])).map(
    lambda t: t[0].encode(t[1], errors="replace")
)
csv_bytes = st.one_of(st.binary(max_size=600), encoded)


def load_or_refuse(path: Path) -> None:
    """Read ``path``; a refusal is fine, a dataset must also audit."""
    try:
        ds = load(path)
    except DatasetError as e:
        assert e.problems, "a refusal names at least one problem"
        return
    run_audit(ds)


@FUZZ
@given(areas=csv_bytes, orgs=csv_bytes)
def test_any_csv_bytes(areas: bytes, orgs: bytes) -> None:
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d) / "fuzz"
        folder.mkdir()
        (folder / "areas.csv").write_bytes(areas)
        (folder / "orgs.csv").write_bytes(orgs)
        load_or_refuse(folder)


@FUZZ
@given(rows=st.lists(text, min_size=1, max_size=6))
def test_csv_lines_under_a_valid_header(rows: list[str]) -> None:
    """Odd data lines under a real header: the reader's own paths, not just the decoder's."""
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d) / "fuzz"
        folder.mkdir()
        grids = tiny()
        body = csv_text(grids["areas"]) + "\r\n".join(rows)
        (folder / "areas.csv").write_bytes(body.encode("utf-8"))
        (folder / "orgs.csv").write_bytes(csv_text(grids["orgs"]).encode("utf-8"))
        load_or_refuse(folder)


@cache
def tiny_xlsx() -> bytes:
    """The tiny dataset laid out as Excel does (shared strings): the bytes every mutation edits."""
    with tempfile.TemporaryDirectory() as d:
        return write_xlsx_shared(Path(d) / "fuzz.xlsx", tiny().values()).read_bytes()


def _write(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "fuzz.xlsx"
        path.write_bytes(data)
        load_or_refuse(path)


# Where to overwrite: anywhere (mostly compressed data: a CRC error), or in the last tenth of
# the file, where the zip's central directory lists the members, their sizes and offsets.
places = st.one_of(st.floats(0, 1, exclude_max=True), st.floats(0.9, 1, exclude_max=True))


@FUZZ
@given(
    edits=st.lists(st.tuples(places, st.binary(min_size=1, max_size=8))),
    cut=st.one_of(st.none(), st.floats(0, 1)),
)
def test_mutated_xlsx_bytes(edits: list[tuple[float, bytes]], cut: float | None) -> None:
    data = bytearray(tiny_xlsx())
    for where, new in edits:
        at = int(where * len(data))
        data[at : at + len(new)] = new
    if cut is not None:
        data = data[: int(cut * len(data))]
    _write(bytes(data))


XML_PIECES = [
    "<",
    ">",
    "/",
    '"',
    "&",
    "&amp;",
    "&lol;",
    "<![CDATA[",
    "]]>",
    "<!--",
    "-->",
    '<c r="A2" t="s"><v>',
    "</v></c>",
    '<c r="XFD1048576">',
    '<c t="inlineStr"><is><t>',
    "</t></is></c>",
    "<row>",
    "</row>",
    '<row r="0">',
    '<row r="99999999">',
    "<v>1e400</v>",
    "<v>",
    "</v>",
    "<f>SUM(A1)</f>",
    '<dimension ref="A1:XFD1048576"/>',
    " ",
    "x",
    "编号",
    "9",
    '<!DOCTYPE x [<!ENTITY e "e">]>',
]


@FUZZ
@given(
    member=st.sampled_from(["sheet", "strings", "workbook"]),
    at=st.floats(0, 1),
    drop=st.integers(0, 40),
    insert=st.lists(st.sampled_from(XML_PIECES), max_size=6).map("".join),
)
def test_mutated_xlsx_xml(member: str, at: float, drop: int, insert: str) -> None:
    names = {
        "sheet": "xl/worksheets/sheet2.xml",
        "strings": "xl/sharedStrings.xml",
        "workbook": "xl/workbook.xml",
    }
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(tiny_xlsx())) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        assert names[member] in src.namelist()
        for info in src.infolist():
            data = src.read(info)
            if info.filename == names[member]:
                text = data.decode("utf-8")
                i = int(at * len(text))
                data = (text[:i] + insert + text[i + drop :]).encode("utf-8")
            dst.writestr(info, data)
    _write(out.getvalue())


# What a workbook cell can hold: text, numbers of any size and sign, dates, booleans, nothing.
cell_values = st.one_of(
    st.none(),
    st.sampled_from(PIECES),
    text,
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(9999, 1, 1)),
)


@FUZZ
@given(rows=st.lists(st.lists(cell_values, min_size=1, max_size=8), min_size=1, max_size=6))
def test_any_cells_under_a_workbook_header(rows: list[list[object]]) -> None:
    """Typed cells (not only text) under the real orgs header: the workbook reading paths."""
    grids = tiny()
    orgs = grids["orgs"]
    orgs.cells[1:] = [list(r) for r in rows]
    with tempfile.TemporaryDirectory() as d:
        load_or_refuse(write_xlsx_shared(Path(d) / "fuzz.xlsx", grids.values()))
