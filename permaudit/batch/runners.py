"""Where a job's calls run: local worker processes (`-j N`) or a Dask cluster (`--dask`).

Both run the same `permaudit.batch.sandbox.run_call` per call, so a pair gives the same line
either way: locally, N threads of this process each drive their own sandbox; on Dask, each
worker thread does. Calls come back as they finish, with the index they were submitted at.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.metadata
import logging
import sys
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from typing import Any, Protocol

from permaudit import __version__
from permaudit.batch.sandbox import (
    SETUP_TIMEOUT_SECONDS,
    Call,
    Limits,
    Outcome,
    close_sandboxes,
    one_line,
    peak_rss_kib,
    run_call,
    run_calls,
    start_sandbox,
)
from permaudit.errors import InputError

# Pairs per Dask task: at most MAX_CHUNK, and at least CHUNKS_PER_WORKER tasks per worker.
MAX_CHUNK = 16
CHUNKS_PER_WORKER = 8
DASK_EXTRA_MISSING = "needs the optional Dask extra: pip install 'permaudit[dask]'"


class Runner(Protocol):
    workers: int

    def share(self, value: Any) -> Any:
        """A handle to pass `value` to many calls without sending it with each."""

    def run(self, calls: Sequence[Call]) -> Iterator[tuple[int, Outcome]]:
        """Run the calls; yield (index, outcome) as each finishes."""

    def host_peaks(self) -> dict[str, int]:
        """Peak RSS (KiB) of the processes that drive the sandboxes, by name."""

    def close(self) -> None: ...


class LocalRunner:
    def __init__(self, workers: int, limits: Limits) -> None:
        self.workers = workers
        self.limits = limits
        self._pool = ThreadPoolExecutor(workers, thread_name_prefix="permaudit-worker")
        # One start per thread (the barrier keeps a thread from taking two), in the
        # background: the workers load their models while this process reads the policies.
        barrier = threading.Barrier(workers)

        def start() -> None:
            try:
                start_sandbox(limits)
            finally:
                # A worker that cannot start says so on its first real call.
                with contextlib.suppress(threading.BrokenBarrierError):
                    barrier.wait(timeout=SETUP_TIMEOUT_SECONDS)

        for _ in range(workers):
            self._pool.submit(start)

    def share(self, value: Any) -> Any:
        return value

    def host_peaks(self) -> dict[str, int]:
        return {"job": peak_rss_kib()}

    def run(self, calls: Sequence[Call]) -> Iterator[tuple[int, Outcome]]:
        futures = {
            self._pool.submit(run_call, self.limits, function, *args): index
            for index, (function, args) in enumerate(calls)
        }
        for future in as_completed(futures):
            yield futures[future], future.result()

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        # Stopping the children ends any call still running; its thread then returns.
        close_sandboxes()
        self._pool.shutdown(wait=True)


def require_dask() -> Any:
    """The `distributed` module, or the one-line error that says how to install it."""
    try:
        # As Any: distributed's annotations are partial, and mypy strict rejects its calls.
        return importlib.import_module("distributed")
    except ImportError:
        raise InputError("--dask", DASK_EXTRA_MISSING) from None


class DaskRunner:
    """Calls as Dask tasks on a cluster at `address`, or on a LocalCluster for "local"."""

    def __init__(self, address: str, workers: int, limits: Limits) -> None:
        distributed = require_dask()
        self.limits = limits
        self._distributed = distributed
        self._cluster: Any = None
        # Dask logs every worker's start and stop; stderr is for progress and errors.
        logging.getLogger("distributed").setLevel(logging.ERROR)
        try:
            if address == "local":
                self._cluster = distributed.LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    # Any free port: a fixed one may be taken by another cluster on the machine.
                    dashboard_address=":0",
                    silence_logs=logging.ERROR,
                    # Each pair's memory is bounded in its sandbox; the worker holds little.
                    memory_limit=0,
                )
                self._client = distributed.Client(self._cluster)
            else:
                self._client = distributed.Client(address, timeout="10s")
        except (OSError, TimeoutError, ValueError) as error:
            self._close_cluster()
            raise InputError(address, f"cannot reach the Dask scheduler: {error}") from None
        threads = sum(self._client.nthreads().values())
        if not threads:
            print(
                f"permaudit: warning: the Dask cluster at {address} has no workers yet; "
                "the job waits for them",
                file=sys.stderr,
            )
        self.workers = max(1, threads)
        self._check_workers(address)

    def _check_workers(self, address: str) -> None:
        try:
            versions = self._client.run(importlib.metadata.version, "permaudit")
        except Exception as error:
            self.close()
            raise InputError(
                address, f"a Dask worker cannot run permaudit (install it there): {error}"
            ) from None
        others = sorted({v for v in versions.values() if v != __version__})
        if others:
            print(
                f"permaudit: warning: Dask workers run permaudit {', '.join(others)}, "
                f"this is {__version__}",
                file=sys.stderr,
            )

    def share(self, value: Any) -> Any:
        return self._client.scatter(value, hash=True)

    def host_peaks(self) -> dict[str, int]:
        peaks: dict[str, int] = {}
        # Statistics only: a worker lost by now must not fail a job whose lines are written.
        with contextlib.suppress(Exception):
            peaks = self._client.run(peak_rss_kib)
        return {"job": peak_rss_kib(), **peaks}

    def run(self, calls: Sequence[Call]) -> Iterator[tuple[int, Outcome]]:
        # A pair takes tens of milliseconds and a Dask task costs a few of scheduling: pairs
        # go in chunks, enough of them to keep every worker busy to the end.
        size = max(1, min(MAX_CHUNK, len(calls) // (self.workers * CHUNKS_PER_WORKER)))
        starts = range(0, len(calls), size)
        futures = [
            self._client.submit(run_calls, self.limits, list(calls[at : at + size]), pure=False)
            for at in starts
        ]
        first = {future.key: at for at, future in zip(starts, futures, strict=True)}
        for future in self._distributed.as_completed(futures):
            at = first[future.key]
            try:
                outcomes = future.result()
            except Exception as error:
                # The task itself failed (its worker was lost): its pairs' error, not the job's.
                failed = Outcome(error=f"Dask task failed: {one_line(error)}")
                outcomes = [failed] * len(calls[at : at + size])
            for offset, outcome in enumerate(outcomes):
                yield at + offset, outcome
            future.release()

    def close(self) -> None:
        # Workers of a cluster outlive the job; their idle sandboxes should not. A worker
        # gone by now has no sandbox left either.
        with contextlib.suppress(Exception):
            self._client.run(close_sandboxes)
        self._client.close()
        self._close_cluster()

    def _close_cluster(self) -> None:
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None


def make_runner(dask: str | None, workers: int, limits: Limits) -> Runner:
    if dask is not None:
        return DaskRunner(dask, workers, limits)
    return LocalRunner(workers, limits)
