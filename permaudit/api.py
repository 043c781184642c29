"""The Python API: one (app, policy) pair in, the finished `AuditReport` out.

`audit_pair` is what `permaudit audit`, `permaudit batch` and the tests run, so a script that
calls it gets exactly the report the CLI would print:

    >>> import permaudit
    >>> report = permaudit.audit_pair("app.apk", "privacy.md")
    >>> report.summary.error, [f.rule for f in report.findings]

Every problem with the inputs raises `permaudit.errors.InputError` (the file and the problem
in one line); nothing is printed.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from pathlib import Path

from permaudit.audit import Baseline, Ignore, build_report
from permaudit.audit import audit as run_audit
from permaudit.models import AppFacts, AuditReport, FailOn, PolicyFacts, Severity

__all__ = ["audit_pair", "load_app_facts", "load_policy_facts"]


def load_app_facts(app: str | Path, *, evidence: bool = True, progress: bool = False) -> AppFacts:
    """What the app at `app` asks for (with code evidence unless `evidence=False`)."""
    # Imported here: androguard takes a second to import, and `permaudit --help` should not pay.
    from permaudit.apk import load_app

    return load_app(Path(app), evidence=evidence, progress=progress)


def load_policy_facts(policy: str | Path, *, offline: bool = False) -> PolicyFacts:
    """What the policy at `policy` discloses: a document or reviewed map, an http(s) URL
    (fetched and cached; `offline`: from the cache only) or "-" for standard input."""
    from permaudit.policy import load_policy_source

    return load_policy_source(policy, offline=offline)


def audit_pair(
    app: str | Path | AppFacts,
    policy: str | Path | PolicyFacts,
    *,
    evidence: bool = True,
    fail_on: FailOn = "error",
    min_severity: Severity | str = Severity.NOTE,
    ignores: Iterable[Ignore] = (),
    baseline: Baseline | None = None,
    today: datetime.date | None = None,
    progress: bool = False,
    offline: bool = False,
) -> AuditReport:
    """Audit `app` against `policy` and return the finished report.

    `app` is a path to an .apk/.apks/.xapk/.aab or facts already read; `policy` a path to a
    policy document or map, or facts already analysed (a batch analyses each policy once and
    passes its facts to every app that shares it). `evidence=False` skips the code scan.
    The other options are those of `permaudit audit`: the exit-code gate (`fail_on`), the
    severity filter, ignores of the configuration (judged against `today`, default: the
    date today) and a baseline. `progress` shows the code scan's progress bar on stderr;
    `offline` reads a policy URL from the cache of earlier fetches only.
    """
    app_facts = (
        app
        if isinstance(app, AppFacts)
        else load_app_facts(app, evidence=evidence, progress=progress)
    )
    policy_facts = (
        policy if isinstance(policy, PolicyFacts) else load_policy_facts(policy, offline=offline)
    )
    return build_report(
        app_facts,
        policy_facts,
        run_audit(app_facts, policy_facts),
        fail_on=fail_on,
        min_severity=Severity(min_severity),
        ignores=ignores,
        baseline=baseline,
        today=today or datetime.date.today(),
    )
