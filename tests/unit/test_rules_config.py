"""The rule registry against DOMAIN.md, thresholds, severity overrides and disabling."""

from __future__ import annotations

import inspect
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import AREAS, ORGS, audit, by_rule, subjects

from orggraph.catalogue import ZH
from orggraph.config import AuditConfig
from orggraph.errors import EXIT_CONFIG, ConfigError
from orggraph.rules import RULES

# DOMAIN.md's table: id -> default severity, in its order.
DOMAIN_RULES = {
    "uncovered-community": "error",
    "uncovered-compound": "warning",
    "uncovered-grid": "warning",
    "unit-should-establish": "error",
    "unit-uncovered": "warning",
    "broken-chain": "error",
    "org-size": "info",
    "unpaired-community": "warning",
    "overloaded-unit": "info",
    "missing-service-site": "info",
    "isolated-org": "info",
    "alliance-single-point": "info",
}

# DOMAIN.md's defaults.
DOMAIN_THRESHOLDS = {
    "establish_min_members": 3,
    "branch_min_members": 3,
    "branch_max_members": 50,
    "general_branch_max_members": 100,
    "min_pairings": 1,
    "max_pairings": 3,
    "community_center_min_m2": 1000,
    "compound_center_min_m2": 500,
}


def test_registry_matches_domain() -> None:
    assert {r.id: r.severity for r in RULES.values()} == DOMAIN_RULES
    assert list(RULES) == list(DOMAIN_RULES)
    for r in RULES.values():
        assert r.title("zh") and r.title("en") and r.explain() and r.source


def test_explanations_take_every_number_from_the_configuration() -> None:
    # An explanation may name thresholds only as {fields}: a digit written into the text would be
    # a default that a custom --config cannot change.  Each field is a threshold, the English
    # and its Chinese (the catalogue's) name the same ones, and every threshold the rule
    # function reads is named.
    cfg = AuditConfig()
    for r in RULES.values():
        assert r.title_en in ZH and r.explain_en in ZH, r.id
        for lang, template in (("en", r.explain_en), ("zh", ZH[r.explain_en])):
            fields = {f for _, f, _, _ in string.Formatter().parse(template) if f}
            assert fields == set(r.thresholds), (r.id, lang)
            bare = string.Formatter().vformat(template, (), dict.fromkeys(fields, ""))
            assert not re.search(r"[0-9０-９]", bare), (r.id, lang, bare)
        read = set(re.findall(r'threshold\("(\w+)"\)', inspect.getsource(r.function)))
        assert read <= set(r.thresholds), (r.id, read)
        assert set(r.thresholds) <= set(cfg.thresholds), r.id
    # Each threshold set to a number no default has shows up in the explanation.
    odd = AuditConfig().overlay({"thresholds": {k: 7000 + i for i, k in enumerate(cfg.thresholds)}})
    for r in RULES.values():
        for key in r.thresholds:
            assert f"{odd[key]:g}" in r.explain(odd, "zh") and f"{odd[key]:g}" in r.explain(
                odd, "en"
            )


def test_rule_texts_cite_places_and_say_fuze() -> None:
    # Sources cite the field reports by place (汕尾市城区 …) or the regulation, never "seed 00x";
    # texts say 负责, never the relation's code name.
    for r in RULES.values():
        texts = [r.title("zh"), r.title("en"), r.explain(lang="zh"), r.explain(lang="en"), r.source]
        assert not any("seed" in t.lower() or "RESPONSIBLE_FOR" in t for t in texts), r.id
        assert re.search(r"[市区镇]|《", r.source), r.id


def test_config_does_not_import_the_rules() -> None:
    # The rules read the configuration; the configuration must not need the rules (no circle).
    code = "import sys, orggraph.config; print(sorted(m for m in sys.modules if 'rules' in m))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_default_thresholds_match_domain() -> None:
    cfg = AuditConfig()
    for key, value in DOMAIN_THRESHOLDS.items():
        assert cfg[key] == value, key


def test_empty_dataset_audits_cleanly(tmp_path: Path) -> None:
    # Only a district and its committee: nothing at community level, no units, no links.
    r = audit(tmp_path, areas="id,name,level,parent_id\nD,城区,district,\n")
    assert r.findings == []


SMALL = {
    "areas": AREAS + "C1,一社区,community,S1\n",
    "orgs": ORGS + "B2,两人支部,branch,O0,C1,,2\n",
    "units": "id,name,kind,party_members\nU2,两人企业,enterprise,2\n",
}


