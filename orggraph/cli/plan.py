"""plan: from the audit's findings to a plan, and the dataset with it applied."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from orggraph.cli.common import (
    check_output_options,
    config_option,
    emit,
    format_option,
    source_options,
)
from orggraph.cli.help import command
from orggraph.errors import ExitCode
from orggraph.i18n import tr
from orggraph.present import DEFAULT_CSV_ENCODING, PLAN_FORMATS

if TYPE_CHECKING:
    from orggraph.config import AuditConfig
    from orggraph.dataset import Dataset


@command("plan", exits=[ExitCode.OUTPUT])
@source_options
@config_option
@format_option(PLAN_FORMATS, "table")
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

    check_output_options(fmt, None, output)
    from orggraph.write import WORKBOOK_SUFFIXES, write_dataset

    given = click.get_current_context().params.get("dataset")
    workbook_in = Path(given or "").suffix.lower() in WORKBOOK_SUFFIXES
    if apply_to and workbook_in and Path(apply_to).suffix.lower() not in WORKBOOK_SUFFIXES:
        apply_to += ".xlsx"  # the input's form: a workbook in, a workbook out
    result = make_plan(source, cfg)
    if apply_to:
        write_dataset(result.applied, apply_to)
        click.echo(tr("wrote the planned dataset to {path}", path=apply_to), err=True)
    emit(render_plan(result.plan, fmt, DEFAULT_CSV_ENCODING), output)


def plan_map(source: Dataset, cfg: AuditConfig, view: str, **options: Any) -> str:
    """``orggraph map --plan``: the map of ``view`` with the plan drawn over it (HTML)."""
    from orggraph.audit import run_audit
    from orggraph.maps import UnknownFocus, build_map
    from orggraph.maps.html import render_spec
    from orggraph.maps.plan import PLAN_VIEWS, overlay_plan
    from orggraph.plan import make_plan

    if view not in PLAN_VIEWS:
        raise click.UsageError(tr("--plan draws over the alliances or coverage view"))
    try:
        spec = build_map(source, run_audit(source, cfg), view, cfg=cfg, **options)
    except UnknownFocus as e:
        hint = "--alliance" if options.get("alliance") else "--area"
        raise click.BadParameter(str(e), param_hint=hint) from e
    overlay_plan(spec, source, make_plan(source, cfg))
    return render_spec(spec, source.name)
