"""`unused_permission` (SPEC §3): requested, but no code references an API that needs it."""

from __future__ import annotations

from permaudit.audit.context import AuditContext, RuleSpec
from permaudit.audit.requests import (
    effective_permissions,
    is_sensitive_level,
    permission_categories,
    protection_level,
)
from permaudit.models import Rule, RuleDoc, Severity, short_permission

DOC = RuleDoc(
    rule=Rule.UNUSED_PERMISSION,
    name="UnusedPermission",
    default_severity=Severity.NOTE,
    summary="A dangerous permission is requested but no code uses an API that needs it.",
    help=(
        "No code in the APK references an API that needs this permission (only APIs "
        "permaudit can recognise are checked). Remove the permission if it is not needed; "
        "code loaded at run time or reached through reflection is not seen."
    ),
)


def check(ctx: AuditContext) -> None:
    app = ctx.app
    if app.api_evidence is None:
        return
    # The scanner writes one record per permission that would let a call succeed (FINE or
    # COARSE for most location APIs), so a permission without a record of its own has no use.
    used = {e.permission for e in app.api_evidence if e.permission}
    for permission in effective_permissions(app):
        if permission.name not in ctx.detectable_permissions or permission.name in used:
            continue
        if not is_sensitive_level(protection_level(permission)):
            continue
        categories = permission_categories(permission)
        if not categories:
            continue
        name = short_permission(permission.name)
        ctx.add(
            DOC.rule,
            DOC.default_severity,
            categories[0],
            (permission.name,),
            f"Requests {name} but no code calls an API that needs it",
            f"Remove {name} from the manifest if no feature needs it (code loaded at run "
            "time is not seen).",
            policy_evidence=False,
        )


RULE = RuleSpec(DOC, check)
