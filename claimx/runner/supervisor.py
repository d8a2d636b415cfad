"""Supervised extraction: every article in a worker process the parent can kill and replace.

:class:`Supervisor` forks ``workers`` child processes from the process that holds the loaded
extractor (copy on write: the model is not loaded again), hands them the articles and gives every
article a deadline (:func:`deadline_for`). Articles travel in small batches (one
``pipe`` call parses them together, which is much cheaper than one by one); a batch that raises
is extracted again article by article in the worker, and one that is not done by the deadline of
its joined text is killed and each of its articles tried again alone, so that only the guilty
article fails. An article whose extraction raises comes
back as a :class:`Failure` of kind ``extraction_error``; one that is not done by its deadline
has its worker killed (``SIGKILL``: a parse spinning in compiled code ignores everything else)
and replaced, and comes back as a :class:`Failure` of kind ``timeout``; a worker that dies
(out of memory, killed from outside) fails its article the same way. Results come back in
input order, whatever the workers do.

Workers are plain ``os.fork`` children talking over a pipe, not ``multiprocessing`` processes,
so a supervisor also runs inside a daemonic process (a Dask worker). They ignore SIGINT (a
terminal's Ctrl-C reaches the whole process group: the parent decides), take SIGTERM's default
action, and die with their parent (Linux ``PR_SET_PDEATHSIG``, else a check of the parent id).

Only POSIX systems with ``fork`` are supported; :class:`Supervisor` raises ``RuntimeError``
elsewhere.
"""

from __future__ import annotations

import os
import signal
import sys
import time
import weakref
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, Pipe, wait
from typing import Any, Optional

from .worker import worker_main

__all__ = ["Failure", "Supervisor", "deadline_for", "stop_all", "warm", "DEFAULT_TIMEOUT", "TIMEOUT_UNIT_CHARS"]

#: Default deadline in seconds per started ``TIMEOUT_UNIT_CHARS`` characters of an article.
#: Articles take 0.1-0.5 s per 10,000 characters on an idle machine and were seen at 2.3 s on a
#: machine loaded five times over; 20 s leaves room for that and still ends a hang quickly.
DEFAULT_TIMEOUT = 20.0
TIMEOUT_UNIT_CHARS = 10_000


