"""Functions the sandbox tests run in a real worker process (importable there by name)."""

from __future__ import annotations

import os
import signal
import time


def add(a: int, b: int) -> int:
    return a + b


def pid() -> int:
    return os.getpid()


def spin(seconds: float) -> str:
    """Pure Python work: the child's own time limit interrupts it."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass
    return "finished"


def spin_deaf(seconds: float) -> str:
    """Work that the child's alarm cannot interrupt, as C code holding the interpreter."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    return spin(seconds)


def allocate(mib: int) -> int:
    return len(bytearray(mib * 1024 * 1024))


def crash() -> None:
    os.kill(os.getpid(), signal.SIGSEGV)


def swallow_everything(seconds: float) -> str:
    """Code that catches every Exception must still not swallow the time limit."""
    try:
        return spin(seconds)
    except Exception:
        return "swallowed"
