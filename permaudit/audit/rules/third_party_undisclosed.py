"""`third_party_undisclosed` (permaudit extension): SDK code collects a category the policy
never says is shared."""

from __future__ import annotations

from permaudit.audit.context import AuditContext, RuleSpec
from permaudit.audit.requests import code_evidence, reachable, used_without_permission
from permaudit.models import Category, Party, Rule, RuleDoc, Severity, Status, category_label

DOC = RuleDoc(
    rule=Rule.THIRD_PARTY_UNDISCLOSED,
    name="ThirdPartyCollectionUndisclosed",
    default_severity=Severity.WARNING,
    summary="Third-party SDK code uses the category, but the policy names no third party.",
    help=(
        "Code of a bundled third-party SDK calls APIs of this data category (through a "
        "permission the app holds, or a permissionless API such as the Android ID), "
        "while the policy names no third party receiving it. Name the "
        "third parties (SDK providers) that receive the data, or remove the SDK. "
        "This rule is a permaudit extension to the rules of the specification."
    ),
)


def check(ctx: AuditContext) -> None:
    for category in Category:
        request = ctx.requested(category)
        disclosure = ctx.disclosure(category)
        if request is not None:
            # Absent and denied categories already fail as undisclosed / contradicted.
            if disclosure.status not in (Status.EXPLICIT, Status.VAGUE):
                continue
        elif not used_without_permission(ctx.app, category):
            continue
        if Party.THIRD_PARTY in disclosure.parties:
            continue
        evidence = reachable(ctx.app, code_evidence(ctx.app, category, third_party_only=True))
        if not evidence:
            continue
        sdks = sorted(
            {e.sdk or e.organisation or e.caller_class.rsplit(".", 1)[0] for e in evidence}
        )
        label = category_label(category)
        if disclosure.status in (Status.EXPLICIT, Status.VAGUE):
            gap = "the policy names no third party receiving it"
        elif disclosure.status is Status.DENIED:
            gap = "the policy says it is not collected"
        else:
            gap = "the policy never mentions it"
        ctx.add(
            DOC.rule,
            DOC.default_severity,
            category,
            request.permissions if request is not None else (),
            f"Third-party SDK code ({', '.join(sdks)}) uses {label} but {gap}",
            f"Name the third parties that receive {label} (the SDK providers) in the policy, "
            "or remove the SDK.",
            code_evidence=evidence,
        )


RULE = RuleSpec(DOC, check)
