"""map, report: offline HTML a leader can open."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from orggraph.cli.common import config_option, emit, source_options
from orggraph.cli.help import command
from orggraph.errors import ExitCode
from orggraph.i18n import LANGS, chosen_lang, tr
from orggraph.maps.spec import MAP_VIEWS

if TYPE_CHECKING:
    from orggraph.config import AuditConfig
    from orggraph.dataset import Dataset


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
    type=click.Choice(list(MAP_VIEWS)),
    default="alliances",
    show_default=True,
    help="alliances: alliances and members; coverage: areas and the orgs responsible; "
    "pairings: units and their paired communities; hierarchy: the chain of command.",
)
@click.option("--alliance", metavar="ID", help="alliances view: one alliance and its neighbours.")
@click.option("--area", metavar="ID", help="coverage view: one street or community and below.")
@_budget_option
@config_option
@click.option("--plan", "with_plan", is_flag=True, help="Draw what `orggraph plan` proposes.")
@click.option("-o", "--output", type=click.Path(), required=True, help="The HTML file to write.")
def map_command(
    source: Dataset,
    view: str,
    alliance: str | None,
    area: str | None,
    budget: int,
    cfg: AuditConfig,
    with_plan: bool,
    output: str,
) -> None:
    """Draw a map of DATASET (or --from-neo4j NAME) as one offline HTML file."""
    from orggraph.audit import run_audit
    from orggraph.maps import UnknownFocus, render_map

    if Path(output).suffix.lower() not in (".html", ".htm"):
        # A map is an HTML page; written under another name it would open as garbage.
        raise click.BadParameter(
            tr("a map is an .html page, not '{suffix}'", suffix=Path(output).suffix or output),
            param_hint="-o",
        )
    if alliance is not None and view != "alliances":
        raise click.UsageError(tr("--alliance goes with --view alliances"))
    if area is not None and view != "coverage":
        raise click.UsageError(tr("--area goes with --view coverage"))
    if with_plan:
        from orggraph.cli.plan import plan_map

        emit(plan_map(source, cfg, view, budget=budget, alliance=alliance, area=area), output)
        return
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
@click.option("--compare", metavar="OLD", help="Add progress since OLD (a dataset or neo4j:NAME).")
@click.option("--plan", "with_plan", is_flag=True, help="Add the plan, by street.")
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    required=True,
    help="The file to write: FILE.html, or FILE.pdf (printed with headless Chromium).",
)
def report_command(
    source: Dataset,
    lang: str,
    budget: int,
    cfg: AuditConfig,
    compare: str | None,
    with_plan: bool,
    output: str,
) -> None:
    """Write the meeting report of DATASET (or --from-neo4j NAME): rates, findings, maps."""
    from orggraph.audit import run_audit
    from orggraph.cli.progress import compare_section
    from orggraph.report import REPORT_SUFFIXES, render_report

    suffix = Path(output).suffix.lower()
    if suffix not in REPORT_SUFFIXES:
        raise click.BadParameter(
            tr("a report is .html or .pdf, not '{suffix}'", suffix=suffix or output),
            param_hint="-o",
        )
    from orggraph.pdf import find_chromium, html_to_pdf

    # Before the work: a missing Chromium fails at once.
    chromium = find_chromium() if suffix == ".pdf" else None
    result = run_audit(source, cfg)
    progress = compare_section(compare, source, result, cfg, lang) if compare else ""
    extra = ""
    if with_plan:
        from orggraph.plan import make_plan
        from orggraph.plan.report import plan_section

        extra = plan_section(make_plan(source, cfg).plan, lang)
    html = render_report(
        source, result, lang, budget=budget, cfg=cfg, progress=progress, extra_html=extra
    )
    emit(html if chromium is None else html_to_pdf(html, chromium=chromium), output)
