"""What every view needs: the graph, the audit, the place of each entity, tooltip facts."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from orggraph.findings import SEVERITY_ORDER, SEVERITY_WORDS, AuditResult, Finding
from orggraph.maps.spec import MAP_VIEWS, SEVERITY_COLOR, MapNode, MapSpec
from orggraph.schema import ZH

if TYPE_CHECKING:
    import networkx as nx

DEFAULT_NODE_BUDGET = 2000
# Up to this many drawn nodes a live force layout looks better and is quick; above, precomputed.
PHYSICS_MAX_NODES = 300


class UnknownFocus(ValueError):
    """``--alliance`` or ``--area`` names an id the dataset does not hold (or of another kind)."""


@dataclass
class MapContext:
    """The inputs of a view.

    Parameters
    ----------
    graph
        The dataset graph (:func:`orggraph.maps.graph.build_graph`): node attribute ``label``
        and the row's columns, edges keyed by type.
    result
        The audit of the same dataset; its findings colour and mark the nodes.
    view
        The view being drawn, one of :data:`~orggraph.maps.spec.MAP_VIEWS`.
    place
        ``{entity id: area path}`` (``城区/凤山街道/金湖社区``) for tooltips.
    budget
        The most nodes a map draws before it folds detail into aggregates.
    rule_titles
        ``{rule id: title}`` for tooltips.
    memberships
        ``{(member, alliance): role}``, a lead org counted as a member in the role of lead
        (:func:`orggraph.audit_context.alliance_memberships`).
    brokerage
        Betweenness of each alliance member (the alliances view sizes members by it).
    focus
        The one id the view centres on (an alliance, an area), or ``None`` for the whole map.
    """

    graph: nx.MultiDiGraph
    result: AuditResult
    view: str
    place: Mapping[str, str] = field(default_factory=dict)
    budget: int = DEFAULT_NODE_BUDGET
    rule_titles: Mapping[str, str] = field(default_factory=dict)
    memberships: Mapping[tuple[str, str], str] = field(default_factory=dict)
    brokerage: Mapping[str, float] = field(default_factory=dict)
    focus: str | None = None

    def __post_init__(self) -> None:
        self.findings: dict[str, list[Finding]] = self.result.by_subject()
        self._edges: dict[str, list[tuple[str, str, dict[str, Any]]]] | None = None

    def new_spec(self, title: str | None = None) -> MapSpec:
        """An empty :class:`MapSpec` of this view, under its title unless ``title`` is given."""
        return MapSpec(view=self.view, title=title or MAP_VIEWS[self.view])

    def note_folding(self, spec: MapSpec, how: str, what: str = "节点") -> None:
        """Say on the page, if ``spec`` folded detail away, how many ``what`` and ``how``."""
        if spec.aggregated:
            spec.notes.append(f"共 {spec.underlying} 个{what}，超过 {self.budget} 的上限：{how}")

    def edges(self, kind: str) -> list[tuple[str, str, dict[str, Any]]]:
        """Every edge of one type, as ``(source, target, attributes)``."""
        if self._edges is None:
            by: dict[str, list[tuple[str, str, dict[str, Any]]]] = defaultdict(list)
            for u, v, k, d in self.graph.edges(keys=True, data=True):
                by[d.get("type", k)].append((u, v, d))
            self._edges = dict(by)
        return self._edges.get(kind, [])

    def nodes(self, label: str) -> list[str]:
        return [n for n, d in self.graph.nodes(data=True) if d.get("label") == label]

    def attr(self, node: str, key: str) -> Any:
        value = self.graph.nodes[node].get(key)
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return None
        return value

    def name(self, node: str) -> str:
        return str(self.attr(node, "name") or node)

    def rule_findings(self, rule: str) -> dict[str, Finding]:
        return {f.subject_id: f for f in self.result.findings if f.rule == rule}

    def worst(self, node: str, rules: tuple[str, ...] | None = None) -> str | None:
        """The most severe severity among the node's findings (of ``rules`` if given)."""
        sev = [f.severity for f in self.findings.get(node, []) if rules is None or f.rule in rules]
        return min(sev, key=SEVERITY_ORDER.__getitem__) if sev else None

    def node(self, node: str, color: str, **kw: Any) -> MapNode:
        """A :class:`MapNode` for a dataset node, with its facts and findings filled in."""
        label = self.graph.nodes[node].get("label", "")
        return MapNode(
            id=node,
            label=self.name(node),
            kind=label,
            color=color,
            facts=self.facts(node),
            findings=self.finding_lines(node),
            **kw,
        )

    def facts(self, node: str) -> list[tuple[str, str]]:
        d = self.graph.nodes[node]
        label = d.get("label", "")
        out: list[tuple[str, str]] = [("编号", node)]
        code_field = {
            "Area": ("层级", "level"),
            "PartyOrg": ("类型", "type"),
            "Unit": ("类别", "kind"),
            "Alliance": ("类别", "kind"),
            "ServiceSite": ("层级", "level"),
        }.get(label)
        if code_field:
            code = self.attr(node, code_field[1])
            if code is not None:
                out.append((code_field[0], ZH.get(str(code), str(code))))
        for title, key in (
            ("党员数", "members"),
            ("党员数", "party_members"),
            ("职工数", "employees"),
            ("户数", "households"),
            ("人口", "population"),
            ("面积(m²)", "floor_area_m2"),
        ):
            value = self.attr(node, key)
            if value is not None:
                out.append((title, _number(value)))
        path = self.place.get(node)
        if path:
            out.append(("区域" if label == "Area" else "所在区域", path))
        return out

    def finding_lines(self, node: str) -> list[tuple[str, str]]:
        out = []
        for f in sorted(self.findings.get(node, []), key=lambda f: f.sort_key):
            title = self.rule_titles.get(f.rule, f.rule)
            out.append((f.severity, f"{SEVERITY_WORDS['zh'][f.severity]}·{title}：{f.message}"))
        return out


def fold_counts(
    rep: dict[str, str], kind: Callable[[str], str], worst: Callable[[str], str | None]
) -> tuple[dict[str, Counter[str]], dict[str, list[str | None]]]:
    """Settle ``rep`` (node → the node drawn for it) and count what each drawn node stands for.

    Folds may chain (a node folded into one folded later), so every node is first pointed at
    its final representative.  Returns, per representative, the folded nodes counted by
    ``kind`` and the ``worst`` severity of each.
    """
    for n in rep:
        r = rep[n]
        while rep.get(r, r) != r:
            r = rep[r]
        rep[n] = r
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    severities: dict[str, list[str | None]] = defaultdict(list)
    for n, r in rep.items():
        if n != r:
            counts[r][kind(n)] += 1
            severities[r].append(worst(n))
    return counts, severities


def severity_color(severity: str | None, default: str) -> str:
    return SEVERITY_COLOR[severity] if severity else default


def worst_of(severities: list[str | None]) -> str | None:
    real = [s for s in severities if s]
    return min(real, key=SEVERITY_ORDER.__getitem__) if real else None


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def rule_titles(lang: str = "zh") -> dict[str, str]:
    """``{rule id: title}`` from the rule registry, in ``lang``."""
    from orggraph.rules import RULES

    return {r.id: r.title(lang) for r in RULES.values()}
