"""Findings of the audit (SPEC §3) and the report that carries them."""

from __future__ import annotations

import datetime
import hashlib
from enum import StrEnum
from typing import Any, Literal

from pydantic import Field

from permaudit.models.app import ApiEvidence, AppFacts
from permaudit.models.common import SCHEMA_VERSION, Category, DataType, Frozen, Party
from permaudit.models.policy import Evidence, PolicyFacts


class Rule(StrEnum):
    UNDISCLOSED = "undisclosed"
    CONTRADICTED = "contradicted"
    VAGUE = "vague"
    PURPOSE_MISSING = "purpose_missing"
    SCOPE_EXCEEDED = "scope_exceeded"
    UNREQUESTED_DISCLOSURE = "unrequested_disclosure"
    UNUSED_PERMISSION = "unused_permission"
    DATA_TYPE_UNDISCLOSED = "data_type_undisclosed"
    # Extension beyond SPEC §3: SDK code collects a category the policy never says is shared.
    THIRD_PARTY_UNDISCLOSED = "third_party_undisclosed"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "note": 1}[self.value]


class RuleDoc(Frozen):
    """What a rule checks and what to do about it: the help text of every report format.

    Each rule's doc lives beside the rule (permaudit/audit/rules/); the finished report
    carries them, so that formats never need the engine.
    """

    rule: Rule
    name: str
    default_severity: Severity
    summary: str
    help: str


def fingerprint(
    rule: Rule,
    package: str,
    category: Category | None,
    permissions: tuple[str, ...],
    data_type: DataType | None = None,
) -> str:
    """Stable identity of a finding: same inputs give the same value on every run and machine.

    Deliberately excludes messages, line numbers and order so that rewording a message or
    moving a sentence in the policy does not turn a known finding into a new one. The data
    type joins the key only when there is one, so category-level findings keep the
    fingerprints that baselines written before data types hold.
    """
    parts = [rule.value, package, category.value if category else "", *sorted(set(permissions))]
    if data_type is not None:
        parts.insert(3, f"data_type={data_type.value}")
    key = "\x1f".join(parts)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


BaselineState = Literal["new", "known"]


class Finding(Frozen):
    rule: Rule
    severity: Severity
    category: Category | None
    # The SPEC §1b datum the finding is about; None for category-level findings.
    data_type: DataType | None = None
    permissions: tuple[str, ...]
    message: str
    # Empty means the policy does not mention the category ("not mentioned").
    policy_evidence: tuple[Evidence, ...] = ()
    code_evidence: tuple[ApiEvidence, ...] = ()
    remediation: str = ""
    # Whose code reads the data (data-type findings): the app's own, a third party, unknown.
    party: Party | None = None
    fingerprint: str
    # Set only when the report was compared against a baseline (or an older release).
    baseline: BaselineState | None = None


class FixedFinding(Frozen):
    """A finding of the baseline that the current run no longer reports."""

    rule: str
    severity: str
    category: str | None
    # Absent from baselines written before data types existed.
    data_type: str | None = None
    permissions: tuple[str, ...]
    message: str
    fingerprint: str


class Summary(Frozen):
    """Counts of the findings shown, plus what the gate and the filters did."""

    error: int = 0
    warning: int = 0
    note: int = 0
    total: int = 0
    # Findings below --min-severity: not shown, but still seen by the exit-code gate.
    hidden: int = 0
    # Findings removed by ignores of the configuration.
    ignored: int = 0
    # Baseline comparison; zero when no baseline was given.
    new: int = 0
    known: int = 0
    fixed: int = 0
    # Findings (shown or hidden, never ignored or known) at or above --fail-on: exit 1 if > 0.
    failing: int = 0


class IgnoreOutcome(Frozen):
    """One ignore of the configuration and what it did in this run."""

    rule: Rule
    category: Category | None = None
    permission: str | None = None
    reason: str
    expires: datetime.date | None = None
    # applied: it removed findings; expired: past its date, so it removed nothing;
    # unused: still valid but matched no finding (probably stale).
    status: Literal["applied", "expired", "unused"]
    fingerprints: tuple[str, ...] = ()


class BaselineInfo(Frozen):
    source: str
    fixed: tuple[FixedFinding, ...] = ()


class AppChanges(Frozen):
    """What a new release asks for compared with an older one (`permaudit diff`)."""

    old_source: str
    old_version_name: str | None = None
    old_version_code: int | None = None
    added_permissions: tuple[str, ...] = ()
    removed_permissions: tuple[str, ...] = ()
    added_components: tuple[str, ...] = ()
    removed_components: tuple[str, ...] = ()
    # SPEC §1b data types the new release's code reads and the old one's did not (and back).
    added_data_types: tuple[DataType, ...] = ()
    removed_data_types: tuple[DataType, ...] = ()
    # The two builds are not one app's releases in order (other package, older version):
    # new/known/fixed then compare different things, and every format says so.
    old_package: str | None = None
    warnings: tuple[str, ...] = ()


FailOn = Literal["error", "warning", "note", "none"]


class CategoryRequest(Frozen):
    """What the app asks for in one category, as reports show it beside the policy."""

    category: Category
    # Permissions (full names) and sensitive components (`<kind>` or their permission).
    permissions: tuple[str, ...] = ()
    # SPEC §1b data types of the category that code in the app can read.
    data_types: tuple[DataType, ...] = ()


class AuditReport(Frozen):
    """The finished audit: what every report format renders. Serialises to SPEC §4 JSON."""

    schema_version: str = SCHEMA_VERSION
    app: AppFacts
    policy: PolicyFacts
    findings: tuple[Finding, ...]
    summary: Summary
    fail_on: FailOn = "error"
    min_severity: Severity = Severity.NOTE
    baseline: BaselineInfo | None = None
    ignores: tuple[IgnoreOutcome, ...] = ()
    changes: AppChanges | None = None
    # For the formats, not the JSON contract: every rule's documentation (SARIF rules) and,
    # per category, what the app requests (the HTML coverage table).
    rules: tuple[RuleDoc, ...] = Field(default=(), exclude=True)
    requests: tuple[CategoryRequest, ...] = Field(default=(), exclude=True)

    def rule_doc(self, rule: Rule) -> RuleDoc | None:
        for doc in self.rules:
            if doc.rule is rule:
                return doc
        return None

    def to_json_dict(self) -> dict[str, Any]:
        data = self.model_dump(mode="json")
        data["app"] = self.app.to_json_dict()
        data["policy"] = self.policy.to_json_dict()
        return data
