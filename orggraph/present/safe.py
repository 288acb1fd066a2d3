"""Text from a dataset made harmless for where it is shown: a terminal, a spreadsheet, Markdown.

Names, area paths and messages come from planners' files and may hold anything: escape
sequences that drive a terminal, a leading ``=`` that a spreadsheet runs as a formula, HTML that
a Markdown viewer renders.  Each output passes its text through the one function here for its
medium.
"""

from __future__ import annotations

import html
import re
import unicodedata

# C0 controls and DEL as their Unicode "control pictures" (ESC -> ␛, LF -> ␊): visible, one
# column wide, and never acted upon by a terminal.
_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)} | {0x7F: "\u2421"}
# C1 controls (0x80-0x9F: CSI, OSC …), line and paragraph separators, and the bidirectional
# overrides that reorder what a reader sees ("Trojan Source"): shown as their escape.
_ESCAPED = re.compile(r"[\x80-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    ch = match.group()
    picture = _PICTURES.get(ord(ch))
    if picture is not None:
        return picture
    return ch.encode("unicode_escape").decode("ascii")


def safe_text(text: object, *, keep_newlines: bool = False) -> str:
    """``text`` with every control character shown visibly, never executed by a terminal.

    Escape (``\\x1b``) becomes ``␛``, a line break ``␊``, a tab ``␉``; C1 controls and
    bidirectional overrides become their ``\\x9b`` / ``\\u202e`` escapes.  With
    ``keep_newlines`` line breaks stay (for a message of several lines); every other control
    is still made visible.

    Examples
    --------
    >>> safe_text("金湖\\x1b[2J社区\\n二号")
    '金湖␛[2J社区␊二号'
    >>> safe_text("a\\x9b31mb\\u202e")
    'a\\\\x9b31mb\\\\u202e'
    >>> safe_text("行一\\n行二", keep_newlines=True)
    '行一\\n行二'
    """
    s = "" if text is None else str(text)
    if not _UNSAFE.search(s):
        return s
    if keep_newlines:
        return "\n".join(_UNSAFE.sub(_visible, line) for line in s.split("\n"))
    return _UNSAFE.sub(_visible, s)


# What JSON may carry raw but a terminal could act on: DEL, C1 controls, line separators and
# bidirectional overrides (JSON itself escapes everything below 0x20).
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def json_text(text: str) -> str:
    """JSON text with every character a terminal could act on written as its ``\\uXXXX``
    escape: the same JSON value, safe to print.

    Examples
    --------
    >>> print(json_text('{"name": "a' + chr(0x9B) + '2J' + chr(0x202E) + 'b"}'))
    {"name": "a\\u009b2J\\u202eb"}
    """
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# OWASP "CSV injection": a cell beginning with one of these is run as a formula by Excel, WPS or
# LibreOffice.  The full-width forms are included: Chinese input methods type them, and some
# spreadsheets accept them as the ASCII ones.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def neutralise_formula(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula, prefixed with ``'``; else as is.

    Numbers stay numbers (``-5`` is a number, not a formula); only strings are changed.

    Examples
    --------
    >>> neutralise_formula("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> neutralise_formula(-5), neutralise_formula("金湖社区")
    (-5, '金湖社区')
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def looks_like_formula(value: object) -> bool:
    """Whether a spreadsheet would take the text ``value`` for a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def markdown_text(text: object) -> str:
    """``text`` for a Markdown table cell or heading: HTML escaped, never markup or a link.

    Control characters are made visible (:func:`safe_text`), HTML special characters become
    entities, and the characters Markdown gives meaning inside a line are backslash-escaped.

    Examples
    --------
    >>> markdown_text('<img src=x onerror="alert(1)">|[a](javascript:b)')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;\\\\|\\\\[a\\\\](javascript:b)'
    """
    s = html.escape(safe_text(text), quote=True)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", s)


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: CJK (wide and full-width) characters take two.

    Examples
    --------
    >>> display_width("金湖A"), display_width("Abc")
    (5, 3)
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
