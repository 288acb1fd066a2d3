"""load: validate a dataset, then upsert it into Neo4j."""

from __future__ import annotations

import sys
from typing import Any

import click

from orggraph.cli.common import neo4j_options, neo4j_settings
from orggraph.cli.help import command
from orggraph.errors import ExitCode
from orggraph.i18n import tr

# orggraph.store.DEFAULT_BATCH_SIZE; repeated here so that `orggraph --help` imports no store
# (tests/cli checks that the two agree).
DEFAULT_BATCH_SIZE = 5_000


@command("load", exits=[ExitCode.DATASET])
@click.argument("dataset", type=click.Path())
@neo4j_options
@click.option(
    "--replace",
    is_flag=True,
    help="Make Neo4j hold exactly this version: delete rows no longer in DATASET.",
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=DEFAULT_BATCH_SIZE,
    show_default=True,
    help="Rows per transaction.",
)
@click.option("--name", help="Load under this name instead of the folder/workbook name.")
@click.option(
    "--wait",
    type=click.FloatRange(min=0),
    default=0,
    metavar="SECONDS",
    help="If another load of this dataset is running, wait up to SECONDS for it to finish "
    "(default: stop at once, exit code 6).",
)
def load_command(
    dataset: str, replace: bool, batch_size: int, name: str | None, wait: float, **kwargs: Any
) -> None:
    """Validate DATASET, then load it into Neo4j under its folder name (or --name).

    Loading again is safe: only what changed is written.  With --replace the database ends up
    holding exactly this version (rows you removed disappear); other datasets are untouched.
    Nothing is written if the dataset is invalid.  One load of a dataset runs at a time: a
    second one started meanwhile stops (exit code 6) and writes nothing, or with --wait waits.
    """
    settings = neo4j_settings(kwargs)
    from orggraph.io import load

    ds = load(dataset, name=name)
    from orggraph.store import load_dataset, server_address

    where = tr(
        "{address} (database {database})",
        address=server_address(settings),
        database=settings.database,
    )
    click.echo(
        tr(
            "loading '{name}' ({nodes} nodes, {relationships} relationships) into {where}",
            name=ds.name,
            nodes=ds.node_count,
            relationships=ds.relationship_count,
            where=where,
        )
    )
    try:
        from orggraph.present.progress import progress_bar

        with progress_bar(ds.node_count + ds.relationship_count) as progress:
            summary = load_dataset(ds, settings, replace, batch_size, progress, wait=wait)
    except KeyboardInterrupt:
        message = tr(
            "interrupted; '{name}' stays marked incomplete until `orggraph load` runs on it again",
            name=ds.name,
        )
        # The same "Error: " prefix as the group's handler in orggraph.cli gives every error.
        click.echo(f"Error: {message}", err=True)
        sys.exit(130)
    for line in summary.lines():
        click.echo(line)