def deadline_for(text: str, timeout: float = DEFAULT_TIMEOUT) -> float:
    """Seconds an article of ``text`` may take: ``timeout`` per started 10,000 characters.

    A one-line article gets ``timeout`` seconds, a 25,000-character one three times that.
    The default ``timeout`` is :data:`DEFAULT_TIMEOUT` (20 s).
    """
    return timeout * max(1, -(-len(text) // TIMEOUT_UNIT_CHARS))


@dataclass(frozen=True)
class Failure:
    """Why one article gave no claims.

    Attributes:
        kind: ``"extraction_error"`` (the extraction raised, or its worker died) or
            ``"timeout"`` (not done within ``seconds``; its worker was killed).
        error_type: the exception's class name (``"TimeoutError"`` for a timeout,
            ``"WorkerDied"`` for a worker that died).
        message: the exception's message, at most 500 characters.
        seconds: how long the article ran before it failed.
    """

    kind: str
    error_type: str
    message: str
    seconds: float = 0.0

    @property
    def reason(self) -> str:
        """One line for people: ``"extraction_error: IndexError: ..."``."""
        return f"{self.kind}: {self.error_type}: {self.message}".splitlines()[0]


_WARMED: set[int] = set()
_LIVE: "weakref.WeakSet[Supervisor]" = weakref.WeakSet()


def stop_all() -> int:
    """Kill the workers of every supervisor of this process (for a runner stopping a Dask
    worker's tasks from outside: ``client.run(stop_all)``). Returns how many were killed."""
    n = 0
    for sup in list(_LIVE):
        sup._killed = True  # its loop returns at its next turn; run() then reaps the workers
        for w in list(sup._workers):
            try:
                os.kill(w.pid, signal.SIGKILL)
                n += 1
            except ProcessLookupError:
                pass
    return n


def warm(extractor: Any) -> None:
    """Run one short text through ``extractor`` in this process, once per extractor.

    What loads lazily on the first extraction (modules, lexicon tables, caches) is then loaded
    here, before the workers fork, and shared by all of them: without it every new worker
    (also every replacement of a killed one) loads it again, seconds each.
    """
    if id(extractor) in _WARMED:
        return
    _WARMED.add(id(extractor))
    try:
        for _ in extractor.pipe([("Revenue rose 5% to $2 billion in 2024, it said.", {"doc_id": "warm-up"})],
                                as_tuples=True, batch_size=1, n_process=1):
            pass
    except Exception:  # noqa: BLE001 - a broken extractor fails per article, with a record
        pass


class _Worker:
    __slots__ = ("pid", "conn", "items", "started", "deadline")

    def __init__(self, pid: int, conn: Connection) -> None:
        self.pid = pid
        self.conn = conn
        self.items: list[tuple[int, str, Any]] = []  # the batch it is working on
        self.started = 0.0
        self.deadline = 0.0


class Supervisor:
    """Runs ``extractor.pipe`` on small batches of articles in killable worker processes.

    Parameters
    ----------
    extractor:
        Any object with ``pipe(items, as_tuples=True, batch_size=, n_process=1)`` yielding
        ``(claims, context)`` (a :class:`claimx.pipeline.Extractor`). It is inherited by the
        forked workers as it is in this process.
    workers:
        Number of worker processes (at least 1).
    timeout:
        Seconds per started 10,000 characters (:func:`deadline_for`); ``None`` = no deadline.
    stop:
        Called often; when it returns true no new article is started, the running ones get
        ``grace`` seconds to finish, then their workers are killed and :meth:`run` returns
        (the unfinished articles are not yielded).
    grace:
        See ``stop``.
    batch_size:
        Articles sent to a worker at a time (at most about 50,000 characters), and the
        ``batch_size`` of ``extractor.pipe``.
    """

    def __init__(
        self,
        extractor: Any,
        *,
        workers: int = 1,
        timeout: Optional[float] = DEFAULT_TIMEOUT,
        stop: Optional[Callable[[], bool]] = None,
        grace: float = 0.2,
        batch_size: int = 16,
    ) -> None:
        if not hasattr(os, "fork"):
            raise RuntimeError("supervised extraction needs os.fork (Linux, macOS, BSD)")
        if workers < 1:
            raise ValueError("workers must be at least 1")
        if timeout is not None and timeout <= 0:
            raise ValueError("timeout must be positive")
        self.extractor = extractor
        self.n_workers = workers
        self.timeout = timeout
        self.stop = stop or (lambda: False)
        self.grace = grace
        self.batch_size = batch_size
        self._workers: list[_Worker] = []
        self.respawned = 0
        self._killed = False
        warm(extractor)
        _LIVE.add(self)

    # -- processes -------------------------------------------------------------------------
    def _spawn(self) -> _Worker:
        parent_end, child_end = Pipe(duplex=True)
        parent = os.getpid()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # child
            code = 0
            try:
                parent_end.close()
                for w in self._workers:  # siblings' pipes: only the parent may hold them
                    w.conn.close()
                worker_main(child_end, self.extractor, self.batch_size, parent)
            except BaseException:  # noqa: BLE001
                code = 1
            finally:
                os._exit(code)
        child_end.close()
        w = _Worker(pid, parent_end)
        self._workers.append(w)
        return w

    def _reap(self, w: _Worker, *, kill: bool) -> Optional[int]:
        """End ``w`` (SIGKILL if ``kill``), wait for it; returns its wait status."""
        if kill:
            try:
                os.kill(w.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        status = None
        try:
            _, status = os.waitpid(w.pid, 0)
        except ChildProcessError:
            pass
        w.conn.close()
        if w in self._workers:
            self._workers.remove(w)
        return status

    def close(self) -> None:
        """Stop every worker now (SIGKILL) and reap it. Safe to call twice."""
        for w in list(self._workers):
            self._reap(w, kill=True)

    # -- the loop --------------------------------------------------------------------------
    def run(self, items: Iterable[tuple[str, Any]]) -> Iterator[tuple[Any, Any]]:
        """Extract every ``(text, context)`` of ``items``; yields ``(result, context)`` in order.

        ``result`` is the list of the article's claims as JSON lines (``Claim.model_dump_json``,
        ``doc_id`` set from the context), or a :class:`Failure`. The workers are stopped when
        the generator ends, is closed, or raises.
        """
        try:
            yield from self._run(iter(items))
        finally:
            self.close()

    def _next_batch(self, it: Iterator[tuple[str, Any]], retry: deque, room: int) -> list[tuple[int, str, Any]]:
        """Up to ``batch_size`` articles (at most ``room``, about 50,000 characters) for one
        worker; an article to be retried alone comes first and goes alone."""
        if retry:
            return [retry.popleft()]
        batch: list[tuple[int, str, Any]] = []
        chars = 0
        while len(batch) < min(self.batch_size, room) and chars < 50_000 and not self._exhausted:
            try:
                text, context = next(it)
            except StopIteration:
                self._exhausted = True
                break
            batch.append((self._next_in, text, context))
            self._contexts[self._next_in] = context
            self._next_in += 1
            chars += len(text)
            if self.stop():
                break
        return batch

    def _deadline(self, batch: list[tuple[int, str, Any]]) -> float:
        if not self.timeout:
            return float("inf")
        # the batch together gets the deadline of its joined text; if it is not done by then,
        # each of its articles is tried again alone under its own deadline
        return deadline_for("".join(t for _, t, _ in batch) if len(batch) > 1 else batch[0][1], self.timeout)

    def _run(self, it: Iterator[tuple[str, Any]]) -> Iterator[tuple[Any, Any]]:
        for _ in range(self.n_workers):
            self._spawn()
        self._contexts: dict[int, Any] = {}
        self._next_in = 0
        self._exhausted = False
        done: dict[int, Any] = {}
        retry: deque = deque()
        next_out = 0
        stop_at: Optional[float] = None
        ahead = 4 * self.n_workers * self.batch_size  # handed out or finished but not yet yielded
        while True:
            if self._killed:
                return
            if stop_at is None and self.stop():
                stop_at = time.monotonic() + self.grace
            for w in [w for w in self._workers if not w.items]:
                if stop_at is not None:
                    break
                batch = self._next_batch(it, retry, ahead - (self._next_in - next_out))
                if not batch:
                    break
                w.items, w.started = batch, time.monotonic()
                w.deadline = w.started + self._deadline(batch)
                try:
                    w.conn.send(batch)
                except (BrokenPipeError, OSError):
                    pass  # a dead worker: found below, its articles fail or are retried
            while next_out in done:
                yield done.pop(next_out), self._contexts.pop(next_out)
                next_out += 1
            busy = [w for w in self._workers if w.items]
            if stop_at is not None and (not busy or time.monotonic() >= stop_at):
                return
            if not busy:
                if self._exhausted and not retry:
                    for w in list(self._workers):
                        try:
                            w.conn.send(None)
                        except OSError:
                            pass
                        self._reap(w, kill=False)
                    return
                continue
            now = time.monotonic()
            wake = min([w.deadline for w in busy] + ([stop_at] if stop_at else []))
            ready = wait([w.conn for w in busy], timeout=max(0.0, min(0.1, wake - now)))
            for w in busy:
                if w.conn in ready:
                    self._receive(w, done, retry)
                elif time.monotonic() >= w.deadline:
                    seconds = round(time.monotonic() - w.started, 3)
                    items = w.items
                    self._replace(w)
                    if len(items) > 1:
                        retry.extend(items)  # which one? each alone
                    else:
                        done[items[0][0]] = Failure("timeout", "TimeoutError",
                                                    f"not done after {seconds:.1f} s; worker killed", seconds)

    def _receive(self, w: _Worker, done: dict[int, Any], retry: deque) -> None:
        items = w.items
        seconds = round(time.monotonic() - w.started, 3)
        try:
            replies = w.conn.recv()
        except (EOFError, OSError):
            status = self._reap(w, kill=True)
            self._respawn()
            if len(items) > 1:
                retry.extend(items)
                return
            done[items[0][0]] = Failure("extraction_error", "WorkerDied", f"worker process {_describe_status(status)}",
                                        seconds)
            return
        for reply in replies:
            if reply[1] == "ok":
                done[reply[0]] = reply[2]
            else:
                done[reply[0]] = Failure("extraction_error", reply[2], reply[3], seconds)
        w.items = []

    def _replace(self, w: _Worker) -> None:
        self._reap(w, kill=True)
        self._respawn()

    def _respawn(self) -> None:
        if self._killed:
            return
        self.respawned += 1
        self._spawn()


def _describe_status(status: Optional[int]) -> str:
    if status is None:
        return "ended"
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        try:
            name = signal.Signals(sig).name
        except ValueError:
            name = str(sig)
        return f"killed by {name}"
    return f"exited with code {os.WEXITSTATUS(status)}"
