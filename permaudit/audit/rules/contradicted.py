"""`contradicted` (SPEC §3): the policy denies a category the app requests."""

from __future__ import annotations

from permaudit.audit.context import AuditContext, RuleSpec
from permaudit.audit.requests import code_evidence, short_names
from permaudit.audit.rules._data_types import add_finding, own_evidence
from permaudit.models import (
    Rule,
    RuleDoc,
    Severity,
    Status,
    category_label,
    data_type_label,
)

DOC = RuleDoc(
    rule=Rule.CONTRADICTED,
    name="PolicyContradicted",
    default_severity=Severity.ERROR,
    summary="The policy says the category is not collected, but the app requests it.",
    help=(
        "The privacy policy denies collecting or accessing this data category, yet the "
        "APK requests it. Remove the permission, or correct the policy so that it "
        "discloses the collection and its purpose. At data-type level (SPEC §1b): the "
        'policy denies one datum ("we do not collect your IMEI") that code in the app reads.'
    ),
)


def check(ctx: AuditContext) -> None:
    for category, request in ctx.requested_with(Status.DENIED):
        label = category_label(category)
        names = short_names(request.permissions)
        ctx.add(
            DOC.rule,
            DOC.default_severity,
            category,
            request.permissions,
            f"Requests {label} ({names}) but the policy says it is not collected",
            f"Remove {names}, or correct the policy so that it discloses {label} "
            "and why it is collected.",
            code_evidence=code_evidence(ctx.app, category),
        )
    check_data_types(ctx)


def check_data_types(ctx: AuditContext) -> None:
    """A datum the policy denies that code reads (also with no permission to request)."""
    for data_type, reads in ctx.data_types_with(Status.DENIED):
        label = data_type_label(data_type)
        add_finding(
            ctx,
            DOC,
            DOC.default_severity,
            data_type,
            reads,
            gap=f"the policy says the {label} is not collected",
            remediation=f"Remove the code that reads the {label}, or correct the policy so "
            "that it discloses it and why it is read.",
            policy_evidence=own_evidence(ctx, data_type),
        )


RULE = RuleSpec(DOC, check)
