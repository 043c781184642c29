"""Worker processes that a hostile input cannot take down with the job.

A `Sandbox` is a child process (`python -m permaudit.batch.sandbox`) that does the expensive
set-up once (`permaudit.batch.tasks.warm_up`), then runs one call after another: a function
of an importable module and its arguments, pickled over its stdin/stdout. Each call is
bounded:

- time: the child interrupts a call that runs past the limit (SIGALRM); a call stuck where
  Python cannot interrupt it (inside C code) is killed by the parent a few seconds later;
- memory: the child's data segment is capped (RLIMIT_DATA), so an allocation past the cap
  fails with MemoryError; the child is then replaced, since a MemoryError can leave any
  state half-built.

A child that crashes (a segfault in a C extension, a kill by the OS) costs only the call it
was running: the parent reports it as that call's error and starts a new child for the
next. The child is a plain subprocess, not `multiprocessing`, because Dask workers are
daemonic processes that multiprocessing refuses to give children.

`run_call(limits, function, *args)` runs a call in the calling thread's own sandbox; it is
what local worker threads and Dask workers execute.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any

from permaudit.errors import InputError

# After the child's own limit fires, how long the parent waits before it kills the child.
KILL_GRACE_SECONDS = 5.0
# The set-up loads every model and catalog the analysis uses; it may take a while.
SETUP_TIMEOUT_SECONDS = 300.0
_LENGTH = struct.Struct("<Q")

# A function of an importable module (pickled by name) and its arguments.
Call = tuple[Callable[..., Any], tuple[Any, ...]]


@dataclass(frozen=True)
class Limits:
    """Bounds of one call: wall time in seconds and the child's data segment in MiB."""

    timeout: float = 120.0
    memory_mib: int = 2048


@dataclass(frozen=True)
class Outcome:
    """What a call gave: its value, or the one-line message of what went wrong."""

    value: Any = None
    error: str | None = None
    # The worker could not even be set up: every call would fail, so the job cannot run.
    fatal: bool = False
    pid: int = 0
    # Peak resident memory of the child so far (KiB) and the CPU time it spent on calls
    # since its set-up (seconds), for the job's statistics.
    peak_rss_kib: int = 0
    cpu_seconds: float = 0.0


class SetupError(Exception):
    """The child failed its set-up (a broken installation, not a bad input)."""


class _CallTimeout(BaseException):
    # BaseException: code under test may catch Exception, and must not swallow the limit.
    pass


def one_line(error: BaseException) -> str:
    """The message of an error as one line; InputErrors already name their file."""
    if isinstance(error, InputError):
        text = str(error)
    else:
        detail = str(error)
        text = f"internal error: {type(error).__name__}" + (f": {detail}" if detail else "")
    return " ".join(text.split())


def _seconds(value: float) -> str:
    return f"{value:g} s"


# --- the parent's side ---------------------------------------------------------------------


class Sandbox:
    """One child process, started on first use and replaced whenever it dies."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self._process: subprocess.Popen[bytes] | None = None

    def _start(self) -> subprocess.Popen[bytes]:
        env = dict(os.environ)
        # The child imports what this process imports, also from a source checkout or tests.
        env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
        # One worker per core already: numeric libraries (a parser model's) need no thread
        # pool of their own, whose per-thread buffers would count against the memory cap.
        for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            env.setdefault(variable, "1")
        try:
            process = subprocess.Popen(
                [sys.executable, "-m", "permaudit.batch.sandbox", str(self.limits.memory_mib)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=None if os.environ.get("PERMAUDIT_DEBUG") else subprocess.DEVNULL,
                env=env,
                # Ctrl-C reaches the job's own process only; the job stops its children itself.
                start_new_session=True,
            )
        except OSError as error:
            raise SetupError(f"cannot start a worker process: {error}") from None
        self._process = process
        try:
            reply = self._receive(process, time.monotonic() + SETUP_TIMEOUT_SECONDS)
        except _ChildGone as gone:
            self.close()
            raise SetupError(f"worker process failed to start ({gone})") from None
        if reply[0] != "ready":
            self.close()
            raise SetupError(f"worker set-up failed: {reply[1]}")
        return process

    def call(self, function: Callable[..., Any], *args: Any) -> Outcome:
        process = self._process
        if process is None or process.poll() is not None:
            process = self._start()
        request = pickle.dumps((function, args, self.limits.timeout), pickle.HIGHEST_PROTOCOL)
        frame = _LENGTH.pack(len(request)) + request
        try:
            _write(process, frame)
        except OSError:
            # The idle child died since its last call (killed from outside): not this call's
            # doing, so it goes to a fresh child.
            self.close()
            process = self._start()
            _write(process, frame)
        deadline = time.monotonic() + self.limits.timeout + KILL_GRACE_SECONDS
        try:
            kind, payload, (peak, cpu) = self._receive(process, deadline)
        except _ChildGone as gone:
            self.close()
            return Outcome(error=str(gone), pid=process.pid)
        if kind == "ok":
            return Outcome(value=payload, pid=process.pid, peak_rss_kib=peak, cpu_seconds=cpu)
        if kind == "restart":
            self.close()
        return Outcome(error=payload, pid=process.pid, peak_rss_kib=peak, cpu_seconds=cpu)

    def _receive(self, process: subprocess.Popen[bytes], deadline: float) -> Any:
        assert process.stdout is not None
        header = _read_exact(process, _LENGTH.size, deadline, self.limits)
        (size,) = _LENGTH.unpack(header)
        return pickle.loads(_read_exact(process, size, deadline, self.limits))

    def close(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.kill()
        process.wait()
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                stream.close()


def _write(process: subprocess.Popen[bytes], frame: bytes) -> None:
    assert process.stdin is not None
    process.stdin.write(frame)
    process.stdin.flush()


class _ChildGone(Exception):
    """The child died or overran its time: the message says which."""


def _read_exact(
    process: subprocess.Popen[bytes], size: int, deadline: float, limits: Limits
) -> bytes:
    assert process.stdout is not None
    fd = process.stdout.fileno()
    chunks: list[bytes] = []
    remaining = size
    while remaining:
        wait = deadline - time.monotonic()
        ready = select.select([fd], [], [], max(wait, 0))[0] if wait > 0 else []
        if not ready:
            process.kill()
            process.wait()
            raise _ChildGone(f"timed out after {_seconds(limits.timeout)} (worker killed)")
        chunk = os.read(fd, min(remaining, 1 << 20))
        if not chunk:
            raise _ChildGone(_death(process, limits))
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _death(process: subprocess.Popen[bytes], limits: Limits) -> str:
    code = process.wait()
    if code < 0:
        name = signal.Signals(-code).name
        if -code == signal.SIGKILL:
            # The OS kills for memory with SIGKILL; nothing else here sends it.
            return f"worker process killed ({name}; out of memory? limit {limits.memory_mib} MiB)"
        return f"worker process crashed ({name})"
    return f"worker process exited with code {code}"


_local = threading.local()
_all_sandboxes: list[Sandbox] = []
_registry_lock = threading.Lock()


def run_call(limits: Limits, function: Callable[..., Any], *args: Any) -> Outcome:
    """Run `function(*args)` in this thread's sandbox (started on first use, once)."""
    sandbox: Sandbox | None = getattr(_local, "sandbox", None)
    if sandbox is None or sandbox.limits != limits:
        if sandbox is not None:
            sandbox.close()
        sandbox = Sandbox(limits)
        _local.sandbox = sandbox
        with _registry_lock:
            _all_sandboxes.append(sandbox)
    try:
        return sandbox.call(function, *args)
    except SetupError as error:
        return Outcome(error=str(error), fatal=True)


