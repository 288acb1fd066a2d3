"""Commands whose ``--help``, usage errors and exit-code footer speak the planner's language.

A command is still written the click way, with its help in English (``help="…"`` and the
docstring): :class:`HelpFormatter` puts every text through the catalogue
(:func:`orggraph.i18n.tr`) at the moment the help is written, so ``--lang`` and
``ORGGRAPH_LANG`` apply to it.  Paragraphs are the catalogue keys, their line breaks folded into
spaces, so rewrapping a docstring does not lose its translation.

Each command also declares the exit codes it can return (:func:`command`'s ``exits``, plus those
its shared options bring, see :func:`declare_exits`); its footer lists exactly those.
"""

from __future__ import annotations

import inspect
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import Any, TypeVar

import click

from orggraph.errors import ExitCode
from orggraph.i18n import tr

F = TypeVar("F", bound=Callable[..., Any])

# Codes any command can end with, whatever it does.
EVERY_COMMAND_EXITS = frozenset(
    {
        ExitCode.OK,
        ExitCode.USAGE,
        ExitCode.INTERNAL,
        ExitCode.INTERRUPTED,
        ExitCode.BROKEN_PIPE,
    }
)
_EXITS_ATTR = "orggraph_exits"

# click's own words that reach a user, as click writes them in English; their Chinese is in
# orggraph/catalogue/cli.py.  Templates are tried in order, the first that matches the whole
# text wins, and every field is translated again (a BadParameter wraps a Choice message).
CLICK_TEXTS = (
    "Usage: ",
    "Options",
    "Commands",
    "Exit codes",
    "Show this message and exit.",
    "required",
    "default: {default}",
    "env var: {var}",
    "Try '{command} {option}' for help.",
    "Invalid value for {param_hint}: {message}",
    "{value} is not one of {choices}.",
    "{value} is not in the range {range}.",
    "{value} is not a valid {kind}.",
    "integer",
    "integer range",
    "float",
    "float range",
    "No such option {name}. Did you mean {possibility}?",
    "No such option {name}.",
    "No such command {name}.",
    "Missing argument {name}.",
    "Missing option {name}.",
    "Missing command.",
    "Got unexpected extra argument ({args})",
    "Got unexpected extra arguments ({args})",
    "Option {name} requires an argument.",
    "Option {name} does not take a value.",
)


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    out = []
    for template in CLICK_TEXTS:
        parts = re.split(r"\{(\w+)\}", template)
        regex = "".join(
            f"(?P<{part}>.+?)" if i % 2 else re.escape(part) for i, part in enumerate(parts)
        )
        out.append((template, re.compile(regex, re.DOTALL)))
    return tuple(out)


def translate_click_text(text: str) -> str:
    """One of click's English texts in the language in force; any other text as it is.

    Examples
    --------
    >>> from orggraph.i18n import set_lang
    >>> set_lang("zh"); translate_click_text("Missing argument 'DATASET'.")
    "缺少参数 'DATASET'。"
    >>> set_lang(None)
    """
    for template, pattern in _patterns():
        match = pattern.fullmatch(text)
        if match:
            fields = {k: translate_click_text(v) for k, v in match.groupdict().items()}
            return tr(template, **fields)
    return text


def _paragraphs(text: str) -> list[str]:
    """``text`` cut into catalogue keys: one per paragraph, its lines folded into one."""
    out = []
    for para in re.split(r"\n\s*\n", inspect.cleandoc(text).strip()):
        # A "\b" paragraph keeps its line breaks (click prints it unwrapped).
        out.append(para if para.startswith("\b") else " ".join(para.split()))
    return [p for p in out if p]


def tr_help(text: str) -> str:
    """A command's or option's English help in the language in force, paragraph by paragraph."""
    return "\n\n".join(tr(p) for p in _paragraphs(text))


# click appends its extras after two spaces; a bracket of the help's own has one.
_EXTRAS = re.compile(r"(?:(?P<help>.*?)  )?\[(?P<extras>[^\[\]]*)\]", re.DOTALL)


def _tr_definition(text: str) -> str:
    """An option's help as click writes it, ``help  [default: x; required]``, translated."""
    match = _EXTRAS.fullmatch(text)
    if not match:
        return translate_click_text(tr_help(text)) if text else text
    extras = tr("; ").join(translate_click_text(e) for e in match["extras"].split("; "))
    head = translate_click_text(tr_help(match["help"])) if match["help"] else ""
    return f"{head}  [{extras}]" if head else f"[{extras}]"


