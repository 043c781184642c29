"""Findings of the audit (SPEC §3) and the report that carries them."""

from __future__ import annotations

import hashlib
from enum import StrEnum

from permaudit.models.app import ApiEvidence
from permaudit.models.common import Category, Frozen
from permaudit.models.policy import Evidence


class Rule(StrEnum):
    UNDISCLOSED = "undisclosed"
    CONTRADICTED = "contradicted"
    VAGUE = "vague"
    PURPOSE_MISSING = "purpose_missing"
    SCOPE_EXCEEDED = "scope_exceeded"
    UNREQUESTED_DISCLOSURE = "unrequested_disclosure"
    UNUSED_PERMISSION = "unused_permission"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "note": 1}[self.value]


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
