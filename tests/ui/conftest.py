"""UI test fixtures: headless Qt, a window whose questions are answered by the test."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from composer.ui.compat import guard_none_refcount  # noqa: E402

guard_none_refcount()  # the installed PySide6 would otherwise abort the test run (see compat.py)

from ui_helpers import ScriptedAsk  # noqa: E402


@pytest.fixture
def make_window(qtbot):
    from composer.ui.main_window import MainWindow

    def make(**kwargs):
        window = MainWindow(**kwargs)
        window.ask = ScriptedAsk()
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def window(make_window):
    return make_window()
