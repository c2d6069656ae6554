"""Run the checker after a pause in typing; big texts go to a worker process; stale results are dropped."""
from __future__ import annotations

import threading
from typing import Callable

from PySide6.QtCore import QObject, QTimer, Signal

# Below this size the check takes a few milliseconds: run it on the GUI thread, no thread hand-off.
ASYNC_THRESHOLD = 50_000
DEBOUNCE_MS = 200


class CheckController(QObject):
    """Owns the text version counter. `report_ready(version, report)` fires only for the newest text."""

    report_ready = Signal(int, object)
    check_failed = Signal(str)
    _worker_done = Signal(int, object, str)

    def __init__(self, text_source: Callable[[], str], make_check: Callable[[], Callable[[str], object]], parent=None,
                 *, delay_ms: int = DEBOUNCE_MS, async_threshold: int = ASYNC_THRESHOLD, use_processes: bool = False):
        """With `use_processes`, big texts are checked in a child process: the checker's C code holds the GIL
        for long stretches on a megabyte, which would stall a worker *thread*'s GUI. The callable from
        `make_check` must then be picklable."""
        super().__init__(parent)
        self._text_source = text_source
        # Called on the GUI thread: it captures reason, locale and context so a worker never reads widgets.
        self._make_check = make_check
        self._async_threshold = async_threshold
        self._version = 0
        self._checked_version = -1
        self._running: threading.Thread | None = None
        self._pending = None  # multiprocessing AsyncResult of a check running in the child process
        self._pool = None
        self._use_processes = use_processes
        self._queued = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.run_now)
        self._worker_done.connect(self._on_worker_done)

    @property
    def version(self) -> int:
        return self._version

    @property
    def is_current(self) -> bool:
        """True when the last delivered report belongs to the text as it is now."""
        return self._checked_version == self._version

    def schedule(self) -> None:
        """The text (or the reason, locale...) changed: check again after a pause."""
        self._version += 1
        self._timer.start()

    def run_now(self, *, background: bool = False) -> None:
        """Check the current text now: on this thread for normal sizes, in a worker for big texts.

        `background` forces the worker, e.g. for the first check, which also loads every rule.
        """
        self._timer.stop()
        version, text, check = self._version, self._text_source(), self._make_check()
        if len(text) >= self._async_threshold and self._use_processes:
            self._start_process(version, text, check)
            return
        if background or len(text) >= self._async_threshold:
            self._start_worker(version, text, check)
            return
        try:
            report = check(text)
        except Exception as exc:  # a broken rule must not take the window down
            self.check_failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self._deliver(version, report)

    def flush(self) -> None:
        """Make sure the delivered report matches the current text (used before exporting)."""
        if self.is_current:
            return
        self._timer.stop()
        version, text = self._version, self._text_source()
        if len(text) >= self._async_threshold:
            # Never block the window on a huge text: start (or keep) the background check; until
            # it reports, the gate stays "Checking…" and nothing is exported.
            if not self.busy:
                self.run_now()
            return
        try:
            report = self._make_check()(text)
        except Exception as exc:
            self.check_failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self._deliver(version, report)

    @property
    def busy(self) -> bool:
        return (self._running is not None and self._running.is_alive()) or (
            self._pending is not None and not self._pending.ready())

    def _emit_done(self, version: int, report, error: str) -> None:
        try:
            self._worker_done.emit(version, report, error)
        except RuntimeError:
            pass  # the window closed while the check ran

    def _start_process(self, version: int, text: str, check) -> None:
        if self.busy:
            self._queued = True
            return
        self._queued = False
        if self._pool is None:
            import multiprocessing

            # spawn, not fork: forking a process that runs Qt threads is unsafe.
            self._pool = multiprocessing.get_context("spawn").Pool(1)
        self._pending = self._pool.apply_async(
            check, (text,),
            callback=lambda report: self._emit_done(version, report, ""),
            error_callback=lambda exc: self._emit_done(version, None, f"{type(exc).__name__}: {exc}"))

    def shutdown(self) -> None:
        """Stop a child process that may still be checking (the window is closing)."""
        self._timer.stop()
        if self._pool is not None:
            self._pool.terminate()
            self._pool = None
        self._pending = None

    def _start_worker(self, version: int, text: str, check) -> None:
        if self.busy:
            # One big check at a time; when it ends, the newest text is checked once more.
            self._queued = True
            return
        self._queued = False

        def work():
            try:
                report = check(text)
            except Exception as exc:
                self._emit_done(version, None, f"{type(exc).__name__}: {exc}")
                return
            self._emit_done(version, report, "")

        self._running = threading.Thread(target=work, name="composer-check", daemon=True)
        self._running.start()

    def _on_worker_done(self, version: int, report, error: str) -> None:
        self._running = None
        self._pending = None
        if error:
            self.check_failed.emit(error)
        elif report is not None:
            self._deliver(version, report)
        if self._queued or (not self.is_current and not self._timer.isActive()):
            self._queued = False
            self.run_now()

    def _deliver(self, version: int, report) -> None:
        if version != self._version:
            return  # the seller typed since: this report describes text that no longer exists
        self._checked_version = version
        self.report_ready.emit(version, report)

    def wait_idle(self, timeout: float = 30.0) -> None:
        """Tests and benchmarks: block until a running worker ends (its result still arrives by signal)."""
        if self._running is not None:
            self._running.join(timeout)
        if self._pending is not None:
            self._pending.wait(timeout)
