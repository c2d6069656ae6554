"""A broken user rule file is named in the window; the shipped rules keep checking."""
from __future__ import annotations

from composer import checker


def test_broken_user_rule_is_reported_and_checking_goes_on(qtbot, user_home):
    rules = user_home / "rules"
    rules.mkdir()
    (rules / "mine.yaml").write_text("kind: existence\ntokens: [x]\nseverity: loud\n", encoding="utf-8")
    checker.reload_rules()
    try:
        from composer.ui.main_window import MainWindow

        window = MainWindow()
        qtbot.addWidget(window)
        window.show_rule_problems()
        shown = window.statusBar().currentMessage()
        assert "mine.yaml" in shown and "switched off" in shown
        assert checker.check("Visit www.myshop.com").verdict == "block"  # shipped rules still work
    finally:
        (rules / "mine.yaml").unlink()
        checker.reload_rules()
