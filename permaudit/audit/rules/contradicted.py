"""`contradicted` (SPEC §3): the policy denies a category the app requests."""

from __future__ import annotations

from permaudit.audit.context import AuditContext, RuleSpec
from permaudit.audit.requests import code_evidence, short_names
from permaudit.models import Category, Rule, RuleDoc, Severity, Status, category_label

DOC = RuleDoc(
    rule=Rule.CONTRADICTED,
    name="PolicyContradicted",
    default_severity=Severity.ERROR,
    summary="The policy says the category is not collected, but the app requests it.",
    help=(
        "The privacy policy denies collecting or accessing this data category, yet the "
        "APK requests it. Remove the permission, or correct the policy so that it "
        "discloses the collection and its purpose."
    ),
)


def check(ctx: AuditContext) -> None:
    for category in Category:
        request = ctx.requested(category)
        if request is None or ctx.disclosure(category).status is not Status.DENIED:
            continue
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


RULE = RuleSpec(DOC, check)
