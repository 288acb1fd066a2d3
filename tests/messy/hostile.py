"""Builders of the files a planner must be told about: wrong file kinds, destroyed codes, and the
careless and hostile inputs of issue 8 (bad encodings, overflowing numbers, bombs, bad XML)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

from . import grid as G
from .base import chengdong, tiny
from .files import (
    csv_text,
    inflating_member,
    rewrite_member,
    sheet_member,
    write_csv_folder,
    write_xlsx,
    write_xlsx_shared,
)
from .grid import Grid
from .layouts import Builder, build

TINY_BOOK = "城北区.xlsx"
Chunks = Callable[[bytes], Iterator[bytes]]  # a zip member's new bytes, from its old ones


def tiny_csv(
    edit: Callable[[dict[str, Grid]], object] | None = None,
    text: dict[str, Callable[[str], str]] | None = None,
    encoding: str = "utf-8",
) -> Builder:
    """The tiny dataset as CSV files; ``text`` rewrites a file's text before it is encoded."""

    def write(out: Path) -> Path:
        grids = tiny()
        if edit:
            edit(grids)
        folder = out / "城北区"
        folder.mkdir()
        for name, g in grids.items():
            body = csv_text(g)
            if text and name in text:
                body = text[name](body)
            (folder / f"{name}.csv").write_bytes(body.encode(encoding))
        return folder

    return write


def tiny_book(member_of: str, chunks: Chunks) -> Builder:
    """The tiny dataset as a workbook whose sheet ``member_of`` is rewritten by ``chunks``."""

    def write(out: Path) -> Path:
        path = write_xlsx(out / TINY_BOOK, tiny().values())
        return rewrite_member(path, sheet_member(path, member_of), chunks)

    return write


def cell(table: str, row: int, header: str, value: object) -> Callable[[dict[str, Grid]], None]:
    """Set one cell: ``row`` as the spreadsheet numbers it (the header is row 1)."""

    def edit(grids: dict[str, Grid]) -> None:
        g = grids[table]
        g.cells[row - 1][g.col(header)] = value

    return edit


_LONG_CODE = re.compile(r"(?<![\w.])(\d)(\d{5})\d{6}(?![\w.])")  # 12 digits


def scientific_code(v: object) -> str:
    """Every 12-digit code in ``v`` as Excel shows it, 6.30102E+11: the digits are gone."""
    return _LONG_CODE.sub(lambda m: f"{m[1]}.{m[2]}E+11", str(v))


def scientific(stem: str, text: str) -> str:
    """The areas file as Excel writes it back to CSV once it has shown the codes that way."""
    return scientific_code(text) if stem == "areas" else text


def html_as_xls(out: Path) -> Path:
    """What many government web systems export: an HTML table saved with an .xls name."""
    rows = []
    for g in chengdong().values():
        rows.append(f"<h3>{g.title}</h3><table border=1>")
        for r in g.cells:
            rows.append("<tr>" + "".join(f"<td>{'' if v is None else v}</td>" for v in r) + "</tr>")
        rows.append("</table>")
    page = '<html><head><meta charset="utf-8"></head><body>' + "".join(rows) + "</body></html>"
    path = out / "城东区.xls"
    path.write_text(page, encoding="utf-8")
    return path


def latin1(out: Path) -> Path:
    """A French planner's areas file in Latin-1: GB18030 decodes it, as mojibake."""
    grids = tiny()
    names = ["Arrondissement Nord", "Quartier Élysée", "Rue Élysée", "Saint-Étienne"]
    for row, name in zip(grids["areas"].cells[1:], names, strict=True):
        row[1] = name
    folder = out / "quartiers"
    write_csv_folder(folder, [grids["orgs"], grids["pairings"]], encoding="utf-8")
    data = csv_text(grids["areas"]).encode("latin-1")
    data.decode("gb18030")  # the trap: the bytes *are* valid GB18030
    (folder / "areas.csv").write_bytes(data)
    return folder


def wide_header(out: Path) -> Path:
    """A header row of 10^5 columns (1.2 MB) above the tiny areas rows."""
    folder = tiny_csv()(out)
    areas = folder / "areas.csv"
    lines = areas.read_bytes().decode("utf-8").split("\r\n")
    extra = ",".join(f"列{i}" for i in range(100_000))
    lines[0] += "," + extra
    areas.write_bytes("\r\n".join(lines).encode("utf-8"))
    return folder


def dangling(n: int) -> Callable[[dict[str, Grid]], None]:
    """``n`` pairings with a community id that does not exist."""

    def edit(grids: dict[str, Grid]) -> None:
        G.append(grids["pairings"], *[["P1", "C9", "dual_report", 1] for _ in range(n)])

    return edit


SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    b'<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c>'
    b'<c r="B1" t="inlineStr"><is><t>name</t></is></c>'
    b'<c r="C1" t="inlineStr"><is><t>type</t></is></c></row>'
)
SHEET_TAIL = b"</sheetData></worksheet>"
GB = 1 << 30


def tiny_bomb(head: bytes, unit: bytes, total: int, tail: bytes) -> Builder:
    """The tiny workbook whose orgs sheet inflates to ``total`` bytes."""

    def write(out: Path) -> Path:
        path = write_xlsx(out / TINY_BOOK, tiny().values())
        return inflating_member(path, sheet_member(path, "orgs"), head, unit, total, tail)

    return write