def test_threshold_overlay(tmp_path: Path) -> None:
    # Raising establish_min_members to 2 makes U2 (2 members) should-establish and no longer
    # unit-uncovered (that rule's "fewer than" uses the same threshold); branch_min_members 2
    # makes B2 (2 members) a fine branch.
    base = audit(tmp_path / "a", **SMALL)
    assert subjects(base, "unit-uncovered") == ["U2"]
    assert subjects(base, "org-size") == ["B2"]
    cfg = AuditConfig().overlay(
        {"thresholds": {"establish_min_members": 2, "branch_min_members": 2}}
    )
    r = audit(tmp_path / "b", cfg, **SMALL)
    assert subjects(r, "unit-should-establish") == ["U2"]
    assert subjects(r, "unit-uncovered") == []
    assert subjects(r, "org-size") == []


def test_severity_override_and_disable_from_toml(tmp_path: Path) -> None:
    # The TOML file turns org-size into an error and switches unit-uncovered off; everything
    # else keeps DOMAIN.md's defaults.
    conf = tmp_path / "audit.toml"
    conf.write_text(
        '[rules.org-size]\nseverity = "error"\n\n[rules.unit-uncovered]\nenabled = false\n'
        "[thresholds]\nbranch_max_members = 40\n",
        encoding="utf-8",
    )
    cfg = AuditConfig.from_file(conf)
    assert cfg["branch_max_members"] == 40
    r = audit(tmp_path / "d", cfg, **SMALL)
    rules = by_rule(r)
    assert "unit-uncovered" not in rules
    assert rules["org-size"] == ["B2"]
    assert {f.severity for f in r.findings if f.rule == "org-size"} == {"error"}
    assert {f.severity for f in r.findings if f.rule == "missing-service-site"} == {"info"}


def test_env_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    conf = tmp_path / "c.toml"
    conf.write_text("[thresholds]\nmax_pairings = 7\n", encoding="utf-8")
    monkeypatch.setenv("ORGGRAPH_CONFIG", str(conf))
    assert AuditConfig.from_file(None)["max_pairings"] == 7


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("[thresholds]\nno_such = 1\n", "no_such"),
        ('[thresholds]\nmax_pairings = "three"\n', "max_pairings"),
        ('[rules.no-such-rule]\nseverity = "error"\n', "no-such-rule"),
        ('[rules.org-size]\nseverity = "fatal"\n', "org-size"),
        ("[colours]\nred = 1\n", "colours"),
        ("[thresholds\n", "TOML"),
    ],
)
def test_bad_config_is_a_config_error(tmp_path: Path, text: str, needle: str) -> None:
    conf = tmp_path / "bad.toml"
    conf.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        AuditConfig.from_file(conf)
    assert needle in str(e.value)
    assert e.value.exit_code == EXIT_CONFIG


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such"):
        AuditConfig.from_file(tmp_path / "nope.toml")


@pytest.mark.parametrize(
    ("lang", "uncovered", "too_big"),
    [
        ("zh", "社区“一社区”没有负责的党组织", "党支部“大支部”有党员51名，超过50名，宜分设"),
        (
            "en",
            "community “一社区” has no Party organisation responsible for it",
            "branch “大支部” has 51 members, more than 50: split it",
        ),
    ],
)
def test_finding_messages_follow_the_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, uncovered: str, too_big: str
) -> None:
    # C1 has no responsible org; B51 is a branch of 51 members (more than the default 50).
    # Messages come from the catalogue in the language in force; names stay as written.
    monkeypatch.setenv("ORGGRAPH_LANG", lang)
    r = audit(
        tmp_path,
        areas=AREAS + "C1,一社区,community,S1\n",
        orgs=ORGS + "B51,大支部,branch,O0,,,51\n",
    )
    msg = {(f.rule, f.subject_id): f.message for f in r.findings}
    assert msg[("uncovered-community", "C1")] == uncovered
    assert msg[("org-size", "B51")] == too_big


def test_a_rule_needs_its_entry_in_defaults_toml() -> None:
    # defaults.toml is the list of rules: registering a function under an id it lacks fails
    # at once, naming the file to edit.
    from orggraph.rules import rule

    with pytest.raises(ValueError, match=r"\[rules.no-such-rule\].*defaults.toml"):
        rule("no-such-rule", title="", explain="", source="")
