"""Severity colours and icons shared by the editor, the findings panel and the status line."""
from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPixmap, QPolygonF

# Explicit colours (readable on light and dark palettes); the icon shape carries the same meaning.
SEVERITY_COLOURS = {"error": "#d32f2f", "warning": "#e69500", "suggestion": "#1e88e5"}
SEVERITY_NAMES = {"error": "Error", "warning": "Warning", "suggestion": "Suggestion"}
_ICON_CACHE: dict[tuple[str, int], QIcon] = {}


def severity_colour(severity: str) -> QColor:
    return QColor(SEVERITY_COLOURS.get(severity, "#757575"))


def _paint_icon(severity: str, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(QtCore.Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QtCore.Qt.PenStyle.NoPen)
    painter.setBrush(severity_colour(severity))
    rect = QRectF(1, 1, size - 2, size - 2)
    if severity == "error":  # octagon-like circle with a cross: "stop"
        painter.drawEllipse(rect)
        glyph = "✕"
    elif severity == "warning":  # triangle with "!"
        path = QPainterPath()
        path.addPolygon(QPolygonF([QPointF(size / 2, 1), QPointF(size - 1, size - 1), QPointF(1, size - 1)]))
        painter.drawPath(path)
        glyph = "!"
    else:  # rounded square with "i"
        painter.drawRoundedRect(rect, size / 5, size / 5)
        glyph = "i"
    painter.setPen(QColor("white"))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(6, int(size * 0.6)))
    painter.setFont(font)
    text_rect = QRectF(0, size * 0.12, size, size) if severity == "warning" else QRectF(0, 0, size, size)
    painter.drawText(text_rect, QtCore.Qt.AlignmentFlag.AlignCenter, glyph)
    painter.end()
    return pixmap


def severity_icon(severity: str, size: int = 16) -> QIcon:
    key = (severity, size)
    if key not in _ICON_CACHE:
        icon = QIcon()
        for scale in (1, 2):  # crisp on high-DPI screens
            pixmap = _paint_icon(severity, size * scale)
            pixmap.setDevicePixelRatio(scale)
            icon.addPixmap(pixmap)
        _ICON_CACHE[key] = icon
    return _ICON_CACHE[key]
