"""What a batch worker runs: its one-time set-up, a policy's analysis, a pair's audit.

These run inside sandboxes (permaudit.batch.sandbox), locally or on Dask workers, and take
and return only picklable values.
"""

from __future__ import annotations

import contextlib
import datetime
from dataclasses import dataclass
from typing import Any

from permaudit.api import audit_pair, load_policy_facts
from permaudit.errors import InputError
from permaudit.models import FailOn, PolicyFacts, Severity

# Short policies in the languages permaudit reads, so that each language's analyzer loads
# whatever it loads (a parser model, a dictionary) during set-up rather than on a pair.
_WARM_UP_POLICIES = (
    "We collect your precise location and camera images to set up the device.",
    "我们会收集您的位置信息和设备标识符，用于设备配网。",
)


def warm_up() -> None:
    """Load everything a pair needs, through the public loaders, once per worker."""
    from permaudit.apk import load_app  # noqa: F401  (androguard and the DEX scanner)
    from permaudit.apk.evidence import with_code_evidence  # noqa: F401
    from permaudit.catalog import manifest_signals, permission_catalog, platform_permissions
    from permaudit.catalog.api_tables import api_catalog, sdk_catalog
    from permaudit.policy import analyze_text

    permission_catalog()
    platform_permissions()
    manifest_signals()
    api_catalog()
    sdk_catalog()
    for text in _WARM_UP_POLICIES:
        # A language this version does not read has nothing to load.
        with contextlib.suppress(InputError):
            analyze_text(text, source="<warm-up>")


def analyse_policy(source: str) -> PolicyFacts:
    return load_policy_facts(source)


@dataclass(frozen=True)
class AuditOptions:
    evidence: bool = True
    fail_on: FailOn = "error"
    min_severity: Severity = Severity.NOTE
    # Fixed once per job, so that a job running past midnight judges every pair alike.
    today: datetime.date | None = None


def audit_result(app: str, policy: PolicyFacts, options: AuditOptions) -> dict[str, Any]:
    """The `summary` and `findings` of a batch line (SPEC §6) for one pair."""
    report = audit_pair(
        app,
        policy,
        evidence=options.evidence,
        fail_on=options.fail_on,
        min_severity=options.min_severity,
        today=options.today,
    )
    return {
        "summary": report.summary.model_dump(mode="json"),
        "findings": [finding.model_dump(mode="json") for finding in report.findings],
    }
