"""A :class:`ProgressDiff` for people and machines: table, JSON, CSV or Markdown.

Every format but JSON is drawn from :meth:`ProgressDiff.frames` (findings, rates, entities), so
a workbook is one sheet per frame.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pandas as pd

from orggraph.i18n import both, tr
from orggraph.present.documents import csv_text
from orggraph.present.safe import markdown_text
from orggraph.progress.formats import DIFF_FORMATS

if TYPE_CHECKING:
    from orggraph.progress.diff import ProgressDiff


def section_titles() -> dict[str, str]:
    """The heading of each frame, in the language in force."""
    return {
        "findings": tr("Findings: resolved, new and persisting"),
        "rates": tr("Rates, old → new"),
        "entities": tr("Records added, removed and changed"),
    }


def _shown(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """What a person reads of a frame: persisting findings only where something changed."""
    if name == "findings":
        keep = (frame["change"] != "persisting") | (frame["changes"] != "")
        return frame.loc[
            keep,
            [
                "change",
                "rule",
                "severity",
                "subject_id",
                "subject_name",
                "area_path",
                "message",
                "changes",
            ],
        ]
    return frame


def render_table(d: ProgressDiff) -> str:
    """Aligned text for a terminal (CJK characters counted two columns wide)."""
    out = [tr("orggraph diff — {old} → {new}", old=d.old.dataset, new=d.new.dataset), ""]
    out += summary_lines(d)
    with pd.option_context(
        "display.unicode.east_asian_width",
        True,
        "display.max_rows",
        None,
        "display.max_columns",
        None,
        "display.width",
        None,
        "display.max_colwidth",
        None,
    ):
        for name, frame in d.frames().items():
            shown = _shown(frame, name)
            out += ["", f"== {section_titles()[name]} ({len(shown)}) =="]
            if len(shown):
                out.append(shown.fillna("").to_string(index=False))
    return "\n".join(out) + "\n"


def summary_lines(d: ProgressDiff) -> list[str]:
    from orggraph.progress.summary import summary

    return summary(d)


def render_json(d: ProgressDiff) -> str:
    """The JSON document of docs/PROGRESS.md."""
    # The audit's writer: the same text as json.dumps(indent=2), without its slow Python path.
    from orggraph.present.documents import json_document

    return json_document(d.to_dict())


def render_csv(d: ProgressDiff) -> str:
    """Every frame in one CSV, its name in the first column (``section``)."""
    frames = [f.assign(section=name) for name, f in d.frames().items()]
    joined = pd.concat(frames, ignore_index=True)
    joined = joined[["section", *[c for c in joined.columns if c != "section"]]]
    # The audit's CSV writer: formula-like names neutralised, numbers kept numbers.
    return csv_text(joined)


def _md_cell(value: object) -> str:
    """A Markdown cell as the audit writes one: HTML escaped, controls visible, one line."""
    missing = value is None or (isinstance(value, float) and pd.isna(value))
    return "" if missing else markdown_text(str(value).replace("\n", " "))


def render_markdown(d: ProgressDiff) -> str:
    """A document: the summary, then one table per frame."""
    out = [f"# {tr('orggraph diff — {old} → {new}', old=d.old.dataset, new=d.new.dataset)}", ""]
    out += [f"- {s}" for s in summary_lines(d)]
    for name, frame in d.frames().items():
        shown = _shown(frame, name)
        out += ["", f"## {section_titles()[name]} ({len(shown)})", ""]
        if not len(shown):
            continue
        out.append("| " + " | ".join(shown.columns) + " |")
        out.append("|" + "---|" * len(shown.columns))
        out += [
            "| " + " | ".join(_md_cell(v) for v in row) + " |"
            for row in shown.itertuples(index=False, name=None)
        ]
    return "\n".join(out) + "\n"


def render_xlsx(d: ProgressDiff) -> bytes:
    """One workbook, a sheet per frame (findings, rates, entities), ids kept as text."""
    from orggraph.present.workbook import Sheet, workbook_bytes

    # Sheet names are Chinese in every language, as in the audit's workbook.
    names = {
        "findings": both("Finding changes")["zh"],
        "rates": both("Rate changes")["zh"],
        "entities": both("Record changes")["zh"],
    }
    sheets = [
        Sheet(
            names[name],
            frame.astype(object).where(frame.notna(), None),
            text_columns=[c for c in frame.columns if c in ("subject_id", "id", "key")],
            severity_column="severity" if "severity" in frame.columns else None,
        )
        for name, frame in d.frames().items()
    ]
    return workbook_bytes(sheets)


RENDERERS: dict[str, Callable[[ProgressDiff], str | bytes]] = dict(
    zip(
        DIFF_FORMATS,
        (render_table, render_json, render_csv, render_markdown, render_xlsx),
        strict=True,
    )
)


def render_diff(d: ProgressDiff, fmt: str) -> str | bytes:
    """``d`` in one of :data:`~orggraph.progress.formats.DIFF_FORMATS`."""
    return RENDERERS[fmt](d)
