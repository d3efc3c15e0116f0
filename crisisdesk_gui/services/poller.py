"""Background polling: core.ingest.poll_once on a worker thread, on a schedule, results by signal.

poll_once opens its own database connection from the data dir, so the worker thread writes
with its own connection and the UI thread only reads what it committed. At most one poll runs
at a time; a request during a poll runs once when it ends (never a queue of polls).

Sleep and resume: a QTimer does not replay the ticks a suspended machine missed, but its one
late tick comes right after wake-up, usually before the network is back. When the wall clock
jumped much further than the monotonic clock (which stops during suspend), the poller waits
RESUME_DELAY_MS and then polls once; the alert engine drops anything already announced.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

log = logging.getLogger(__name__)

TICK_MS = 60_000  # poll_once itself skips sources that are not due
FIRST_POLL_MS = 3_000  # after start, once the window is up
RESUME_DELAY_MS = 15_000
JUMP_SECONDS = 120  # wall clock ahead of the monotonic clock by more than this: we slept


class PollResult(NamedTuple):
    """Plain data the UI thread receives."""

    started: datetime
    finished: datetime
    error: str = ""
    new_ids: tuple[int, ...] = ()
    new_negative_ids: tuple[int, ...] = ()
    sources_ok: int = 0
    sources_failed: int = 0
    summary: Any = None  # the core's PollSummary, for whoever wants details


def result_from_summary(summary: Any, started: datetime) -> PollResult:
    """core.ingest.PollSummary → PollResult."""
    failed = len(summary.failed)
    return PollResult(
        started=started,
        finished=datetime.now(UTC),
        new_ids=tuple(summary.new_ids),
        new_negative_ids=tuple(summary.negative_ids),
        sources_ok=len(summary.results) - failed,
        sources_failed=failed,
        summary=summary,
    )


class _Signals(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)


class _PollTask(QRunnable):
    def __init__(
        self,
        data_dir: Path,
        source_ids: Sequence[int] | None,
        signals: _Signals,
        stop: threading.Event,
    ) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.source_ids = list(source_ids) if source_ids is not None else None
        self.signals = signals
        self.stop = stop

    def run(self) -> None:
        started = datetime.now(UTC)
        try:
            from crisisdesk_gui.core import ingest

            summary = ingest.poll_once(
                self.data_dir, source_ids=self.source_ids, progress=self._progress, stop=self.stop
            )
            result = result_from_summary(summary, started)
        except Exception as exc:  # the worker must always report back, or polling stops
            log.exception("poll failed")
            result = PollResult(started=started, finished=datetime.now(UTC), error=str(exc))
        self.signals.done.emit(result)

    def _progress(self, done: int, total: int, result: Any) -> None:
        name = getattr(result, "name", None) or getattr(result, "url", "") or ""
        self.signals.progress.emit(done, total, str(name))


class Poller(QObject):
    started = Signal()
    progress = Signal(int, int, str)  # done, total, source name
    finished = Signal(object)  # PollResult
    resumed = Signal()  # the machine woke from sleep

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.running = False
        self.last_result: PollResult | None = None
        self._pending: list[int] | bool | None = False  # False: nothing pending
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.progress.connect(self.progress)
        self._signals.done.connect(self._done)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._wall = time.time()
        self._mono = time.monotonic()
        self._stop = threading.Event()

    def start(self, first_poll_ms: int = FIRST_POLL_MS) -> None:
        self._stop.clear()
        self._timer.start()
        if first_poll_ms >= 0:
            QTimer.singleShot(first_poll_ms, self.poll_now)

    def stop(self) -> None:
        """No more polls; a poll under way ends within a moment (quitting must not wait for a
        slow host), keeping what it stored."""
        self._timer.stop()
        self._stop.set()

    def wait(self, ms: int = 30_000) -> bool:
        return self._pool.waitForDone(ms)

    def poll_now(self, source_ids: Sequence[int] | None = None) -> bool:
        """Start a poll; during one, remember the request and run it once afterwards."""
        if self.running:
            self._pending = None if source_ids is None else list(source_ids)
            return False
        self.running = True
        self.started.emit()
        self._pool.start(_PollTask(self.data_dir, source_ids, self._signals, self._stop))
        return True

    def check_clock(self, wall: float | None = None, mono: float | None = None) -> bool:
        """True (and `resumed` emitted) when the wall clock jumped ahead of the monotonic one."""
        wall = time.time() if wall is None else wall
        mono = time.monotonic() if mono is None else mono
        jumped = (wall - self._wall) - (mono - self._mono) > JUMP_SECONDS
        self._wall, self._mono = wall, mono
        if jumped:
            log.info("clock jumped: the machine slept; polling once after a short delay")
            self.resumed.emit()
        return jumped

    def _tick(self) -> None:
        if self.check_clock():
            QTimer.singleShot(RESUME_DELAY_MS, self.poll_now)
            return
        self.poll_now()

    def _done(self, result: PollResult) -> None:
        self.running = False
        self.last_result = result
        self.finished.emit(result)
        pending, self._pending = self._pending, False
        if pending is not False and not self._stop.is_set():
            self.poll_now(pending)  # type: ignore[arg-type]
