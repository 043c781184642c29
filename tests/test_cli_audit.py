"""`permaudit audit` and `permaudit diff` through the real command: exit codes 0, 1 and 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_support import ACCOUNT_ONLY, IPCAM, assert_error_line, run_cli


def test_missing_app_is_exit_2_naming_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.apk"
    assert_error_line(run_cli("audit", missing, "--policy", ACCOUNT_ONLY), missing)


def test_broken_baseline_is_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "baseline.json"
    bad.write_text("{not json", encoding="utf-8")
    assert_error_line(run_cli("audit", IPCAM, "--policy", ACCOUNT_ONLY, "--baseline", bad), bad)
    bad.write_text('{"hello": 1}', encoding="utf-8")
    assert_error_line(run_cli("audit", IPCAM, "--policy", ACCOUNT_ONLY, "--baseline", bad), bad)


def test_bad_config_is_exit_2_naming_the_key(tmp_path: Path) -> None:
    config = tmp_path / "permaudit.toml"
    config.write_text('fail-on = "sometimes"\n', encoding="utf-8")
    result = run_cli("audit", IPCAM, "--policy", ACCOUNT_ONLY, "--config", config)
    assert_error_line(result, config)
    assert "fail-on" in result.stderr


def test_no_policy_anywhere_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli("audit", IPCAM)
    assert result.exit_code == 2 and "--policy" in result.stderr


def test_unknown_format_is_a_usage_error() -> None:
    result = run_cli("audit", IPCAM, "--policy", ACCOUNT_ONLY, "--format", "xml")
    assert result.exit_code == 2


def test_help_shows_examples_and_exit_codes() -> None:
    audit_help = run_cli("audit", "--help").stdout
    assert "Examples:" in audit_help and "--baseline" in audit_help and "Exit codes:" in audit_help
    assert "Examples:" in run_cli("diff", "--help").stdout
