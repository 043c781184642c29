"""`vague` (SPEC §3): the category is covered only by an umbrella term."""

from __future__ import annotations

from permaudit.audit.context import AuditContext, RuleSpec
from permaudit.audit.requests import code_evidence, short_names
from permaudit.audit.rules._data_types import (
    add_finding,
    explicit_siblings,
    named,
    own_evidence,
)
from permaudit.models import (
    Rule,
    RuleDoc,
    Severity,
    Status,
    category_label,
    data_type_label,
)

DOC = RuleDoc(
    rule=Rule.VAGUE,
    name="VagueDisclosure",
    default_severity=Severity.WARNING,
    summary="The category is covered only by an umbrella term.",
    help=(
        "The policy covers this category only with a generic term such as "
        '"device information" or "personal information". Name the data specifically '
        '(e.g. "precise location", "camera", "Wi-Fi name (SSID)"). At data-type level '
        "(SPEC §1b): code reads a datum, such as the IMEI, that the policy covers only with "
        'a generic term ("device identifiers") while it names others of its category.'
    ),
)


def check(ctx: AuditContext) -> None:
    for category, request in ctx.requested_with(Status.VAGUE):
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
    check_data_types(ctx)


def check_data_types(ctx: AuditContext) -> None:
    """A datum the code reads that only an umbrella covers while the policy names others of
    its category: a policy naming the Android ID and "device identifiers" has not told the
    reader that the IMEI is read too."""
    for data_type, reads in ctx.data_types_with(Status.VAGUE):
        siblings = explicit_siblings(ctx, data_type)
        # Only the generic term of the category ("device identifiers") and nothing named:
        # the category's disclosure speaks for all its data alike, except for a datum new in
        # this release.
        if not siblings and data_type not in ctx.release_data_types:
            continue
        label = data_type_label(data_type)
        names = f"the policy names {named(siblings)}, and" if siblings else "the policy"
        add_finding(
            ctx,
            DOC,
            DOC.default_severity,
            data_type,
            reads,
            gap=f"{names} covers the {label} only with an umbrella term",
            remediation=f"Name the {label} specifically in the policy, not only a generic term "
            f'such as "{category_label(data_type.category)}".',
            policy_evidence=own_evidence(ctx, data_type),
        )


RULE = RuleSpec(DOC, check)
