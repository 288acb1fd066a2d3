"""validate, audit, metrics, rules, generate."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from orggraph.cli.common import config_option, emit, source_options
from orggraph.cli.help import command
from orggraph.errors import EXIT_FINDINGS, ExitCode, OutputError
from orggraph.findings import SEVERITY_ORDER
from orggraph.i18n import tr

if TYPE_CHECKING:
    from orggraph.config import AuditConfig
    from orggraph.dataset import Dataset

FAIL_ON = ("error", "warning", "info", "never")


@command("validate", exits=[ExitCode.DATASET])
@click.argument("dataset", type=click.Path())
def validate_command(dataset: str) -> None:
    """Check DATASET against the contract and list every problem (exit 3 if any)."""
    from orggraph.io import load

    ds = load(dataset)
    sizes = "，".join(f"{name} {len(frame)}" for name, frame in ds.items() if len(frame))
    click.echo(f"OK: {dataset} is a valid dataset ({sizes})")


@command("audit", exits=[ExitCode.FINDINGS, ExitCode.OUTPUT])
@source_options
@config_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv", "markdown"]),
    default="table",
    show_default=True,
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
    source: Dataset, cfg: AuditConfig, fmt: str, fail_on: str, output: str | None
) -> None:
    """Audit DATASET (or --from-neo4j NAME): every rule, the rates and the metrics."""
    from orggraph.audit import run_audit
    from orggraph.present import render

    result = run_audit(source, cfg)
    emit(render(result, fmt), output)
    if fail_on != "never":
        limit = SEVERITY_ORDER[fail_on]
        if any(SEVERITY_ORDER[f.severity] <= limit for f in result.findings):
            sys.exit(EXIT_FINDINGS)


@command("metrics", exits=[ExitCode.OUTPUT])
@source_options
@config_option
@click.option("-o", "--output", type=click.Path(), help="Write to this file instead of stdout.")
def metrics_command(source: Dataset, cfg: AuditConfig, output: str | None) -> None:
    """The rates and network metrics of DATASET (or --from-neo4j NAME) as JSON."""
    from orggraph.audit import run_audit

    result = run_audit(source, cfg)
    doc = {
        "dataset": result.dataset,
        "rates": result.rates,
        "metrics": result.metrics,
        "notes": result.notes,
    }
    emit(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", output)


@command("rules")
def rules_command() -> None:
    """List the audit rules: id, default severity, thresholds and source."""
    from orggraph.config import AuditConfig
    from orggraph.rules import RULES

    cfg = AuditConfig()
    for r in RULES.values():
        th = ", ".join(f"{k}={cfg[k]:g}" for k in r.thresholds)
        click.echo(f"{r.id}  [{r.severity}]  {r.title_zh}{f'  ({th})' if th else ''}")
        click.echo(f"    {r.explain_zh}")
        click.echo(f"    来源: {r.source}")


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
