"""Regenerate assets/screenshot.png (the README's picture of the real window) and the PNG icon, offscreen.

    QT_QPA_PLATFORM=offscreen python scripts/screenshot.py [--out assets/screenshot.png] [--scale 1]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# A realistic draft: a delay notice whose seller slipped in an e-mail address and an emoticon.
REASON = "shipment_delay_notice"
FIELDS = {
    "order_id": "112-4839201-7719304",
    "delay_reason": "carrier_delay",
    "new_delivery_date": "2026-12-10",
    "original_amount": "24.99",
}
EXTRA = "\n\nQuestions? Write to support@acme-mugs.com :)"


def render_icon(size: int = 256) -> Path:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    svg = ROOT / "assets" / "seller-composer.svg"
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    out = ROOT / "assets" / "seller-composer.png"
    image.save(str(out))
    return out


def _dark_palette():
    """Roughly what a dark desktop hands to Qt, for previewing the window on a dark system."""
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in ((roles.Window, "#2b2b2b"), (roles.WindowText, "#e8e8e8"), (roles.Base, "#1e1e1e"),
                         (roles.AlternateBase, "#2a2a2a"), (roles.Text, "#e8e8e8"), (roles.Button, "#353535"),
                         (roles.ButtonText, "#e8e8e8"), (roles.Highlight, "#2f65ca"),
                         (roles.HighlightedText, "#ffffff"), (roles.ToolTipBase, "#3a3a3a"),
                         (roles.ToolTipText, "#e8e8e8"), (roles.PlaceholderText, "#9a9a9a"),
                         (roles.Link, "#7aa7ff")):
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, roles.ButtonText, QColor("#7a7a7a"))
    palette.setColor(QPalette.ColorGroup.Disabled, roles.Text, QColor("#7a7a7a"))
    return palette


def take_screenshot(out: Path, *, scheme: str = "light") -> Path:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor

    from composer.ui.app import create_application
    from composer.ui.main_window import MainWindow

    app = create_application([])
    # Offscreen has no desktop to follow: pick the scheme the system would have given us.
    app.styleHints().setColorScheme(Qt.ColorScheme.Dark if scheme == "dark" else Qt.ColorScheme.Light)
    if scheme == "dark" and app.styleHints().colorScheme() != Qt.ColorScheme.Dark:
        app.setPalette(_dark_palette())  # the offscreen platform ignores colour-scheme requests
    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    window.store_edit.setText("Acme Mugs")
    window.store_edit.editingFinished.emit()
    window.picker.set_current(REASON)
    for name, value in FIELDS.items():
        window.form.set_value(name, value)
    window.template.flush()
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    window.editor.insertPlainText(EXTRA)
    window.checker.run_now()
    email = next((f for f in window.review.visible() if f.severity == "error"), None)
    if email is not None:
        window.review.select_finding(email)
        row = next(i for i, f in enumerate(window.findings.findings()) if f is email)
        window.findings.list.setCurrentRow(row)
        window.editor.moveCursor(QTextCursor.MoveOperation.End)  # underline visible, not hidden by a selection
    for _ in range(5):
        app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out)):
        raise SystemExit(f"could not write {out}")
    window.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "assets" / "screenshot.png")
    parser.add_argument("--scale", default="1", help="device pixel ratio (QT_SCALE_FACTOR), e.g. 2 for high-DPI")
    parser.add_argument("--scheme", choices=("light", "dark"), default="light", help="system colour scheme")
    parser.add_argument("--no-icon", action="store_true", help="do not re-render assets/seller-composer.png")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QT_SCALE_FACTOR"] = args.scale
    # A throwaway data folder: the screenshot never shows (or changes) the real user's drafts.
    os.environ["SELLER_COMPOSER_HOME"] = tempfile.mkdtemp(prefix="composer-shot-")
    shot = take_screenshot(args.out, scheme=args.scheme)
    print(f"wrote {shot}")
    if not args.no_icon:
        print(f"wrote {render_icon()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
