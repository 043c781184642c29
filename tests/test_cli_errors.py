"""Errors that are nobody's input still end in one line and exit code 2, not a traceback."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from permaudit.cli import main

ROOT = Path(__file__).resolve().parents[1]
DEMO_APK = ROOT / "samples" / "ipcam-demo.apk"
DEMO_POLICY = ROOT / "samples" / "privacy-policy.md"
F_SETPIPE_SZ = 1031  # linux/fcntl.h


def test_unexpected_exception_is_one_line_and_exit_2(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import permaudit.apk

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(permaudit.apk, "load_app", broken)
    monkeypatch.delenv("PERMAUDIT_DEBUG", raising=False)
    result = CliRunner().invoke(main, ["extract", str(DEMO_APK)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("permaudit: internal error: RuntimeError: simulated bug")
    assert "Traceback" not in result.output


def test_closed_pipe_is_not_a_traceback() -> None:
    # `permaudit extract --format json | head -c 10`: the reader leaves early. The pipe is
    # shrunk to one page so that the report cannot fit in it and the write really fails.
    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, F_SETPIPE_SZ, 4096)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "permaudit",
            "extract",
            str(DEMO_APK),
            "--format",
            "json",
            "--evidence",
        ],
        stdout=write_end,
        stderr=subprocess.PIPE,
    )
    os.close(write_end)
    assert os.read(read_end, 10)
    os.close(read_end)
    _, stderr = process.communicate(timeout=60)
    assert "Traceback" not in stderr.decode()


def test_reader_gone_before_the_report_is_silent_and_exits_like_a_closed_pipe() -> None:
    # `permaudit policy P --format json | head -c 0`: the reader is gone before the report is
    # written, so the write really fails. That is nobody's error: no "internal error ...
    # report it as a bug" line, and the exit code a shell gives a command a closed pipe ends.
    read_end, write_end = os.pipe()
    os.close(read_end)
    process = subprocess.run(
        [sys.executable, "-m", "permaudit", "policy", str(DEMO_POLICY), "--format", "json"],
        stdout=write_end,
        stderr=subprocess.PIPE,
        timeout=120,
        check=False,
    )
    os.close(write_end)
    assert process.stderr.decode() == ""
    assert process.returncode == 128 + 13
