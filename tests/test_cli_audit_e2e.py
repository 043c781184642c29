"""audit/diff on real fixture APKs and policies: exit codes, baseline, config, diff."""

from __future__ import annotations

import json
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


def test_undisclosed_camera_fails_with_exit_1() -> None:
    result = run("audit", IPCAM, "--policy", ACCOUNT_ONLY)
    assert result.exit_code == 1, result.stderr
    assert "[undisclosed] camera" in result.stdout
    assert "not mentioned" in result.stdout
    assert "gate: FAIL" in result.stdout


def test_app_without_sensitive_permissions_passes_with_exit_0() -> None:
    result = run("audit", MINIMAL, "--policy", ACCOUNT_ONLY, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["summary"]["error"] == 0 and data["summary"]["failing"] == 0


def test_fail_on_none_never_fails_and_fail_on_warning_is_stricter() -> None:
    assert run("audit", IPCAM, "--policy", ACCOUNT_ONLY, "--fail-on", "none").exit_code == 0
    result = run(
        "audit", IPCAM, "--policy", ACCOUNT_ONLY, "--fail-on", "warning", "--format", "json"
    )
    assert result.exit_code == 1
    summary = json.loads(result.stdout)["summary"]
    assert summary["failing"] == summary["error"] + summary["warning"]


def test_min_severity_filters_what_is_shown_not_the_exit_code() -> None:
    result = run(
        "audit",
        IPCAM,
        "--policy",
        ACCOUNT_ONLY,
        "--format",
        "json",
        "--min-severity",
        "error",
        "--fail-on",
        "warning",
    )
    data = json.loads(result.stdout)
    assert {f["severity"] for f in data["findings"]} == {"error"}
    assert data["summary"]["hidden"] >= 1
    assert result.exit_code == 1


def test_report_to_file_with_o(tmp_path: Path) -> None:
    out = tmp_path / "report.sarif"
    result = run("audit", IPCAM, "--policy", ACCOUNT_ONLY, "--format", "sarif", "-o", out)
    assert result.exit_code == 1 and result.stdout == ""
    sarif = json.loads(out.read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]


def test_baseline_makes_known_findings_pass_and_new_ones_fail(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    first = run("audit", IPCAM, "--policy", ACCOUNT_ONLY, "--format", "json", "-o", baseline)
    assert first.exit_code == 1
    findings = json.loads(baseline.read_text(encoding="utf-8"))["findings"]

    again = run(
        "audit", IPCAM, "--policy", ACCOUNT_ONLY, "--baseline", baseline, "--format", "json"
    )
    assert again.exit_code == 0, again.stdout
    summary = json.loads(again.stdout)["summary"]
    assert (summary["new"], summary["known"], summary["fixed"]) == (0, len(findings), 0)

    # Drop the camera finding from the baseline: it is new again and fails the run.
    data = json.loads(baseline.read_text(encoding="utf-8"))
    data["findings"] = [f for f in findings if f["category"] != "camera"]
    baseline.write_text(json.dumps(data), encoding="utf-8")
    partial = run("audit", IPCAM, "--policy", ACCOUNT_ONLY, "--baseline", baseline)
    assert partial.exit_code == 1
    assert "1 new" in partial.stdout

    # A baseline from a larger app: its extra findings are reported fixed.
    fixed = run(
        "audit", MINIMAL, "--policy", ACCOUNT_ONLY, "--baseline", baseline, "--format", "json"
    )
    assert fixed.exit_code == 0
    assert json.loads(fixed.stdout)["summary"]["fixed"] == len(data["findings"])


def test_config_supplies_policy_and_gate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "permaudit.toml").write_text(
        f'policy = "{ACCOUNT_ONLY.as_posix()}"\nfail-on = "none"\nformat = "markdown"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    result = run("audit", IPCAM)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("## permaudit:")
    # The command line overrides the file.
    assert run("audit", IPCAM, "--fail-on", "error").exit_code == 1


def test_config_ignore_with_reason_removes_the_finding(tmp_path: Path) -> None:
    config = tmp_path / "permaudit.toml"
    config.write_text(
        '[[ignore]]\nrule = "undisclosed"\npermission = "CAMERA"\nreason = "QR scan, see #7"\n'
        '[[ignore]]\nrule = "undisclosed"\ncategory = "microphone"\nreason = "old"\n'
        "expires = 2001-01-01\n",
        encoding="utf-8",
    )
    result = run("audit", IPCAM, "--policy", ACCOUNT_ONLY, "--config", config, "--format", "json")
    data = json.loads(result.stdout)
    assert "camera" not in {f["category"] for f in data["findings"]}
    assert "microphone" in {f["category"] for f in data["findings"]}
    assert [i["status"] for i in data["ignores"]] == ["applied", "expired"]


def test_diff_reports_added_permissions_and_only_new_findings_count(tmp_path: Path) -> None:
    same = run("diff", IPCAM, IPCAM, "--policy", ACCOUNT_ONLY, "--format", "json")
    assert same.exit_code == 0, same.stderr
    data = json.loads(same.stdout)
    assert data["changes"]["added_permissions"] == []
    assert data["summary"]["new"] == 0 and data["summary"]["known"] >= 1

    grown = run("diff", MINIMAL, IPCAM, "--policy", ACCOUNT_ONLY, "--format", "json")
    assert grown.exit_code == 1
    data = json.loads(grown.stdout)
    assert "android.permission.CAMERA" in data["changes"]["added_permissions"]
    assert any(f["category"] == "camera" and f["baseline"] == "new" for f in data["findings"])

    text = run("diff", MINIMAL, IPCAM, "--policy", ACCOUNT_ONLY)
    assert "+ permission  android.permission.CAMERA" in text.stdout


def test_missing_policy_is_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    _error_line(run("audit", IPCAM, "--policy", missing), missing)


def test_not_an_apk_is_exit_2_never_masked_by_fail_on_none(tmp_path: Path) -> None:
    fake = tmp_path / "app.apk"
    fake.write_text("this is not a zip", encoding="utf-8")
    _error_line(run("audit", fake, "--policy", ACCOUNT_ONLY, "--fail-on", "none"), fake)
