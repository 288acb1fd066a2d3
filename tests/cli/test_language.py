"""What the planner reads is Chinese or English as chosen: errors, dataset problems, --help."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result
from helpers import write_dataset

from orggraph.catalogue import ZH
from orggraph.cli import main
from orggraph.cli.help import CLICK_TEXTS, OrgGraphCommand, help_texts
from orggraph.errors import ExitCode

# Two problems: 'strete' is no level (areas.csv row 3: the header is row 1, D row 2) and OX is
# no org (orgs.csv row 3).
BAD = {
    "areas": "id,name,level,parent_id\nD,城区,district,\nS1,凤山街道,strete,D\n",
    "orgs": "id,name,type,parent_id,area_id\nO0,区委,committee,,D\nO9,支部,branch,OX,D\n",
}
GOOD = {"areas": "id,name,level\nD,城区,district\n", "orgs": "id,name,type\nO0,区委,committee\n"}
CJK = re.compile(r"[\u4e00-\u9fff]")


def run(*args: str | Path, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], env=env, prog_name="orggraph")


def _columns(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    return write_dataset(tmp_path / "bad", BAD)


def test_dataset_problems_in_english(bad: Path) -> None:
    r = run("validate", bad)
    assert r.exit_code == ExitCode.DATASET
    lines = r.stderr.splitlines()
    assert lines[0] == f"Error: {bad}: 2 problems in the dataset; nothing was loaded"
    assert lines[1].startswith("  areas.csv row 3, column level: ")
    assert lines[2].startswith("  orgs.csv row 3, column parent_id: ")
    assert not CJK.search(lines[0])


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--lang", "zh"], {}),
        ([], {"ORGGRAPH_LANG": "zh"}),
        # no ORGGRAPH_LANG: the locale decides
        ([], {"ORGGRAPH_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.UTF-8"}),
    ],
    ids=["flag", "env", "locale"],
)
def test_dataset_problems_in_chinese(bad: Path, args: list[str], env: dict[str, str]) -> None:
    r = run(*args, "validate", bad, env=env)
    assert r.exit_code == ExitCode.DATASET
    lines = r.stderr.splitlines()
    assert lines[0] == f"错误：{bad}：数据集有 2 处问题，未载入任何内容"
    assert lines[1].startswith("  areas.csv 第3行，level 列：")
    assert lines[2].startswith("  orgs.csv 第3行，parent_id 列：")


def test_the_flag_wins_over_the_environment(bad: Path) -> None:
    r = run("--lang", "en", "validate", bad, env={"ORGGRAPH_LANG": "zh"})
    assert r.stderr.startswith("Error: ")


def test_the_choice_holds_for_one_call_only(bad: Path) -> None:
    # --lang is process state; CliRunner calls main() again in the same process.
    assert run("--lang", "zh", "validate", bad).stderr.startswith("错误：")
    assert run("validate", bad).stderr.startswith("Error: ")


def test_a_config_error_in_both_languages(tmp_path: Path) -> None:
    data = write_dataset(tmp_path / "d", GOOD)
    conf = tmp_path / "c.toml"
    conf.write_text("[thresholds]\nno_such = 1\n", encoding="utf-8")
    en = run("audit", data, "--config", conf)
    zh = run("--lang", "zh", "audit", data, "--config", conf)
    assert en.exit_code == zh.exit_code == ExitCode.CONFIG
    assert en.stderr.startswith(f"Error: {conf}: unknown threshold 'no_such' (known: ")
    assert zh.stderr.startswith(f"错误：{conf}：未知阈值“no_such”（可用：")


def test_a_usage_error_in_both_languages() -> None:
    en = run("validate")
    zh = run("--lang", "zh", "validate")
    assert en.exit_code == zh.exit_code == ExitCode.USAGE
    assert en.stderr.splitlines() == [
        "Usage: orggraph validate [OPTIONS] DATASET",
        "Try 'orggraph validate --help' for help.",
        "",
        "Error: Missing argument 'DATASET'.",
    ]
    assert zh.stderr.splitlines() == [
        "用法：orggraph validate [OPTIONS] DATASET",
        "运行“orggraph validate --help”查看帮助。",
        "",
        "错误：缺少参数 'DATASET'。",
    ]


def test_a_bad_choice_in_chinese(tmp_path: Path) -> None:
    # click's message wraps another of click's messages: both parts are translated.
    r = run("--lang", "zh", "audit", tmp_path, "--format", "xml")
    assert r.stderr.splitlines()[-1] == (
        "错误：'--format' 的值无效："
        "'xml' 不是可选值之一（可选：'table', 'json', 'csv', 'markdown', 'xlsx'）。"
    )


def test_wrote_file_in_chinese(tmp_path: Path) -> None:
    data = write_dataset(tmp_path / "d", GOOD)
    out = tmp_path / "a.json"
    r = run("--lang", "zh", "audit", data, "--format", "json", "-o", out)
    assert r.exit_code == 0, r.output
    assert r.stderr == f"已写出 {out}\n"


def _all_commands() -> list[tuple[str, ...]]:
    return [(), *((name,) for name in main.commands)]


@pytest.mark.parametrize("path", _all_commands(), ids=lambda p: " ".join(p) or "orggraph")
def test_help_in_english(path: tuple[str, ...]) -> None:
    r = run(*path, "--help")
    assert r.exit_code == 0
    text = " ".join(r.stdout.split())
    assert text.startswith("Usage: ") and "Options:" in text and "Exit codes:" in text
    ctx = click.Context(main)
    cmd = main.commands[path[0]] if path else main
    for english in help_texts(cmd, click.Context(cmd, parent=ctx)):
        # Every text as written (folded, as a wrapped paragraph is), none in its Chinese.
        assert english in text, english
        assert ZH[english] not in text, english


@pytest.mark.parametrize("path", _all_commands(), ids=lambda p: " ".join(p) or "orggraph")
def test_help_in_chinese(path: tuple[str, ...]) -> None:
    r = run("--lang", "zh", *path, "--help", env={"COLUMNS": "80"})
    assert r.exit_code == 0
    text = r.stdout
    assert text.startswith("用法：orggraph")
    assert "选项：" in text and "退出码：" in text and "显示本帮助并退出。" in text
    ctx = click.Context(main)
    cmd = main.commands[path[0]] if path else main
    for english in help_texts(cmd, click.Context(cmd, parent=ctx)):
        # Folded onto one line, as a wrapped paragraph would be, no English sentence is left.
        assert english not in " ".join(text.split()), english
    # Wrapped by display width: a Chinese character takes two columns of the 80.
    wide = [line for line in text.splitlines() if _columns(line) > 80]
    assert not wide, wide


def test_chinese_help_shows_option_extras() -> None:
    text = run("--lang", "zh", "audit", "--help").stdout
    assert "[默认：table]" in text
    assert "[默认：never]" in text


def test_every_command_translates_its_help() -> None:
    # A command made with plain click.command would show English help and no exit codes:
    # make it with orggraph.cli.help.command("name", exits=[...]).
    plain = [name for name, cmd in main.commands.items() if not isinstance(cmd, OrgGraphCommand)]
    assert not plain, (
        f"{plain}: make them with orggraph.cli.help.command(name, exits=[...]) instead of "
        "click.command(name), and add them to test_exit_codes.EXPECTED"
    )


def test_every_help_text_has_chinese() -> None:
    ctx = click.Context(main)
    texts = set(help_texts(main, ctx))
    for cmd in main.commands.values():
        texts |= set(help_texts(cmd, click.Context(cmd, parent=ctx)))
    texts |= {t for t in CLICK_TEXTS} | {code.meaning for code in ExitCode}
    assert len(texts) > 40  # the walk found the commands' options, not just the group
    missing = sorted(t for t in texts if t not in ZH)
    assert not missing, f"add the Chinese of these to orggraph/catalogue/<part>.py: {missing}"


def test_lang_after_help_still_applies() -> None:
    # click would print the help as soon as it meets --help, before --lang is read.
    assert run("--help", "--lang", "zh").stdout.startswith("用法：orggraph")
    assert run("--help", "--lang=zh").stdout.startswith("用法：orggraph")


@pytest.mark.parametrize(
    ("args", "env", "html_lang"),
    [
        ([], {}, "zh-CN"),  # a report is for a Chinese meeting unless told otherwise
        ([], {"LANG": "en_US.UTF-8"}, "zh-CN"),  # the server's locale alone does not change it
        (["--lang", "en"], {}, "en"),  # the language chosen for everything else
        ([], {"ORGGRAPH_LANG": "en"}, "en"),
        (["--lang", "en", "report", "--lang", "zh"], {}, "zh-CN"),  # the report's own wins
    ],
)
def test_report_language_follows_an_explicit_choice(
    tmp_path: Path, args: list[str], env: dict[str, str], html_lang: str
) -> None:
    data = write_dataset(tmp_path / "d", GOOD)
    out = tmp_path / "r.html"
    command = args if "report" in args else [*args, "report"]
    r = run(*command, data, "-o", out, env={"ORGGRAPH_LANG": "", **env})
    assert r.exit_code == 0, r.output
    assert f'<html lang="{html_lang}">' in out.read_text(encoding="utf-8")


def test_lang_after_the_command_says_where_it_goes(bad: Path) -> None:
    r = run("validate", bad, "--lang", "zh")
    assert r.exit_code == ExitCode.USAGE
    assert r.stderr.splitlines()[-2:] == [
        "Error: No such option '--lang'.",
        "--lang goes before the command: orggraph --lang … validate …",
    ]


def test_version_in_both_languages() -> None:
    from importlib.metadata import version

    assert run("--version").stdout == f"orggraph, version {version('orggraph')}\n"
    assert run("--version", "--lang", "zh").stdout == f"orggraph 版本 {version('orggraph')}\n"


def test_orggraph_alone_shows_its_help_in_chinese() -> None:
    r = run(env={"ORGGRAPH_LANG": "zh"})
    assert r.exit_code == ExitCode.USAGE
    assert r.stderr.startswith("用法：orggraph")
    assert "命令：" in r.stderr and "  audit " in r.stderr


@pytest.mark.parametrize(
    ("system", "expected"),
    [
        (("Chinese (Simplified)_China", "936"), "zh"),  # what Windows reports
        (("zh_CN", "cp936"), "zh"),
        (("English_United States", "1252"), "en"),
        ((None, None), "en"),
    ],
)
def test_with_no_locale_variable_the_system_decides(
    monkeypatch: pytest.MonkeyPatch, system: tuple[str | None, str | None], expected: str
) -> None:
    # Windows sets no LANG: a planner's Chinese Windows must still get Chinese.
    import locale

    from orggraph.i18n import lang

    for var in ("ORGGRAPH_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(locale, "getlocale", lambda *_args: system)
    assert lang() == expected
