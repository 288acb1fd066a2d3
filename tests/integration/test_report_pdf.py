"""`report -o FILE.pdf`: printed by Debian's headless Chromium, pages checked as images.

Each page is rendered to a grey image with poppler's pdftoppm (tools/install-chromium.sh
installs both) and its pixels counted: a page is blank when (almost) every pixel is white.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from orggraph.cli import main

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
DPI = 30  # enough to see text and drawings, cheap to count


def _pages(pdf: Path, tmp_path: Path) -> list[tuple[int, int, bytes]]:
    """Every page as (width, height, grey pixels), via pdftoppm's PGM output."""
    subprocess.run(
        ["pdftoppm", "-gray", "-r", str(DPI), str(pdf), str(tmp_path / "page")], check=True
    )
    out = []
    for path in sorted(tmp_path.glob("page-*.pgm"), key=lambda p: int(p.stem.split("-")[-1])):
        data = path.read_bytes()
        # Binary PGM: "P5\n<width> <height>\n<maxval>\n" then one byte per pixel.
        magic, size, maxval, pixels = data.split(b"\n", 3)
        assert magic == b"P5" and maxval == b"255"
        width, height = (int(v) for v in size.split())
        out.append((width, height, pixels[: width * height]))
    return out


def _ink(pixels: bytes) -> float:
    """Share of pixels that are not (near) white."""
    return sum(1 for v in pixels if v < 200) / len(pixels)


def _drawing_ink(width: int, height: int, pixels: bytes) -> float:
    """Ink where a map page has its drawing: below the heading (the top 15 %), left of the
    legend (the right quarter)."""
    cols = int(width * 0.75)
    rows = [pixels[r * width : r * width + cols] for r in range(int(height * 0.15), height)]
    return _ink(b"".join(rows))


@pytest.mark.parametrize("dataset", ["yuzhou", "chengdong"])
def test_report_pdf_has_no_blank_page_and_draws_the_maps(dataset: str, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    r = CliRunner().invoke(main, ["report", str(ROOT / "datasets" / dataset), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert out.read_bytes().startswith(b"%PDF-")
    pages = _pages(out, tmp_path)
    assert len(pages) >= 3
    # A page of the report holds at least a heading and a table or a map: well over 0.5 % ink.
    # A blank page (what a stray page break leaves) has none.
    inks = [_ink(p) for _, _, p in pages]
    assert min(inks) > 0.005, inks
    # The two maps print on landscape pages of their own, and their drawings are not empty:
    # the networks were drawn before printing (an undrawn canvas leaves no ink there).
    landscape = [p for p in pages if p[0] > p[1]]
    assert len(landscape) == 2
    drawn = [_drawing_ink(*page) for page in landscape]
    assert min(drawn) > 0.01, drawn
    # and every other page is upright.
    assert sum(1 for w, h, _ in pages if w < h) == len(pages) - 2
