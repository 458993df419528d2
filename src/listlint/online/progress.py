"""A one-line progress bar on standard error, for online runs watched on a terminal."""

from __future__ import annotations

import threading
import time
from typing import TextIO

WIDTH = 30
INTERVAL = 0.1  # seconds between redraws


class Progress:
    """Counts checks done out of ``total``; draws only when ``stream`` is a terminal."""

    def __init__(self, total: int, stream: TextIO | None, label: str = "Checking links") -> None:
        self._total = total
        self._done = 0
        self._stream = stream if stream is not None and total and stream.isatty() else None
        self._label = label
        self._drawn = 0.0
        self._lock = (
            threading.Lock()
        )  # links advance it from the event loop, repositories from a thread

    def advance(self, count: int = 1) -> None:
        """``count`` more checks are done."""
        with self._lock:
            self._done += count
            now = time.monotonic()
            if self._stream is not None and (now - self._drawn >= INTERVAL or self.finished):
                self._drawn = now
                self._stream.write("\r" + self.line())
                self._stream.flush()

    @property
    def finished(self) -> bool:
        """Whether every check is done."""
        return self._done >= self._total

    def line(self) -> str:
        """``Checking links [#########-----]  523/2000``."""
        filled = WIDTH * min(self._done, self._total) // max(self._total, 1)
        bar = "#" * filled + "-" * (WIDTH - filled)
        return f"{self._label} [{bar}] {self._done:>{len(str(self._total))}}/{self._total}"

    def close(self) -> None:
        """Erase the bar."""
        if self._stream is not None:
            self._stream.write("\r\033[K")
            self._stream.flush()
