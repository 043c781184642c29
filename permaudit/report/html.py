"""`--format html`: one self-contained file a compliance officer can open and send on.

No external assets (inline CSS, no scripts, no fonts or images from the network); every value
from the APK or the policy goes through jinja2 autoescaping, since both are untrusted input.
"""

from __future__ import annotations

from dataclasses import dataclass

from permaudit.catalog import purpose_label
from permaudit.models import AuditReport, Category, Evidence, Purpose, Status, data_types_of
from permaudit.report.common import (
    NOT_MENTIONED,
    SEVERITIES,
    app_title,
    category_label,
    code_line,
    data_type_label,
    evidence_location,
    gate_line,
    ignore_target,
    party_text,
    permissions_text,
    plural,
    policy_origin,
    reader_note,
    severity_counts,
    short_permission,
    subject,
)
from permaudit.report.templating import template_environment


@dataclass(frozen=True)
class _DataTypeRow:
    """One datum of the category: whether code reads it, and what the policy says of it."""

    label: str
    read: bool
    status: Status
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class _CategoryRow:
    """One data category: what the app asks for beside what the policy says about it."""

    category: Category
    label: str
    permissions: tuple[str, ...]
    status: Status
    purposes: tuple[Purpose, ...]
    evidence: tuple[Evidence, ...]
    data_types: tuple[_DataTypeRow, ...] = ()


def _category_rows(report: AuditReport) -> list[_CategoryRow]:
    requested = {
        request.category: {short_permission(p) for p in request.permissions}
        for request in report.requests
    }
    read = {d for request in report.requests for d in request.data_types}
    rows = []
    for category in Category:
        disclosure = report.policy.categories[category]
        if category not in requested and disclosure.status is Status.ABSENT:
            continue
        data_types = tuple(
            _DataTypeRow(
                label=data_type_label(data_type),
                read=data_type in read,
                status=disclosure.data_types[data_type].status,
                evidence=disclosure.data_types[data_type].evidence,
            )
            for data_type in data_types_of(category)
            if data_type in read or disclosure.data_types[data_type].status is not Status.ABSENT
        )
        rows.append(
            _CategoryRow(
                category=category,
                label=category_label(category),
                permissions=tuple(sorted(requested.get(category, ()))),
                status=disclosure.status,
                purposes=disclosure.purposes,
                evidence=disclosure.evidence,
                data_types=data_types,
            )
        )
    return rows


_ENVIRONMENT = template_environment("permaudit.report")


class HtmlReporter:
    def render(self, report: AuditReport) -> str:
        template = _ENVIRONMENT.get_template("report.html.j2")
        return template.render(
            report=report,
            title=app_title(report),
            gate=gate_line(report),
            counts=[(sev, plural(n, sev.value)) for sev, n in severity_counts(report)],
            severities=SEVERITIES,
            rows=_category_rows(report),
            policy_origin=policy_origin(report.policy),
            reader_note=reader_note(report),
            not_mentioned=NOT_MENTIONED,
            category_label=category_label,
            subject=subject,
            party_text=party_text,
            data_type_label=data_type_label,
            permissions_text=permissions_text,
            evidence_location=evidence_location,
            code_line=code_line,
            ignore_target=ignore_target,
            purpose_label=purpose_label,
        )
