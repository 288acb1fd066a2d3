"""diff, trend: progress between snapshots of one district (files or ``neo4j:NAME``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import click

from orggraph.cli.common import (
    check_output_options,
    config_option,
    emit,
    format_option,
    neo4j_options,
    neo4j_settings,
    open_source,
)
from orggraph.cli.help import command
from orggraph.errors import ExitCode
from orggraph.i18n import tr
from orggraph.progress.formats import DIFF_FORMATS, TREND_FORMATS

if TYPE_CHECKING:
    from orggraph.config import AuditConfig, Neo4jSettings
    from orggraph.dataset import Dataset
    from orggraph.findings import AuditResult
    from orggraph.i18n import Lang

NEO4J_PREFIX = "neo4j:"


def open_snapshot(spec: str, settings: Neo4jSettings) -> Dataset:
    """The dataset ``spec`` names: a path, or ``neo4j:NAME`` read back from Neo4j."""
    if spec.startswith(NEO4J_PREFIX):
        name = spec[len(NEO4J_PREFIX) :]
        if not name:
            raise click.BadParameter(
                tr(
                    "'{spec}': give the dataset name after '{prefix}'",
                    spec=spec,
                    prefix=NEO4J_PREFIX,
                )
            )
        return open_source(None, name, settings)
    return open_source(spec, None, settings)


def audited(spec: str, settings: Neo4jSettings, cfg: AuditConfig) -> tuple[Dataset, AuditResult]:
    from orggraph.audit import run_audit

    ds = open_snapshot(spec, settings)
    return ds, run_audit(ds, cfg)


def compare_section(old: str, new_ds: Dataset, new: AuditResult, cfg: AuditConfig, la: str) -> str:
    """``report --compare OLD``: the progress section, OLD read with the command's Neo4j flags."""
    from orggraph.progress.diff import compare_results
    from orggraph.progress.section import progress_section

    settings = neo4j_settings(dict(click.get_current_context().params))
    old_ds, old_result = audited(old, settings, cfg)
    return progress_section(compare_results(old_ds, old_result, new_ds, new), cast("Lang", la))


@command("diff", exits=[ExitCode.DATASET, ExitCode.OUTPUT])
@click.argument("old")
@click.argument("new")
@neo4j_options
@config_option
@format_option(DIFF_FORMATS, "table")
@click.option("-o", "--output", type=click.Path(), help="Write to this file instead of stdout.")
def diff_command(
    old: str, new: str, cfg: AuditConfig, fmt: str, output: str | None, **flags: Any
) -> None:
    """Compare snapshot OLD with snapshot NEW: findings resolved, new and persisting; rates old
    → new per level and per street; entities added, removed and changed.

    A snapshot is a dataset (CSV folder or workbook) or a dataset loaded into Neo4j, written
    neo4j:NAME (with --uri/--user/--password/--database).  Both are audited with the same
    configuration.  The JSON shape: docs/PROGRESS.md.
    """
    from orggraph.progress.diff import diff_datasets
    from orggraph.progress.render import render_diff

    check_output_options(fmt, None, output)
    settings = neo4j_settings(flags)
    d = diff_datasets(open_snapshot(old, settings), open_snapshot(new, settings), cfg)
    emit(render_diff(d, fmt), output)


@command("trend", exits=[ExitCode.DATASET, ExitCode.OUTPUT])
@click.argument("snapshots", nargs=-1, required=True, metavar="SNAPSHOT...")
@neo4j_options
@config_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(TREND_FORMATS),
    help="Default: html when -o ends in .html, else table.",
)
@click.option("-o", "--output", type=click.Path(), help="Write to this file instead of stdout.")
def trend_command(
    snapshots: tuple[str, ...], cfg: AuditConfig, fmt: str | None, output: str | None, **flags: Any
) -> None:
    """Headline rates and finding counts over two or more SNAPSHOTs given in time order; with
    -o trend.html, an offline line chart.

    A snapshot is a dataset (CSV folder or workbook) or neo4j:NAME, as for diff.
    """
    from orggraph.progress.trend import trend

    if len(snapshots) < 2:
        raise click.UsageError(tr("trend needs two or more snapshots, oldest first"))
    settings = neo4j_settings(flags)
    fmt = fmt or ("html" if output and output.lower().endswith((".html", ".htm")) else "table")
    results = [audited(spec, settings, cfg)[1] for spec in snapshots]
    emit(trend(results, fmt), output)


COMMANDS = (diff_command, trend_command)
