"""Wording and evidence shared by the data-type findings (SPEC §1b): who reads which datum
through which API, and what the policy names instead."""

from __future__ import annotations

from collections.abc import Sequence

from permaudit.audit.context import AuditContext
from permaudit.audit.requests import one_per_call_site
from permaudit.models import (
    ApiEvidence,
    DataType,
    Evidence,
    Party,
    RuleDoc,
    Severity,
    Status,
    data_type_label,
)

# Readers named in a message before "and N more".
_NAMED_READERS = 1
_NAMED_APIS = 2


def api_name(api: str) -> str:
    """`Landroid/telephony/TelephonyManager;->getImei()Ljava/lang/String;` →
    `TelephonyManager.getImei`; `Landroid/os/Build;->SERIAL:Ljava/lang/String;` → `Build.SERIAL`."""
    if "->" not in api:
        return api  # a string constant, already quoted
    owner, member = api.split("->", 1)
    simple = owner.removeprefix("L").removesuffix(";").rsplit("/", 1)[-1].replace("$", ".")
    return f"{simple}.{member.split('(', 1)[0].split(':', 1)[0]}"


def caller_name(record: ApiEvidence) -> str:
    return f"{record.caller_class}.{record.caller_method.split('(', 1)[0]}"


def _whose(record: ApiEvidence) -> str:
    if record.party is Party.THIRD_PARTY:
        return f" ({record.sdk or 'third party ' + (record.organisation or '?')})"
    if record.party is Party.UNKNOWN:
        return " (code of unknown origin)"
    return ""


def reading(reads: Sequence[ApiEvidence], data_type: DataType) -> str:
    """`com.vendor.Bind.register reads the IMEI (TelephonyManager.getImei)`: the app's own
    code is named first, then third parties, then code of unknown origin."""
    parties = list(Party)
    reads = sorted(reads, key=lambda r: (parties.index(r.party), r.caller_class, r.caller_method))
    by_caller = {caller_name(r): r for r in reversed(reads)}  # each caller's first record
    callers = list(dict.fromkeys(caller_name(r) for r in reads))
    first = by_caller[callers[0]]
    who = callers[0] + _whose(first)
    more = len(callers) - _NAMED_READERS
    if more > 0:
        others = [by_caller[c] for c in callers[_NAMED_READERS:]]
        named_first = {first.sdk, first.organisation}
        whose = sorted(
            {
                r.sdk or r.organisation or "third-party code"
                for r in others
                if r.party is Party.THIRD_PARTY
            }
            - named_first
        )
        if any(r.party is Party.UNKNOWN for r in others):
            whose.append("code of unknown origin")
        including = (
            f", including {' and '.join(whose)},"
            if whose and first.party is not Party.UNKNOWN
            else ""
        )
        who += f" and {more} more{including}"
    apis = list(dict.fromkeys(api_name(r.api) for r in reads))
    shown = ", ".join(apis[:_NAMED_APIS]) + (", …" if len(apis) > _NAMED_APIS else "")
    verb = "read" if more > 0 else "reads"
    return f"{who} {verb} the {data_type_label(data_type)} ({shown})"


def permissions_of(reads: Sequence[ApiEvidence]) -> set[str]:
    return {r.permission for r in reads if r.permission is not None}


def party_of(reads: Sequence[ApiEvidence]) -> Party:
    """The reader that answers for the finding first: the app's own code, then third parties."""
    parties = list(Party)
    return min((r.party for r in reads), key=parties.index)


def explicit_siblings(ctx: AuditContext, data_type: DataType) -> list[DataType]:
    """The other data types of the category the policy names explicitly."""
    disclosure = ctx.disclosure(data_type.category)
    return [
        other
        for other, said in disclosure.data_types.items()
        if other is not data_type and said.status is Status.EXPLICIT
    ]


def named(data_types: Sequence[DataType]) -> str:
    """ "the Android ID and the advertising ID"."""
    labels = [f"the {data_type_label(d)}" for d in data_types]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def sibling_evidence(ctx: AuditContext, data_types: Sequence[DataType]) -> tuple[Evidence, ...]:
    disclosure = ctx.disclosure(data_types[0].category) if data_types else None
    if disclosure is None:
        return ()
    quotes: list[Evidence] = []
    for other in data_types:
        for evidence in disclosure.data_types[other].evidence:
            if evidence not in quotes:
                quotes.append(evidence)
    return tuple(quotes)


def own_evidence(ctx: AuditContext, data_type: DataType) -> tuple[Evidence, ...]:
    """The policy's quotes about the datum itself, else about its category."""
    disclosure = ctx.disclosure(data_type.category)
    return disclosure.data_types[data_type].evidence or disclosure.evidence


def add_finding(
    ctx: AuditContext,
    doc: RuleDoc,
    severity: Severity,
    data_type: DataType,
    reads: Sequence[ApiEvidence],
    *,
    gap: str,
    remediation: str,
    policy_evidence: tuple[Evidence, ...],
) -> None:
    """A data-type finding: who reads the datum through which API; `gap` says what the
    policy says instead."""
    ctx.add(
        doc.rule,
        severity,
        data_type.category,
        permissions_of(reads),
        f"{reading(reads, data_type)}; {gap}",
        remediation,
        policy_evidence=policy_evidence,
        code_evidence=one_per_call_site(ctx.app, reads),
        data_type=data_type,
        party=party_of(reads),
    )
