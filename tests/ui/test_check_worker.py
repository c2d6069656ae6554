"""The check controller: debounce, worker thread for big texts, stale results dropped."""
import threading

from PySide6.QtCore import QObject

from composer.model import Report
from composer.ui.check_worker import CheckController


class Source:
    def __init__(self, text=""):
        self.text = text
        self.calls = []  # (text, thread name)
        self.gate = None

    def make_check(self):
        def run(text):
            if self.gate is not None:
                self.gate.wait(10)
            self.calls.append((text, threading.current_thread().name))
            return Report(text)
        return run


def make(qtbot, source, **kwargs):
    owner = QObject()
    controller = CheckController(lambda: source.text, source.make_check, owner, **kwargs)
    reports = []
    controller.report_ready.connect(lambda version, report: reports.append((version, report.text)))
    return owner, controller, reports


def test_debounce_checks_once_after_a_burst_of_typing(qtbot):
    source = Source()
    _owner, controller, reports = make(qtbot, source, delay_ms=50)
    for text in ("H", "He", "Hel", "Hell", "Hello"):
        source.text = text
        controller.schedule()
    with qtbot.waitSignal(controller.report_ready, timeout=5000):
        pass
    assert [text for text, _ in source.calls] == ["Hello"]
    assert reports == [(5, "Hello")]
    assert controller.is_current


def test_big_text_is_checked_off_the_gui_thread(qtbot):
    source = Source("x" * 2000)
    source.gate = threading.Event()
    _owner, controller, reports = make(qtbot, source, async_threshold=1000)
    controller.schedule()
    controller.run_now()  # returns while the check is still blocked: the GUI keeps running
    assert reports == [] and not controller.is_current
    source.gate.set()
    with qtbot.waitSignal(controller.report_ready, timeout=5000):
        pass
    assert source.calls[0][1] != threading.main_thread().name
    assert reports == [(1, "x" * 2000)]


def test_result_for_an_older_text_is_dropped(qtbot):
    source = Source("a" * 2000)
    source.gate = threading.Event()
    _owner, controller, reports = make(qtbot, source, async_threshold=1000, delay_ms=10_000)
    controller.schedule()
    controller.run_now()  # checking version 1 in the worker
    source.text = "b" * 2000
    controller.schedule()  # the seller typed: version 2
    source.gate.set()
    controller.wait_idle()
    qtbot.waitUntil(lambda: controller._running is None, timeout=5000)  # version 1's result arrived
    assert reports == []  # ...and was dropped: it describes text that no longer exists
    with qtbot.waitSignal(controller.report_ready, timeout=5000):
        controller.run_now()
    assert [(v, t[0]) for v, t in reports] == [(2, "b")]


def test_a_failing_check_reports_an_error_instead_of_crashing(qtbot):
    owner = QObject()

    def make_check():
        def run(text):
            raise RuntimeError("broken rule")
        return run

    controller = CheckController(lambda: "text", make_check, owner)
    with qtbot.waitSignal(controller.check_failed, timeout=5000) as blocker:
        controller.run_now()
    assert "broken rule" in blocker.args[0]


def test_megabyte_paste_is_checked_in_the_background_in_the_real_window(qtbot, window):
    window.picker.set_current("reply_to_buyer")
    big = ("Your parcel is on its way. Visit www.example.com for details.\n" * 17_000)[:1_000_000]
    window.editor.setPlainText(big)
    window.checker.run_now()
    # run_now returned before any report for the big text: the check runs in a child process
    # (a thread would not do: the checker's C code holds the GIL for seconds on a megabyte).
    assert window.checker.busy and not window.checker.is_current
    with qtbot.waitSignal(window.checked, timeout=120_000):
        pass
    assert window.review.report.text == window.editor.toPlainText()
    assert any(f.rule.startswith("links.") for f in window.review.visible())
    assert len(window.editor.extraSelections()) <= 500  # painting stays cheap however many findings


def test_a_check_for_a_stale_big_text_is_dropped_in_the_real_window(qtbot, window):
    window.picker.set_current("reply_to_buyer")
    window.editor.setPlainText("Visit www.example.com\n" * 4000)
    window.checker.run_now()  # a child process checks this version...
    window.editor.setPlainText("Thank you for your order.")  # ...while the seller replaces the text
    with qtbot.waitSignal(window.checked, timeout=120_000):
        window.checker.run_now()
    window.checker.wait_idle(120)
    qtbot.waitUntil(lambda: not window.checker.busy, timeout=120_000)
    assert window.review.report.text == "Thank you for your order."
    assert not any(f.rule.startswith("links.") for f in window.review.visible())


def test_copying_a_huge_unchecked_text_does_not_block_and_copies_nothing(qtbot, window):
    from PySide6.QtGui import QGuiApplication

    window.picker.set_current("reply_to_buyer")
    window.editor.setPlainText("Thank you for your message.\n" * 3000)
    QGuiApplication.clipboard().setText("before")
    assert window.exporter.copy_message() is False  # returns at once: the check runs in the background
    assert QGuiApplication.clipboard().text() == "before"
    assert window.checker.busy
    with qtbot.waitSignal(window.checked, timeout=120_000):
        pass
