"""Small modal questions. Everything goes through `ask()` so tests can answer instead of a person."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

_ICONS = {
    "question": QMessageBox.Icon.Question,
    "warning": QMessageBox.Icon.Warning,
    "error": QMessageBox.Icon.Critical,
    "info": QMessageBox.Icon.Information,
}


def ask(parent, title: str, text: str, buttons: tuple[str, ...], *, icon: str = "question",
        detail: str = "") -> str:
    """Show a message box with `buttons` (the first is the default); return the chosen label, "" on Escape."""
    box = QMessageBox(parent)
    box.setIcon(_ICONS.get(icon, QMessageBox.Icon.NoIcon))
    box.setWindowTitle(title)
    box.setText(text)
    if detail:
        box.setInformativeText(detail)
    made = []
    for index, label in enumerate(buttons):
        role = QMessageBox.ButtonRole.AcceptRole if index == 0 else QMessageBox.ButtonRole.RejectRole
        made.append(box.addButton(label, role))
    if made:
        box.setDefaultButton(made[0])
        box.setEscapeButton(made[-1])
    box.exec()
    clicked = box.clickedButton()
    for label, button in zip(buttons, made):
        if button is clicked:
            return label
    return ""
