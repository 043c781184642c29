"""Progress of a job on stderr: done/total, rate and ETA.

On a terminal it is a rich progress bar; in a log (CI, nohup) a plain line every few
seconds, since a bar redrawn with carriage returns makes an unreadable log.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

LOG_INTERVAL_SECONDS = 10.0


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} pairs/s" if speed else "– pairs/s", style="progress.data.speed")


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"
    if seconds >= 60:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds} s"


class JobProgress:
    def __init__(self, total: int, *, enabled: bool = True, stream: TextIO | None = None) -> None:
        self.total = total
        self.done = 0
        self._stream = stream or sys.stderr
        self._enabled = enabled and total > 0
        self._started = time.monotonic()
        self._last_log = self._started
        self._bar: Progress | None = None
        if self._enabled and self._stream.isatty():
            self._bar = Progress(
                TextColumn("auditing"),
                BarColumn(),
                MofNCompleteColumn(),
                _RateColumn(),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=Console(file=self._stream),
                transient=False,
            )
            self._task = self._bar.add_task("pairs", total=total)
            self._bar.start()

    def note(self, text: str) -> None:
        """A line about the job (what it is about to do), above the bar if there is one."""
        if self._bar is not None:
            self._bar.console.print(f"permaudit: {text}", markup=False, highlight=False)
        elif self._enabled:
            print(f"permaudit: {text}", file=self._stream, flush=True)

    def advance(self) -> None:
        self.done += 1
        if self._bar is not None:
            self._bar.advance(self._task)
        elif self._enabled:
            now = time.monotonic()
            if now - self._last_log >= LOG_INTERVAL_SECONDS or self.done == self.total:
                self._last_log = now
                self._log(now)

    def _log(self, now: float) -> None:
        elapsed = max(now - self._started, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate else 0.0
        eta = f", ETA {_duration(left)}" if self.done < self.total else ""
        print(
            f"permaudit: {self.done}/{self.total} pairs, {rate:.1f} pairs/s{eta}",
            file=self._stream,
            flush=True,
        )

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
