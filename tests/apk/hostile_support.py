"""Running `python -m permaudit` on hostile input, with its exit code, time and peak memory."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
# The untampered APK the tampered fixtures were built from (scripts/build_tampered_fixtures).
BASE_APK = FIXTURES / "apk" / "ipcam.apk"
TAMPERED = FIXTURES / "tampered"

# A few hundred MB whatever the input: the interpreter with androguard loaded is ~100 MB.
MAX_PEAK_RSS_MB = 300
TIMEOUT_SECONDS = 30


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str
    seconds: float
    peak_rss_mb: float
    timed_out: bool


def run_permaudit(*args: str, drop_file_access: bool = False) -> Run:
    """Run the real command in a child process, measuring that child's own peak RSS.

    `drop_file_access` removes the capabilities that let root read any file, so that a
    chmod 000 file really is unreadable when the tests run as root.
    """
    prefix: list[str] = []
    if drop_file_access and os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        assert setpriv, "running as root needs util-linux setpriv to drop file access"
        caps = "-dac_override,-dac_read_search"
        prefix = [setpriv, f"--bounding-set={caps}", f"--inh-caps={caps}"]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1", "COLUMNS": "120"}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        process = subprocess.Popen(
            [*prefix, sys.executable, "-m", "permaudit", *args],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            cwd=ROOT,
            env=env,
        )
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            process.kill()

        timer = threading.Timer(TIMEOUT_SECONDS, kill)
        timer.start()
        try:
            # wait4 gives this child's own rusage, unlike getrusage(RUSAGE_CHILDREN),
            # which is the maximum over every child the test process ever reaped.
            _, status, usage = os.wait4(process.pid, 0)
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
            peak_rss_mb=usage.ru_maxrss / 1024,  # KiB on Linux
            timed_out=timed_out.is_set(),
        )


def assert_one_line_error(run: Run, path: Path | str, problem: str) -> None:
    """Exit 2 with exactly one stderr line naming the file and the problem, in bounds."""
    assert not run.timed_out, f"did not finish in {TIMEOUT_SECONDS} s"
    assert run.peak_rss_mb < MAX_PEAK_RSS_MB, f"peak RSS {run.peak_rss_mb:.0f} MB"
    assert run.code == 2, (run.code, run.stderr)
    assert "Traceback" not in run.stderr
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
