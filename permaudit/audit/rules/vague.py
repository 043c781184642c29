"""`vague` (SPEC §3): the category is covered only by an umbrella term."""

from __future__ import annotations

from permaudit.audit.context import AuditContext, RuleSpec
from permaudit.audit.requests import code_evidence, short_names
from permaudit.models import Category, Rule, RuleDoc, Severity, Status, category_label

DOC = RuleDoc(
    rule=Rule.VAGUE,
    name="VagueDisclosure",
    default_severity=Severity.WARNING,
    summary="The category is covered only by an umbrella term.",
    help=(
        "The policy covers this category only with a generic term such as "
        '"device information" or "personal information". Name the data specifically '
        '(e.g. "precise location", "camera", "Wi-Fi name (SSID)").'
    ),
)


def check(ctx: AuditContext) -> None:
    for category in Category:
        request = ctx.requested(category)
        if request is None or ctx.disclosure(category).status is not Status.VAGUE:
            continue
        label = category_label(category)
        ctx.add(
            DOC.rule,
            DOC.default_severity,
            category,
            request.permissions,
            f"Requests {label} ({short_names(request.permissions)}) but the policy covers it "
            "only with an umbrella term",
            f"Name {label} specifically in the policy instead of a generic term such as "
            '"device information".',
            code_evidence=code_evidence(ctx.app, category),
        )


RULE = RuleSpec(DOC, check)
