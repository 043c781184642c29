"""Frozen value objects passed between the boundaries: inputs → facts → findings → report."""

from permaudit.models.app import (
    ApiEvidence,
    AppFacts,
    Component,
    ComponentKind,
    DeclaredPermission,
    Feature,
    Permission,
)
from permaudit.models.common import SCHEMA_VERSION, Category, Frozen, Party
from permaudit.models.findings import Finding, Rule, Severity, fingerprint
from permaudit.models.policy import (
    CategoryDisclosure,
    Evidence,
    PolicyFacts,
    Purpose,
    Scope,
    Status,
)

__all__ = [
    "SCHEMA_VERSION",
    "ApiEvidence",
    "AppFacts",
    "Category",
    "CategoryDisclosure",
    "Component",
    "ComponentKind",
    "DeclaredPermission",
    "Evidence",
    "Feature",
    "Finding",
    "Frozen",
    "Party",
    "Permission",
    "PolicyFacts",
    "Purpose",
    "Rule",
    "Scope",
    "Severity",
    "Status",
    "fingerprint",
]
