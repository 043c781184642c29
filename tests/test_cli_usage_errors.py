"""Every usage error is one line `permaudit: error: …` on stderr and exit code 2 (SPEC §4)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_support import ACCOUNT_ONLY, IPCAM, ROOT, run_cli

CASES = {
    "missing --policy": (("audit", IPCAM), "no policy: give --policy POLICY"),
    "unknown flag": (("audit", IPCAM, "--policy", ACCOUNT_ONLY, "--bogus"), "--bogus"),
    "unknown flag of the group": (("--bogus", "audit"), "--bogus"),
    "misspelt flag": (("extract", IPCAM, "--evidenc"), "Did you mean '--evidence'"),
    "bad --format": (("audit", IPCAM, "--policy", ACCOUNT_ONLY, "--format", "xml"), "'xml'"),
    "bad --format of extract": (("extract", IPCAM, "--format", "csv"), "'csv'"),
    "bad --fail-on": (("audit", IPCAM, "--policy", ACCOUNT_ONLY, "--fail-on", "often"), "often"),
    "missing argument": (("audit",), "Missing argument 'APP'"),
    "missing second argument": (("diff", IPCAM, "--policy", ACCOUNT_ONLY), "'NEW_APP'"),
    "missing option value": (("audit", IPCAM, "--policy"), "'--policy' requires an argument"),
    "unknown command": (("audti", IPCAM), "No such command 'audti'"),
    "extra argument": (("extract", IPCAM, IPCAM), "unexpected extra argument"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_usage_error_is_one_line_and_exit_2(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no configuration file supplies a policy
    args, problem = CASES[case]
    result = run_cli(*args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("permaudit: error: "), lines[0]
    assert problem in lines[0]
    assert "Usage:" not in result.stderr and "Traceback" not in result.stderr


def test_the_installed_command_prints_the_same_single_line() -> None:
    # Through click's standalone main in a real process, as CI runs it.
    run = subprocess.run(
        [sys.executable, "-m", "permaudit", "audit", str(IPCAM), "--format", "xml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2
    assert run.stdout == ""
    (line,) = run.stderr.splitlines()
    assert line.startswith("permaudit: error: Invalid value for '--format'")


def test_help_and_version_are_not_errors() -> None:
    assert run_cli("--help").exit_code == 0
    assert run_cli("audit", "--help").exit_code == 0
    version = run_cli("--version")
    assert version.exit_code == 0 and version.stdout.startswith("permaudit, version ")


def test_the_readme_example_is_the_real_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command, shown = readme.split("$ permaudit audit app.apk --format xml\n", 1)[1].split("\n")[:2]
    monkeypatch.chdir(tmp_path)
    result = run_cli("audit", "app.apk", "--format", "xml")
    assert result.stderr == command + "\n"
    assert shown == "```"
