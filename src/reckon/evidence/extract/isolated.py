"""Run extractors in a child process.

Parsers of hostile files can crash the interpreter (a segfault in a C parser)
or loop for ever; in a child process they can only fail, and reckon records
the failure and goes on. The child also extracts the next files' text while
the parent preserves the current one, so a large ``reckon add`` spends little
more time than the extraction itself.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool

from reckon.evidence.extract import Extraction, ExtractionFailed, extract

# (extraction or None, text_status, error)
TextResult = tuple[Extraction | None, str, str | None]
TIMEOUT_SECONDS = 600.0


def text_result(data: bytes, media_type: str, limit: int) -> TextResult:
    """Extract in this process; failures become a status and a message."""
    try:
        extraction = extract(data, media_type, limit)
    except ExtractionFailed as exc:
        return None, "failed", str(exc)
    if extraction is None:
        return None, "none", None
    return extraction, "ok", None


class ExtractionPool:
    """A child process that extracts text; rebuilt when a parser kills it."""

    def __init__(self, timeout: float | None = None) -> None:
        self.timeout = TIMEOUT_SECONDS if timeout is None else timeout
        self._executor = self._new()

    @staticmethod
    def _new() -> ProcessPoolExecutor:
        # fork: the child inherits the imported parsers instead of importing them again.
        return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))

    def submit(self, data: bytes, media_type: str, limit: int) -> Future[TextResult]:
        try:
            return self._executor.submit(text_result, data, media_type, limit)
        except BrokenProcessPool:
            self._restart()
            return self._executor.submit(text_result, data, media_type, limit)

    def result(self, future: Future[TextResult], retry: tuple[bytes, str, int]) -> TextResult:
        """The result of ``future``; a crash or a hang becomes a recorded failure."""
        try:
            return future.result(timeout=self.timeout)
        except FutureTimeout:
            self._restart(kill=True)
            return None, "failed", f"the parser took longer than {self.timeout:.0f} s; stopped."
        except (BrokenProcessPool, CancelledError):
            if not isinstance(self._executor, ProcessPoolExecutor) or _broken(self._executor):
                self._restart()
            # The pool breaks for every file in flight; only the guilty one crashes again.
            try:
                return self._executor.submit(text_result, *retry).result(timeout=self.timeout)
            except (BrokenProcessPool, FutureTimeout):
                self._restart(kill=True)
                return None, "failed", "the parser crashed on this file (its process died)."

    def _restart(self, kill: bool = False) -> None:
        """Replace the child process (killing it first when it hangs)."""
        if kill:
            for process in list(getattr(self._executor, "_processes", {}).values()):
                process.kill()
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor = self._new()

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


def _broken(executor: ProcessPoolExecutor) -> bool:
    return bool(getattr(executor, "_broken", False))
