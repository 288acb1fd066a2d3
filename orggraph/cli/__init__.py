"""The ``orggraph`` command.  Thin: each command calls one library function and prints."""

from __future__ import annotations

import sys
from typing import Any

import click

from orggraph.cli.common import EXIT_HELP
from orggraph.errors import DatasetError, OrgGraphError


class OrgGraphGroup(click.Group):
    """Turns orggraph's own errors into one ``Error: …`` line and a documented exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DatasetError as e:
            click.echo(f"Error: {e.report()}", err=True)
            sys.exit(e.exit_code)
        except OrgGraphError as e:
            click.echo(f"Error: {e}", err=True)
            sys.exit(e.exit_code)


@click.group(cls=OrgGraphGroup, epilog=EXIT_HELP)
@click.version_option(package_name="orggraph")
def main() -> None:
    """Audit Party-organisation coverage, pairings and alliances from planners' spreadsheets.

    A DATASET is a folder of CSV files or one .xlsx workbook (see DATASET.md).
    """


def _register() -> None:
    from orggraph.cli import core, progress
    from orggraph.cli.maps import map_command, report_command
    from orggraph.cli.plan import plan_command
    from orggraph.cli.store import load_command
    from orggraph.cli.template import template_command

    for cmd in (
        *core.COMMANDS,
        load_command,
        map_command,
        report_command,
        template_command,
        *progress.COMMANDS,
        plan_command,
    ):
        main.add_command(cmd)


_register()
