"""`seller-composer check` and `rules validate`: formats, offsets, exit codes, user rules."""
from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from composer.cli import main

BAD = "Hello,\nplease visit www.myshop.com for more.\n"
GOOD = "Hello,\nfor order 112-1234567-1234567, please reply with a delivery date that suits you for the 40 kg table.\n"


def run(argv, capsys, stdin: str | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8"))))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_text_format_is_compiler_like_with_line_and_column(tmp_path, capsys):
    path = tmp_path / "m.txt"
    path.write_text(BAD, encoding="utf-8")
    code, out, _ = run(["check", str(path)], capsys)
    assert code == 1
    assert f"{path}:2:14: error links.external:" in out


def test_json_offsets_are_characters_of_the_text_as_read(tmp_path, capsys):
    text = "Grüße 😊 — visit www.myshop.com"
    path = tmp_path / "m.txt"
    path.write_bytes(text.encode("utf-8"))
    code, out, _ = run(["check", "--format", "json", str(path)], capsys)
    [line] = out.splitlines()
    report = json.loads(line)
    assert code == 1 and report["verdict"] == "block" and report["path"] == str(path)
    link = next(f for f in report["findings"] if f["rule"] == "links.external")
    assert text[link["start"] : link["end"]] == "www.myshop.com"
    assert set(link) == {"rule", "category", "severity", "start", "end", "line", "column", "message", "fixes"}


def test_exit_zero_when_every_input_approved_and_one_line_per_input(tmp_path, capsys):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(GOOD, encoding="utf-8")
    b.write_text(GOOD, encoding="utf-8")
    code, out, _ = run(["check", "--format", "json", str(a), str(b)], capsys)
    assert code == 0
    assert [json.loads(x)["verdict"] for x in out.splitlines()] == ["approve", "approve"]


def test_stdin_with_dash(capsys, monkeypatch):
    code, out, _ = run(["check", "--format", "json", "-"], capsys, stdin=BAD, monkeypatch=monkeypatch)
    assert code == 1 and json.loads(out)["path"] == "<stdin>"


def test_usage_errors_exit_two(tmp_path, capsys):
    assert run(["check", str(tmp_path / "missing.txt")], capsys)[0] == 2
    with pytest.raises(SystemExit) as exc:
        main(["check", "--format", "xml", "-"])
    assert exc.value.code == 2
    code, _, err = run(["check", "--reason", "no_such_reason", str(tmp_path)], capsys)
    assert code == 2


USER_RULE = """\
kind: existence
tokens: [blue widget]
message: "House rule: {match}"
severity: error
category: marketing
why: We never name the blue widget.
fix: Say "the product".
evidence: {source: "house", level: Inf}
examples:
  bad: ["the blue widget"]
  good: ["the product"]
"""


def test_rules_dir_adds_user_rules(tmp_path, capsys):
    rules = tmp_path / "myrules"
    rules.mkdir()
    (rules / "house.yaml").write_text(USER_RULE, encoding="utf-8")
    msg = tmp_path / "m.txt"
    msg.write_text(GOOD.replace("table", "blue widget"), encoding="utf-8")
    assert run(["check", str(msg)], capsys)[0] == 0
    code, out, _ = run(["check", "--rules", str(rules), str(msg)], capsys)
    assert code == 1 and "error house: House rule: blue widget" in out


def test_user_data_rules_folder_is_picked_up(user_home, tmp_path):
    (user_home / "rules").mkdir()
    (user_home / "rules" / "house.yaml").write_text(USER_RULE, encoding="utf-8")
    msg = tmp_path / "m.txt"
    msg.write_text("the blue widget", encoding="utf-8")
    env = {**__import__("os").environ, "SELLER_COMPOSER_HOME": str(user_home)}
    result = subprocess.run([sys.executable, "-m", "composer", "check", str(msg)], capture_output=True, text=True, env=env)
    assert result.returncode == 1 and "house" in result.stdout


def test_broken_rule_file_is_a_usage_error_naming_file_and_line(tmp_path, capsys):
    rules = tmp_path / "bad"
    rules.mkdir()
    (rules / "oops.yaml").write_text(USER_RULE.replace("severity: error", "severity: loud"), encoding="utf-8")
    code, _, err = run(["check", "--rules", str(rules), "-"], capsys)
    assert code == 2 and "oops.yaml:4: severity must be one of" in err


def test_rules_validate_reports_every_problem(tmp_path, capsys):
    (tmp_path / "a.yaml").write_text(USER_RULE.replace("kind: existence", "kind: nope"), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(USER_RULE.replace("category: marketing", "category: x"), encoding="utf-8")
    (tmp_path / "c.yaml").write_text(USER_RULE, encoding="utf-8")
    code, out, _ = run(["rules", "validate", str(tmp_path)], capsys)
    assert code == 2
    assert "a.yaml:1: unknown kind 'nope'" in out and "b.yaml:5: unknown category 'x'" in out
    assert "c.yaml" not in out
    ok = tmp_path / "ok"
    ok.mkdir()
    (ok / "c.yaml").write_text(USER_RULE, encoding="utf-8")
    assert run(["rules", "validate", "--examples", str(ok)], capsys)[0] == 0


def test_rules_validate_examples_catches_a_wrong_example(tmp_path, capsys):
    (tmp_path / "c.yaml").write_text(USER_RULE.replace('good: ["the product"]', 'good: ["a blue widget"]'), encoding="utf-8")
    code, out, _ = run(["rules", "validate", "--examples", str(tmp_path)], capsys)
    assert code == 2 and "good example flagged" in out


def test_shipped_rules_validate_cleanly(capsys):
    code, out, _ = run(["rules", "validate"], capsys)
    assert code == 0, out


def test_marketplace_gives_the_language_when_no_locale(tmp_path, capsys):
    msg = tmp_path / "m.txt"
    msg.write_text("Bitte geben Sie uns eine 5-Sterne-Bewertung für Bestellung 302-1234567-1234567.", encoding="utf-8")
    _, english, _ = run(["check", "--format", "json", str(msg)], capsys)
    _, german, _ = run(["check", "--format", "json", "--marketplace", "DE", str(msg)], capsys)
    assert not any(f["rule"].startswith("de.") for f in json.loads(english)["findings"])
    assert any(f["rule"].startswith("de.") for f in json.loads(german)["findings"])