# An 8 MB workbook whose orgs sheet inflates to 2 GB: one row repeated (issue 8).
ZIP_BOMB = tiny_bomb(
    SHEET_HEAD,
    b'<row><c t="inlineStr"><is><t>P9</t></is></c><c t="inlineStr"><is><t>x</t></is></c>'
    b'<c t="inlineStr"><is><t>branch</t></is></c></row>',
    2 * GB,
    SHEET_TAIL,
)

# A 1 MB workbook with one 1 GB cell.
HUGE_CELL = tiny_bomb(
    SHEET_HEAD + b'<row r="2"><c r="A2" t="inlineStr"><is><t>P9</t></is></c>'
    b'<c r="B2" t="inlineStr"><is><t>',
    b"A",
    GB,
    b'</t></is></c><c r="C2" t="inlineStr"><is><t>branch</t></is></c></row>' + SHEET_TAIL,
)

_DOCTYPE_LAUGHS = (
    '<!DOCTYPE worksheet [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + "]>"
)


def _with_doctype(doctype: str, cell_text: str) -> Chunks:
    """Put a DOCTYPE before the root element and an entity reference into cell B2 (a name)."""

    def chunks(xml: bytes) -> Iterator[bytes]:
        text = xml.decode("utf-8")
        text = text.replace("<worksheet", doctype + "<worksheet", 1)
        b2 = f'<c r="B2" t="inlineStr"><is><t>{cell_text}</t></is></c>'
        text, n = re.subn(r'<c r="B2"[^>]*>.*?</c>', b2, text, count=1)
        assert n == 1, "B2 holds a name"
        yield text.encode("utf-8")

    return chunks


BILLION_LAUGHS = tiny_book("orgs", _with_doctype(_DOCTYPE_LAUGHS, "&lol9;"))
_XXE_DOCTYPE = '<!DOCTYPE {root} [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
XXE = tiny_book("orgs", _with_doctype(_XXE_DOCTYPE.format(root="worksheet"), "&xxe;"))


def _strings_with_xxe(xml: bytes) -> Iterator[bytes]:
    """The entity in Excel's shared-strings table, where every text cell's value lives."""
    text = xml.decode("utf-8").replace("<sst", _XXE_DOCTYPE.format(root="sst") + "<sst", 1)
    text, n = re.subn(r"<t>[^<]*</t>", "<t>&xxe;</t>", text, count=1)
    assert n == 1, "the table holds strings"
    yield text.encode("utf-8")


def xxe_in_shared_strings(out: Path) -> Path:
    path = write_xlsx_shared(out / TINY_BOOK, tiny().values())
    return rewrite_member(path, "xl/sharedStrings.xml", _strings_with_xxe)


def _truncated(xml: bytes) -> Iterator[bytes]:
    yield xml[: len(xml) // 2]


TRUNCATED = tiny_book("orgs", _truncated)


def sheet_xml(table: str, pattern: bytes, replacement: bytes, count: int = 1) -> Builder:
    """Chengdong's workbook with ``pattern`` (a regex) replaced ``count`` times in one sheet."""
    plain = build()

    def chunks(xml: bytes) -> Iterator[bytes]:
        text, n = re.subn(pattern, replacement, xml, flags=re.DOTALL)
        assert n == count, f"{pattern!r} found {n} times in sheet {table}"
        yield text

    def write(out: Path) -> Path:
        path = plain(out)
        return rewrite_member(path, sheet_member(path, table), chunks)

    return write


# An "x" in the last cell of the orgs sheet, as Excel saves it (the dimension grows with it).
STRAY_CELL = sheet_xml(
    "orgs",
    rb'<dimension ref="([A-Z]+[0-9]+):[A-Z]+[0-9]+"\s*/>(.*)</sheetData>',
    rb'<dimension ref="\1:XFD1048576"/>\2'
    rb'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
)


def dimension(table: str, ref: str) -> Builder:
    """The ``<dimension>`` tag of one sheet set to ``ref`` (openpyxl writes one)."""
    return sheet_xml(table, rb'<dimension ref="[^"]*"\s*/>', f'<dimension ref="{ref}"/>'.encode())


# Cell G5 of orgs (P0004's member count, 1713) as Excel saves a formula: the formula and the
# value it computed.
SAVED_FORMULA = sheet_xml(
    "orgs", rb'<c r="G5"([^>]*)><v>1713</v></c>', rb'<c r="G5"\1><f>SUM(1700,13)</f><v>1713</v></c>'
)


def password_protected(out: Path) -> Path:
    """Chengdong's workbook saved with an open password (Excel's 用密码进行加密).

    An encrypted .xlsx is an OLE container holding the encrypted zip: by its first bytes it
    looks like a legacy .xls, which it is not.
    """
    from msoffcrypto.format.ooxml import OOXMLFile

    (out / "plain").mkdir()
    plain = build()(out / "plain")
    path = out / "城东区.xlsx"
    with plain.open("rb") as src, path.open("wb") as dst:
        OOXMLFile(src).encrypt("123456", dst)
    return path
