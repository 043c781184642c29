"""`permaudit audit` and `permaudit diff` through the real command: exit codes 0, 1 and 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from permaudit.cli import main

ROOT = Path(__file__).resolve().parents[1]
APKS = ROOT / "tests" / "fixtures" / "apk"
IPCAM = APKS / "ipcam.apk"
MINIMAL = APKS / "minimal.apk"
# Mentions only the user's e-mail address: no camera, microphone, location...
ACCOUNT_ONLY = ROOT / "tests" / "fixtures" / "audit" / "account_only_policy.txt"


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def _error_line(result: Result, path: str | Path) -> None:
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("permaudit: error: ") and str(path) in lines[0]
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_missing_app_is_exit_2_naming_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.apk"
    _error_line(run("audit", missing, "--policy", ACCOUNT_ONLY), missing)


def test_broken_baseline_is_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "baseline.json"
    bad.write_text("{not json", encoding="utf-8")
    _error_line(run("audit", IPCAM, "--policy", ACCOUNT_ONLY, "--baseline", bad), bad)
    bad.write_text('{"hello": 1}', encoding="utf-8")
    _error_line(run("audit", IPCAM, "--policy", ACCOUNT_ONLY, "--baseline", bad), bad)


def test_bad_config_is_exit_2_naming_the_key(tmp_path: Path) -> None:
    config = tmp_path / "permaudit.toml"
    config.write_text('fail-on = "sometimes"\n', encoding="utf-8")
    result = run("audit", IPCAM, "--policy", ACCOUNT_ONLY, "--config", config)
    _error_line(result, config)
    assert "fail-on" in result.stderr


def test_no_policy_anywhere_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("audit", IPCAM)
    assert result.exit_code == 2 and "--policy" in result.stderr


def test_unknown_format_is_a_usage_error() -> None:
    result = run("audit", IPCAM, "--policy", ACCOUNT_ONLY, "--format", "xml")
    assert result.exit_code == 2


def test_help_shows_examples_and_exit_codes() -> None:
    audit_help = run("audit", "--help").stdout
    assert "Examples:" in audit_help and "--baseline" in audit_help and "Exit codes:" in audit_help
    assert "Examples:" in run("diff", "--help").stdout
