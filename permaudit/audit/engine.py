"""The audit: a pure function from app facts and policy facts to findings (SPEC §3)."""

from __future__ import annotations

from collections.abc import Collection

from permaudit.audit.context import AuditContext
from permaudit.audit.rules import RULES
from permaudit.catalog.api_tables import api_catalog
from permaudit.models import (
    AppFacts,
    Category,
    DataType,
    Finding,
    PolicyFacts,
    Rule,
    all_data_types,
)

_CATEGORY_ORDER = {category: index for index, category in enumerate(Category)}
_RULE_ORDER = {rule: index for index, rule in enumerate(Rule)}


def sort_key(finding: Finding) -> tuple[int, int, int, int, tuple[str, ...]]:
    return (
        -finding.severity.rank,
        _RULE_ORDER[finding.rule],
        _CATEGORY_ORDER[finding.category] if finding.category else len(_CATEGORY_ORDER),
        # Category-level findings before the data-type findings of their category.
        -1 if finding.data_type is None else all_data_types().index(finding.data_type),
        finding.permissions,
    )


def audit(
    app: AppFacts,
    policy: PolicyFacts,
    *,
    detectable_permissions: Collection[str] | None = None,
    release_data_types: Collection[DataType] = (),
) -> tuple[Finding, ...]:
    """Every mismatch between what the app requests and what the policy discloses.

    `detectable_permissions` lists the permissions whose use the API table can recognise in
    code; `unused_permission` is claimed only for those (default: the shipped API table).
    `release_data_types` are data types this build reads and its previous release did not
    (`AppChanges.added_data_types`): each gets a finding of its own unless the policy names it.
    """
    ctx = AuditContext(
        app,
        policy,
        api_catalog().covered_permissions
        if detectable_permissions is None
        else detectable_permissions,
        release_data_types,
    )
    for spec in RULES:
        spec.check(ctx)
    return tuple(sorted(ctx.findings, key=sort_key))
