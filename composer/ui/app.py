"""Start the window: `run_app(argv) -> int`. `--smoke-test` shows the window, reports, and quits."""
from __future__ import annotations

import argparse
import os
import sys
import time

SMOKE_ENV = "SELLER_COMPOSER_SMOKE_TEST"
SHOWN_MARKER = "seller-composer: window shown"


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
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    # Qt 6 scales for high-DPI screens by itself; pass fractional factors through instead of rounding.
    from composer.ui.compat import guard_none_refcount

    guard_none_refcount()
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    app.setApplicationName("Seller Message Composer")
    app.setOrganizationName("seller-message-composer")
    app.setDesktopFileName("seller-composer")
    # Fusion follows the system's light or dark colour scheme on every platform.
    app.setStyle("Fusion")
    app.setWindowIcon(_icon())
    return app


def run_app(argv: list[str]) -> int:
    started = time.perf_counter()
    args, qt_args = _parse(list(argv))
    smoke = args.smoke_test or os.environ.get(SMOKE_ENV) == "1"
    app = create_application(qt_args)
    from PySide6.QtCore import QTimer

    from composer.ui.main_window import MainWindow

    window = MainWindow()
    window.show()
    if smoke:
        def report_and_quit():
            print(f"{SHOWN_MARKER} after {time.perf_counter() - started:.3f}s", flush=True)
            window.close()
            app.quit()

        QTimer.singleShot(0, report_and_quit)
        return app.exec()
    QTimer.singleShot(0, lambda: _after_show(window, args.reason))
    return app.exec()


def _after_show(window, reason: str | None) -> None:
    restored = window.session.restore_at_start()
    if reason and not restored:
        window.picker.set_current(reason)
    window.checker.run_now()
    settle()


def settle() -> None:
    """After start-up: move the long-lived objects (rules, Qt wrappers) out of the garbage collector's way.

    Collections that walk every rule and template object would otherwise land on random keystrokes.
    """
    import gc

    gc.collect()
    gc.freeze()
