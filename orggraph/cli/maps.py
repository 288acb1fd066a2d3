"""map, report: offline HTML a leader can open."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from orggraph.cli.common import config_option, emit, source_options
from orggraph.cli.help import command
from orggraph.errors import ExitCode
from orggraph.i18n import LANGS, chosen_lang, tr

if TYPE_CHECKING:
    from orggraph.config import AuditConfig
    from orggraph.dataset import Dataset

VIEW_NAMES = ("alliances", "coverage", "pairings", "hierarchy")  # orggraph.maps.VIEWS, lazily


def _budget_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--max-nodes",
        "budget",
        type=click.IntRange(min=10),
        default=2000,
        show_default=True,
        help="Above this many nodes a map folds detail into counted aggregates.",
    )(fn)


@command("map", exits=[ExitCode.OUTPUT])
@source_options
@click.option(
    "--view",
    type=click.Choice(VIEW_NAMES),
    default="alliances",
    show_default=True,
    help="alliances: alliances and members; coverage: areas and the orgs responsible; "
    "pairings: units and their paired communities; hierarchy: the chain of command.",
)
@click.option("--alliance", metavar="ID", help="alliances view: one alliance and its neighbours.")
@click.option("--area", metavar="ID", help="coverage view: one street or community and below.")
@_budget_option
@config_option
@click.option("-o", "--output", type=click.Path(), required=True, help="The HTML file to write.")
def map_command(
    source: Dataset,
    view: str,
    alliance: str | None,
    area: str | None,
    budget: int,
    cfg: AuditConfig,
    output: str,
) -> None:
    """Draw a map of DATASET (or --from-neo4j NAME) as one offline HTML file."""
    from orggraph.audit import run_audit
    from orggraph.maps import UnknownFocus, render_map

    if alliance is not None and view != "alliances":
        raise click.UsageError(tr("--alliance goes with --view alliances"))
    if area is not None and view != "coverage":
        raise click.UsageError(tr("--area goes with --view coverage"))
    result = run_audit(source, cfg)
    try:
        html = render_map(
            source, result, view, budget=budget, alliance=alliance, area=area, cfg=cfg
        )
    except UnknownFocus as e:
        raise click.BadParameter(str(e), param_hint="--alliance" if alliance else "--area") from e
    emit(html, output)


@command("report", exits=[ExitCode.OUTPUT])
@source_options
@click.option(
    "--lang",
    type=click.Choice(LANGS),
    callback=lambda _ctx, _param, value: value or chosen_lang() or "zh",
    help="Language of headings and rule explanations [default: the language chosen with "
    "orggraph --lang or ORGGRAPH_LANG, else zh].",
)
@_budget_option
@config_option
@click.option("-o", "--output", type=click.Path(), required=True, help="The HTML file to write.")
def report_command(source: Dataset, lang: str, budget: int, cfg: AuditConfig, output: str) -> None:
    """Write the meeting report of DATASET (or --from-neo4j NAME): rates, findings, maps."""
    from orggraph.audit import run_audit
    from orggraph.report import render_report

    result = run_audit(source, cfg)
    emit(render_report(source, result, lang, budget=budget, cfg=cfg), output)
