"""Write grids as the real files planners send: .xlsx (openpyxl), legacy .xls (xlwt), CSV text.

Also the hostile workbooks of issue 8, built by rewriting one member of a real .xlsx zip:
streamed, so that a 2 GB sheet or a 1 GB cell never sits in this process's memory.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .grid import Cell, Grid

MB = 1 << 20


def cell_text(v: Cell) -> str:
    """A cell as a CSV export writes it."""
    if v is None:
        return ""
    if isinstance(v, dt.datetime):
        return v.date().isoformat()
    if isinstance(v, float):
        return repr(v)
    return str(v)


def write_xlsx(path: Path, grids: Iterable[Grid]) -> Path:
    """One workbook, one sheet per grid, merges, sheet states and styled empty cells kept."""
    from openpyxl import Workbook
    from openpyxl.styles import Border, Font, PatternFill, Side

    wb = Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="FFF2CC")
    thin = Side(style="thin")
    for g in grids:
        ws = wb.create_sheet(g.title)
        for r, row in enumerate(g.cells, 1):
            for c, v in enumerate(row, 1):
                if v is not None:
                    ws.cell(r, c, v)
        for r, c in g.styled:
            cell = ws.cell(r + 1, c + 1)
            cell.font, cell.fill, cell.border = bold, fill, Border(top=thin, bottom=thin)
        for m in g.merges:
            ws.merge_cells(m.ref())
        ws.sheet_state = g.state
    if wb.worksheets and all(ws.sheet_state != "visible" for ws in wb.worksheets):
        # A workbook needs one visible sheet: Excel itself refuses to hide the last one.
        wb.create_sheet("说明").cell(1, 1, "见隐藏工作表")
    wb.save(path)
    return path


def _unmerged(g: Grid) -> Iterator[tuple[int, int, Cell]]:
    """The filled cells outside merged ranges (a merge is written whole, with its value)."""
    covered = {
        (r, c)
        for m in g.merges
        for r in range(m.top, m.bottom + 1)
        for c in range(m.left, m.right + 1)
    }
    for r, row in enumerate(g.cells):
        for c, v in enumerate(row):
            if v is not None and (r, c) not in covered:
                yield r, c, v


def write_xlsx_shared(path: Path, grids: Iterable[Grid]) -> Path:
    """The same workbook as Excel itself lays it out: text in a shared-strings table.

    openpyxl writes text inline in each sheet; Excel and WPS write ``sharedStrings.xml`` and
    refer to it by index.  XlsxWriter writes what Excel writes.
    """
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path))
    date = wb.add_format({"num_format": "yyyy-mm-dd"})
    styled = wb.add_format({"bold": True, "bg_color": "#FFF2CC", "top": 1, "bottom": 1})
    for g in grids:
        ws = wb.add_worksheet(g.title)
        for m in g.merges:
            ws.merge_range(m.top, m.left, m.bottom, m.right, g.cells[m.top][m.left])
        for r, c, v in _unmerged(g):
            if isinstance(v, dt.datetime):
                ws.write_datetime(r, c, v, date)
            elif isinstance(v, str):
                ws.write_string(r, c, v)
            else:
                ws.write(r, c, v)
        for r, c in g.styled:
            ws.write_blank(r, c, None, styled)
        if g.state == "hidden":
            ws.hide()
        elif g.state == "veryHidden":
            ws.very_hidden()
    wb.close()
    return path


def write_xls(path: Path, grids: Iterable[Grid]) -> Path:
    """A real Excel 97-2003 workbook (BIFF8, an OLE compound file), merges included."""
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    date, plain = xlwt.easyxf(num_format_str="YYYY-MM-DD"), xlwt.Style.default_style
    for g in grids:
        ws = wb.add_sheet(g.title)
        for m in g.merges:
            ws.write_merge(m.top, m.bottom, m.left, m.right, g.cells[m.top][m.left])
        for r, c, v in _unmerged(g):
            ws.write(r, c, v, date if isinstance(v, dt.datetime) else plain)
        if g.state != "visible":
            ws.visibility = 1
    wb.save(str(path))
    return path


def csv_text(g: Grid, delimiter: str = ",") -> str:
    out = io.StringIO()
    w = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    for row in g.cells:
        w.writerow([cell_text(v) for v in row])
    return out.getvalue()


def write_csv_folder(
    folder: Path, grids: Iterable[Grid], encoding: str = "gb18030", delimiter: str = ","
) -> Path:
    """One CSV per grid, named after the grid, as Excel's "save as CSV" writes it."""
    folder.mkdir(parents=True, exist_ok=True)
    for g in grids:
        (folder / f"{g.title}.csv").write_bytes(csv_text(g, delimiter).encode(encoding))
    return folder


