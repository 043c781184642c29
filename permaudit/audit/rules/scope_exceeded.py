"""`scope_exceeded` (SPEC §3): the app asks for more of a category than the policy discloses."""

from __future__ import annotations

from permaudit.audit.context import AuditContext, RuleSpec
from permaudit.audit.requests import code_evidence, short_names
from permaudit.models import Category, Rule, RuleDoc, Scope, Severity, Status

DOC = RuleDoc(
    rule=Rule.SCOPE_EXCEEDED,
    name="ScopeExceeded",
    default_severity=Severity.WARNING,
    summary="The app asks for more of the category than the policy discloses.",
    help=(
        "The app requests a wider scope than the policy admits to: precise location "
        "where only approximate location is disclosed, background location, or "
        "background body-sensor access the policy does not mention. Disclose the wider "
        "scope or request the narrower permission."
    ),
)


# Per category: what its background permission grants, what the policy would have to
# disclose, and what to do.
_BACKGROUND = {
    Category.LOCATION: (
        "background location",
        "location access in the background",
        "Disclose that location is collected while the app is not in use, or remove "
        "ACCESS_BACKGROUND_LOCATION.",
    ),
    Category.HEALTH: (
        "background body-sensor access",
        "health data collection in the background",
        "Disclose that body-sensor data is read while the app is not in use, or remove "
        "BODY_SENSORS_BACKGROUND.",
    ),
}


def check(ctx: AuditContext) -> None:
    for category in (Category.LOCATION, Category.HEALTH):
        request = ctx.requested(category)
        disclosure = ctx.disclosure(category)
        if request is None or disclosure.status not in (Status.EXPLICIT, Status.VAGUE):
            continue
        scope = disclosure.scope or Scope()
        evidence = code_evidence(ctx.app, category)
        # The sentence that states the scope the app exceeds ("only approximate location");
        # the category's quotes when no sentence states one (background never mentioned).
        quotes = scope.evidence or disclosure.evidence
        precise = request.scopes.get("precise", set())
        if category is Category.LOCATION and precise and scope.precision == "approximate":
            ctx.add(
                DOC.rule,
                DOC.default_severity,
                category,
                precise,
                f"Requests precise location ({short_names(precise)}) but the policy "
                "discloses only approximate location",
                "Disclose precise location in the policy, or request only ACCESS_COARSE_LOCATION.",
                policy_evidence=quotes,
                code_evidence=evidence,
            )
        background = request.scopes.get("background", set())
        if background and not scope.background:
            requested, undisclosed, remediation = _BACKGROUND[category]
            ctx.add(
                DOC.rule,
                DOC.default_severity,
                category,
                background,
                f"Requests {requested} ({short_names(background)}) but the policy does not "
                f"disclose {undisclosed}",
                remediation,
                policy_evidence=quotes,
                code_evidence=evidence,
            )


RULE = RuleSpec(DOC, check)
