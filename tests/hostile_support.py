"""Running permaudit on hostile input, and building and mutating that input.

Shared by the hostile-input table (tests/test_hostile.py) and the property tests. Two ways to
run a command, with the same checks on the outcome:

- `run_permaudit`: the real `python -m permaudit` in a child process, with a timeout (a hang
  fails) and the child's own peak RSS (os.wait4). For anything that could hang, eat memory,
  or crash the interpreter.
- `invoke_permaudit`: in-process through click's CliRunner, timed, with the peak of Python
  allocations (tracemalloc) as its memory figure. For inputs where a process adds nothing.
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner
from hypothesis import strategies as st

from permaudit.cli import main

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
# The untampered APK the tampered fixtures were built from (scripts/build_tampered_fixtures).
BASE_APK = FIXTURES / "apk" / "ipcam.apk"
TAMPERED = FIXTURES / "tampered"

# A few hundred MB whatever the input: the interpreter with androguard loaded is ~60 MB.
MAX_PEAK_RSS_MB = 300
TIMEOUT_SECONDS = 30
# linux/prctl.h and linux/capability.h
PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE = 1
CAP_DAC_READ_SEARCH = 2


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str
    seconds: float
    # Subprocess: the child's peak RSS. In-process: the peak of Python allocations.
    peak_mb: float
    timed_out: bool
    # In-process only: an exception other than the command's own exit (a crash).
    crash: BaseException | None = None


def _drop_root_file_access() -> None:
    """In the child before exec: root keeps uid 0 but loses its power over file modes.

    Root reads any file whatever its mode through CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH;
    without them in the bounding set, a mode-000 file denies root the read like anyone else.
    """
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


# Linux carries a process's memory high-water mark across fork and exec, so a child forked
# from this test process (which holds the policy parser's model) would start with the test
# process's peak. A small launcher forks the command instead and reports the command's own
# peak RSS (KiB) into the file named by its first argument.
_LAUNCHER = """\
import os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as out:
    out.write(str(usage.ru_maxrss))
code = os.waitstatus_to_exitcode(status)
if code < 0:
    os.kill(os.getpid(), -code)
sys.exit(code)
"""


def run_permaudit(*args: str, drop_file_access: bool = False) -> Run:
    """Run the real command in a child process, measuring that child's own peak RSS.

    `drop_file_access` removes the capabilities that let root read any file, so that a
    chmod 000 file really is unreadable when the tests run as root (as CI does).
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "COV_"))}
    env.update(PYTHONDONTWRITEBYTECODE="1", PYTHONPATH=str(ROOT), NO_COLOR="1", COLUMNS="120")
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.TemporaryDirectory() as scratch,
    ):
        peak_file = Path(scratch) / "peak"
        start = time.monotonic()
        command = [sys.executable, "-m", "permaudit", *args]
        process = subprocess.Popen(
            [sys.executable, "-c", _LAUNCHER, str(peak_file), *command],
            start_new_session=True,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            cwd=ROOT,
            env=env,
            preexec_fn=_drop_root_file_access if drop_file_access else None,
        )
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            # The launcher and the command it forked share a session (and process group).
            os.killpg(process.pid, signal.SIGKILL)

        timer = threading.Timer(TIMEOUT_SECONDS, kill)
        timer.start()
        try:
            # The launcher's own peak is the test process's (see _LAUNCHER); the command's
            # comes back in peak_file.
            _, status, _usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        return Run(
            code=process.returncode,
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
            seconds=seconds,
            # KiB on Linux; no figure when the launcher itself was killed.
            peak_mb=int(peak_file.read_text() or 0) / 1024 if peak_file.exists() else 0.0,
            timed_out=timed_out.is_set(),
        )


def invoke_permaudit(*args: str, trace_memory: bool = True) -> Run:
    """Run the command in-process (click's CliRunner), timed and with its allocation peak.

    tracemalloc makes a run 3-6x slower: property tests with many examples turn it off
    (`peak_mb` is then 0) and rely on the table's child-process rows for memory.
    """
    if trace_memory:
        tracemalloc.start()
    start = time.monotonic()
    try:
        result = CliRunner().invoke(main, list(args))
        seconds = time.monotonic() - start
        peak = tracemalloc.get_traced_memory()[1] if trace_memory else 0
    finally:
        if trace_memory:
            tracemalloc.stop()
    # CliRunner catches everything; only the command's own exit is not a crash.
    crash = None if isinstance(result.exception, SystemExit | None) else result.exception
    return Run(
        code=result.exit_code,
        stdout=result.stdout,
        stderr=result.stderr,
        seconds=seconds,
        peak_mb=peak / (1 << 20),
        timed_out=False,
        crash=crash,
    )


def assert_well_behaved(run: Run) -> None:
    """Whatever the outcome: finished in time, bounded memory, no crash, no traceback."""
    assert not run.timed_out, f"did not finish in {TIMEOUT_SECONDS} s"
    assert run.seconds < TIMEOUT_SECONDS, f"took {run.seconds:.1f} s"
    assert run.peak_mb < MAX_PEAK_RSS_MB, f"peak memory {run.peak_mb:.0f} MB"
    assert run.crash is None, repr(run.crash)
    assert "Traceback" not in run.stderr
    assert run.code in (0, 1, 2), (run.code, run.stderr)


