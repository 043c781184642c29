"""Every rule of the audit, one module each: the rule's documentation, default severity and
check live together. Adding a rule is one module and one line below."""

from __future__ import annotations

from permaudit.audit.context import RuleSpec
from permaudit.audit.rules import (
    contradicted,
    data_type_undisclosed,
    purpose_missing,
    scope_exceeded,
    third_party_undisclosed,
    undisclosed,
    unrequested_disclosure,
    unused_permission,
    vague,
)
from permaudit.models import Rule, RuleDoc

RULES: tuple[RuleSpec, ...] = (
    undisclosed.RULE,
    contradicted.RULE,
    vague.RULE,
    purpose_missing.RULE,
    scope_exceeded.RULE,
    unrequested_disclosure.RULE,
    unused_permission.RULE,
    data_type_undisclosed.RULE,
    third_party_undisclosed.RULE,
)

RULE_DOCS: dict[Rule, RuleDoc] = {spec.rule: spec.doc for spec in RULES}

if set(RULE_DOCS) != set(Rule):  # pragma: no cover - caught by the first test run
    raise RuntimeError(f"rules without a module: {sorted(set(Rule) - set(RULE_DOCS))}")

__all__ = ["RULES", "RULE_DOCS", "RuleSpec"]