def _columns(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


# CJK punctuation that must not start a line (it stays with the character before it).
_NO_LINE_START = set("，。、；：？！）」』》】%")
_TOKENS = re.compile(r"\s+|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+|.", re.DOTALL)


def wrap_wide(text: str, width: int) -> list[str]:
    """``text`` cut into lines of at most ``width`` terminal columns, CJK counted as two.

    click's wrapper counts characters and breaks only at spaces, so Chinese help would run
    twice as wide as the terminal; Chinese may break between any two characters.

    >>> wrap_wide("审计数据集 DATASET：全部规则。", 12)
    ['审计数据集', 'DATASET：全', '部规则。']
    """
    lines: list[list[str]] = [[]]
    for token in _TOKENS.findall(" ".join(text.split())):
        line = lines[-1]
        if token.isspace():
            if line:
                line.append(" ")
        elif not line or _width(line) + _width(token) <= width:
            line.append(token)
        elif token in _NO_LINE_START and len(line) > 1:
            # Punctuation may not start a line: what it closes goes down with it.
            carry = [token]
            while len(line) > 1 and carry[0] in _NO_LINE_START:
                carry.insert(0, line.pop())
            lines.append(carry)
        else:
            lines.append([token])
    return [out for out in ("".join(line).strip() for line in lines) if out]


def _width(tokens: str | list[str]) -> int:
    return sum(_columns(ch) for token in tokens for ch in token)


def _prewrapped(text: str, width: int) -> str:
    """Chinese text wrapped here and marked so click keeps the lines; other text as it is."""
    if all(_columns(ch) == 1 for ch in text):
        return text
    paragraphs = text.split("\n\n")
    return "\n\n".join("\b\n" + "\n".join(wrap_wide(p, width)) for p in paragraphs)


class HelpFormatter(click.HelpFormatter):
    """click's formatter, with every text put through the catalogue as it is written."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None:
            prefix = tr("Usage: ")
        super().write_usage(prog, args, prefix)

    def write_heading(self, heading: str) -> None:
        heading = tr("{heading}:", heading=translate_click_text(heading))
        self.write(f"{'':>{self.current_indent}}{heading}\n")

    def write_text(self, text: str) -> None:
        width = max(self.width - self.current_indent, 11)
        super().write_text(_prewrapped(tr_help(text), width))

    def write_dl(
        self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        rows = list(rows)
        # The width click gives the second column (click.formatting.HelpFormatter.write_dl).
        first_col = min(max((click.formatting.term_len(t) for t, _ in rows), default=0), col_max)
        width = max(self.width - first_col - col_spacing - 2, 10)
        rows = [(term, _prewrapped(_tr_definition(d), width)) for term, d in rows]
        super().write_dl(rows, col_max, col_spacing)


class OrgGraphContext(click.Context):
    """A click context that writes help with :class:`HelpFormatter`."""

    formatter_class = HelpFormatter


def declare_exits(fn: F, *codes: ExitCode) -> F:
    """Record that the command built from ``fn`` can end with ``codes``.

    For shared option decorators: ``--config`` brings :attr:`ExitCode.CONFIG`, the Neo4j flags
    bring the Neo4j codes, so each code is declared once, where it arises.
    """
    setattr(fn, _EXITS_ATTR, frozenset(getattr(fn, _EXITS_ATTR, frozenset())) | set(codes))
    return fn


def _exit_codes(callback: Callable[..., Any] | None, exits: Iterable[ExitCode]) -> list[ExitCode]:
    declared: frozenset[ExitCode] = getattr(callback, _EXITS_ATTR, frozenset())
    return sorted(EVERY_COMMAND_EXITS | declared | set(exits))


def _short_help(help_text: str | None) -> str:
    """The first sentence of the translated help, as the group's list of commands shows it.

    Whole, not cut at click's 45 characters: the list wraps it (see :func:`wrap_wide`).
    """
    if not help_text:
        return ""
    first = tr_help(help_text).split("\n\n")[0].lstrip("\b").strip()
    sentence = re.match(r"(.+?(?:\.(?=\s|$)|。))", first)
    return sentence.group(1) if sentence else first


class TranslatedHelp:
    """What orggraph's command and group share: translated help and an exit-code footer."""

    context_class: type[click.Context] = OrgGraphContext
    exit_codes: list[ExitCode]
    help: str | None
    short_help: str | None
    epilog: str | None

    def get_short_help_str(self, limit: int = 45) -> str:
        return _short_help(self.short_help or self.help)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if self.epilog:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(self.epilog)
        with formatter.section("Exit codes"):
            formatter.write_dl([(str(int(code)), code.meaning) for code in self.exit_codes])


class OrgGraphCommand(TranslatedHelp, click.Command):
    """A command with translated help and the footer of the exit codes it declares."""

    def __init__(self, *args: Any, exits: Iterable[ExitCode] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.exit_codes = _exit_codes(self.callback, exits)


def command(name: str, *, exits: Iterable[ExitCode] = (), **attrs: Any) -> Callable[[F], Any]:
    """``click.command`` for orggraph: ``exits`` are the codes it can end with besides those
    every command can (:data:`EVERY_COMMAND_EXITS`) and those its shared options declare.
    """
    return click.command(name, cls=OrgGraphCommand, exits=tuple(exits), **attrs)


def help_texts(cmd: click.Command, ctx: click.Context) -> Iterator[str]:
    """Every English text ``cmd --help`` shows that orggraph wrote (for the catalogue test)."""
    for text in (cmd.help, cmd.epilog):
        if text:
            yield from _paragraphs(text)
    for param in cmd.get_params(ctx):
        help_text = getattr(param, "help", None)
        if help_text:
            yield from _paragraphs(help_text)
    for code in getattr(cmd, "exit_codes", ()):
        yield code.meaning
