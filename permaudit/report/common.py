"""Wording shared by the human-readable formats, so that they say the same thing."""

from __future__ import annotations

from collections.abc import Iterable

from permaudit.catalog import purpose_label
from permaudit.models import (
    ApiEvidence,
    AuditReport,
    Evidence,
    Finding,
    IgnoreOutcome,
    Party,
    PolicyFacts,
    Purpose,
    Severity,
    category_label,
    data_type_label,
    short_permission,
)

NOT_MENTIONED = "not mentioned"
QUOTE_LIMIT = 240
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.NOTE)

__all__ = [
    "NOT_MENTIONED",
    "SEVERITIES",
    "app_title",
    "category_label",
    "code_line",
    "data_type_label",
    "evidence_location",
    "gate_line",
    "ignore_target",
    "party_text",
    "permissions_text",
    "plural",
    "policy_origin",
    "purposes_text",
    "reader_note",
    "severity_counts",
    "short_permission",
    "shorten",
    "subject",
]


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def shorten(text: str, limit: int = QUOTE_LIMIT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def severity_counts(report: AuditReport) -> tuple[tuple[Severity, int], ...]:
    """Shown findings per severity, most severe first."""
    summary = report.summary
    return (
        (Severity.ERROR, summary.error),
        (Severity.WARNING, summary.warning),
        (Severity.NOTE, summary.note),
    )


def permissions_text(finding: Finding) -> str:
    return ", ".join(short_permission(p) for p in finding.permissions) or "—"


def evidence_location(evidence: Evidence) -> str:
    parts = []
    if evidence.section:
        parts.append(f"§ {shorten(evidence.section, 60)}")
    if evidence.line is not None:
        parts.append(f"line {evidence.line}")
    return ", ".join(parts)


def code_line(evidence: ApiEvidence) -> str:
    if evidence.sdk:
        who = f" [{evidence.sdk}]"
    elif evidence.organisation:
        who = f" [third party: {evidence.organisation}]"
    elif evidence.party is Party.UNKNOWN:
        who = " [unknown origin]"
    else:
        who = ""
    return f"{evidence.caller_class}.{evidence.caller_method} → {evidence.api}{who}"


PARTY_LABELS = {
    Party.FIRST_PARTY: "the app's own code",
    Party.THIRD_PARTY: "third-party code",
    Party.UNKNOWN: "code of unknown origin (obfuscated or unattributed)",
}


def party_text(finding: Finding) -> str | None:
    """Whose code reads the data of a data-type finding: every party of its code evidence,
    third parties with their SDK or organisation."""
    if finding.party is None:
        return None
    parties = [finding.party, *(e.party for e in finding.code_evidence)]
    parts = []
    for party in Party:
        if party not in parties:
            continue
        label = PARTY_LABELS[party]
        if party is Party.THIRD_PARTY:
            names = sorted(
                {e.sdk or e.organisation or "" for e in finding.code_evidence if e.party is party}
                - {""}
            )
            if names:
                label += f" ({', '.join(names)})"
        parts.append(label)
    return " and ".join(parts)


def subject(finding: Finding) -> str:
    """What a finding is about: "device identifiers", or "device identifiers: IMEI"."""
    label = category_label(finding.category)
    return f"{label}: {data_type_label(finding.data_type)}" if finding.data_type else label


def policy_origin(policy: PolicyFacts) -> str | None:
    """Where the policy facts come from, when not from the analyzer reading the document."""
    if not policy.from_map:
        return None
    if policy.reviewed:
        return "reviewed policy map"
    return "policy map NOT reviewed (reviewed: false): the analyzer's reading, unchecked"


def reader_note(report: AuditReport) -> str | None:
    """What the reader had to work around, when it did (the warnings themselves follow)."""
    app = report.app
    if not app.warnings and not app.tampered:
        return None
    if app.tampered:
        return (
            "the APK is tampered: read the way Android reads it, "
            f"{plural(len(app.warnings), 'warning')}"
        )
    return f"the APK was read with {plural(len(app.warnings), 'warning')}"


def ignore_target(ignore: IgnoreOutcome) -> str:
    """What an ignore names: its category, its permission, or both (a finding must match both)."""
    names = [ignore.category.value] if ignore.category else []
    if ignore.permission:
        names.append(short_permission(ignore.permission))
    return " + ".join(names)


def purposes_text(purposes: Iterable[Purpose]) -> str:
    """Purposes in words, in the analyzer's order: "device setup and binding, live view"."""
    return ", ".join(purpose_label(p.id) for p in purposes)


def app_title(report: AuditReport) -> str:
    app = report.app
    version = f" {app.version_name}" if app.version_name else ""
    return f"{app.package}{version}"


def gate_line(report: AuditReport) -> str:
    if report.fail_on == "none":
        return "gate: --fail-on none (never fails)"
    failing = report.summary.failing
    if failing:
        return f"gate: FAIL — {plural(failing, 'finding')} at or above {report.fail_on}"
    return f"gate: pass — nothing at or above {report.fail_on}"
