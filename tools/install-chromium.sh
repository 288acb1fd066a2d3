#!/usr/bin/env bash
# Headless Chromium (Debian's package), CJK fonts and poppler's pdftoppm for the browser tests,
# `orggraph report -o FILE.pdf`, the map screenshots and the map benchmark; LibreOffice Calc
# (headless) for the test that opens our workbooks in a real spreadsheet.  Idempotent: quick
# when all are already there.  Needs root (CI is root).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
# The PDF test renders the report's pages to PNG with pdftoppm.
command -v pdftoppm >/dev/null || need+=(poppler-utils)
command -v soffice >/dev/null || need+=(libreoffice-calc-nogui)
# Without a CJK font Chinese labels render as boxes in screenshots.
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then need+=(fonts-noto-cjk); fi

if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" fontconfig >/dev/null
fi

# The Python driver for the browser tests (drives /usr/bin/chromium; never downloads a browser).
if [ -x .venv/bin/python ] && ! .venv/bin/python -c "import playwright" 2>/dev/null; then
  .venv/bin/python -m pip install -q "playwright>=1.40"
fi

/usr/bin/chromium --version
