"""The ``orggraph`` command.  Thin: each command calls one library function and prints."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import click

from orggraph.cli import failures
from orggraph.cli.help import EVERY_COMMAND_EXITS, OrgGraphCommand, TranslatedHelp
from orggraph.errors import ExitCode, OrgGraphError
from orggraph.i18n import LANGS, lang_scope, set_lang, tr


class OrgGraphGroup(TranslatedHelp, click.Group):
    """The ``orggraph`` group: ends every command with a documented code and a one-line message.

    ``1`` only ever means "findings found": an error of orggraph's own gets its code, a bug
    gets :attr:`ExitCode.INTERNAL`, Ctrl-C :attr:`ExitCode.INTERRUPTED`, a closed pipe
    :attr:`ExitCode.BROKEN_PIPE`, each without a traceback (unless ``--debug``).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.debug = False

    @property
    def exit_codes(self) -> list[ExitCode]:  # type: ignore[override]
        codes = set(EVERY_COMMAND_EXITS)
        for cmd in self.commands.values():
            codes.update(getattr(cmd, "exit_codes", ()))
        return sorted(codes)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # click runs eager options in the order typed: `orggraph --help --lang zh` would print
        # the help before --lang is seen.  Take the language first.
        for i, arg in enumerate(args):
            if arg in self.commands:
                break
            value = arg.partition("=")[2] if arg.startswith("--lang=") else None
            if arg == "--lang" and i + 1 < len(args):
                value = args[i + 1]
            if value in LANGS:
                set_lang(value)
        with failures.pipe_guard():  # the group's own --help and --version print here
            return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        with failures.pipe_guard():
            return super().invoke(ctx)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        self.debug = failures.debug_from_env()
        with lang_scope():  # --lang holds for this call only (tests call main many times)
            try:
                rv = super().main(args, prog_name, complete_var, False, **extra)
                code = rv if isinstance(rv, int) else ExitCode.OK
            except SystemExit as e:
                if not isinstance(e.code, int | None):
                    raise
                code = e.code or ExitCode.OK
            except click.ClickException as e:
                code = failures.usage_error(e)
            except click.Abort:
                code = ExitCode.INTERRUPTED
            except failures.BrokenPipe:
                code = failures.broken_pipe()
            except OrgGraphError as e:
                code = failures.user_error(e)
            except Exception as e:
                code = failures.internal_error(e, self.debug)
            try:
                sys.stdout.flush()
            except BrokenPipeError:
                code = failures.broken_pipe()
        sys.exit(int(code))


def _set_lang(_ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value is not None:
        set_lang(value)


def _set_debug(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and isinstance(ctx.command, OrgGraphGroup):
        ctx.command.debug = True


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    # click's version_option words its line once, at import, before --lang is known.
    if value and not ctx.resilient_parsing:
        from importlib.metadata import version

        click.echo(tr("{prog}, version {version}", prog=ctx.info_name, version=version("orggraph")))
        ctx.exit()


@click.group(cls=OrgGraphGroup)
@click.option(
    "--version",
    is_flag=True,
    is_eager=True,
    expose_value=False,
    callback=_show_version,
    help="Show the version and exit.",
)
@click.option(
    "--lang",
    type=click.Choice(LANGS),
    is_eager=True,
    expose_value=False,
    callback=_set_lang,
    help="Language of messages and help [env ORGGRAPH_LANG; default: from the locale].",
)
@click.option(
    "--debug",
    is_flag=True,
    is_eager=True,
    expose_value=False,
    callback=_set_debug,
    help="Show the traceback of an internal error [env ORGGRAPH_DEBUG=1].",
)
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

__all__ = ["OrgGraphCommand", "OrgGraphGroup", "main"]
