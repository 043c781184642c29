"""`purpose_missing` (SPEC §3): disclosed, but no purpose is given for it."""

from __future__ import annotations

from permaudit.audit.context import AuditContext, RuleSpec
from permaudit.audit.requests import code_evidence, short_names
from permaudit.models import Rule, RuleDoc, Severity, Status, category_label

DOC = RuleDoc(
    rule=Rule.PURPOSE_MISSING,
    name="PurposeMissing",
    default_severity=Severity.WARNING,
    summary="The category is disclosed, but no purpose is given for it.",
    help=(
        "The policy names this data category but does not say why it is collected. "
        "State the purpose next to the disclosure (e.g. device setup, live view)."
    ),
)


def check(ctx: AuditContext) -> None:
    # A vague disclosure is reported as vague: naming the data comes before its purpose.
    for category, request in ctx.requested_with(Status.EXPLICIT):
        if ctx.disclosure(category).purposes:
            continue
        label = category_label(category)
        ctx.add(
            DOC.rule,
            DOC.default_severity,
            category,
            request.permissions,
            f"Policy discloses {label} ({short_names(request.permissions)}) but gives no "
            "purpose for it",
            f"State in the policy why {label} is collected (e.g. device setup, live view).",
            code_evidence=code_evidence(ctx.app, category),
        )


RULE = RuleSpec(DOC, check)