def assert_one_line_error(run: Run, path: Path | str, problem: str) -> None:
    """Exit 2 with exactly one stderr line naming the file and the problem, in bounds."""
    assert_well_behaved(run)
    assert run.code == 2, (run.code, run.stderr)
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith(f"permaudit: error: {path}: "), lines[0]
    assert problem.lower() in lines[0].lower(), lines[0]
    assert run.stdout == ""


def zeros_deflated(size_mib: int) -> bytes:
    """A raw deflate stream of `size_mib` MiB of zeros, built in milliseconds.

    After a full flush the compressor forgets its history, so every MiB compresses to the
    same bytes and the stream is one block repeated (about 1 KiB per MiB).
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(bytes(1 << 20)) + compressor.flush(zlib.Z_FULL_FLUSH)
    return block * size_mib + compressor.flush()


def write_zip_with_raw_entry(
    target: Path,
    entries: list[tuple[str, bytes]],
    raw_name: str,
    raw_deflate: bytes,
    declared_size: int,
) -> Path:
    """A zip with normal `entries` plus `raw_name` holding pre-deflated data.

    The declared uncompressed size is whatever the caller says: a zip bomb may lie.
    """
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(name, data)
        info = zipfile.ZipInfo(raw_name, date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        # zipfile cannot write pre-compressed data: write an empty entry, splice it in below.
        archive.writestr(info, b"")
    _replace_last_entry_data(target, raw_name, raw_deflate, declared_size)
    return target


def _replace_last_entry_data(path: Path, name: str, raw: bytes, declared_size: int) -> None:
    """Rewrite the (empty, last) entry `name` so it carries `raw` as its deflate data."""
    data = path.read_bytes()
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(name)
        cd_start = archive.start_dir
    head = bytearray(data[: info.header_offset])
    local = bytearray(data[info.header_offset : info.header_offset + 30 + len(name)])
    directory = bytearray(data[cd_start:])
    local[18:26] = len(raw).to_bytes(4, "little") + declared_size.to_bytes(4, "little")
    local[14:18] = (0).to_bytes(4, "little")
    record = directory.rindex(b"PK\x01\x02")
    directory[record + 16 : record + 28] = (
        (0).to_bytes(4, "little") + len(raw).to_bytes(4, "little")
    ) + declared_size.to_bytes(4, "little")
    new_cd_start = len(head) + len(local) + len(raw)
    end = directory.rindex(b"PK\x05\x06")
    directory[end + 16 : end + 20] = new_cd_start.to_bytes(4, "little")
    path.write_bytes(bytes(head + local) + raw + bytes(directory))


# --- mutations for the property tests ------------------------------------------------------

# One byte-level mutation of an APK: (operation, position as a fraction, payload).
apk_mutation = st.tuples(
    st.sampled_from(["flip", "truncate", "insert"]),
    st.floats(min_value=0, max_value=1, exclude_max=True),
    st.binary(min_size=1, max_size=16),
)


def mutate_region(
    data: bytes, start: int, end: int, op: str, where: float, payload: bytes
) -> bytes:
    """Apply one `apk_mutation` at a point between `start` and `end`."""
    at = start + int((end - start) * where)
    if op == "flip":
        flipped = bytes(a ^ b for a, b in zip(data[at : at + len(payload)], payload, strict=False))
        return data[:at] + flipped + data[at + len(flipped) :]
    if op == "truncate":
        return data[:at]
    return data[:at] + payload + data[at:]


POLICY_ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030", "cp1252")

# One mutation of a policy: (kind, position as a fraction of the length, a parameter).
policy_mutation = st.tuples(
    st.sampled_from(("flip", "truncate", "encode", "splice", "insert", "repeat")),
    st.floats(min_value=0.0, max_value=1.0),
    st.integers(min_value=0, max_value=255),
)


def mutate_policy(data: bytes, mutations: list[tuple[str, float, int]], noise: bytes) -> bytes:
    """Byte flips, truncations, encoding swaps and splices, repeats: what scraped text suffers."""
    for kind, where, value in mutations:
        at = int(len(data) * where)
        encoding = POLICY_ENCODINGS[value % len(POLICY_ENCODINGS)]
        if kind == "flip" and data:
            at = min(at, len(data) - 1)
            data = data[:at] + bytes([data[at] ^ (value or 1)]) + data[at + 1 :]
        elif kind == "truncate":
            data = data[:at]
        elif kind == "encode":
            # Re-encode what the bytes say as UTF-8 into another encoding users have.
            data = data.decode("utf-8", errors="replace").encode(encoding, errors="replace")
        elif kind == "splice":
            # A slice of another encoding pasted in: the mixed-encoding case.
            other = data[at : at + 200].decode("utf-8", errors="replace")
            data = data[:at] + other.encode(encoding, "replace") + data[at:]
        elif kind == "insert":
            data = data[:at] + noise + data[at:]
        elif kind == "repeat":
            data = data[:at] + data[at : at + 4096] * (value % 8 + 1) + data[at:]
    return data
