"""Wording shared by the human-readable formats, so that they say the same thing."""

from __future__ import annotations

from permaudit.models import (
    ApiEvidence,
    AuditReport,
    Evidence,
    Finding,
    Severity,
    category_label,
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
    "evidence_location",
    "gate_line",
    "permissions_text",
    "plural",
    "severity_counts",
    "short_permission",
    "shorten",
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
    who = f" [{evidence.sdk}]" if evidence.sdk else ""
    return f"{evidence.caller_class}.{evidence.caller_method} → {evidence.api}{who}"


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
