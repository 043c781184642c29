"""The sandbox bounds a call's time and memory and survives crashes, with real processes."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from permaudit.batch.sandbox import KILL_GRACE_SECONDS, Limits, Sandbox
from tests.batch import sandbox_calls


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    box = Sandbox(Limits(timeout=1.0, memory_mib=512))
    yield box
    box.close()


def test_a_call_returns_its_value_from_the_worker_process(sandbox: Sandbox) -> None:
    outcome = sandbox.call(sandbox_calls.add, 2, 3)
    assert outcome.error is None and outcome.value == 5
    assert outcome.peak_rss_kib > 0


def test_set_up_happens_once_per_worker_not_per_call(sandbox: Sandbox) -> None:
    pids = {sandbox.call(sandbox_calls.pid).value for _ in range(5)}
    assert len(pids) == 1


def test_a_call_past_the_time_limit_is_an_error_and_the_worker_goes_on(sandbox: Sandbox) -> None:
    first = sandbox.call(sandbox_calls.pid).value
    outcome = sandbox.call(sandbox_calls.spin, 30)
    assert outcome.error == "timed out after 1 s"
    assert sandbox.call(sandbox_calls.pid).value == first


def test_the_time_limit_is_not_an_exception_code_can_swallow(sandbox: Sandbox) -> None:
    assert sandbox.call(sandbox_calls.swallow_everything, 30).error == "timed out after 1 s"


def test_a_call_the_child_cannot_interrupt_is_killed_by_the_parent(sandbox: Sandbox) -> None:
    first = sandbox.call(sandbox_calls.pid).value
    started = time.monotonic()
    outcome = sandbox.call(sandbox_calls.spin_deaf, 60)
    assert outcome.error == "timed out after 1 s (worker killed)"
    assert time.monotonic() - started < 1 + KILL_GRACE_SECONDS + 3
    # A new worker takes the next call.
    after = sandbox.call(sandbox_calls.pid)
    assert after.error is None and after.value != first


def test_an_allocation_past_the_memory_limit_is_an_error_and_a_fresh_worker_follows(
    sandbox: Sandbox,
) -> None:
    first = sandbox.call(sandbox_calls.pid).value
    outcome = sandbox.call(sandbox_calls.allocate, 4096)
    assert outcome.error == "exceeded the memory limit of 512 MiB"
    assert sandbox.call(sandbox_calls.allocate, 64).value == 64 * 1024 * 1024
    assert sandbox.call(sandbox_calls.pid).value != first


def test_a_crashing_worker_costs_only_its_call(sandbox: Sandbox) -> None:
    outcome = sandbox.call(sandbox_calls.crash)
    assert outcome.error == "worker process crashed (SIGSEGV)"
    assert sandbox.call(sandbox_calls.add, 1, 1).value == 2


def test_an_exception_is_the_one_line_message_of_its_error(sandbox: Sandbox) -> None:
    outcome = sandbox.call(int, "not\na number")
    assert outcome.error is not None
    assert outcome.error.startswith("internal error: ValueError: invalid literal")
    assert "\n" not in outcome.error
