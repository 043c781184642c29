"""Findings of the audit (SPEC §3) and the report that carries them."""

from __future__ import annotations

import datetime
import hashlib
from enum import StrEnum
from typing import Any, Literal

from permaudit.models.app import ApiEvidence, AppFacts
from permaudit.models.common import SCHEMA_VERSION, Category, Frozen
from permaudit.models.policy import Evidence, PolicyFacts


class Rule(StrEnum):
    UNDISCLOSED = "undisclosed"
    CONTRADICTED = "contradicted"
    VAGUE = "vague"
    PURPOSE_MISSING = "purpose_missing"
    SCOPE_EXCEEDED = "scope_exceeded"
    UNREQUESTED_DISCLOSURE = "unrequested_disclosure"
    UNUSED_PERMISSION = "unused_permission"
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
    """What a rule checks and what to do about it: the help text of every report format."""

    rule: Rule
    name: str
    default_severity: Severity
    summary: str
    help: str


RULE_DOCS: dict[Rule, RuleDoc] = {
    doc.rule: doc
    for doc in (
        RuleDoc(
            rule=Rule.UNDISCLOSED,
            name="UndisclosedDataAccess",
            default_severity=Severity.ERROR,
            summary="The app requests a data category the privacy policy never mentions.",
            help=(
                "The APK asks for a permission or sensitive component of this data category, "
                "but the privacy policy says nothing about it. Either disclose the category in "
                "the policy (what is collected, why, and who receives it) or remove the "
                "permission from the manifest. Categories reached only through normal-protection "
                "permissions (e.g. ACCESS_WIFI_STATE) are reported as warnings."
            ),
        ),
        RuleDoc(
            rule=Rule.CONTRADICTED,
            name="PolicyContradicted",
            default_severity=Severity.ERROR,
            summary="The policy says the category is not collected, but the app requests it.",
            help=(
                "The privacy policy denies collecting or accessing this data category, yet the "
                "APK requests it. Remove the permission, or correct the policy so that it "
                "discloses the collection and its purpose."
            ),
        ),
        RuleDoc(
            rule=Rule.VAGUE,
            name="VagueDisclosure",
            default_severity=Severity.WARNING,
            summary="The category is covered only by an umbrella term.",
            help=(
                "The policy covers this category only with a generic term such as "
                '"device information" or "personal information". Name the data specifically '
                '(e.g. "precise location", "camera", "Wi-Fi name (SSID)").'
            ),
        ),
        RuleDoc(
            rule=Rule.PURPOSE_MISSING,
            name="PurposeMissing",
            default_severity=Severity.WARNING,
            summary="The category is disclosed, but no purpose is given for it.",
            help=(
                "The policy names this data category but does not say why it is collected. "
                "State the purpose next to the disclosure (e.g. device setup, live view)."
            ),
        ),
        RuleDoc(
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
        ),
        RuleDoc(
            rule=Rule.UNREQUESTED_DISCLOSURE,
            name="UnrequestedDisclosure",
            default_severity=Severity.NOTE,
            summary="The policy discloses a category the app does not request.",
            help=(
                "The policy says this category is collected, but the app requests no "
                "permission for it. The policy may be stale or boilerplate shared across apps; "
                "check that it describes this app."
            ),
        ),
        RuleDoc(
            rule=Rule.UNUSED_PERMISSION,
            name="UnusedPermission",
            default_severity=Severity.NOTE,
            summary="A dangerous permission is requested but no code uses an API that needs it.",
            help=(
                "No code in the APK references an API that needs this permission (only APIs "
                "permaudit can recognise are checked). Remove the permission if it is not needed; "
                "code loaded at run time or reached through reflection is not seen."
            ),
        ),
        RuleDoc(
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
        ),
    )
}


def fingerprint(
    rule: Rule, package: str, category: Category | None, permissions: tuple[str, ...]
) -> str:
    """Stable identity of a finding: same inputs give the same value on every run and machine.

    Deliberately excludes messages, line numbers and order so that rewording a message or
    moving a sentence in the policy does not turn a known finding into a new one.
    """
    key = "\x1f".join(
        [rule.value, package, category.value if category else "", *sorted(set(permissions))]
    )
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


BaselineState = Literal["new", "known"]


class Finding(Frozen):
    rule: Rule
    severity: Severity
    category: Category | None
    permissions: tuple[str, ...]
    message: str
    # Empty means the policy does not mention the category ("not mentioned").
    policy_evidence: tuple[Evidence, ...] = ()
    code_evidence: tuple[ApiEvidence, ...] = ()
    remediation: str = ""
    fingerprint: str
    # Set only when the report was compared against a baseline (or an older release).
    baseline: BaselineState | None = None


class FixedFinding(Frozen):
    """A finding of the baseline that the current run no longer reports."""

    rule: str
    severity: str
    category: str | None
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


FailOn = Literal["error", "warning", "note", "none"]


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

    def to_json_dict(self) -> dict[str, Any]:
        data = self.model_dump(mode="json")
        data["app"] = self.app.to_json_dict()
        data["policy"] = self.policy.to_json_dict()
        return data
