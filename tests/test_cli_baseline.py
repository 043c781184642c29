"""`permaudit baseline`: every finding, exit 0, so `set -e` scripts and later audits agree."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_support import ACCOUNT_ONLY, IPCAM, ROOT, assert_error_line, run_cli

# A strict configuration: only errors shown, warnings fail. The old recipe (`audit --format
# json -o baseline.json` under it) wrote a baseline without the hidden warnings and notes.
STRICT = 'min-severity = "error"\nfail-on = "warning"\nformat = "markdown"\n'


def _fingerprints(report: dict[str, object]) -> list[str]:
    findings = report["findings"]
    assert isinstance(findings, list)
    return sorted(f["fingerprint"] for f in findings)


def test_baseline_holds_every_finding_and_exits_0(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "permaudit.toml").write_text(STRICT, encoding="utf-8")
    out = tmp_path / "ci" / "permaudit-baseline.json"
    result = run_cli("baseline", IPCAM, "--policy", ACCOUNT_ONLY, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    written = json.loads(out.read_text(encoding="utf-8"))
    assert f"wrote baseline {out} ({len(written['findings'])} findings)" in result.stderr
    everything = run_cli(
        "audit", IPCAM, "--policy", ACCOUNT_ONLY, "--format", "json", "--min-severity", "note"
    )
    assert _fingerprints(written) == _fingerprints(json.loads(everything.stdout))
    assert {f["severity"] for f in written["findings"]} >= {"error", "warning"}
    assert written["summary"]["hidden"] == 0


def test_audit_against_it_is_clean_under_the_strict_gate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "permaudit.toml").write_text(STRICT, encoding="utf-8")
    out = tmp_path / "baseline.json"
    assert run_cli("baseline", IPCAM, "--policy", ACCOUNT_ONLY, "-o", out).exit_code == 0
    audit = run_cli("audit", IPCAM, "--policy", ACCOUNT_ONLY, "--baseline", out, "--format", "json")
    assert audit.exit_code == 0, audit.stdout
    summary = json.loads(audit.stdout)["summary"]
    assert summary["new"] == 0 and summary["failing"] == 0 and summary["fixed"] == 0


def test_the_readme_recipe_runs_under_set_e(tmp_path: Path) -> None:
    # The README's three lines, as a CI script with `set -e` runs them.
    script = f"""
set -euo pipefail
permaudit() {{ "{sys.executable}" -m permaudit "$@"; }}
permaudit baseline "{IPCAM}" --policy "{ACCOUNT_ONLY}" -o permaudit-baseline.json
permaudit audit "{IPCAM}" --policy "{ACCOUNT_ONLY}" --baseline permaudit-baseline.json
"""
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        ["bash", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    assert "0 new" in run.stdout


def test_ignored_findings_stay_out_so_an_expiring_ignore_brings_them_back(
    tmp_path: Path,
) -> None:
    config = tmp_path / "permaudit.toml"
    config.write_text(
        '[[ignore]]\nrule = "undisclosed"\ncategory = "camera"\nreason = "LEGAL-9"\n',
        encoding="utf-8",
    )
    result = run_cli("baseline", IPCAM, "--policy", ACCOUNT_ONLY, "--config", config)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)  # no -o: the baseline goes to stdout
    assert "camera" not in {f["category"] for f in data["findings"]}
    assert data["summary"]["ignored"] == 1


def test_baseline_errors_are_one_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    missing = tmp_path / "missing.apk"
    assert_error_line(run_cli("baseline", missing, "--policy", ACCOUNT_ONLY), missing)
    result = run_cli("baseline", IPCAM)
    assert result.exit_code == 2 and result.stderr.startswith("permaudit: error: no policy")
    onto_policy = run_cli("baseline", IPCAM, "--policy", ACCOUNT_ONLY, "-o", ACCOUNT_ONLY)
    assert_error_line(onto_policy, ACCOUNT_ONLY, "it is an input of this command")
