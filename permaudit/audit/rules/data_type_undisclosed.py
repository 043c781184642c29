"""`data_type_undisclosed` (SPEC §3): code reads a datum (SPEC §1b) that the policy does not
name, while the policy may disclose its category through another datum or an umbrella."""

from __future__ import annotations

from permaudit.audit.context import AuditContext, RuleSpec
from permaudit.audit.rules._data_types import (
    add_finding,
    explicit_siblings,
    named,
    sibling_evidence,
)
from permaudit.catalog.ontology import ontology
from permaudit.models import (
    DataType,
    Rule,
    RuleDoc,
    Severity,
    Status,
    category_label,
    data_type_label,
)


def _severities() -> str:
    """ "Error for the IMEI, IMSI, ... and MAC address; warning for the others.", from the
    ontology's severities and labels (in contract order), so a data type added there is
    named here too."""
    contracts = list(ontology().data_type_contracts.values())
    errors = [c.listed_label for c in contracts if c.severity == "error"]
    if not errors:
        return "Warning for every data type."
    listed = errors[0] if len(errors) == 1 else ", ".join(errors[:-1]) + " and " + errors[-1]
    if len(errors) == len(contracts):
        return f"Error for the {listed}."
    return f"Error for the {listed}; warning for the others."


DOC = RuleDoc(
    rule=Rule.DATA_TYPE_UNDISCLOSED,
    name="UndisclosedDataType",
    default_severity=Severity.ERROR,
    summary="Code in the app reads a data type the privacy policy does not name.",
    help=(
        "Code in the APK reads one specific datum (the IMEI, the SIM serial, the Wi-Fi "
        "network's SSID/BSSID, the Android ID, ...) that the privacy policy never names, even "
        'though it may disclose the data category through another datum ("Android ID" does '
        "not disclose the IMEI) or an umbrella term. The finding names the class and method "
        "that read it, the API, and whose code that is (the app's own, a bundled SDK, or "
        "another organisation's package). Name the datum in the policy (what is read, why, "
        "who receives it) or stop reading it. "
    )
    + _severities(),
)


def severity_of(data_type: DataType) -> Severity:
    """SPEC §3: error for the data that identify a person or a place on their own; each data
    type's is in the ontology (its `severity`)."""
    return Severity(data_type.severity)


def check(ctx: AuditContext) -> None:
    for data_type, reads in ctx.data_types_with(Status.ABSENT):
        label = data_type_label(data_type)
        category = data_type.category
        siblings = explicit_siblings(ctx, data_type)
        if siblings:
            gap = f"the policy names {named(siblings)}, not the {label}"
            evidence = sibling_evidence(ctx, siblings)
        elif ctx.disclosure(category).status in (Status.EXPLICIT, Status.VAGUE):
            gap = f"the policy speaks of {category_label(category)} but never names the {label}"
            evidence = ctx.disclosure(category).evidence
        else:
            gap = f"the policy never mentions the {label}"
            evidence = ()
        add_finding(
            ctx,
            DOC,
            severity_of(data_type),
            data_type,
            reads,
            gap=gap,
            remediation=f"Name the {label} in the privacy policy (what is read, why, and who "
            "receives it), or remove the code that reads it.",
            policy_evidence=evidence,
        )


RULE = RuleSpec(DOC, check)
