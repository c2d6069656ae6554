"""The composer window: layout, actions and menus; the behaviour lives in small controllers beside it."""
from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QMainWindow,
                               QPushButton, QScrollArea, QSplitter, QVBoxLayout, QWidget)

from composer.drafts import DraftStore
from composer.history import History
from composer.settings import SettingsStore
from composer.ui import core, dialogs
from composer.ui.check_worker import CheckController
from composer.ui.draft_session import DraftSession
from composer.ui.editor import MessageEditor
from composer.ui.export_actions import ExportController
from composer.ui.field_form import FieldForm
from composer.ui.findings_panel import FindingsPanel
from composer.ui.order_dates import OrderDates
from composer.ui.reason_picker import ReasonPicker
from composer.ui.review import ReviewState
from composer.ui.status_gate import StatusGate
from composer.ui.template_sync import TemplateSync


class MainWindow(QMainWindow):
    checked = Signal()  # findings, underlines and the gate now describe the current text

    def __init__(self, *, history: History | None = None, drafts: DraftStore | None = None,
                 settings: SettingsStore | None = None, deferred: bool = False, parent=None):
        """With `deferred`, the catalogue (reasons, marketplaces) loads in the first event-loop turn after
        the window is shown (call `finish_loading`), so the window appears as fast as a bare Qt window."""
        super().__init__(parent)
        self.setWindowTitle("Seller Message Composer")
        self.history = history or History()
        self.settings_store = settings or SettingsStore()
        self.settings = self.settings_store.load()
        self._create_widgets()
        self._create_layout()
        self.review = ReviewState(self)
        self.checker = CheckController(self.editor.toPlainText, self.review.make_check, self, use_processes=True)
        self.template = TemplateSync(self)
        self.exporter = ExportController(self)
        self.session = DraftSession(self, drafts or DraftStore())
        self._create_actions()
        self._create_menus()
        self._connect_signals()
        self._set_tab_order()
        self.loaded = False
        self.resize(1180, 760)
        if not deferred:
            self.finish_loading()

    def show_rule_problems(self) -> None:
        """Broken rule files (a user's, usually) are switched off, not fatal: say which, and where."""
        from composer.checker import default_rules

        errors = default_rules().errors
        if not errors:
            return
        more = f" (and {len(errors) - 1} more; see the tooltip)" if len(errors) > 1 else ""
        message = f"A rule file has a problem and is switched off: {errors[0]}{more}"
        self.statusBar().showMessage(message)
        self.statusBar().setToolTip("\n".join(str(e) for e in errors))

    def finish_loading(self) -> None:
        """Fill the picker and the marketplaces, then apply the remembered settings."""
        if self.loaded:
            return
        self.polish()
        self.picker.set_groups(core.reasons_by_group())
        self.marketplace_combo.blockSignals(True)
        for market in core.marketplaces():
            self.marketplace_combo.addItem(f"{market.id} · {market.domain}", market.id)
        self.marketplace_combo.blockSignals(False)
        self._apply_settings()
        self.loaded = True

    def polish(self) -> None:
        """Properties that need Qt's `Qt` enum namespace, set after the window is shown.

        Loading that namespace builds 94 Python enums (about 16 ms); nothing on the first frame needs
        it, so a deferred start shows the window first and polishes in the next event-loop turn.
        """
        qt = QtCore.Qt
        self.subject_label.setTextInteractionFlags(qt.TextInteractionFlag.TextSelectableByMouse)
        self._fields_scroll.setFocusPolicy(qt.FocusPolicy.NoFocus)  # Tab goes to the fields, not their box
        self.picker.polish()
        self.findings.polish()

    # --- construction -------------------------------------------------------------------------
    def _create_widgets(self) -> None:
        self.picker = ReasonPicker((), self)
        self.marketplace_combo = QComboBox(self)
        self.marketplace_combo.setAccessibleName("Marketplace")
        self.locale_combo = QComboBox(self)
        self.locale_combo.setAccessibleName("Buyer language")
        self.store_edit = QLineEdit(self)
        self.store_edit.setAccessibleName("Store name")
        self.store_edit.setPlaceholderText("Your store name (signature)")
        self.form = FieldForm(self._validate_field, self)
        self.order_dates = OrderDates(self)
        self.subject_label = QLabel(self)
        self.subject_label.setAccessibleName("Subject")
        self.notice_label = QLabel(self)
        self.notice_label.setWordWrap(True)
        self.notice_label.setAccessibleName("Notice")
        self.notice_label.hide()
        self.editor = MessageEditor(self)
        self.findings = FindingsPanel(self)
        self.status_gate = StatusGate(self)
        self.copy_button = QPushButton("&Copy message", self)
        self.copy_button.setAccessibleName("Copy message to the clipboard")
        self.copy_button.setToolTip("Copy the checked message as plain text (Ctrl+Enter)")
        self.copy_button.setDefault(False)
        self.subject_button = QPushButton("Copy s&ubject", self)
        self.subject_button.setAccessibleName("Copy the subject")
        self.spapi_button = QPushButton("Copy SP-API &request", self)
        self.spapi_button.setAccessibleName("Copy the SP-API request as JSON")

    def _labelled(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(widget)
        return label

    def _create_layout(self) -> None:
        top = QFormLayout()
        top.addRow(self._labelled("R&eason:", self.picker.combo), self.picker)
        markets = QHBoxLayout()
        markets.addWidget(self.marketplace_combo)
        markets.addWidget(self._labelled("Buyer &language:", self.locale_combo))
        markets.addWidget(self.locale_combo)
        markets.addWidget(self._labelled("S&tore name:", self.store_edit))
        markets.addWidget(self.store_edit, 1)
        top.addRow(self._labelled("&Marketplace:", self.marketplace_combo), markets)

        fields_box = QGroupBox("Order details", self)
        scroll = self._fields_scroll = QScrollArea(fields_box)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.form)
        column = QVBoxLayout(fields_box)
        column.addWidget(scroll, 1)
        column.addWidget(self.order_dates)

        message = QWidget(self)
        message_layout = QVBoxLayout(message)
        message_layout.setContentsMargins(0, 0, 0, 0)
        message_layout.addWidget(self.subject_label)
        message_layout.addWidget(self.notice_label)
        message_layout.addWidget(self._labelled("Me&ssage:", self.editor))
        message_layout.addWidget(self.editor, 1)

        splitter = QSplitter()  # horizontal by default; the layout below takes ownership
        splitter.addWidget(fields_box)
        splitter.addWidget(message)
        splitter.addWidget(self.findings)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([290, 600, 330])
        splitter.setChildrenCollapsible(False)

        buttons = QHBoxLayout()
        buttons.addWidget(self.status_gate, 1)
        buttons.addWidget(self.subject_button)
        buttons.addWidget(self.spapi_button)
        buttons.addWidget(self.copy_button)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.setCentralWidget(central)
        self.statusBar().setSizeGripEnabled(True)  # created now so messages never shift the layout

    def _action(self, text: str, slot, shortcut=None, *, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _create_actions(self) -> None:
        ex = self.exporter
        self.copy_action = self._action("&Copy message", ex.copy_message, ["Ctrl+Return", "Ctrl+Enter"],
                                        tip="Copy the message as plain text when nothing blocks it")
        self.copy_subject_action = self._action("Copy s&ubject", ex.copy_subject, "Ctrl+Shift+U")
        self.copy_spapi_action = self._action("Copy SP-API &request", ex.copy_spapi, "Ctrl+Shift+R")
        self.history_action = self._action("&History…", self.exporter.show_history, "Ctrl+H")
        self.quit_action = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        self.check_action = self._action("Check &now", self.checker.run_now, "F5")
        self.next_action = self._action("&Next finding", lambda: self.review.go_to_finding(+1), "F8")
        self.prev_action = self._action("&Previous finding", lambda: self.review.go_to_finding(-1), "Shift+F8")
        self.fixes_action = self._action("Show &fixes at cursor", self.editor.show_fix_menu, "Ctrl+.")
        self.rerender_action = self._action("&Reset text to template", self.template.reset_to_template,
                                            "Ctrl+Shift+T")
        self.shortcuts_action = self._action("&Keyboard shortcuts…", self.show_shortcuts,
                                             QKeySequence.StandardKey.HelpContents)
        self.focus_actions = [
            self._action("&Reason", lambda: self.picker.combo.setFocus(), "Ctrl+1"),
            self._action("Order &details", self._focus_fields, "Ctrl+2"),
            self._action("&Message", lambda: self.editor.setFocus(), "Ctrl+3"),
            self._action("&Findings", lambda: self.findings.list.setFocus(), "Ctrl+4"),
        ]

    def _create_menus(self) -> None:
        menu = self.menuBar().addMenu("&Message")
        for action in (self.copy_action, self.copy_subject_action, self.copy_spapi_action, None,
                       self.rerender_action, None, self.history_action, None, self.quit_action):
            menu.addSeparator() if action is None else menu.addAction(action)
        check = self.menuBar().addMenu("&Check")
        for action in (self.check_action, self.next_action, self.prev_action, self.fixes_action):
            check.addAction(action)
        go = self.menuBar().addMenu("&Go")
        for action in self.focus_actions:
            go.addAction(action)
        self.menuBar().addMenu("&Help").addAction(self.shortcuts_action)

    def _connect_signals(self) -> None:
        self.picker.reason_changed.connect(self.template.reason_changed)
        self.marketplace_combo.currentIndexChanged.connect(lambda _i: self._marketplace_changed())
        self.locale_combo.currentIndexChanged.connect(lambda _i: self.template.options_changed())
        self.store_edit.editingFinished.connect(self._store_name_changed)
        self.form.values_changed.connect(self.template.fields_changed)
        self.order_dates.changed.connect(self.checker.schedule)
        self.editor.textChanged.connect(self.review.text_changed)
        self.checker.report_ready.connect(self.review.show_report)
        self.checker.check_failed.connect(lambda msg: self.statusBar().showMessage(f"Check failed: {msg}", 8000))
        for source in (self.editor, self.findings):
            source.fix_requested.connect(self.review.apply_fix)
            source.ignore_requested.connect(self.review.ignore)
        self.findings.finding_activated.connect(self.review.select_finding)
        self.copy_button.clicked.connect(self.exporter.copy_message)
        self.editor.copy_requested.connect(self.exporter.copy_message)
        self.subject_button.clicked.connect(self.exporter.copy_subject)
        self.spapi_button.clicked.connect(self.exporter.copy_spapi)

    def _set_tab_order(self) -> None:
        chain = [self.picker.combo, self.marketplace_combo, self.locale_combo, self.store_edit,
                 *self.form.inputs(), *self.order_dates.inputs(), self.editor, self.findings.list, self.subject_button, self.spapi_button,
                 self.copy_button]
        for first, second in zip(chain, chain[1:]):
            self.setTabOrder(first, second)

    def _apply_settings(self) -> None:
        self.store_edit.setText(self.settings.store_name)
        self.set_marketplace(self.settings.default_marketplace or "US")
        self.status_gate.set_state(self.review.gate(), 0, None)
        self.exporter.update_enabled()

    # --- state the controllers share ----------------------------------------------------------
    def reason(self):
        return self.picker.current_reason()

    def marketplace_code(self) -> str:
        return self.marketplace_combo.currentData() or "US"

    def buyer_locale(self) -> str:
        return self.locale_combo.currentData() or "en_US"

    def set_marketplace(self, code: str, locale: str | None = None) -> None:
        index = self.marketplace_combo.findData(code)
        self.marketplace_combo.blockSignals(True)
        self.marketplace_combo.setCurrentIndex(max(index, 0))
        self.marketplace_combo.blockSignals(False)
        self._fill_locales(locale)

    def set_locale(self, locale: str) -> None:
        index = self.locale_combo.findData(locale)
        if index >= 0:
            self.locale_combo.setCurrentIndex(index)

    def _fill_locales(self, keep: str | None = None) -> None:
        # Without `keep` the marketplace's own language is chosen: a seller switching from amazon.com
        # to amazon.co.jp writes to a Japanese buyer, although amazon.co.jp also offers en_US.
        self.locale_combo.blockSignals(True)
        self.locale_combo.clear()
        for locale in core.buyer_locales(self.marketplace_code()):
            self.locale_combo.addItem(core.locale_label(locale), locale)
        index = self.locale_combo.findData(keep)
        self.locale_combo.setCurrentIndex(max(index, 0))
        self.locale_combo.blockSignals(False)

    def _marketplace_changed(self) -> None:
        self._fill_locales()
        self.settings.default_marketplace = self.marketplace_code()
        self.settings_store.save(self.settings)
        self.template.options_changed()

    def _store_name_changed(self) -> None:
        if self.store_edit.text().strip() != self.settings.store_name:
            self.settings.store_name = self.store_edit.text().strip()
            self.settings_store.save(self.settings)
            self.template.options_changed()

    def _validate_field(self, spec, raw: str):
        market = core.marketplace(self.marketplace_code())
        return core.validate_field(spec, raw, locale=self.buyer_locale(), currency=market.currency)

    def _focus_fields(self) -> None:
        inputs = self.form.inputs()
        (inputs[0] if inputs else self.editor).setFocus()

    def fields_rebuilt(self) -> None:
        self._set_tab_order()

    def shortcut_list(self) -> list[tuple[str, str]]:
        """(action, keys) for every action with a shortcut, as the Help menu lists them."""
        rows = []
        for action in self.actions():
            keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
            if keys:
                rows.append((action.text().replace("&", "").rstrip("…"), keys))
        rows += [("Show fixes (in the message or the findings list)", "Menu key or Shift+F10"),
                 ("Select a finding's text", "Enter in the findings list")]
        return rows

    def show_shortcuts(self) -> None:
        text = "\n".join(f"{keys}\t{name}" for name, keys in self.shortcut_list())
        self.ask("Keyboard shortcuts", "Every action has a key:", ("Close",), icon="info", detail=text)

    # --- seams --------------------------------------------------------------------------------
    def ask(self, title: str, text: str, buttons: tuple[str, ...], *, icon: str = "question",
            detail: str = "") -> str:
        """Every question to the seller goes through here; tests replace it."""
        return dialogs.ask(self, title, text, buttons, icon=icon, detail=detail)

    def closeEvent(self, event) -> None:
        self.checker.shutdown()
        self._store_name_changed()  # typed but never left the field: still remember it
        self.session.save_on_close()
        super().closeEvent(event)