def sheet_member(path: Path, title: str) -> str:
    """The zip member holding sheet ``title`` (openpyxl numbers them in workbook order)."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    try:
        return f"xl/worksheets/sheet{wb.sheetnames.index(title) + 1}.xml"
    finally:
        wb.close()


def rewrite_member(
    path: Path, member: str, chunks: Callable[[bytes], Iterator[bytes]], out: Path | None = None
) -> Path:
    """Copy the workbook, replacing ``member`` by what ``chunks(old bytes)`` yields, streamed."""
    out = out or path
    tmp = out.with_name(out.name + ".part")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        names = src.namelist()
        assert member in names, f"{member} not in {names}"
        for name in names:
            if name != member:
                dst.writestr(src.getinfo(name), src.read(name))
                continue
            info = zipfile.ZipInfo(name, date_time=(2024, 3, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with dst.open(info, "w", force_zip64=True) as f:
                for chunk in chunks(src.read(name)):
                    f.write(chunk)
    shutil.move(tmp, out)
    return out


def inflating_member(
    path: Path, member: str, head: bytes, unit: bytes, total: int, tail: bytes
) -> Path:
    """Replace ``member`` by ``head``, ``unit`` repeated to ``total`` bytes or more, ``tail``.

    A zip bomb built the way bombs are built: one 1 MB block is deflated once, after a full
    flush (so its compressed form does not depend on what came before), and that compressed
    block is written again and again.  A 2 GB member costs a few MB and a CRC pass, not a
    compression of 2 GB.  ``zipfile`` cannot write pre-compressed data, so the member's header
    goes in by hand and ``zipfile`` writes the central directory as usual.
    """
    block = unit * (MB // len(unit))
    n = -(-total // len(block))  # at least ``total`` bytes
    z = zlib.compressobj(9, zlib.DEFLATED, -15)
    parts = [z.compress(head) + z.flush(zlib.Z_FULL_FLUSH)]
    packed = z.compress(block) + z.flush(zlib.Z_FULL_FLUSH)
    assert packed == z.compress(block) + z.flush(zlib.Z_FULL_FLUSH), "a flush resets the state"
    end = z.compress(tail) + z.flush()
    crc = zlib.crc32(head)
    for _ in range(n):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(tail, crc)
    tmp = path.with_name(path.name + ".part")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            if name != member:
                dst.writestr(src.getinfo(name), src.read(name))
        info = zipfile.ZipInfo(member, date_time=(2024, 3, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.file_size = len(head) + n * len(block) + len(tail)
        info.compress_size = len(parts[0]) + n * len(packed) + len(end)
        info.CRC = crc
        assert dst.fp is not None
        info.header_offset = dst.fp.tell()
        dst.fp.write(info.FileHeader(zip64=True))
        dst.fp.write(parts[0])
        for _ in range(n):
            dst.fp.write(packed)
        dst.fp.write(end)
        dst.filelist.append(info)
        dst.NameToInfo[member] = info
        dst.start_dir = dst.fp.tell()
    shutil.move(tmp, path)
    return path
