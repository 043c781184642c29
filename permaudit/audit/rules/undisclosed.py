"""`undisclosed` (SPEC §3): the app requests a category the policy never mentions."""

from __future__ import annotations

from permaudit.audit.context import AuditContext, RuleSpec
from permaudit.audit.requests import code_evidence, short_names
from permaudit.models import Rule, RuleDoc, Severity, Status, category_label

DOC = RuleDoc(
    rule=Rule.UNDISCLOSED,
    name="UndisclosedDataAccess",
    default_severity=Severity.ERROR,
    summary="The app requests a data category the privacy policy never mentions.",
    help=(
        "The APK asks for a permission or sensitive component of this data category, "
        "but the privacy policy says nothing about it. Either disclose the category in "
        "the policy (what is collected, why, and who receives it) or remove the "
        "permission from the manifest. Categories reached only through normal-protection "
        "permissions (e.g. ACCESS_WIFI_STATE) are reported as warnings."
    ),
)


def check(ctx: AuditContext) -> None:
    for category, request in ctx.requested_with(Status.ABSENT):
        label = category_label(category)
        names = short_names(request.permissions)
        ctx.add(
            DOC.rule,
            DOC.default_severity if request.sensitive else Severity.WARNING,
            category,
            request.permissions,
            f"Requests {label} ({names}) but the policy never mentions it",
            f"Disclose {label} in the privacy policy (what is collected, why, who receives it) "
            f"or remove {names} from the manifest.",
            policy_evidence=False,
            code_evidence=code_evidence(ctx.app, category),
        )


RULE = RuleSpec(DOC, check)
