"""A batch job: analyse each distinct policy once, audit every pair, append a line per pair.

The job runs in two waves on the same workers: first each distinct policy (by the SHA-256 of
its file, so two paths to one text are one analysis), then every pair with its policy's
facts. A pair whose app or policy is bad becomes an error line and the job goes on; only a
job that cannot run at all (bad manifest, unwritable output, workers that cannot start)
raises InputError.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from permaudit.batch.manifest import Pair
from permaudit.batch.output import ResultWriter, result_line
from permaudit.batch.progress import JobProgress
from permaudit.batch.runners import Runner, make_runner
from permaudit.batch.sandbox import Call, Limits, Outcome
from permaudit.batch.tasks import AuditOptions, analyse_policy, audit_result
from permaudit.errors import InputError

_HASH_CHUNK = 1 << 20


class JobError(InputError):
    """The job cannot run: names what failed (the workers, the cluster) and why."""


@dataclass(frozen=True)
class BatchOptions:
    output: Path
    workers: int = 1
    # A Dask scheduler address, or "local" for a LocalCluster; None: local processes.
    dask: str | None = None
    resume: bool = False
    limits: Limits = field(default_factory=Limits)
    audit: AuditOptions = field(default_factory=AuditOptions)
    progress: bool = True


@dataclass
class BatchResult:
    total: int = 0
    # Pairs already in the output when the job resumed.
    skipped: int = 0
    audited: int = 0
    errors: int = 0
    # Distinct policies analysed (each once, however many apps share it).
    policies: int = 0
    seconds: float = 0.0
    # When the first line was written: start-up (workers, policies) is behind it.
    first_line_seconds: float = 0.0
    workers: int = 0
    # Peak RSS (KiB) of each worker process that ran a call, by process id.
    peak_rss_kib: dict[int, int] = field(default_factory=dict)
    # CPU seconds each worker process spent on this job's calls (after its set-up), by id.
    cpu_seconds: dict[int, float] = field(default_factory=dict)
    # Peak RSS (KiB) of the processes around them: this job's, and each Dask worker's.
    host_peak_rss_kib: dict[str, int] = field(default_factory=dict)
    started: float = field(default_factory=time.monotonic, repr=False)

    @property
    def steady_rate(self) -> float:
        """Pairs/s after the first line: throughput once the workers are up."""
        span = self.seconds - self.first_line_seconds
        return (self.audited - 1) / span if self.audited > 1 and span > 0 else 0.0


def policy_key(source: str) -> str:
    """What makes two policies the same: their file's content, or the source itself."""
    if source.startswith(("http://", "https://")):
        return "url:" + source
    digest = hashlib.sha256()
    try:
        with open(source, "rb") as stream:
            while chunk := stream.read(_HASH_CHUNK):
                digest.update(chunk)
    except OSError:
        # Unreadable: the analysis reports why, once for all pairs naming this file.
        return "path:" + source
    return "sha256:" + digest.hexdigest()


def _record(result: BatchResult, outcome: Outcome) -> None:
    if outcome.fatal:
        raise JobError("workers", outcome.error or "failed to start")
    if outcome.pid:
        previous = result.peak_rss_kib.get(outcome.pid, 0)
        result.peak_rss_kib[outcome.pid] = max(previous, outcome.peak_rss_kib)
        # Cumulative per process: the latest figure is the largest.
        cpu = result.cpu_seconds.get(outcome.pid, 0.0)
        result.cpu_seconds[outcome.pid] = max(cpu, outcome.cpu_seconds)


def _analyse_policies(
    runner: Runner, pairs: Sequence[Pair], result: BatchResult
) -> tuple[dict[str, Any], dict[str, str], dict[str, str]]:
    """Policy facts (as runner handles) and errors by key, and each pair's policy key."""
    key_of: dict[str, str] = {}
    first_source: dict[str, str] = {}
    for pair in pairs:
        if pair.policy_path not in key_of:
            key = key_of[pair.policy_path] = policy_key(pair.policy_path)
            first_source.setdefault(key, pair.policy_path)
    keys = list(first_source)
    calls: list[Call] = [(analyse_policy, (first_source[key],)) for key in keys]
    facts: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for index, outcome in runner.run(calls):
        _record(result, outcome)
        if outcome.error is None:
            facts[keys[index]] = runner.share(outcome.value)
        else:
            errors[keys[index]] = _naming(first_source[keys[index]], outcome.error)
    result.policies = len(keys)
    return facts, errors, key_of


def run_batch(pairs: Sequence[Pair], options: BatchOptions) -> BatchResult:
    """Run the job; lines go to `options.output` as pairs finish."""
    result = BatchResult(total=len(pairs))
    writer = ResultWriter(options.output, resume=options.resume)
    try:
        done = writer.done_ids() if options.resume else set()
        todo = [pair for pair in pairs if pair.id not in done]
        result.skipped = len(pairs) - len(todo)
        if not todo:
            return result
        runner = make_runner(options.dask, options.workers, options.limits)
        result.workers = runner.workers
        progress = JobProgress(len(todo), enabled=options.progress)
        try:
            done_text = f" ({result.skipped} already done)" if result.skipped else ""
            progress.note(
                f"{_count(len(todo), 'pair')} to audit{done_text} on "
                f"{_count(runner.workers, 'worker')}; "
                "analysing their policies first"
            )
            facts, policy_errors, key_of = _analyse_policies(runner, todo, result)
            audited: list[Pair] = []
            calls: list[Call] = []
            for pair in todo:
                key = key_of[pair.policy_path]
                if key in policy_errors:
                    _write(writer, result, pair, None, policy_errors[key])
                    progress.advance()
                else:
                    audited.append(pair)
                    calls.append((audit_result, (pair.app_path, facts[key], options.audit)))
            for index, outcome in runner.run(calls):
                _record(result, outcome)
                pair = audited[index]
                error = None if outcome.error is None else _naming(pair.app_path, outcome.error)
                _write(writer, result, pair, outcome.value, error)
                progress.advance()
            result.host_peak_rss_kib = runner.host_peaks()
        finally:
            progress.close()
            runner.close()
    finally:
        writer.close()
        result.seconds = time.monotonic() - result.started
    return result


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _naming(path: str, error: str) -> str:
    """Every error line names its file: a timeout or a crash is the message alone."""
    return error if error.startswith(f"{path}: ") else f"{path}: {error}"


def _write(
    writer: ResultWriter,
    result: BatchResult,
    pair: Pair,
    value: dict[str, Any] | None,
    error: str | None,
) -> None:
    writer.write(result_line(pair.id, pair.app, pair.policy, value, error))
    if not result.audited:
        result.first_line_seconds = time.monotonic() - result.started
    result.audited += 1
    if error is not None:
        result.errors += 1
