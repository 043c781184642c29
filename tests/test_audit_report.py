"""build_report: ignores, the baseline (fingerprints with counts), --min-severity, --fail-on."""

from __future__ import annotations

import datetime

from permaudit.audit import (
    Baseline,
    Ignore,
    as_baseline,
    audit,
    build_report,
    diff_apps,
    exit_code,
)
from permaudit.models import Category, Finding, Rule, Severity
from tests.audit_samples import P, camera_app, camera_policy, perm

TODAY = datetime.date(2025, 3, 1)


def _findings() -> tuple[Finding, ...]:
    return audit(camera_app(), camera_policy(), detectable_permissions=())


def test_summary_counts_and_gate() -> None:
    report = build_report(camera_app(), camera_policy(), _findings(), today=TODAY)
    s = report.summary
    assert (s.error, s.warning, s.note, s.total) == (3, 5, 1, 9)
    assert s.failing == 3 and exit_code(report) == 1
    never = build_report(camera_app(), camera_policy(), _findings(), fail_on="none", today=TODAY)
    assert never.summary.failing == 0 and exit_code(never) == 0
    notes = build_report(camera_app(), camera_policy(), _findings(), fail_on="note", today=TODAY)
    assert notes.summary.failing == 9


def test_min_severity_hides_but_the_gate_still_sees() -> None:
    report = build_report(
        camera_app(),
        camera_policy(),
        _findings(),
        fail_on="warning",
        min_severity=Severity.ERROR,
        today=TODAY,
    )
    assert {f.severity for f in report.findings} == {Severity.ERROR}
    assert report.summary.hidden == 6
    assert report.summary.failing == 8  # 3 errors + 5 warnings, shown or not


def test_ignore_by_category_and_by_permission_with_reason() -> None:
    ignores = [
        Ignore(rule=Rule.UNDISCLOSED, category=Category.MICROPHONE, reason="intercom, see #12"),
        Ignore(rule=Rule.CONTRADICTED, permission="READ_PHONE_STATE", reason="legal reviewed"),
        Ignore(rule=Rule.VAGUE, category=Category.CONTACTS, reason="stale"),
    ]
    report = build_report(camera_app(), camera_policy(), _findings(), ignores=ignores, today=TODAY)
    remaining = {(f.rule, f.category) for f in report.findings}
    assert (Rule.UNDISCLOSED, Category.MICROPHONE) not in remaining
    assert (Rule.CONTRADICTED, Category.DEVICE_ID) not in remaining
    assert report.summary.ignored == 2
    assert [o.status for o in report.ignores] == ["applied", "applied", "unused"]
    assert report.ignores[0].reason == "intercom, see #12"
    assert report.summary.failing == 1  # the notification listener is still undisclosed


def test_expired_ignore_stops_applying_and_says_so() -> None:
    ignore = Ignore(
        rule=Rule.UNDISCLOSED,
        category=Category.MICROPHONE,
        reason="until the policy update ships",
        expires=datetime.date(2025, 2, 28),
    )
    report = build_report(camera_app(), camera_policy(), _findings(), ignores=[ignore], today=TODAY)
    assert report.ignores[0].status == "expired"
    assert report.summary.ignored == 0
    assert any(f.category is Category.MICROPHONE for f in report.findings)
    # On its last day it still applies.
    still = build_report(
        camera_app(), camera_policy(), _findings(), ignores=[ignore], today=ignore.expires
    )
    assert still.ignores[0].status == "applied"


def test_baseline_marks_known_and_new_and_lists_fixed() -> None:
    findings = _findings()
    baseline = as_baseline("old.json", findings[1:])  # the first finding is new
    fixed_only = (
        as_baseline("x", [findings[0]])
        .findings[0]
        .model_copy(update={"fingerprint": "f" * 32, "message": "gone"})
    )
    baseline = Baseline(source="old.json", findings=(*baseline.findings, fixed_only))
    report = build_report(camera_app(), camera_policy(), findings, baseline=baseline, today=TODAY)
    assert [f.baseline for f in report.findings] == ["new"] + ["known"] * (len(findings) - 1)
    assert (report.summary.new, report.summary.known, report.summary.fixed) == (1, 8, 1)
    assert report.baseline is not None and report.baseline.fixed[0].message == "gone"
    assert report.summary.failing == 1  # only the new error counts


def test_baseline_matches_fingerprints_with_counts_not_membership() -> None:
    finding = _findings()[0]
    twice = (finding, finding)
    baseline = as_baseline("old.json", [finding])
    report = build_report(camera_app(), camera_policy(), twice, baseline=baseline, today=TODAY)
    assert [f.baseline for f in report.findings] == ["known", "new"]
    assert report.summary.failing == 1
    # And the other way round: two known, one now → one fixed.
    report = build_report(
        camera_app(), camera_policy(), (finding,), baseline=as_baseline("o", twice), today=TODAY
    )
    assert report.summary.fixed == 1 and report.summary.failing == 0


def test_diff_apps_lists_added_and_removed_requests() -> None:
    old = camera_app()
    new = old.model_copy(
        update={
            "permissions": (
                *old.permissions[1:],
                perm("READ_CONTACTS", Category.CONTACTS),
                # Added but capped below minSdk: not a new request.
                perm("READ_SMS", Category.SMS, max_sdk_version=19),
            ),
            "components": (),
        }
    )
    changes = diff_apps(old, new)
    assert changes.added_permissions == (P + "READ_CONTACTS",)
    assert changes.removed_permissions == (P + "CAMERA",)
    assert changes.removed_components == ("notification_listener: com.example.ipcam.NotifyService",)
    assert changes.added_components == ()
