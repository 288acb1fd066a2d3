"""Print an HTML page to PDF with headless Chromium (Debian's ``chromium`` package).

The page is written to a private temporary folder and printed from there with
``chromium --headless --print-to-pdf``: no server, no network (the report is self-contained and
its Content-Security-Policy forbids any request), and the page's own print stylesheet decides
the paper size and the page breaks.  A virtual-time budget lets the maps' scripts finish
drawing before the page is printed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from orggraph.errors import OutputError
from orggraph.i18n import tr

# Looked up on PATH in this order; ORGGRAPH_CHROMIUM names another binary.
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Milliseconds of page time for the maps to lay themselves out and draw before printing.
VIRTUAL_TIME_MS = 20_000
TIMEOUT_S = 180
# The browser window the page is laid out and its maps drawn in before printing: A4 landscape
# less report.css's 12 mm print margins is 273 mm = 1032 px, plus the 2 x 20 px body margin the
# screen has and print drops; the maps then print at the size they were drawn at, unstretched.
WINDOW = (1072, 760)
# Canvas pixels per CSS pixel: the maps are drawn at twice the screen's resolution for paper.
SCALE = 2


def find_chromium() -> str:
    """The Chromium binary to print with.

    Raises
    ------
    OutputError
        If there is none, saying how to install it.
    """
    wanted = os.environ.get("ORGGRAPH_CHROMIUM")
    candidates = (wanted,) if wanted else CHROMIUM_NAMES
    for name in candidates:
        found = shutil.which(name)
        if found:
            return found
    raise OutputError(
        tr(
            "writing a PDF needs Chromium, and none was found{where}; install it "
            "(Debian/Ubuntu: sudo apt-get install chromium) or set ORGGRAPH_CHROMIUM to its "
            "path, or write the report as .html",
            where=f" ({wanted})" if wanted else "",
        )
    )


def html_to_pdf(html: str, *, chromium: str | None = None) -> bytes:
    """``html`` printed to PDF by headless Chromium, as bytes.

    Raises
    ------
    OutputError
        If Chromium is missing, fails, or takes longer than :data:`TIMEOUT_S`.
    """
    binary = chromium or find_chromium()
    with tempfile.TemporaryDirectory(prefix="orggraph-pdf-") as folder:
        page = Path(folder) / "report.html"
        page.write_text(html, encoding="utf-8")
        pdf = Path(folder) / "report.pdf"
        command = [
            binary,
            "--headless",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-extensions",
            "--no-first-run",
            "--no-pdf-header-footer",
            "--run-all-compositor-stages-before-draw",
            f"--virtual-time-budget={VIRTUAL_TIME_MS}",
            f"--window-size={WINDOW[0]},{WINDOW[1]}",
            f"--force-device-scale-factor={SCALE}",
            f"--user-data-dir={Path(folder) / 'profile'}",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            # Chromium refuses to start as root with its sandbox on (containers, CI).  The page
            # is our own, self-contained, and forbids every request by its CSP.
            command.insert(1, "--no-sandbox")
        try:
            done = subprocess.run(
                command,
                capture_output=True,
                timeout=TIMEOUT_S,
                check=False,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired as e:
            raise OutputError(
                tr("Chromium took longer than {seconds} s to print the PDF", seconds=TIMEOUT_S)
            ) from e
        except OSError as e:
            raise OutputError(
                tr(
                    "cannot run Chromium ({binary}): {reason}",
                    binary=binary,
                    reason=e.strerror or e,
                )
            ) from e
        if done.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
            said = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise OutputError(
                tr(
                    "Chromium could not print the PDF (exit {code}): {said}",
                    code=done.returncode,
                    said=said[-1] if said else "",
                )
            )
        return pdf.read_bytes()
