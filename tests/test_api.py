"""`permaudit.audit_pair`: the Python API that `audit`, `batch` and these tests share."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
from pathlib import Path

import pytest

import permaudit
from permaudit.api import load_app_facts, load_policy_facts
from permaudit.errors import InputError
from permaudit.models import AuditReport, Severity
from tests.cli_support import ACCOUNT_ONLY, IPCAM, MINIMAL, run_cli


def test_audit_pair_is_the_report_of_permaudit_audit() -> None:
    report = permaudit.audit_pair(IPCAM, ACCOUNT_ONLY)
    assert isinstance(report, AuditReport)
    cli = run_cli("audit", IPCAM, "--policy", ACCOUNT_ONLY, "--format", "json")
    assert json.loads(cli.stdout) == report.to_json_dict()
    assert cli.exit_code == (1 if report.summary.failing else 0)


def test_options_are_those_of_the_cli() -> None:
    report = permaudit.audit_pair(
        str(IPCAM), str(ACCOUNT_ONLY), evidence=False, fail_on="none", min_severity="error"
    )
    cli = run_cli(
        "audit",
        IPCAM,
        "--policy",
        ACCOUNT_ONLY,
        "--format",
        "json",
        "--no-evidence",
        "--fail-on",
        "none",
        "--min-severity",
        "error",
    )
    assert json.loads(cli.stdout) == report.to_json_dict()
    assert report.min_severity is Severity.ERROR
    assert {f.severity for f in report.findings} == {Severity.ERROR}
    assert report.summary.failing == 0 and report.app.api_evidence is None


def test_facts_already_read_give_the_same_report() -> None:
    app, policy = load_app_facts(IPCAM), load_policy_facts(ACCOUNT_ONLY)
    today = datetime.date(2026, 1, 1)
    assert permaudit.audit_pair(app, policy, today=today) == permaudit.audit_pair(
        IPCAM, ACCOUNT_ONLY, today=today
    )


def test_bad_inputs_raise_input_error_naming_the_file() -> None:
    with pytest.raises(InputError) as raised:
        permaudit.audit_pair(ACCOUNT_ONLY, ACCOUNT_ONLY)
    assert raised.value.path == str(ACCOUNT_ONLY)
    with pytest.raises(InputError, match="no such file"):
        permaudit.audit_pair(MINIMAL, "no-such-policy.md")


def test_import_permaudit_stays_cheap() -> None:
    code = "import sys, permaudit; print('androguard' in sys.modules, 'pydantic' in sys.modules)"
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert output.split() == ["False", "False"]
    assert callable(permaudit.audit_pair)


def test_a_policy_url_goes_through_the_fetcher_and_offline_never_connects(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    with pytest.raises(InputError, match="not in the cache") as raised:
        permaudit.audit_pair(MINIMAL, "https://vendor.example/privacy", offline=True)
    assert raised.value.path == "https://vendor.example/privacy"
