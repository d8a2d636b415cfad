"""Stopping a run on SIGINT/SIGTERM (:class:`StopFlag`)."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from typing import Any, Optional

__all__ = ["StopFlag"]


class StopFlag:
    """SIGINT/SIGTERM handler state.

    The first signal asks for a stop: no more articles are read or started; the ones running
    get 0.2 s to finish and be written, then their workers are killed (they are
    extracted again by ``--resume``). A second signal forces the stop: worker processes
    started by this run are terminated and ``KeyboardInterrupt`` is raised (each article's
    lines are written in one go, so the output stays valid either way).
    """

    def __init__(self) -> None:
        self.signum: Optional[int] = None
        self.forced = False
        self._pid = os.getpid()
        self._old: dict[int, Any] = {}
        self._children_before: set[int] = set()

    def __call__(self, signum: int, frame: Any) -> None:
        if os.getpid() != self._pid:
            # A forked worker inherited this handler. SIGINT (Ctrl-C reaches the whole process
            # group) is left to the parent, which stops the workers in order; SIGTERM (sent by
            # the parent or a pool to end the worker) gets its default action.
            if signum == signal.SIGTERM:
                signal.signal(signum, signal.SIG_DFL)
                os.kill(os.getpid(), signum)
            return
        if self.signum is not None:
            self.forced = True
            for child in multiprocessing.active_children():
                if child.pid not in self._children_before:
                    child.terminate()
            raise KeyboardInterrupt
        self.signum = signum

    def install(self) -> None:
        """Handle SIGINT and SIGTERM with this flag (main thread only; elsewhere a no-op)."""
        if threading.current_thread() is not threading.main_thread():
            return
        self._children_before = {c.pid for c in multiprocessing.active_children() if c.pid is not None}
        for sig in (signal.SIGINT, signal.SIGTERM):
            self._old[sig] = signal.signal(sig, self)

    def restore(self) -> None:
        """Put back the handlers :meth:`install` replaced."""
        for sig, old in self._old.items():
            signal.signal(sig, old)
        self._old.clear()
