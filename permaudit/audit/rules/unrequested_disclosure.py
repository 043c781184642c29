"""`unrequested_disclosure` (SPEC §3): the policy discloses a category the app does not request."""

from __future__ import annotations

from permaudit.audit.context import AuditContext, RuleSpec
from permaudit.audit.requests import used_without_permission
from permaudit.catalog import permission_catalog
from permaudit.models import Category, Rule, RuleDoc, Severity, Status, category_label

DOC = RuleDoc(
    rule=Rule.UNREQUESTED_DISCLOSURE,
    name="UnrequestedDisclosure",
    default_severity=Severity.NOTE,
    summary="The policy discloses a category the app does not request.",
    help=(
        "The policy says this category is collected, but the app requests no "
        "permission for it. The policy may be stale or boilerplate shared across apps; "
        "check that it describes this app."
    ),
)


def check(ctx: AuditContext) -> None:
    readable_anyway = permission_catalog().readable_without_permission
    for category in Category:
        # A uses-feature alone explains a disclosure (the camera of a QR scanner), and so
        # does code that reads the data without any permission (an SDK reading the Android ID).
        if (
            category in ctx.requests
            or ctx.disclosure(category).status is not Status.EXPLICIT
            or category in readable_anyway
            or used_without_permission(ctx.app, category)
        ):
            continue
        ctx.add(
            DOC.rule,
            DOC.default_severity,
            category,
            (),
            f"Policy discloses {category_label(category)} but the app requests no "
            "permission for it",
            "Check that the policy describes this app; remove the disclosure if it is "
            "stale or copied from another product.",
        )


RULE = RuleSpec(DOC, check)
