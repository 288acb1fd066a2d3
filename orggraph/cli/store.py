"""load: validate a dataset, then upsert it into Neo4j."""

from __future__ import annotations

import logging
import sys
from typing import Any

import click

from orggraph.cli.common import neo4j_options, neo4j_settings
from orggraph.cli.help import command
from orggraph.errors import ExitCode

# orggraph.store.DEFAULT_BATCH_SIZE; repeated here so that `orggraph --help` imports no store.
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
def load_command(
    dataset: str, replace: bool, batch_size: int, name: str | None, **kwargs: Any
) -> None:
    """Validate DATASET, then load it into Neo4j under its folder name (or --name).

    Loading again is safe: only what changed is written.  With --replace the database ends up
    holding exactly this version (rows you removed disappear); other datasets are untouched.
    Nothing is written if the dataset is invalid.
    """
    settings = neo4j_settings(kwargs)
    from orggraph.io import load

    ds = load(dataset, name=name)
    from orggraph.store import load_dataset, server_address

    # The driver logs its retries; the one line we print on failure says enough.
    logging.getLogger("neo4j").addHandler(logging.NullHandler())
    where = f"{server_address(settings)} (database {settings.database})"
    click.echo(
        f"loading '{ds.name}' ({ds.node_count} nodes, {ds.relationship_count} relationships) "
        f"into {where}"
    )
    try:
        if sys.stderr.isatty():
            total = ds.node_count + ds.relationship_count
            with click.progressbar(length=total, label="loading", file=sys.stderr) as bar:

                def progress(done: int, total: int) -> None:
                    bar.length = total
                    bar.update(done - bar.pos)

                summary = load_dataset(ds, settings, replace, batch_size, progress)
        else:
            summary = load_dataset(ds, settings, replace, batch_size)
    except KeyboardInterrupt:
        click.echo(
            f"Error: interrupted; '{ds.name}' stays marked incomplete until `orggraph load` "
            "runs on it again",
            err=True,
        )
        sys.exit(130)
    for line in summary.lines():
        click.echo(line)
