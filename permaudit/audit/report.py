"""From findings to the finished report: ignores, a baseline, the severity filter and the gate.

`build_report()` returns the `AuditReport` every format renders; it also fills what the formats
need beyond the JSON contract (rule documentation, what the app requests per category), so a
format never calls into the engine.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from permaudit.audit.requests import category_requests
from permaudit.audit.rules import RULE_DOCS
from permaudit.catalog import categories_for_permission
from permaudit.models import (
    ANDROID_PERMISSION_PREFIX,
    AppChanges,
    AppFacts,
    AuditReport,
    BaselineInfo,
    Category,
    FailOn,
    Finding,
    FixedFinding,
    IgnoreOutcome,
    PolicyFacts,
    Rule,
    Severity,
    Summary,
    short_permission,
)


def ignore_problem(category: Category | None, permission: str | None) -> str | None:
    """Why an ignore naming `category` and/or `permission` is invalid, or None.

    With both, a finding must be of the category AND involve the permission, so a permission
    the catalog files under another category would make an ignore that never matches.
    """
    if category is None and permission is None:
        return "an ignore needs `category` or `permission` besides `rule`"
    if category is not None and permission is not None:
        name = permission if "." in permission else ANDROID_PERMISSION_PREFIX + permission
        known = categories_for_permission(name)
        if known and category not in known:
            return (
                f"`permission` {short_permission(name)} is of category {known[0].value}, not "
                f"{category.value}: with both, a finding must match both, so this ignore "
                "could never match"
            )
    return None


@dataclass(frozen=True)
class Ignore:
    """An ignore from the configuration: every given field must match (see ignore_problem)."""

    rule: Rule
    reason: str
    category: Category | None = None
    permission: str | None = None
    expires: datetime.date | None = None

    def __post_init__(self) -> None:
        problem = ignore_problem(self.category, self.permission)
        if problem:
            raise ValueError(problem)

    def matches(self, finding: Finding) -> bool:
        if finding.rule is not self.rule:
            return False
        if self.category is not None and finding.category is not self.category:
            return False
        if self.permission is None:
            return True
        wanted = {self.permission, ANDROID_PERMISSION_PREFIX + self.permission}
        return any(p in wanted for p in finding.permissions)


@dataclass(frozen=True)
class Baseline:
    """Findings of an earlier JSON report: a multiset of fingerprints, plus how to name them."""

    source: str
    findings: tuple[FixedFinding, ...]


def _fail_threshold(fail_on: FailOn) -> int | None:
    return None if fail_on == "none" else Severity(fail_on).rank


def build_report(
    app: AppFacts,
    policy: PolicyFacts,
    findings: Iterable[Finding],
    *,
    fail_on: FailOn = "error",
    min_severity: Severity = Severity.NOTE,
    ignores: Iterable[Ignore] = (),
    baseline: Baseline | None = None,
    today: datetime.date,
    changes: AppChanges | None = None,
) -> AuditReport:
    """Apply ignores, the baseline, the severity filter and the gate. Pure: `today` is given."""
    remaining = list(findings)
    ignored: list[Finding] = []
    outcomes: list[IgnoreOutcome] = []
    for ignore in ignores:
        expired = ignore.expires is not None and ignore.expires < today
        matched = [] if expired else [f for f in remaining if ignore.matches(f)]
        if matched:
            remaining = [f for f in remaining if f not in matched]
            ignored += matched
        outcomes.append(
            IgnoreOutcome(
                rule=ignore.rule,
                category=ignore.category,
                permission=ignore.permission,
                reason=ignore.reason,
                expires=ignore.expires,
                status="expired" if expired else ("applied" if matched else "unused"),
                fingerprints=tuple(sorted({f.fingerprint for f in matched})),
            )
        )

    baseline_info: BaselineInfo | None = None
    if baseline is not None:
        remaining, baseline_info = _compare(remaining, baseline, ignored)

    threshold = _fail_threshold(fail_on)
    failing = sum(
        1
        for f in remaining
        if threshold is not None and f.severity.rank >= threshold and f.baseline != "known"
    )
    shown = [f for f in remaining if f.severity.rank >= min_severity.rank]
    counts: Counter[Severity] = Counter(f.severity for f in shown)
    summary = Summary(
        error=counts[Severity.ERROR],
        warning=counts[Severity.WARNING],
        note=counts[Severity.NOTE],
        total=len(shown),
        hidden=len(remaining) - len(shown),
        ignored=len(ignored),
        new=sum(1 for f in shown if f.baseline == "new"),
        known=sum(1 for f in shown if f.baseline == "known"),
        fixed=len(baseline_info.fixed) if baseline_info else 0,
        failing=failing,
    )
    return AuditReport(
        app=app,
        policy=policy,
        findings=tuple(shown),
        rules=tuple(RULE_DOCS.values()),
        requests=category_requests(app),
        summary=summary,
        fail_on=fail_on,
        min_severity=min_severity,
        baseline=baseline_info,
        ignores=tuple(outcomes),
        changes=changes,
    )


def _compare(
    findings: list[Finding], baseline: Baseline, ignored: list[Finding]
) -> tuple[list[Finding], BaselineInfo]:
    """Mark findings new or known, matching fingerprints with counts, and list the fixed ones.

    Counting matters: a baseline holding one finding with some fingerprint must not hide a
    second finding with the same fingerprint (bandit's baseline makes that mistake).
    """
    available = Counter(f.fingerprint for f in baseline.findings)
    marked: list[Finding] = []
    for finding in findings:
        if available[finding.fingerprint] > 0:
            available[finding.fingerprint] -= 1
            marked.append(finding.model_copy(update={"baseline": "known"}))
        else:
            marked.append(finding.model_copy(update={"baseline": "new"}))
    # An ignored finding is still there: not fixed.
    for finding in ignored:
        if available[finding.fingerprint] > 0:
            available[finding.fingerprint] -= 1
    fixed: list[FixedFinding] = []
    for old in baseline.findings:
        if available[old.fingerprint] > 0:
            available[old.fingerprint] -= 1
            fixed.append(old)
    return marked, BaselineInfo(source=baseline.source, fixed=tuple(fixed))


def exit_code(report: AuditReport) -> int:
    """0 when nothing new is at or above --fail-on, 1 otherwise (SPEC §4)."""
    return 1 if report.summary.failing else 0


def as_baseline(source: str, findings: Iterable[Finding]) -> Baseline:
    """Findings of another audit run (e.g. the old release in `diff`) as a baseline."""
    return Baseline(
        source=source,
        findings=tuple(
            FixedFinding(
                rule=f.rule.value,
                severity=f.severity.value,
                category=f.category.value if f.category else None,
                data_type=f.data_type.value if f.data_type else None,
                permissions=f.permissions,
                message=f.message,
                fingerprint=f.fingerprint,
            )
            for f in findings
        ),
    )
