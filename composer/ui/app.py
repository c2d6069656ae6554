"""Start the window: `run_app(argv) -> int`. `--smoke-test` shows the window, reports, and quits."""
from __future__ import annotations

import argparse
import os
import sys
import time

SMOKE_ENV = "SELLER_COMPOSER_SMOKE_TEST"
SHOWN_MARKER = "seller-composer: window shown"
READY_MARKER = "seller-composer: ready"


def _parse(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="seller-composer", description="Open the composer window.")
    parser.add_argument("--smoke-test", action="store_true",
                        help="show the window, print a line when it is visible, then quit (for tests)")
    parser.add_argument("--reason", help="start with this reason selected")
    return parser.parse_known_args(argv)  # the rest goes to Qt (-platform, -style ...)


def _icon():
    from PySide6.QtGui import QIcon

    from composer.resources import assets_dir

    icon = QIcon()
    for name in ("seller-composer.svg", "seller-composer.png"):
        path = assets_dir() / name
        if path.is_file():
            icon.addFile(str(path))
    return icon


def create_application(qt_args: list[str]):
    from PySide6.QtWidgets import QApplication

    from composer.ui.compat import guard_none_refcount

    guard_none_refcount()  # before any other Qt call (see compat.py)
    # High-DPI: Qt 6 scales by itself and passes fractional factors (150 %) through unrounded by default.
    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    app.setApplicationName("Seller Message Composer")
    app.setOrganizationName("seller-message-composer")
    app.setDesktopFileName("seller-composer")
    # The platform's own style: since Qt 6.5 it follows the system's light or dark colour scheme.
    return app


def run_app(argv: list[str]) -> int:
    started = time.perf_counter()
    args, qt_args = _parse(list(argv))
    smoke = args.smoke_test or os.environ.get(SMOKE_ENV) == "1"
    app = create_application(qt_args)
    from PySide6.QtCore import QTimer

    from composer.ui.main_window import MainWindow

    # The frame first, the catalogue right after: the seller sees the window as soon as Qt can show one.
    window = MainWindow(deferred=True)
    window.show()

    def shown():
        if smoke:
            print(f"{SHOWN_MARKER} after {time.perf_counter() - started:.3f}s", flush=True)

    def ready(_version=None, _report=None):
        window.checker.report_ready.disconnect(ready)
        settle()
        window.show_rule_problems()
        if smoke:
            print(f"{READY_MARKER} after {time.perf_counter() - started:.3f}s", flush=True)
            window.close()
            app.quit()

    window.checker.report_ready.connect(ready)
    QTimer.singleShot(0, shown)
    QTimer.singleShot(0, lambda: _finish_start(window, args.reason, restore=not smoke))
    return app.exec()


def _finish_start(window, reason: str | None, *, restore: bool = True) -> None:
    from PySide6.QtWidgets import QApplication

    QApplication.instance().setWindowIcon(_icon())  # window managers pick up a late icon as well
    window.finish_loading()
    restored = window.session.restore_at_start() if restore else False
    if reason and not restored:
        window.picker.set_current(reason)
    # The first check also loads and compiles every rule: do it off the GUI thread.
    window.checker.run_now(background=True)


def settle() -> None:
    """After start-up: move the long-lived objects (rules, Qt wrappers) out of the garbage collector's way.

    Collections that walk every rule and template object would otherwise land on random keystrokes.
    """
    import gc

    gc.collect()
    gc.freeze()