def run_calls(limits: Limits, calls: list[Call]) -> list[Outcome]:
    """`run_call` for each of several calls, in order (one Dask task for a chunk of pairs)."""
    return [run_call(limits, function, *args) for function, args in calls]


def start_sandbox(limits: Limits) -> bool:
    """Start this thread's sandbox now, so that workers warm up together, not on demand."""
    return run_call(limits, _ready).error is None


def _ready() -> bool:
    return True


def close_sandboxes() -> int:
    """Stop every sandbox this process started; returns how many there were."""
    with _registry_lock:
        sandboxes = list(_all_sandboxes)
        _all_sandboxes.clear()
    for sandbox in sandboxes:
        sandbox.close()
    return len(sandboxes)


# --- the child's side ----------------------------------------------------------------------


def _send(out: IO[bytes], message: tuple[Any, ...]) -> None:
    data = pickle.dumps(message, pickle.HIGHEST_PROTOCOL)
    out.write(_LENGTH.pack(len(data)) + data)
    out.flush()


def _read_request(stream: IO[bytes]) -> bytes | None:
    header = stream.read(_LENGTH.size)
    if len(header) < _LENGTH.size:
        return None
    (size,) = _LENGTH.unpack(header)
    data = stream.read(size)
    return data if len(data) == size else None


def peak_rss_kib() -> int:
    """Peak resident memory of this process so far, in KiB (Linux reports KiB)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _cpu_seconds() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _on_alarm(signum: int, frame: object) -> None:
    raise _CallTimeout


def _serve(memory_mib: int) -> None:
    import resource

    # The protocol owns the real stdout; anything a library prints goes to stderr instead.
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    requests = sys.stdin.buffer
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    cap = memory_mib * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_DATA, (cap, cap))
    signal.signal(signal.SIGALRM, _on_alarm)
    try:
        from permaudit.batch.tasks import warm_up

        warm_up()
    except BaseException as error:
        _send(out, ("failed", one_line(error)))
        return
    _send(out, ("ready", None))
    set_up_cpu = _cpu_seconds()

    def usage() -> tuple[int, float]:
        return peak_rss_kib(), _cpu_seconds() - set_up_cpu

    while (request := _read_request(requests)) is not None:
        reply: tuple[Any, ...]
        timeout = 0.0
        try:
            function, args, timeout = pickle.loads(request)
            signal.setitimer(signal.ITIMER_REAL, timeout)
            try:
                value = function(*args)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            reply = ("ok", value, usage())
            _send(out, reply)
            continue
        except _CallTimeout:
            reply = ("error", f"timed out after {_seconds(timeout)}", usage())
        except MemoryError:
            message = f"exceeded the memory limit of {memory_mib} MiB"
            reply = ("restart", message, usage())
        except BaseException as error:
            reply = ("error", one_line(error), usage())
        try:
            _send(out, reply)
        except MemoryError:
            return
        if reply[0] == "restart":
            return


if __name__ == "__main__":
    _serve(int(sys.argv[1]))
