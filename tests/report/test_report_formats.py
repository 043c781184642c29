"""Every report format on one finished report: golden files, SARIF schema, HTML safety."""

from __future__ import annotations

import datetime
import json
import os
from pathlib import Path

import jsonschema
import pytest

from permaudit.audit import Baseline, Ignore, as_baseline, audit, build_report
from permaudit.models import AuditReport, Category, FixedFinding, Rule
from permaudit.report.app_view import AppFormat, render_app
from permaudit.report.formats import Format, reporter_for
from tests.audit_samples import P, camera_app, camera_policy
from tests.shared_data import SARIF_SCHEMA, needs_sarif_schema

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
# Regenerate after an intended change: PERMAUDIT_UPDATE_GOLDEN=1 pytest tests/report
UPDATE = os.environ.get("PERMAUDIT_UPDATE_GOLDEN") == "1"
SUFFIX = {
    Format.TERMINAL: "txt",
    Format.JSON: "json",
    Format.SARIF: "sarif",
    Format.MARKDOWN: "md",
    Format.HTML: "html",
}


def sample_report() -> AuditReport:
    app = camera_app()
    policy = camera_policy()
    findings = audit(app, policy, detectable_permissions={P + "RECORD_AUDIO", P + "CAMERA"})
    fixed = FixedFinding(
        rule="undisclosed",
        severity="error",
        category="contacts",
        permissions=(P + "READ_CONTACTS",),
        message="Requests contacts (READ_CONTACTS) but the policy never mentions it",
        fingerprint="0" * 32,
    )
    known = as_baseline("reports/baseline.json", findings[2:]).findings
    ignores = [
        Ignore(
            rule=Rule.UNREQUESTED_DISCLOSURE,
            category=Category.HEALTH,
            reason="policy shared with the watch app",
        ),
        Ignore(
            rule=Rule.UNDISCLOSED,
            permission="RECORD_AUDIO",
            reason="intercom disclosure pending",
            expires=datetime.date(2025, 1, 31),
        ),
    ]
    return build_report(
        app,
        policy,
        findings,
        ignores=ignores,
        baseline=Baseline(source="reports/baseline.json", findings=(*known, fixed)),
        today=datetime.date(2025, 3, 1),
    )


def _check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing golden file {name}: run with PERMAUDIT_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from the golden file"


@pytest.mark.parametrize("fmt", list(Format))
def test_every_format_matches_its_golden_file(fmt: Format) -> None:
    text = reporter_for(fmt).render(sample_report())
    _check_golden(f"audit.{SUFFIX[fmt]}", text)
    # Deterministic: a second rendering of a fresh report is identical.
    assert reporter_for(fmt).render(sample_report()) == text


def test_every_format_choice_is_handled() -> None:
    report = sample_report()
    for fmt in Format:
        text = reporter_for(fmt).render(report)
        assert text.endswith("\n") and "com.example.ipcam" in text
    assert set(SUFFIX) == set(Format)


def test_outputs_hold_no_absolute_paths_or_timestamps() -> None:
    for fmt in Format:
        text = reporter_for(fmt).render(sample_report())
        assert str(ROOT) not in text
        assert "2025-03-01" not in text  # the day of the run never appears


def test_json_follows_the_spec_contract() -> None:
    data = json.loads(reporter_for(Format.JSON).render(sample_report()))
    assert {"schema_version", "app", "policy", "findings", "summary"} <= set(data)
    assert set(data["policy"]["categories"]) == {c.value for c in Category}
    assert data["app"]["package"] == "com.example.ipcam"
    for finding in data["findings"]:
        assert {
            "rule",
            "severity",
            "category",
            "permissions",
            "message",
            "policy_evidence",
            "code_evidence",
            "fingerprint",
        } <= set(finding)
    assert data["summary"]["error"] == sum(f["severity"] == "error" for f in data["findings"])
    assert data["summary"]["fixed"] == 1


@needs_sarif_schema
def test_sarif_is_valid_and_has_a_location_and_fingerprint_per_result() -> None:
    sarif = json.loads(reporter_for(Format.SARIF).render(sample_report()))
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = sorted(validator.iter_errors(sarif), key=lambda e: list(e.path))
    assert not errors, errors[0].message
    run = sarif["runs"][0]
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert rule_ids == [rule.value for rule in Rule]
    assert all(rule["help"]["text"] for rule in run["tool"]["driver"]["rules"])
    report = sample_report()
    assert len(run["results"]) == len(report.findings)
    for result, finding in zip(run["results"], report.findings, strict=True):
        assert rule_ids[result["ruleIndex"]] == result["ruleId"] == finding.rule.value
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"] in {"apps/ipcam.apk", "docs/privacy.md"}
        assert physical["region"]["startLine"] >= 1
        assert result["partialFingerprints"]["permauditFingerprint/v1"] == finding.fingerprint
    by_rule = {r["ruleId"]: r for r in run["results"]}
    contradicted = by_rule["contradicted"]["locations"][0]["physicalLocation"]
    assert contradicted["artifactLocation"]["uri"] == "docs/privacy.md"
    assert contradicted["region"]["startLine"] == 20
    undisclosed = by_rule["undisclosed"]["locations"][0]["physicalLocation"]
    assert undisclosed["artifactLocation"]["uri"] == "apps/ipcam.apk"


def test_sarif_absolute_paths_become_file_uris() -> None:
    report = sample_report()
    moved = report.model_copy(
        update={"app": report.app.model_copy(update={"source": "/data/apps/ipcam.apk"})}
    )
    sarif = json.loads(reporter_for(Format.SARIF).render(moved))
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in sarif["runs"][0]["results"]
    }
    assert "file:///data/apps/ipcam.apk" in uris


def test_html_is_self_contained_and_escapes_untrusted_text() -> None:
    html = reporter_for(Format.HTML).render(sample_report())
    lowered = html.lower()
    for external in ("<script", "src=", "href=", "@import", "url("):
        assert external not in lowered
    # The policy quote contains markup: it must arrive as text, never as HTML.
    assert "<b>data</b>" not in html
    assert "&lt;b&gt;data&lt;/b&gt; &amp; sleep" in html
    # Policy sentences sit highlighted beside the permissions they cover.
    row = html[html.index('id="c-location"') :]
    row = row[: row.index("</tr>")]
    assert "ACCESS_FINE_LOCATION" in row
    assert "<mark>We collect your approximate location" in row


def test_terminal_colour_output_differs_only_by_escape_codes() -> None:
    plain = reporter_for(Format.TERMINAL).render(sample_report())
    coloured = reporter_for(Format.TERMINAL, color=True).render(sample_report())
    assert "\x1b[" in coloured and "\x1b[" not in plain


def test_text_views_print_brackets_from_the_apk_as_written() -> None:
    # Manifest strings are untrusted: rich must not read "[/x]" or "[bold]" as markup.
    report = sample_report()
    app = report.app.model_copy(update={"version_name": "1.0 [/x] [bold]beta[/bold]"})
    terminal = reporter_for(Format.TERMINAL).render(report.model_copy(update={"app": app}))
    assert "1.0 [/x] [bold]beta[/bold]" in terminal
    assert "1.0 [/x] [bold]beta[/bold]" in render_app(app, AppFormat.TABLE)
