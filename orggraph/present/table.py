"""The audit as a terminal table (rich): fits the terminal, coloured on a TTY, inert names.

Rich measures CJK characters as two columns and wraps or folds long cells so that no line is
wider than the width it is given.  Every text from the dataset goes through
:func:`~orggraph.present.safe.safe_text` first and reaches rich as plain :class:`~rich.text.Text`
(never parsed as markup), so a name holding ``\\x1b[2J``, an OSC 8 link or ``[bold]`` is shown,
not obeyed.
"""

from __future__ import annotations

import io
import shutil
from typing import TYPE_CHECKING

from orggraph.findings import SEVERITY_ORDER
from orggraph.i18n import tr
from orggraph.present.frames import counts_text, rule_title, severity_word
from orggraph.present.rates import headlines
from orggraph.present.safe import safe_text

if TYPE_CHECKING:
    import pandas as pd
    from rich.console import Console
    from rich.table import Table

    from orggraph.findings import AuditResult, Finding

SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}
# Without a terminal and without COLUMNS, a table this wide reads well in a file or a pager.
FALLBACK_WIDTH = 120
# The terminal table lists at most this many findings of each severity, then says how many more
# there are and which formats hold them all.  Nobody reads thousands of rows on a terminal, and
# laying them out costs about 2.5 ms a row (rich); csv, xlsx, json and markdown list every one.
MAX_ROWS_PER_SEVERITY = 300


def terminal_width() -> int:
    """The width to fit: ``COLUMNS``, else the terminal's, else :data:`FALLBACK_WIDTH`."""
    return shutil.get_terminal_size((FALLBACK_WIDTH, 24)).columns


def console(width: int | None = None, color: bool = False) -> Console:
    """A rich console writing to a string buffer: ``width`` columns, colour only if asked."""
    from rich.console import Console

    return Console(
        file=io.StringIO(),
        width=width or terminal_width(),
        force_terminal=color,
        color_system="standard" if color else None,
        no_color=not color,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
    )


def _findings_table(found: list[Finding], severity: str, limit: int) -> Table:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        header_style="bold",
        title=Text(
            tr(
                "{severity} ({count})",
                severity=severity_word(severity),
                count=len(found),
            ),
            style=SEVERITY_STYLE[severity],
        ),
        title_justify="left",
    )
    for head in (tr("Rule"), tr("Id"), tr("Name"), tr("Area"), tr("Message")):
        table.add_column(head, overflow="fold")
    for f in found[:limit]:
        # The title for the planner; the id, below it, for --config's [rules.<id>].
        rule = Text(safe_text(rule_title(f.rule)))
        rule.append("\n" + safe_text(f.rule), style="dim")
        table.add_row(
            rule,
            *(Text(safe_text(v)) for v in (f.subject_id, f.subject_name, f.area_path, f.message)),
        )
    return table


def render_table(
    result: AuditResult,
    *,
    width: int | None = None,
    color: bool = False,
    limit: int = MAX_ROWS_PER_SEVERITY,
) -> str:
    """The findings grouped by severity, then the headline rates, as terminal text.

    Parameters
    ----------
    result
        The audit (:func:`orggraph.audit.run_audit`).
    width
        Columns to fit (default: :func:`terminal_width`); no line is wider.
    color
        Colour the severities with ANSI escapes (for a TTY); plain text otherwise.
    limit
        The most findings listed per severity; a line after the table says how many more.
    """
    from rich.text import Text

    out = console(width, color)
    counts = counts_text(result.counts())
    out.print(
        Text(
            tr(
                "orggraph audit — {dataset}: {counts}",
                dataset=safe_text(result.dataset),
                counts=counts,
            )
        ),
        style="bold",
    )
    by_severity: dict[str, list[Finding]] = {}
    for f in result.findings:
        by_severity.setdefault(f.severity, []).append(f)
    for severity in SEVERITY_ORDER:
        found = by_severity.get(severity)
        if found:
            out.print()
            out.print(_findings_table(found, severity, limit))
            if len(found) > limit:
                more = tr(
                    "… and {more} more {severity} findings: --format csv, xlsx, json or "
                    "markdown lists every one",
                    more=len(found) - limit,
                    severity=severity_word(severity),
                )
                out.print(Text(more, style="dim"))
    out.print()
    for h in headlines(result.rates):
        if h.shown:
            out.print(Text(f"{h.label}: {h.text}"))
    for note in result.notes:
        out.print(Text(tr("Note: {note}", note=safe_text(note))))
    text = out.file.getvalue()  # type: ignore[attr-defined]
    # rich pads short lines to the console width; trailing spaces only get in the way.
    return "\n".join(line.rstrip() for line in text.split("\n"))


def frame_table(
    frame: pd.DataFrame,
    *,
    title: str | None = None,
    width: int | None = None,
    color: bool = False,
) -> str:
    """Any table (a DataFrame) as terminal text, as the audit's table is drawn: it fits
    ``width``, numbers are right-aligned, every cell is shown with :func:`safe_text`.

    For the commands that print their own tables (plan, diff): the same look and safety.

    Examples
    --------
    >>> import pandas as pd
    >>> print(frame_table(pd.DataFrame({"编号": ["C1"], "数": [3]}), width=40), end="")
     编号   数
    ───────────
     C1      3
    """
    import pandas as pd
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, header_style="bold", title=title)
    numeric = [pd.api.types.is_numeric_dtype(frame[c]) for c in frame.columns]
    for column, is_number in zip(frame.columns, numeric, strict=True):
        table.add_column(
            safe_text(column), overflow="fold", justify="right" if is_number else "left"
        )
    for row in frame.itertuples(index=False, name=None):
        table.add_row(*(Text(_cell(v)) for v in row))
    out = console(width, color)
    out.print(table)
    text = out.file.getvalue()  # type: ignore[attr-defined]
    return "\n".join(line.rstrip() for line in text.split("\n"))


def _cell(value: object) -> str:
    if value is None or value != value:  # None or NaN: unknown, shown empty
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a count in a column that has gaps is a float: 3.0 reads as 3
    return safe_text(value)
