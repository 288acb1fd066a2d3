"""validate, audit, metrics, rules, generate."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from orggraph.cli.common import (
    check_output_options,
    config_option,
    emit,
    format_option,
    source_options,
)
from orggraph.cli.help import command
from orggraph.errors import EXIT_FINDINGS, ExitCode, OutputError
from orggraph.findings import SEVERITIES, SEVERITY_ORDER
from orggraph.i18n import tr
from orggraph.present import (
    AUDIT_FORMATS,
    CSV_ENCODINGS,
    DEFAULT_CSV_ENCODING,
    METRICS_FORMATS,
)

if TYPE_CHECKING:
    from orggraph.config import AuditConfig
    from orggraph.dataset import Dataset

FAIL_ON = (*SEVERITIES, "never")


@command("validate", exits=[ExitCode.DATASET])
@click.argument("dataset", type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json: what was read and every problem (uncapped), as data.",
)
def validate_command(dataset: str, fmt: str) -> None:
    """Check DATASET against the contract and list every problem (exit 3 if any).

    Besides OK, it says for each table the sheet or file, the rows, the columns mapped (with
    the headers as written), the extra columns kept, the rows skipped and why, and the sheets
    or files ignored.
    """
    from orggraph.i18n import tr
    from orggraph.io import inspect
    from orggraph.present.safe import json_text, safe_text
    from orggraph.read.report import report_lines

    result = inspect(dataset)
    if fmt == "json":
        click.echo(json_text(json.dumps(result.as_dict(), ensure_ascii=False, indent=2)))
        if result.error is not None:
            sys.exit(result.error.exit_code)
        return
    if result.error is not None:
        raise result.error
    assert result.dataset is not None
    sizes = "，".join(
        f"{name} {len(frame)}" for name, frame in result.dataset.items() if len(frame)
    )
    # Names and headers from the user's files reach the terminal: shown, never executed.
    ok = tr("OK: {dataset} is a valid dataset ({sizes})", dataset=dataset, sizes=sizes)
    click.echo(safe_text(ok))
    from orggraph.schema import TABLES

    reports = [result.raw.tables[t.name].report for t in TABLES if t.name in result.raw.tables]
    for line in report_lines(reports, result.raw.ignored):
        click.echo("  " + safe_text(line))


@command("audit", exits=[ExitCode.FINDINGS, ExitCode.OUTPUT])
@source_options
@config_option
@format_option(AUDIT_FORMATS, "table", "问题清单, 主要指标, 分街道, 规则")
@click.option(
    "--encoding",
    type=click.Choice(CSV_ENCODINGS),
    help=f"Encoding of --format csv [default {DEFAULT_CSV_ENCODING}: UTF-8 with BOM, for Excel].",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default="never",
    show_default=True,
    help="Exit 1 when a finding at or above this severity exists.",
)
@click.option("-o", "--output", type=click.Path(), help="Write to this file instead of stdout.")
def audit_command(
    source: Dataset,
    cfg: AuditConfig,
    fmt: str,
    encoding: str | None,
    fail_on: str,
    output: str | None,
) -> None:
    """Audit DATASET (or --from-neo4j NAME): every rule, the rates and the metrics."""
    from orggraph.audit import run_audit
    from orggraph.present import render

    check_output_options(fmt, encoding, output)
    result = run_audit(source, cfg)
    color = output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    if fmt == "csv":
        encoding = encoding or DEFAULT_CSV_ENCODING
    emit(render(result, fmt, cfg=cfg, color=color, encoding=encoding), output)
    if fail_on != "never":
        limit = SEVERITY_ORDER[fail_on]
        if any(SEVERITY_ORDER[f.severity] <= limit for f in result.findings):
            sys.exit(EXIT_FINDINGS)


@command("metrics", exits=[ExitCode.OUTPUT])
@source_options
@config_option
@format_option(METRICS_FORMATS, "json", "主要指标, 分街道, 规则, 网络指标")
@click.option("-o", "--output", type=click.Path(), help="Write to this file instead of stdout.")
def metrics_command(source: Dataset, cfg: AuditConfig, fmt: str, output: str | None) -> None:
    """The rates and network metrics of DATASET (or --from-neo4j NAME) as JSON or a workbook."""
    from orggraph.audit import run_audit
    from orggraph.present import render_metrics

    check_output_options(fmt, None, output)
    result = run_audit(source, cfg)
    emit(render_metrics(result, fmt, cfg=cfg), output)


@command("rules")
@config_option
def rules_command(cfg: AuditConfig) -> None:
    """List the audit rules: id, severity, thresholds (of --config) and source."""
    from orggraph.rules import RULES

    for r in RULES.values():
        th = ", ".join(f"{k}={cfg[k]:g}" for k in r.thresholds)
        click.echo(f"{r.id}  [{cfg.severity[r.id]}]  {r.title()}{f'  ({th})' if th else ''}")
        click.echo(f"    {r.explain(cfg)}")
        click.echo("    " + tr("source: {source}", source=r.source))


@command("generate", exits=[ExitCode.OUTPUT])
@click.option(
    "--nodes",
    type=click.IntRange(min=10),
    required=True,
    help="About how many entities (areas, orgs, units, alliances, sites).",
)
@click.option("--seed", type=int, default=0, show_default=True)
@click.argument("out", type=click.Path(file_okay=False))
def generate_command(nodes: int, seed: int, out: str) -> None:
    """Write a deterministic synthetic dataset of about NODES entities to the folder OUT."""
    from orggraph.generate import generate

    try:
        counts = generate(nodes, seed, Path(out))
    except OSError as e:  # a folder that cannot be made or written: the user's to fix
        reason = e.strerror or e
        raise OutputError(
            tr("cannot write the dataset to {folder}: {reason}", folder=out, reason=reason)
        ) from e
    sizes = "，".join(f"{k} {v}" for k, v in counts.items())
    click.echo(tr("wrote {file}: {sizes}", file=out, sizes=sizes))


COMMANDS = (validate_command, audit_command, metrics_command, rules_command, generate_command)
