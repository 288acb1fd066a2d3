"""`orggraph rules`: every rule, its explanation with the thresholds in force, its source."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from orggraph.cli import main
from orggraph.rules import RULES


@pytest.fixture(autouse=True)
def _chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORGGRAPH_LANG", "zh")


def test_rules_lists_every_rule_with_its_source() -> None:
    r = CliRunner().invoke(main, ["rules"])
    assert r.exit_code == 0, r.output
    for rule in RULES.values():
        assert rule.id in r.output and rule.source in r.output
    # Defaults: a branch above 50 members, a community centre below 1000 m².
    assert "超过50人" in r.output and "社区1000㎡" in r.output
    assert "seed" not in r.output and "RESPONSIBLE_FOR" not in r.output


def test_rules_under_a_custom_config_print_its_numbers(tmp_path: Path) -> None:
    # The explanations are filled from the configuration given, and the severities it sets.
    conf = tmp_path / "c.toml"
    conf.write_text(
        "[thresholds]\nbranch_max_members = 40\ncommunity_center_min_m2 = 800\n"
        '[rules.org-size]\nseverity = "warning"\n',
        encoding="utf-8",
    )
    r = CliRunner().invoke(main, ["rules", "--config", str(conf)])
    assert r.exit_code == 0, r.output
    assert "超过40人" in r.output and "社区800㎡" in r.output
    assert "超过50人" not in r.output and "社区1000㎡" not in r.output
    assert "org-size  [warning]" in r.output
