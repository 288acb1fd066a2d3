"""How a command that did not succeed ends: the message a user reads and the exit code.

The codes are :class:`orggraph.errors.ExitCode`.  A user's mistake (a bad command line, an
:class:`~orggraph.errors.OrgGraphError`) is one ``Error: …`` line, or the list of dataset
problems.  Anything else is a bug in orggraph: one line saying so and how to see the details,
exit :attr:`~orggraph.errors.ExitCode.INTERNAL`, the traceback only when debugging.
"""

from __future__ import annotations

import errno
import os
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager

import click

from orggraph.cli.help import translate_click_text
from orggraph.errors import DatasetError, ExitCode, OrgGraphError
from orggraph.i18n import tr

DEBUG_ENV = "ORGGRAPH_DEBUG"
# click >= 8.2 raises it for a group called with nothing; older click prints the help itself.
_NO_ARGS_IS_HELP = getattr(click.exceptions, "NoArgsIsHelpError", ())


class BrokenPipe(Exception):
    """The output's reader went away.  Not an ``OSError``, so click passes it on untouched."""


@contextmanager
def pipe_guard() -> Iterator[None]:
    """Turn a closed pipe into :class:`BrokenPipe`: click itself would exit 1 ("findings")."""
    try:
        yield
    except OSError as e:
        if e.errno == errno.EPIPE:
            raise BrokenPipe from e
        raise


def debug_from_env() -> bool:
    """``ORGGRAPH_DEBUG`` set to anything but empty, ``0``, ``false`` or ``no``."""
    return os.environ.get(DEBUG_ENV, "").strip().lower() not in ("", "0", "false", "no")


def _error_line(message: str) -> None:
    click.echo(tr("Error: {message}", message=message), err=True)


def usage_error(e: click.ClickException) -> ExitCode | int:
    """Print click's own error (a bad command line) translated; its exit code."""
    ctx = getattr(e, "ctx", None)
    if isinstance(e, _NO_ARGS_IS_HELP):  # `orggraph` alone: its message is the help
        click.echo(e.format_message(), err=True)
        return e.exit_code
    if isinstance(e, click.UsageError) and ctx is not None:
        lines = [ctx.get_usage()]
        if ctx.command.get_help_option(ctx) is not None:
            option = max(ctx.command.get_help_option_names(ctx), key=len)
            lines.append(
                tr("Try '{command} {option}' for help.", command=ctx.command_path, option=option)
            )
        click.echo("\n".join(lines) + "\n", err=True)
    _error_line(translate_click_text(e.format_message()))
    if isinstance(e, click.NoSuchOption) and e.option_name in ("--lang", "--debug") and ctx:
        # Options of the group, typed after the command (where click no longer looks).
        root = ctx.find_root().info_name
        rest = ctx.command_path.removeprefix(f"{root} ")
        example = f"{root} {e.option_name} … {rest} …"
        click.echo(
            tr(
                "{option} goes before the command: {example}", option=e.option_name, example=example
            ),
            err=True,
        )
    return e.exit_code


def user_error(e: OrgGraphError) -> ExitCode:
    """Print one of orggraph's errors (the list of problems for a dataset); its exit code."""
    from orggraph.present.safe import safe_text

    # Names from the user's files reach the terminal: shown, never executed.
    _error_line(e.report(safe_text) if isinstance(e, DatasetError) else safe_text(str(e)))
    return e.exit_code


def internal_error(e: BaseException, debug: bool) -> ExitCode:
    """Print that orggraph has a bug: the traceback when ``debug``, then one line."""
    if debug:
        traceback.print_exception(e, file=sys.stderr)
    try:
        said = str(e)
    except Exception:  # a broken __str__ must not hide the original error
        said = ""
    detail = " ".join(f"{type(e).__name__}: {said}".split()) if said else type(e).__name__
    if len(detail) > 200:
        detail = detail[:199] + "…"
    if debug:
        _error_line(
            tr(
                "internal error ({detail}); this is a bug in orggraph, please report it with the "
                "traceback above",
                detail=detail,
            )
        )
    else:
        _error_line(
            tr(
                "internal error ({detail}); this is a bug in orggraph: rerun with --debug "
                "(or {env}=1) to see the traceback, and report it",
                detail=detail,
                env=DEBUG_ENV,
            )
        )
    return ExitCode.INTERNAL


def broken_pipe() -> ExitCode:
    """Stop writing quietly: the reader (``head``, a closed pager) has gone."""
    try:
        # Python flushes stdout once more at exit; point it at /dev/null so that flush
        # cannot fail and print "Exception ignored … BrokenPipeError".
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass  # not a real file (a test runner's buffer): nothing will be flushed to a pipe
    return ExitCode.BROKEN_PIPE
