"""Drafts autosave and come back after a crash; a clean close continues where the seller stopped."""
import os
import signal
import subprocess
import sys
import textwrap

import pytest

from composer.drafts import DraftStore
from ui_helpers import DELAY_FIELDS, ORDER, choose, type_text


def test_draft_restores_after_simulated_crash(qtbot, make_window):
    first = make_window()
    choose(qtbot, first, "shipment_delay_notice", DELAY_FIELDS)
    first.order_dates.set_values({"order_date": "2026-11-20"})
    type_text(qtbot, first, " Typed just before the crash.")
    qtbot.waitUntil(lambda: DraftStore().load() is not None and DraftStore().load().text.endswith("crash."),
                    timeout=10_000)  # the autosave timer, not a manual save
    typed = first.editor.toPlainText()
    # The crash: the first window never gets its closeEvent, so the draft is not marked clean.
    assert DraftStore().crashed_draft() is not None

    second = make_window()
    second.ask.answers = ["Restore draft"]
    assert second.session.restore_at_start()
    assert second.editor.toPlainText() == typed
    assert second.picker.current_id() == "shipment_delay_notice"
    assert second.form.values()["order_id"] == ORDER
    assert second.order_dates.values()["order_date"] == "2026-11-20"
    assert second.ask.questions[0][0] == "Restore draft?"


def test_discarding_a_crashed_draft_starts_empty(qtbot, make_window):
    first = make_window()
    choose(qtbot, first, "shipment_delay_notice", DELAY_FIELDS)
    first.session.autosave(wait=True)
    second = make_window()
    second.ask.answers = ["Discard"]
    assert not second.session.restore_at_start()
    assert second.editor.toPlainText() == ""
    assert DraftStore().load() is None


def test_clean_close_restores_without_asking(qtbot, make_window):
    first = make_window()
    choose(qtbot, first, "shipment_delay_notice", DELAY_FIELDS)
    text = first.editor.toPlainText()
    first.close()
    assert DraftStore().load().clean_exit
    second = make_window()
    assert second.session.restore_at_start()
    assert second.editor.toPlainText() == text
    assert second.ask.questions == []


CHILD = textwrap.dedent("""
    import os, sys
    from PySide6.QtCore import QTimer
    from composer.ui.app import create_application
    app = create_application([])
    from composer.ui.main_window import MainWindow
    window = MainWindow()
    window.show()
    window.picker.set_current("reply_to_buyer")
    window.editor.setPlainText("Typed before the power went out")
    def saved():
        window.session.wait_for_writes()
        print("autosaved", flush=True)
        os.kill(os.getpid(), {sig})  # no clean shutdown: nothing after this line runs
    window.session.timer.timeout.connect(lambda: QTimer.singleShot(0, saved))
    app.exec()
""")


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_process_keeps_the_autosaved_text(qtbot, make_window, user_home):
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SELLER_COMPOSER_HOME": str(user_home),
           "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}
    result = subprocess.run([sys.executable, "-c", CHILD.format(sig=int(signal.SIGKILL))], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == -signal.SIGKILL, result.stderr
    window = make_window()
    window.ask.answers = ["Restore draft"]
    assert window.session.restore_at_start()
    assert window.editor.toPlainText() == "Typed before the power went out"
