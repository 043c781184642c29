"""The audit (pure: app facts + policy facts → findings → the finished report).

findings = audit(app, policy)                      # engine.py, the rules in rules/
report = build_report(app, policy, findings, today=datetime.date.today())   # report.py
exit_code(report)                                  # 0 / 1 (SPEC §4)
diff_apps(old, new)                                # diff.py, for `permaudit diff`
"""

from permaudit.audit.diff import diff_apps
from permaudit.audit.engine import audit, sort_key
from permaudit.audit.report import (
    Baseline,
    Ignore,
    as_baseline,
    build_report,
    exit_code,
    ignore_problem,
)
from permaudit.audit.requests import effective_permissions, is_granted
from permaudit.audit.rules import RULE_DOCS, RULES

__all__ = [
    "RULES",
    "RULE_DOCS",
    "Baseline",
    "Ignore",
    "as_baseline",
    "audit",
    "build_report",
    "diff_apps",
    "effective_permissions",
    "exit_code",
    "ignore_problem",
    "is_granted",
    "sort_key",
]
