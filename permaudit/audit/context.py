"""What every rule reads (one app, one policy, what the app asks for) and where it writes."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field

from permaudit.audit.requests import Request, data_type_reads, requests_of, short_names
from permaudit.models import (
    ApiEvidence,
    AppFacts,
    Category,
    CategoryDisclosure,
    DataType,
    Evidence,
    Finding,
    Party,
    PolicyFacts,
    Rule,
    RuleDoc,
    Severity,
    Status,
    fingerprint,
)

__all__ = ["AuditContext", "RuleSpec", "short_names"]


@dataclass
class AuditContext:
    """Collects the findings of one (app, policy) pair; rules only read the rest."""

    app: AppFacts
    policy: PolicyFacts
    # Permissions whose use the API table can recognise in code (unused_permission).
    detectable_permissions: Collection[str]
    # Data types this build reads and the previous release did not (`permaudit diff`): each is
    # reported on its own even where a category-level finding already covers its category.
    release_data_types: Collection[DataType] = ()
    requests: dict[Category, Request] = field(init=False)
    # SPEC §1b data type → the call sites that can read it.
    reads: dict[DataType, tuple[ApiEvidence, ...]] = field(init=False)
    findings: list[Finding] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.requests = requests_of(self.app)
        self.reads = data_type_reads(self.app)

    def requested(self, category: Category) -> Request | None:
        """The category's request when the app asks for it (more than a uses-feature)."""
        request = self.requests.get(category)
        return request if request is not None and not request.feature_only else None

    def disclosure(self, category: Category) -> CategoryDisclosure:
        return self.policy.categories[category]

    def requested_with(self, status: Status) -> Iterator[tuple[Category, Request]]:
        """The categories the app asks for whose disclosure has `status`, in contract order."""
        for category in Category:
            request = self.requested(category)
            if request is not None and self.disclosure(category).status is status:
                yield category, request

    def data_types_with(self, status: Status) -> Iterator[tuple[DataType, tuple[ApiEvidence, ...]]]:
        """The data types code reads whose disclosure has `status`, and the reading records,
        unless a category-level finding already speaks for them."""
        for data_type, reads in self.reads.items():
            if self.data_type_status(data_type) is status and not self.category_finding_covers(
                data_type
            ):
                yield data_type, reads

    def data_type_status(self, data_type: DataType) -> Status | None:
        """What the policy says of one datum; None when the facts do not resolve data types.

        Policy facts from before data types (an older map, an analyzer that does not read
        them) leave every data type absent under a disclosed category: nothing is known at
        data-type level then, except that a denied category denies each of its data.
        """
        disclosure = self.disclosure(data_type.category)
        unresolved = all(d.status is Status.ABSENT for d in disclosure.data_types.values())
        if unresolved and disclosure.status is not Status.ABSENT:
            return Status.DENIED if disclosure.status is Status.DENIED else None
        return disclosure.data_types[data_type].status

    def category_finding_covers(self, data_type: DataType) -> bool:
        """A category-level finding (undisclosed, contradicted, vague) already says what a
        data-type finding would, except for data types new in this release."""
        if data_type in self.release_data_types:
            return False
        category = data_type.category
        return self.requested(category) is not None and self.disclosure(category).status in (
            Status.ABSENT,
            Status.DENIED,
            Status.VAGUE,
        )

    def add(
        self,
        rule: Rule,
        severity: Severity,
        category: Category | None,
        permissions: Iterable[str],
        message: str,
        remediation: str,
        *,
        policy_evidence: bool | tuple[Evidence, ...] = True,
        code_evidence: tuple[ApiEvidence, ...] = (),
        data_type: DataType | None = None,
        party: Party | None = None,
    ) -> None:
        """Record a finding; `policy_evidence` True quotes the category's evidence."""
        names = tuple(sorted(set(permissions)))
        if isinstance(policy_evidence, tuple):
            evidence = policy_evidence
        elif policy_evidence and category is not None:
            evidence = self.policy.categories[category].evidence
        else:
            evidence = ()
        self.findings.append(
            Finding(
                rule=rule,
                severity=severity,
                category=category,
                data_type=data_type,
                permissions=names,
                message=message,
                policy_evidence=evidence,
                code_evidence=code_evidence,
                remediation=remediation,
                party=party,
                fingerprint=fingerprint(rule, self.app.package, category, names, data_type),
            )
        )


@dataclass(frozen=True)
class RuleSpec:
    """One rule: its documentation (with the default severity) and the check that applies it."""

    doc: RuleDoc
    check: Callable[[AuditContext], None]

    @property
    def rule(self) -> Rule:
        return self.doc.rule
