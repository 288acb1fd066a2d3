"""Chinese for every English message the user reads (see :mod:`orggraph.i18n`).

One entry per message: the English text exactly as passed to ``tr``, then its Chinese.  Keep the
``{fields}`` identical on both sides.  Grouped by the module that says it.
"""

from __future__ import annotations

ZH: dict[str, str] = {
    # validate
    "'{value}' is not a number": "“{value}”不是数字",
}
