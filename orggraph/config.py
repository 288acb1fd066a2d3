"""Settings: audit thresholds (TOML) and the Neo4j connection (environment, then flags).

Defaults live in ``orggraph/defaults.toml`` and nowhere else.  ``NEO4J_URI``, ``NEO4J_USER``,
``NEO4J_PASSWORD``, ``NEO4J_DATABASE`` and ``ORGGRAPH_CONFIG`` are read from the environment;
command-line flags win over both.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from orggraph.errors import ConfigError
from orggraph.findings import SEVERITIES
from orggraph.i18n import tr

DEFAULT_NEO4J_URI = "bolt://127.0.0.1:7687"
DEFAULT_NEO4J_USER = "neo4j"
# For the local server `make neo4j-up` starts; set NEO4J_PASSWORD for any other.
DEFAULT_NEO4J_PASSWORD = "orggraph-local"
DEFAULTS_FILE = Path(__file__).with_name("defaults.toml")


@cache
def _defaults() -> dict[str, Any]:
    return tomllib.loads(DEFAULTS_FILE.read_text(encoding="utf-8"))


def default_severities() -> dict[str, str]:
    """``{rule id: default severity}`` for every audit rule, in DOMAIN.md's order.

    ``defaults.toml`` lists the rules; :mod:`orggraph.rules` registers one function per entry.

    Examples
    --------
    >>> list(default_severities())[:2]
    ['uncovered-community', 'uncovered-compound']
    >>> default_severities()["org-size"]
    'info'
    """
    return {rule_id: opts["severity"] for rule_id, opts in _defaults()["rules"].items()}


@dataclass(frozen=True)
class AuditConfig:
    """Thresholds, the severity of every rule and the rules switched off, for one audit."""

    thresholds: dict[str, float] = field(default_factory=lambda: dict(_defaults()["thresholds"]))
    severity: dict[str, str] = field(default_factory=default_severities)
    disabled: frozenset[str] = frozenset()
    # The `[plan]` table: costs and choices of `orggraph plan` (see docs/PLAN.md).
    plan: dict[str, Any] = field(default_factory=lambda: dict(_defaults()["plan"]))

    def __getitem__(self, key: str) -> float:
        return self.thresholds[key]

    @classmethod
    def from_file(cls, path: str | Path | None) -> AuditConfig:
        """Defaults overlaid with the TOML file at ``path`` (or ``$ORGGRAPH_CONFIG``)."""
        path = path or os.environ.get("ORGGRAPH_CONFIG")
        cfg = cls()
        if not path:
            return cfg
        p = Path(path)
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError as e:
            raise ConfigError(tr("{file}: no such configuration file", file=p)) from e
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise ConfigError(tr("{file}: not valid TOML ({reason})", file=p, reason=e)) from e
        except OSError as e:  # a folder, no permission: the user's to fix, not a bug
            reason = e.strerror or e
            raise ConfigError(
                tr("{file}: cannot read the configuration file ({reason})", file=p, reason=reason)
            ) from e
        return cfg.overlay(data, str(p))

    def overlay(self, data: dict[str, Any], source: str = "config") -> AuditConfig:
        """This configuration with the tables of a parsed TOML file laid over it.

        Raises
        ------
        ConfigError
            Naming every unknown threshold, rule or section and every bad value at once.
        """
        problems: list[str] = []
        thresholds = dict(self.thresholds)
        for key, value in data.get("thresholds", {}).items():
            if key not in thresholds:
                known = ", ".join(sorted(thresholds))
                problems.append(
                    tr("unknown threshold '{key}' (known: {known})", key=key, known=known)
                )
            elif not isinstance(value, int | float) or isinstance(value, bool):
                problems.append(
                    tr(
                        "threshold '{key}' must be a number, not {value}",
                        key=key,
                        value=repr(value),
                    )
                )
            else:
                thresholds[key] = value
        severity = dict(self.severity)
        disabled = set(self.disabled)
        for rule_id, opts in data.get("rules", {}).items():
            if rule_id not in severity:
                problems.append(tr("unknown rule '{rule}'", rule=rule_id))
                continue
            if not isinstance(opts, dict):
                problems.append(
                    tr("[rules.{rule}] must be a table (severity, enabled)", rule=rule_id)
                )
                continue
            sev = opts.get("severity")
            if sev is not None:
                if sev not in SEVERITIES:
                    problems.append(
                        tr(
                            "rule '{rule}': severity must be one of {choices}",
                            rule=rule_id,
                            choices=", ".join(SEVERITIES),
                        )
                    )
                else:
                    severity[rule_id] = sev
            if opts.get("enabled") is False:
                disabled.add(rule_id)
        plan = dict(self.plan)
        for key, value in data.get("plan", {}).items():
            if key not in plan:
                known = ", ".join(sorted(plan))
                problems.append(
                    tr("unknown plan setting '{key}' (known: {known})", key=key, known=known)
                )
            elif type(value) is not type(plan[key]):
                problems.append(
                    tr(
                        "plan setting '{key}' must be like {example}, not {value}",
                        key=key,
                        example=repr(plan[key]),
                        value=repr(value),
                    )
                )
            else:
                plan[key] = value
        for key in data:
            if key not in ("thresholds", "rules", "plan"):
                problems.append(tr("unknown section [{section}]", section=key))
        if problems:
            raise ConfigError(tr("{file}: {message}", file=source, message=tr("; ").join(problems)))
        return replace(
            self,
            thresholds=thresholds,
            severity=severity,
            disabled=frozenset(disabled),
            plan=plan,
        )


@dataclass(frozen=True)
class Neo4jSettings:
    """Where and how to reach Neo4j.  The password is never printed (see ``__repr__``)."""

    uri: str = DEFAULT_NEO4J_URI
    user: str = DEFAULT_NEO4J_USER
    password: str = field(default=DEFAULT_NEO4J_PASSWORD, repr=False)
    database: str = "neo4j"

    def __repr__(self) -> str:
        # Explicit, so no printer (hypothesis, rich, a debugger) can ever show the password.
        return (
            f"Neo4jSettings(uri={self.uri!r}, user={self.user!r}, password='***', "
            f"database={self.database!r})"
        )

    @classmethod
    def from_env(cls, **overrides: str | None) -> Neo4jSettings:
        """Environment variables, then any non-None keyword override (the CLI's flags)."""
        s = cls(
            uri=os.environ.get("NEO4J_URI", DEFAULT_NEO4J_URI),
            user=os.environ.get("NEO4J_USER", DEFAULT_NEO4J_USER),
            password=os.environ.get("NEO4J_PASSWORD", DEFAULT_NEO4J_PASSWORD),
            database=os.environ.get("NEO4J_DATABASE", "neo4j"),
        )
        return replace(s, **{k: v for k, v in overrides.items() if v is not None})
