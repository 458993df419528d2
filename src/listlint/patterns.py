"""Regular expressions a user writes in the configuration: checked when loaded, bounded when run.

They run on the ``regex`` engine, whose searches take a timeout, so a catastrophic pattern
(``^(a|aa)+$``) costs a run a fraction of a second instead of hanging it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import regex

SEARCH_TIMEOUT = 0.25  # seconds, for all the searches of one pattern in one run


def pattern_error(pattern: str) -> str | None:
    """Why ``pattern`` is not a valid regular expression, or None when it is."""
    import regex

    try:
        regex.compile(pattern)
    except regex.error as error:
        return str(error)
    return None


class UserPattern:
    """A configured pattern; once its searches have used up the timeout, it matches nothing."""

    def __init__(self, pattern: str) -> None:
        import regex

        self.compiled: regex.Pattern[str] = regex.compile(pattern)
        self.left = SEARCH_TIMEOUT

    def search(self, text: str) -> bool:
        """Whether the pattern is found in ``text`` (False once it has run out of time)."""
        if self.left <= 0:
            return False
        import time

        started = time.perf_counter()
        try:
            return self.compiled.search(text, timeout=self.left) is not None
        except TimeoutError:
            return False
        finally:
            self.left -= time.perf_counter() - started
