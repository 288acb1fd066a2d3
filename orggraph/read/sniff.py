"""What a file really is, and whether it is safe to open, decided before any parser runs.

A planner's ``.xls`` may be a web page that Excel or a government system saved under that name, an
``.xlsx`` may be an old ``.xls`` renamed, and WPS saves its own ``.et``.  Each is named for what it
is, with how to save it as a workbook orggraph reads.  A workbook is a zip of XML parts: its
uncompressed sizes are checked first (a zip bomb or a 1 GB cell is refused in milliseconds), and
a part that declares a DTD (entities: billion laughs, XXE — nothing Excel or WPS writes) is
refused; the sheets are then parsed by calamine (Rust), which expands no entities.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path, PurePosixPath
from typing import Literal

from orggraph.errors import Problem
from orggraph.i18n import tr
from orggraph.read import limits

Kind = Literal["xlsx", "xls", "csv", "refused"]

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = (b"PK\x03\x04", b"PK\x05\x06")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".et", ".ett")
_SAVE_AS = "open it in Excel or WPS and save it as an Excel workbook (另存为 .xlsx)"
_DEFLATE_MAX_RATIO = 1032  # deflate cannot inflate one byte to more than this
# Everything zipfile raises on a damaged or unusual zip (an unknown version or compression
# method is NotImplementedError, a bad deflate stream zlib.error).
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    OSError,
    EOFError,
    ValueError,
    NotImplementedError,
    RuntimeError,  # an encrypted part
)


def _looks_html(head: bytes) -> bool:
    h = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return h.startswith((b"<html", b"<!doctype html", b"<table", b"<meta", b"<head")) or (
        b"<html" in h[:2048]
    )


def _looks_xml_spreadsheet(head: bytes) -> bool:
    return b"urn:schemas-microsoft-com:office:spreadsheet" in head


def sniff(path: Path) -> tuple[Kind, Problem | None]:
    """What ``path`` is: a workbook to read, a CSV file, or a refusal saying what it is."""
    suffix = path.suffix.lower()
    name = path.name

    def refused(message: str) -> tuple[Kind, Problem]:
        return "refused", Problem(name, None, None, message)

    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(4096)
    except OSError as e:
        return refused(tr("cannot open the file ({error})", error=e))
    how = tr(_SAVE_AS)
    if suffix == ".csv":
        return "csv", None
    if suffix in (".et", ".ett"):
        return refused(tr("a WPS spreadsheet (.et) is not read: {how}", how=how))
    if size > limits.MAX_FILE_BYTES:
        return refused(limits.too_big(size))
    if _looks_html(head):
        return refused(
            tr(
                "this is a web page (HTML) saved with a {suffix} name, not a workbook: {how}",
                suffix=suffix,
                how=how,
            )
        )
    if _looks_xml_spreadsheet(head):
        return refused(
            tr(
                "this is an Excel 2003 XML spreadsheet saved with a {suffix} name: {how}",
                suffix=suffix,
                how=how,
            )
        )
    if head.startswith(OLE):
        if _encrypted(path):
            return refused(password_message())
        if suffix == ".xls":
            return "xls", None
        message = tr(
            "this is an old-format .xls workbook renamed {suffix}: {how}", suffix=suffix, how=how
        )
        return refused(message)
    if head.startswith(ZIP):
        return "xlsx", None
    return refused(tr("not a workbook (neither .xlsx nor .xls inside): {how}", how=how))


# An encrypted .xlsx is an OLE file holding the zip as this stream (its name in UTF-16).
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def _encrypted(path: Path) -> bool:
    with path.open("rb") as f:
        return _ENCRYPTED_PACKAGE in f.read(64 * 2**20)


def password_message() -> str:
    """The problem text for a workbook locked with a password to open it."""
    return tr(
        "the workbook is protected by a password (encrypted): open it in Excel or WPS, remove "
        "the password (文件 → 信息 → 用密码进行加密 / 文档加密), save it, and try again"
    )


def check_zip(path: Path) -> list[Problem]:
    """Refuse a workbook whose parts would inflate past the limits, or that declares a DTD.

    Declared sizes are checked first; a part large enough to matter is then inflated once, in
    chunks, counting bytes, because a hostile zip may understate its sizes.
    """
    name = path.name
    try:
        zf = zipfile.ZipFile(path)
    except ZIP_ERRORS as e:
        return [Problem(name, None, None, tr("not a readable .xlsx workbook ({error})", error=e))]
    problems: list[Problem] = []
    with zf:
        try:
            sheet_of = {part: f"{name} sheet {s}" for s, part in sheet_parts(zf).items()}
        except Exception:  # a damaged index is calamine's to report, located
            sheet_of = {}
        infos = zf.infolist()
        budget = limits.MAX_XML_BYTES
        declared = sum(i.file_size for i in infos)
        if declared > budget:
            return [_too_big(name, declared)]
        total = 0
        for info in infos:
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > 2**20 and ratio > limits.MAX_PART_RATIO:
                return [
                    Problem(
                        name,
                        None,
                        None,
                        tr(
                            "part {part} would inflate {ratio:.0f} times (to {mb} MB): refused "
                            "as a zip bomb",
                            part=info.filename,
                            ratio=ratio,
                            mb=info.file_size // 2**20,
                        ),
                    )
                ]
            try:
                if info.compress_size * _DEFLATE_MAX_RATIO > budget - total:
                    n = _inflated_size(zf, info, budget - total)
                else:
                    n = info.file_size
                if info.filename.endswith((".xml", ".rels")) and _declares_dtd(zf, info):
                    problems.append(
                        Problem(
                            sheet_of.get(info.filename, name),
                            None,
                            None,
                            tr(
                                "the XML of part {part} declares a DTD or entities, which "
                                "Excel and WPS never write: refused",
                                part=info.filename,
                            ),
                        )
                    )
            except ZIP_ERRORS as e:
                return [
                    Problem(
                        name,
                        None,
                        None,
                        tr("not a readable .xlsx workbook ({error})", error=e),
                    )
                ]
            total += n
            if total > budget:
                return [_too_big(name, total)]
    return problems


def _too_big(name: str, size: int) -> Problem:
    return Problem(
        name,
        None,
        None,
        tr(
            "the workbook's XML inflates to {mb} MB or more; at most {limit} MB are read",
            mb=size // 2**20,
            limit=limits.MAX_XML_BYTES // 2**20,
        ),
    )


def _inflated_size(zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> int:
    n = 0
    with zf.open(info) as f:
        while chunk := f.read(1 << 22):
            n += len(chunk)
            if n > cap:
                break
    return n


def _declares_dtd(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    with zf.open(info) as f:
        head = f.read(1 << 16)
    return b"<!DOCTYPE" in head or b"<!ENTITY" in head


def sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> its XML part, from the workbook's own index."""
    from defusedxml import ElementTree

    ns_main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    ns_rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    book = ElementTree.fromstring(zf.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target", "") for r in rels}
    out: dict[str, str] = {}
    for sheet in book.iter(f"{ns_main}sheet"):
        t = target.get(sheet.get(f"{ns_rel}id"), "")
        part = t.lstrip("/") if t.startswith("/") else str(PurePosixPath("xl") / t)
        out[sheet.get("name", "")] = part
    return out


# A ref attribute however it is written (no space before it, spaces around =, lower case),
# since calamine reads them all; an entity inside a ref (&#57;) is never written by Excel.
_REF = re.compile(rb"""(?<![\w:.-])r\s*=\s*["']([A-Za-z]{0,4})(\d{1,12})["']""")
_PLAIN_REF = re.compile(rb' r="([A-Za-z]{0,4})(\d{1,12})"')
_ODD_REF_MARKS = (b'"r=', b"'r=", b" r =", b" r= ", b" r='", b"\tr=", b"\nr=", b"\rr=")
_PREFIXED = re.compile(rb"<\w+:worksheet")
_ROW_TAG = re.compile(rb"<(?:\w+:)?row[\s/>]")
_CELL_TAG = re.compile(rb"<(?:\w+:)?c[\s/>]")
_ENTITY_IN_REF = re.compile(rb"""(?<![\w:.-])r\s*=\s*["'][^"'<>]*&""")


def sheet_extent(xml: bytes) -> tuple[int, int]:
    """The last row and column any row or cell of a sheet's XML names.

    calamine allocates that whole rectangle, so one stray cell at XFD1048576 in a small
    workbook would cost gigabytes (or abort the process): the extent is checked first, in one
    regex pass over the refs.
    """
    refs = _PLAIN_REF.findall(xml)  # as Excel, WPS and openpyxl write them: one fast pass
    odd = xml.count(b' r="') != len(refs) or any(xml.count(m) for m in _ODD_REF_MARKS)
    if odd:  # a ref written some other way: the thorough (slower) patterns
        if _ENTITY_IN_REF.search(xml):
            return 10**8, 10**6
        refs = _REF.findall(xml)
    rows = max(map(int, {d for _, d in refs}), default=0)
    cols = max((_column_index(c.decode().upper()) for c in {c for c, _ in refs} if c), default=0)
    # Rows and cells written without a ref take the next place: each may add one row or column.
    cell_refs = sum(1 for c, _ in refs if c)
    if _PREFIXED.search(xml[:4096]) or b":sheetData" in xml:  # <x:c …>: count by regex
        n_rows, n_cells = len(_ROW_TAG.findall(xml)), len(_CELL_TAG.findall(xml))
    else:  # plain tags: counted at memory speed
        n_rows = sum(xml.count(b"<row" + e) for e in (b" ", b">", b"/"))
        n_cells = sum(xml.count(b"<c" + e) for e in (b" ", b">", b"/"))
    unref_rows = n_rows - (len(refs) - cell_refs)
    unref_cells = n_cells - cell_refs
    return rows + max(unref_rows, 0), cols + max(unref_cells, 0)


def _column_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n
