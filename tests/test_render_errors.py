"""A broken template file gives an error naming file and line; the other templates keep working."""
from __future__ import annotations

import shutil

import pytest

import composer.render as render_module
from composer import resources
from composer.cli import main
from composer.render import TemplateFileError, example_values, render


@pytest.fixture
def broken_templates(tmp_path, monkeypatch):
    root = tmp_path / "templates"
    shutil.copytree(resources.templates_dir(), root)
    (root / "en" / "reply_to_buyer.txt.j2").write_text("Hello,\n\n{{ answer \n", encoding="utf-8")
    (root / "en" / "return_question.txt.j2").write_text("Order {{ no_such_field }}", encoding="utf-8")
    monkeypatch.setattr(render_module, "templates_root", lambda: root)
    return root


def test_syntax_error_names_file_and_line(broken_templates):
    with pytest.raises(TemplateFileError) as exc:
        render("reply_to_buyer", example_values("reply_to_buyer"))
    assert str(exc.value).startswith(f"{broken_templates / 'en' / 'reply_to_buyer.txt.j2'}:3:")


def test_unknown_variable_names_file_and_variable(broken_templates):
    with pytest.raises(TemplateFileError) as exc:
        render("return_question", example_values("return_question"))
    assert "return_question.txt.j2" in str(exc.value) and "no_such_field" in str(exc.value)


def test_other_templates_still_render(broken_templates):
    assert "112-1234567-1234567" in render("shipment_delay_notice", example_values("shipment_delay_notice")).text


def test_cli_exits_two_with_the_location(broken_templates, capsys):
    assert main(["render", "reply_to_buyer", "--example"]) == 2
    assert "reply_to_buyer.txt.j2:3:" in capsys.readouterr().err
