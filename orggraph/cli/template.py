"""template: the workbook a planner fills in, blank or holding an existing dataset."""

from __future__ import annotations

import click

from orggraph.cli.common import emit
from orggraph.cli.help import command
from orggraph.errors import ExitCode
from orggraph.i18n import tr


@command("template", exits=[ExitCode.DATASET, ExitCode.OUTPUT])
@click.option(
    "--from",
    "source",
    metavar="DATASET",
    type=click.Path(),
    help="Fill the template with this dataset (a folder of CSV files or a workbook).",
)
@click.argument("out", type=click.Path())
def template_command(source: str | None, out: str) -> None:
    """Write OUT.xlsx: one sheet per table with Chinese headers, notes and dropdowns.

    Blank, it is the workbook to fill in (a 说明 sheet explains it; there is no example row).
    With --from DATASET it holds that dataset, and `orggraph audit OUT.xlsx` gives the same
    audit as `orggraph audit DATASET`.
    """
    if not out.lower().endswith(".xlsx"):
        raise click.BadParameter(
            tr("the template is an .xlsx workbook: name it OUT.xlsx"), param_hint="OUT"
        )
    from orggraph.template import template_workbook

    ds = None
    if source is not None:
        from orggraph.io import load

        ds = load(source)
    emit(template_workbook(ds), out)
