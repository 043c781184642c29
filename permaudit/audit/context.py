"""What every rule reads (one app, one policy, what the app asks for) and where it writes."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field

from permaudit.audit.requests import Request, requests_of, short_names
from permaudit.models import (
    ApiEvidence,
    AppFacts,
    Category,
    CategoryDisclosure,
    Evidence,
    Finding,
    PolicyFacts,
    Rule,
    RuleDoc,
    Severity,
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
    requests: dict[Category, Request] = field(init=False)
    findings: list[Finding] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.requests = requests_of(self.app)

    def requested(self, category: Category) -> Request | None:
        """The category's request when the app asks for it (more than a uses-feature)."""
        request = self.requests.get(category)
        return request if request is not None and not request.feature_only else None

    def disclosure(self, category: Category) -> CategoryDisclosure:
        return self.policy.categories[category]

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
                permissions=names,
                message=message,
                policy_evidence=evidence,
                code_evidence=code_evidence,
                remediation=remediation,
                fingerprint=fingerprint(rule, self.app.package, category, names),
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
