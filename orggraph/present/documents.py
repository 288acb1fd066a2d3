"""The audit as a document: JSON (machines), CSV (spreadsheets), Markdown (people)."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import math
from typing import Any

import pandas as pd

from orggraph.errors import OutputError
from orggraph.findings import SEVERITY_ORDER, AuditResult, Finding
from orggraph.i18n import tr
from orggraph.present import CSV_ENCODINGS, DEFAULT_CSV_ENCODING
from orggraph.present.frames import counts_text, findings_frame, header, rule_title, severity_word
from orggraph.present.rates import headlines
from orggraph.present.safe import json_text, markdown_text, neutralise_formula

_encode_str = json.encoder.encode_basestring  # what json.dumps(ensure_ascii=False) uses


def _indented(v: Any, pad: str) -> str:
    """``v`` exactly as ``json.dumps(v, ensure_ascii=False, indent=2)`` writes it at ``pad``.

    The standard encoder falls back to its slow pure-Python path whenever ``indent`` is set;
    this writes the same text with one join per container.
    """
    if isinstance(v, str):
        return _encode_str(v)
    if v is None:
        return "null"
    if isinstance(v, dict):
        if not v:
            return "{}"
        if not all(isinstance(k, str) for k in v):
            return json.dumps(v, ensure_ascii=False, indent=2).replace("\n", "\n" + pad)
        inner = pad + "  "
        sep = ",\n" + inner
        body = sep.join(
            _encode_str(k)
            + ": "
            + (_encode_str(x) if type(x) is str else "null" if x is None else _indented(x, inner))
            for k, x in v.items()
        )
        return "{\n" + inner + body + "\n" + pad + "}"
    if isinstance(v, list | tuple):
        if not v:
            return "[]"
        inner = pad + "  "
        sep = ",\n" + inner
        return "[\n" + inner + sep.join(_indented(x, inner) for x in v) + "\n" + pad + "]"
    if type(v) is int:  # not bool
        return int.__repr__(v)
    if type(v) is float and math.isfinite(v):
        return float.__repr__(v)
    return json.dumps(v, ensure_ascii=False)


_FINDING_FIELDS = tuple(f.name for f in dataclasses.fields(Finding))


def render_json(result: AuditResult) -> str:
    """The whole audit as one JSON object (``AuditResult.to_dict``), indented."""
    # ``to_dict`` without its findings (``dataclasses.asdict`` deep-copies every one), then
    # the findings as the plain dicts ``asdict`` makes of their plain fields.
    doc = dataclasses.replace(result, findings=[]).to_dict()
    if "findings" in doc:
        doc["findings"] = [{k: getattr(f, k) for k in _FINDING_FIELDS} for f in result.findings]
        doc["counts"] = result.counts()
    else:
        doc = result.to_dict()
    return json_document(doc)


def json_document(doc: Any) -> str:
    """``doc`` (plain dicts, lists, strings, numbers) as indented JSON, terminal-safe."""
    return json_text(_indented(doc, "")) + "\n"


def encode_text(text: str, encoding: str) -> bytes:
    """``text`` in ``encoding``; a character the encoding lacks is an :class:`OutputError`.

    Raises
    ------
    OutputError
        Naming the first character that cannot be written and where it is.
    """
    try:
        return text.encode(encoding)
    except UnicodeEncodeError as e:
        line = text.count("\n", 0, e.start) + 1
        raise OutputError(
            tr(
                "'{char}' (line {line}) cannot be written in {encoding}; "
                "use --encoding utf-8-sig or gb18030",
                char=text[e.start : e.end],
                line=line,
                encoding=encoding,
            )
        ) from e


def csv_text(frame: pd.DataFrame) -> str:
    """Any table as CSV text a spreadsheet opens safely: the frame's columns as the header,
    every text cell quoted, text a spreadsheet would run as a formula prefixed with ``'``
    (OWASP), numbers as numbers, missing values empty.  :func:`csv_bytes` encodes it.

    Examples
    --------
    >>> print(csv_text(pd.DataFrame({"name": ["=1+1"], "n": [-5]})), end="")
    "name","n"
    "'=1+1",-5
    """
    buf = io.StringIO()
    w = csv.writer(buf, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
    w.writerow([str(c) for c in frame.columns])
    for row in frame.itertuples(index=False, name=None):
        w.writerow(["" if _missing(v) else neutralise_formula(v) for v in row])
    return buf.getvalue()


def csv_bytes(frame: pd.DataFrame, encoding: str = DEFAULT_CSV_ENCODING) -> bytes:
    """:func:`csv_text` in ``encoding``: UTF-8 with a BOM by default, for Excel.

    Raises
    ------
    OutputError
        If a character cannot be written in ``encoding``.
    """
    if encoding not in CSV_ENCODINGS:
        raise ValueError(f"unknown CSV encoding {encoding!r}; expected one of {CSV_ENCODINGS}")
    return encode_text(csv_text(frame), encoding)


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def render_csv(result: AuditResult, encoding: str | None = None) -> str | bytes:
    """One row per finding: text, or bytes in ``encoding`` when one is given (the command
    line always gives one: UTF-8 with a BOM unless ``--encoding`` says otherwise).

    Headers and severities follow the output language.
    """
    frame = findings_frame(result)
    return csv_text(frame) if encoding is None else csv_bytes(frame, encoding)


def render_markdown(result: AuditResult) -> str:
    """The audit as a Markdown document; every text from the dataset is HTML-escaped."""
    counts = counts_text(result.counts())
    out = [
        "# " + tr("Audit of {dataset}", dataset=markdown_text(result.dataset)),
        "",
        counts,
        "",
    ]
    out += [
        f"- {markdown_text(h.label)}: {markdown_text(h.text)}"
        for h in headlines(result.rates)
        if h.shown
    ]
    columns = ("rule_title", "subject_id", "subject_name", "area_path", "message")
    for severity in SEVERITY_ORDER:
        found = [f for f in result.findings if f.severity == severity]
        if not found:
            continue
        out += [
            "",
            f"## {severity_word(severity)} ({len(found)})",
            "",
            "| " + " | ".join(header(c) for c in columns) + " |",
            "|" + "---|" * len(columns),
        ]
        out += [
            "| "
            + " | ".join(
                markdown_text(v)
                for v in (rule_title(f.rule), f.subject_id, f.subject_name, f.area_path, f.message)
            )
            + " |"
            for f in found
        ]
    if result.notes:
        out += ["", *(f"> {markdown_text(tr('Note: {note}', note=n))}" for n in result.notes)]
    return "\n".join(out) + "\n"
