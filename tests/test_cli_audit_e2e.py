"""audit/diff on real fixture APKs and policies: exit codes, baseline, config, diff."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_support import ACCOUNT_ONLY, IPCAM, MINIMAL, ROOT, assert_error_line, run_cli


def test_undisclosed_camera_fails_with_exit_1() -> None:
    result = run_cli("audit", IPCAM, "--policy", ACCOUNT_ONLY)
    assert result.exit_code == 1, result.stderr
    assert "[undisclosed] camera" in result.stdout
    assert "not mentioned" in result.stdout
    assert "gate: FAIL" in result.stdout


def test_app_without_sensitive_permissions_passes_with_exit_0() -> None:
    result = run_cli("audit", MINIMAL, "--policy", ACCOUNT_ONLY, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["summary"]["error"] == 0 and data["summary"]["failing"] == 0


def test_fail_on_none_never_fails_and_fail_on_warning_is_stricter() -> None:
    assert run_cli("audit", IPCAM, "--policy", ACCOUNT_ONLY, "--fail-on", "none").exit_code == 0
    result = run_cli(
        "audit", IPCAM, "--policy", ACCOUNT_ONLY, "--fail-on", "warning", "--format", "json"
    )
    assert result.exit_code == 1
    summary = json.loads(result.stdout)["summary"]
    assert summary["failing"] == summary["error"] + summary["warning"]


def test_min_severity_filters_what_is_shown_not_the_exit_code() -> None:
    result = run_cli(
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
    result = run_cli("audit", IPCAM, "--policy", ACCOUNT_ONLY, "--format", "sarif", "-o", out)
    assert result.exit_code == 1 and result.stdout == ""
    sarif = json.loads(out.read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]


def test_baseline_makes_known_findings_pass_and_new_ones_fail(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    first = run_cli("audit", IPCAM, "--policy", ACCOUNT_ONLY, "--format", "json", "-o", baseline)
    assert first.exit_code == 1
    findings = json.loads(baseline.read_text(encoding="utf-8"))["findings"]

    again = run_cli(
        "audit", IPCAM, "--policy", ACCOUNT_ONLY, "--baseline", baseline, "--format", "json"
    )
    assert again.exit_code == 0, again.stdout
    summary = json.loads(again.stdout)["summary"]
    assert (summary["new"], summary["known"], summary["fixed"]) == (0, len(findings), 0)

    # Drop the camera finding from the baseline: it is new again and fails the run.
    data = json.loads(baseline.read_text(encoding="utf-8"))
    data["findings"] = [f for f in findings if f["category"] != "camera"]
    baseline.write_text(json.dumps(data), encoding="utf-8")
    partial = run_cli("audit", IPCAM, "--policy", ACCOUNT_ONLY, "--baseline", baseline)
    assert partial.exit_code == 1
    assert "1 new" in partial.stdout

    # A baseline from a larger app: its extra findings are reported fixed.
    fixed = run_cli(
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
    result = run_cli("audit", IPCAM)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("## permaudit:")
    # The command line overrides the file.
    assert run_cli("audit", IPCAM, "--fail-on", "error").exit_code == 1


def test_config_ignore_with_reason_removes_the_finding(tmp_path: Path) -> None:
    config = tmp_path / "permaudit.toml"
    config.write_text(
        '[[ignore]]\nrule = "undisclosed"\npermission = "CAMERA"\nreason = "QR scan, see #7"\n'
        '[[ignore]]\nrule = "undisclosed"\ncategory = "microphone"\nreason = "old"\n'
        "expires = 2001-01-01\n",
        encoding="utf-8",
    )
    result = run_cli(
        "audit", IPCAM, "--policy", ACCOUNT_ONLY, "--config", config, "--format", "json"
    )
    data = json.loads(result.stdout)
    assert "camera" not in {f["category"] for f in data["findings"]}
    assert "microphone" in {f["category"] for f in data["findings"]}
    assert [i["status"] for i in data["ignores"]] == ["applied", "expired"]


def test_diff_reports_added_permissions_and_only_new_findings_count(tmp_path: Path) -> None:
    same = run_cli("diff", IPCAM, IPCAM, "--policy", ACCOUNT_ONLY, "--format", "json")
    assert same.exit_code == 0, same.stderr
    data = json.loads(same.stdout)
    assert data["changes"]["added_permissions"] == []
    assert data["summary"]["new"] == 0 and data["summary"]["known"] >= 1

    grown = run_cli("diff", MINIMAL, IPCAM, "--policy", ACCOUNT_ONLY, "--format", "json")
    assert grown.exit_code == 1
    data = json.loads(grown.stdout)
    assert "android.permission.CAMERA" in data["changes"]["added_permissions"]
    assert any(f["category"] == "camera" and f["baseline"] == "new" for f in data["findings"])

    text = run_cli("diff", MINIMAL, IPCAM, "--policy", ACCOUNT_ONLY)
    assert "+ permission  android.permission.CAMERA" in text.stdout


def test_missing_policy_is_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    assert_error_line(run_cli("audit", IPCAM, "--policy", missing), missing)


def test_not_an_apk_is_exit_2_never_masked_by_fail_on_none(tmp_path: Path) -> None:
    fake = tmp_path / "app.apk"
    fake.write_text("this is not a zip", encoding="utf-8")
    assert_error_line(run_cli("audit", fake, "--policy", ACCOUNT_ONLY, "--fail-on", "none"), fake)


# --- the gate, severity by severity, on reviewed maps with known findings -------------------

MAPS = ROOT / "policy_maps"
# ipcam x smartbt_camera: warnings and one note, no error (see test_audit_e2e_matrix.py).
WARNINGS_AND_NOTE = (IPCAM, MAPS / "smartbt_camera.yaml")
# minimal x smartbt_camera: only unrequested_disclosure notes.
NOTES_ONLY = (MINIMAL, MAPS / "smartbt_camera.yaml")


@pytest.mark.parametrize(
    ("pair", "fail_on", "expected"),
    [
        (WARNINGS_AND_NOTE, "error", 0),
        (WARNINGS_AND_NOTE, "warning", 1),
        (WARNINGS_AND_NOTE, "note", 1),
        (WARNINGS_AND_NOTE, "none", 0),
        (NOTES_ONLY, "error", 0),
        (NOTES_ONLY, "warning", 0),
        (NOTES_ONLY, "note", 1),
        (NOTES_ONLY, "none", 0),
    ],
)
def test_fail_on_each_severity(pair: tuple[Path, Path], fail_on: str, expected: int) -> None:
    app, policy = pair
    result = run_cli("audit", app, "--policy", policy, "--fail-on", fail_on, "--format", "json")
    assert result.exit_code == expected, result.stderr
    summary = json.loads(result.stdout)["summary"]
    assert (summary["failing"] > 0) == (expected == 1)


def test_fail_on_from_config_and_the_gate_line_of_the_terminal_report(tmp_path: Path) -> None:
    config = tmp_path / "permaudit.toml"
    config.write_text('fail-on = "warning"\n', encoding="utf-8")
    app, policy = WARNINGS_AND_NOTE
    result = run_cli("audit", app, "--policy", policy, "--config", config)
    assert result.exit_code == 1
    assert "gate: FAIL" in result.stdout
    passing = run_cli("audit", app, "--policy", policy, "--config", config, "--fail-on", "error")
    assert passing.exit_code == 0
    assert "gate: FAIL" not in passing.stdout


# --- baseline: new, known and fixed in one run ----------------------------------------------


def _fake_finding(fingerprint: str) -> dict[str, object]:
    return {
        "rule": "undisclosed",
        "severity": "error",
        "category": "sms",
        "permissions": ["android.permission.READ_SMS"],
        "message": "Requests SMS (READ_SMS) but the policy never mentions it",
        "policy_evidence": [],
        "code_evidence": [],
        "fingerprint": fingerprint,
    }


def test_baseline_counts_new_known_and_fixed_together(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    written = run_cli("audit", IPCAM, "--policy", ACCOUNT_ONLY, "--format", "json", "-o", baseline)
    assert written.exit_code == 1 and written.stdout == ""
    data = json.loads(baseline.read_text(encoding="utf-8"))
    findings = data["findings"]
    camera = next(f for f in findings if f["category"] == "camera")
    # Drop camera (it becomes new), add a finding this run does not have (it is fixed).
    data["findings"] = [f for f in findings if f is not camera] + [_fake_finding("0" * 32)]
    baseline.write_text(json.dumps(data), encoding="utf-8")

    result = run_cli(
        "audit", IPCAM, "--policy", ACCOUNT_ONLY, "--baseline", baseline, "--format", "json"
    )
    assert result.exit_code == 1  # the new camera finding is an error
    report = json.loads(result.stdout)
    summary = report["summary"]
    assert (summary["new"], summary["known"], summary["fixed"]) == (1, len(findings) - 1, 1)
    assert summary["failing"] == 1
    states = {f["fingerprint"]: f["baseline"] for f in report["findings"]}
    assert states.pop(camera["fingerprint"]) == "new"
    assert set(states.values()) == {"known"}
    assert [f["fingerprint"] for f in report["baseline"]["fixed"]] == ["0" * 32]

    # The terminal and markdown reports say it too.
    text = run_cli("audit", IPCAM, "--policy", ACCOUNT_ONLY, "--baseline", baseline).stdout
    assert "1 new" in text and "1 fixed" in text
    markdown = run_cli(
        "audit", IPCAM, "--policy", ACCOUNT_ONLY, "--baseline", baseline, "--format", "markdown"
    ).stdout
    assert "fixed" in markdown.lower()

    # Known findings never fail, whatever --fail-on says; a new one fails only at its level.
    quiet = run_cli(
        "audit", IPCAM, "--policy", ACCOUNT_ONLY, "--baseline", baseline, "--fail-on", "none"
    )
    assert quiet.exit_code == 0


def test_baseline_new_warning_fails_only_with_fail_on_warning(tmp_path: Path) -> None:
    app, policy = WARNINGS_AND_NOTE
    baseline = tmp_path / "baseline.json"
    run_cli("audit", app, "--policy", policy, "--format", "json", "-o", baseline)
    data = json.loads(baseline.read_text(encoding="utf-8"))
    all_known = run_cli(
        "audit", app, "--policy", policy, "--baseline", baseline, "--fail-on", "note"
    )
    assert all_known.exit_code == 0
    data["findings"] = [f for f in data["findings"] if f["severity"] != "warning"]
    baseline.write_text(json.dumps(data), encoding="utf-8")
    args = ("audit", app, "--policy", policy, "--baseline", baseline)
    assert run_cli(*args).exit_code == 0
    assert run_cli(*args, "--fail-on", "warning").exit_code == 1


def test_a_baseline_is_per_app_fingerprints_name_the_package(tmp_path: Path) -> None:
    # The demo app is an IP-camera app too, with a different package: nothing of the ipcam
    # baseline is known for it.
    baseline = tmp_path / "baseline.json"
    run_cli("audit", IPCAM, "--policy", ACCOUNT_ONLY, "--format", "json", "-o", baseline)
    demo = ROOT / "samples" / "ipcam-demo.apk"
    result = run_cli(
        "audit", demo, "--policy", ACCOUNT_ONLY, "--baseline", baseline, "--format", "json"
    )
    summary = json.loads(result.stdout)["summary"]
    assert summary["known"] == 0 and summary["new"] == summary["total"] > 0
    assert result.exit_code == 1


# --- exit 2 is never masked ----------------------------------------------------------------


def test_missing_baseline_is_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "old-report.json"
    assert_error_line(
        run_cli("audit", IPCAM, "--policy", ACCOUNT_ONLY, "--baseline", missing), missing
    )


def test_baseline_that_is_not_a_permaudit_report_is_exit_2(tmp_path: Path) -> None:
    # A SARIF file is JSON, but not the report a baseline must be.
    sarif = tmp_path / "report.sarif"
    run_cli("audit", IPCAM, "--policy", ACCOUNT_ONLY, "--format", "sarif", "-o", sarif)
    assert_error_line(run_cli("audit", IPCAM, "--policy", ACCOUNT_ONLY, "--baseline", sarif), sarif)
    listing = tmp_path / "list.json"
    listing.write_text("[1, 2, 3]", encoding="utf-8")
    assert_error_line(
        run_cli("audit", IPCAM, "--policy", ACCOUNT_ONLY, "--baseline", listing), listing
    )


def test_unknown_config_key_is_exit_2_naming_it(tmp_path: Path) -> None:
    config = tmp_path / "permaudit.toml"
    config.write_text('fial-on = "none"\n', encoding="utf-8")
    result = run_cli("audit", IPCAM, "--policy", ACCOUNT_ONLY, "--config", config)
    assert_error_line(result, config)
    assert "fial-on" in result.stderr


def test_ignore_without_reason_is_exit_2(tmp_path: Path) -> None:
    config = tmp_path / "permaudit.toml"
    config.write_text('[[ignore]]\nrule = "undisclosed"\ncategory = "camera"\n', encoding="utf-8")
    result = run_cli("audit", IPCAM, "--policy", ACCOUNT_ONLY, "--config", config)
    assert_error_line(result, config)
    assert "reason" in result.stderr


def test_empty_policy_is_exit_2(tmp_path: Path) -> None:
    empty = tmp_path / "policy.txt"
    empty.write_text("", encoding="utf-8")
    assert_error_line(run_cli("audit", IPCAM, "--policy", empty), empty)


@pytest.mark.parametrize("where", ["flag", "config"])
def test_exit_2_is_never_masked_by_fail_on_none(tmp_path: Path, where: str) -> None:
    fail_on_none: tuple[str, ...] = ("--fail-on", "none")
    if where == "config":
        config = tmp_path / "permaudit.toml"
        config.write_text('fail-on = "none"\n', encoding="utf-8")
        fail_on_none = ("--config", str(config))
    missing_policy = tmp_path / "nope.txt"
    assert_error_line(
        run_cli("audit", IPCAM, "--policy", missing_policy, *fail_on_none), missing_policy
    )
    bad = tmp_path / "baseline.json"
    bad.write_text("{not json", encoding="utf-8")
    assert_error_line(
        run_cli("audit", IPCAM, "--policy", ACCOUNT_ONLY, "--baseline", bad, *fail_on_none), bad
    )
    missing_app = tmp_path / "nope.apk"
    assert_error_line(
        run_cli("audit", missing_app, "--policy", ACCOUNT_ONLY, *fail_on_none), missing_app
    )


def test_bad_config_is_exit_2_even_with_fail_on_none_on_the_command_line(tmp_path: Path) -> None:
    config = tmp_path / "permaudit.toml"
    config.write_text('format = "pdf"\n', encoding="utf-8")
    result = run_cli(
        "audit", IPCAM, "--policy", ACCOUNT_ONLY, "--config", config, "--fail-on", "none"
    )
    assert_error_line(result, config)
    assert "format" in result.stderr


def test_diff_exit_2_for_an_unreadable_old_app(tmp_path: Path) -> None:
    fake = tmp_path / "old.apk"
    fake.write_bytes(b"PK\x03\x04 truncated")
    assert_error_line(
        run_cli("diff", fake, IPCAM, "--policy", ACCOUNT_ONLY, "--fail-on", "none"), fake
    )
