"""Running the real CLI in-process, and the one shape every user-caused error must have."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from permaudit.cli import main

ROOT = Path(__file__).resolve().parents[1]
APKS = ROOT / "tests" / "fixtures" / "apk"
IPCAM = APKS / "ipcam.apk"
MINIMAL = APKS / "minimal.apk"
# Mentions only the user's e-mail address: no camera, microphone, location...
ACCOUNT_ONLY = ROOT / "tests" / "fixtures" / "audit" / "account_only_policy.txt"


def run_cli(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def assert_error_line(result: Result, path: str | Path, problem: str = "") -> None:
    """Exit 2, nothing on stdout, one line on stderr naming the file and the problem."""
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"permaudit: error: {path}: "), lines[0]
    assert problem in lines[0]
    assert "Traceback" not in result.stderr
