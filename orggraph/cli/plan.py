"""plan: from the audit's findings to a plan, and the dataset with it applied."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from orggraph.cli.common import EXIT_HELP, config_option, emit, source_options
from orggraph.i18n import tr

if TYPE_CHECKING:
    from orggraph.config import AuditConfig
    from orggraph.dataset import Dataset

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


@click.command("plan", epilog=EXIT_HELP)
@source_options
@config_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv", "markdown"]),
    default="table",
    show_default=True,
)
@click.option("-o", "--output", type=click.Path(), help="Write to this file instead of stdout.")
@click.option(
    "--apply",
    "apply_to",
    type=click.Path(),
    metavar="OUT",
    help="Also write the dataset with the plan applied to OUT (a folder, or a .xlsx workbook).",
)
def plan_command(
    source: Dataset, cfg: AuditConfig, fmt: str, output: str | None, apply_to: str | None
) -> None:
    """Plan actions that close the findings of DATASET (or --from-neo4j NAME)."""
    from orggraph.plan import make_plan
    from orggraph.plan.present import render_plan
    from orggraph.write import write_dataset

    given = click.get_current_context().params.get("dataset")
    workbook_in = Path(given or "").suffix.lower() in WORKBOOK_SUFFIXES
    if apply_to and workbook_in and Path(apply_to).suffix.lower() not in WORKBOOK_SUFFIXES:
        apply_to += ".xlsx"  # the input's form: a workbook in, a workbook out
    result = make_plan(source, cfg)
    if apply_to:
        write_dataset(result.applied, apply_to)
        click.echo(tr("wrote the planned dataset to {path}", path=apply_to), err=True)
    emit(render_plan(result.plan, fmt), output)
