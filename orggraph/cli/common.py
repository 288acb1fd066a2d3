"""What every analysis command shares: where the dataset comes from, and error handling."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from orggraph.cli.help import declare_exits
from orggraph.config import Neo4jSettings
from orggraph.errors import ExitCode
from orggraph.i18n import tr

if TYPE_CHECKING:
    from orggraph.dataset import Dataset


def config_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--config FILE``, read while the command line is parsed: a bad file fails first (exit 8).

    The command receives ``cfg``, an :class:`~orggraph.config.AuditConfig`.
    """

    def read(_ctx: click.Context, _param: click.Parameter, value: str | None) -> Any:
        from orggraph.config import AuditConfig

        return AuditConfig.from_file(value)

    declare_exits(fn, ExitCode.CONFIG)
    return click.option(
        "--config",
        "cfg",
        type=click.Path(),
        callback=read,
        help="TOML file of thresholds and rule overrides [env ORGGRAPH_CONFIG].",
    )(fn)


def neo4j_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--uri --user --password --database``; the environment fills what is not given."""
    for opt in reversed(
        (
            click.option("--uri", help="Bolt URI [env NEO4J_URI; default bolt://127.0.0.1:7687]"),
            click.option("--user", help="Neo4j user [env NEO4J_USER; default neo4j]"),
            click.option("--password", help="Neo4j password [env NEO4J_PASSWORD]"),
            click.option("--database", help="Neo4j database [env NEO4J_DATABASE; default neo4j]"),
        )
    ):
        fn = opt(fn)
    return declare_exits(
        fn, ExitCode.NEO4J_UNAVAILABLE, ExitCode.NEO4J_AUTH, ExitCode.NEO4J_DATABASE
    )


def neo4j_settings(kwargs: dict[str, Any]) -> Neo4jSettings:
    """Pop the Neo4j flags out of a command's keyword arguments into settings."""
    return Neo4jSettings.from_env(
        uri=kwargs.pop("uri", None),
        user=kwargs.pop("user", None),
        password=kwargs.pop("password", None),
        database=kwargs.pop("database", None),
    )


def source_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """A DATASET argument, or ``--from-neo4j NAME`` plus the Neo4j flags.

    The wrapped command receives one ``source: Dataset`` keyword instead.
    """

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        path = kwargs.pop("dataset")
        name = kwargs.pop("from_neo4j")
        settings = neo4j_settings(kwargs)
        kwargs["source"] = open_source(path, name, settings)
        return fn(*args, **kwargs)

    command: Callable[..., Any] = neo4j_options(declare_exits(wrapper, ExitCode.DATASET))
    command = click.option(
        "--from-neo4j",
        "from_neo4j",
        metavar="NAME",
        help="Analyse the dataset NAME as loaded into Neo4j instead of files.",
    )(command)
    return click.argument("dataset", required=False, type=click.Path())(command)


def open_source(path: str | None, neo4j_name: str | None, settings: Neo4jSettings) -> Dataset:
    """Read and validate the files at ``path``, or read dataset ``neo4j_name`` back from Neo4j."""
    if bool(path) == bool(neo4j_name):
        raise click.UsageError(tr("give either a DATASET folder/workbook or --from-neo4j NAME"))
    if path:
        from orggraph.io import load

        return load(path)
    from orggraph.store import read_dataset

    assert neo4j_name is not None
    return read_dataset(neo4j_name, settings)


def emit(text: str | bytes, output: str | None) -> None:
    """Print ``text``, or write it (text as UTF-8; bytes as they are; atomically) to ``output``
    and say so on stderr."""
    if output:
        from orggraph.output import write_output

        write_output(output, text)
        click.echo(tr("wrote {file}", file=output), err=True)
    else:
        click.echo(text, nl=False)


def check_output_options(fmt: str, encoding: str | None, output: str | None) -> None:
    """Refuse a file-only format (xlsx) without a matching ``-o``, and a stray ``--encoding``."""
    from orggraph.present import FILE_ONLY_FORMATS

    if fmt in FILE_ONLY_FORMATS and not (output or "").lower().endswith(f".{fmt}"):
        # Nor to a terminal, nor under a name Excel would not open it by.
        raise click.UsageError(
            tr("--format {fmt} writes a file: give it with -o FILE.{fmt}", fmt=fmt)
        )
    if encoding is not None and fmt != "csv":
        raise click.UsageError(tr("--encoding applies to --format csv only"))


def format_option(choices: tuple[str, ...], default: str, sheets: str | None = None) -> Any:
    """``--format`` with ``choices``; its help names the sheets of the xlsx workbook, if given."""
    what = f"xlsx: a workbook ({sheets}); needs -o." if sheets else "xlsx: a workbook; needs -o."
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        help=what,
    )
