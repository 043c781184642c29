"""Output paths (`-o`, `--write-map`): one rule, checked before the APK or policy is read."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli_support import ACCOUNT_ONLY, IPCAM, MINIMAL, assert_error_line, run_cli

# Every writer of a file, as a command line whose output path is the last argument. The app is
# a path that does not exist: an error about the output proves the output was checked first.
Writer = Callable[[Path, Path], list[str | Path]]
WRITERS: dict[str, Writer] = {
    "extract -o": lambda app, out: ["extract", app, "-o", out],
    "policy -o": lambda app, out: ["policy", ACCOUNT_ONLY, "-o", out],
    "policy --write-map": lambda app, out: ["policy", ACCOUNT_ONLY, "--write-map", out],
    "audit -o": lambda app, out: ["audit", app, "--policy", ACCOUNT_ONLY, "-o", out],
    "diff -o": lambda app, out: ["diff", app, app, "--policy", ACCOUNT_ONLY, "-o", out],
}


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_missing_parent_folders_are_created(writer: str, tmp_path: Path) -> None:
    out = tmp_path / "reports" / "nightly" / "out.txt"
    result = run_cli(*WRITERS[writer](MINIMAL, out))
    assert result.exit_code in (0, 1), result.stderr
    assert out.is_file() and out.read_text(encoding="utf-8").strip()


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_a_file_in_the_way_is_refused_before_the_scan(writer: str, tmp_path: Path) -> None:
    blocker = tmp_path / "reports"
    blocker.write_text("not a folder", encoding="utf-8")
    out = blocker / "out.txt"
    result = run_cli(*WRITERS[writer](tmp_path / "missing.apk", out))
    assert_error_line(result, out, f"cannot write output: {blocker} is not a directory")


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_a_folder_as_output_is_refused_before_the_scan(writer: str, tmp_path: Path) -> None:
    result = run_cli(*WRITERS[writer](tmp_path / "missing.apk", tmp_path))
    assert_error_line(result, tmp_path, "cannot write output: is a directory")


def test_output_onto_an_input_is_refused_and_the_input_kept(tmp_path: Path) -> None:
    policy = tmp_path / "privacy.txt"
    policy.write_bytes(ACCOUNT_ONLY.read_bytes())
    result = run_cli("audit", IPCAM, "--policy", policy, "-o", policy)
    assert_error_line(result, policy, "it is an input of this command")
    assert policy.read_bytes() == ACCOUNT_ONLY.read_bytes()
    app = tmp_path / "app.apk"
    app.write_bytes(MINIMAL.read_bytes())
    assert_error_line(run_cli("extract", app, "-o", app), app, "it is an input")
    assert app.read_bytes() == MINIMAL.read_bytes()


def test_report_and_map_must_be_different_files(tmp_path: Path) -> None:
    out = tmp_path / "same.yaml"
    result = run_cli("policy", ACCOUNT_ONLY, "--format", "json", "-o", out, "--write-map", out)
    assert_error_line(result, out, "cannot write output: also the path of")
    assert not out.exists()


def test_report_overwrites_an_earlier_report(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    out.write_text("old", encoding="utf-8")
    result = run_cli("audit", MINIMAL, "--policy", ACCOUNT_ONLY, "--format", "json", "-o", out)
    assert result.exit_code == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["app"]["package"]
