"""The audit: a pure function from app facts and policy facts to findings (SPEC §3).

No I/O happens here. `audit()` decides what is wrong; `build_report()` applies what the user
asked for (ignores, a baseline, the severity filter and the exit-code gate) and returns the
finished report that every format renders.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field

from permaudit.catalog import (
    categories_for_component,
    categories_for_feature,
    categories_for_permission,
    permission_catalog,
)
from permaudit.catalog.api_tables import api_catalog
from permaudit.models import (
    ApiEvidence,
    AppChanges,
    AppFacts,
    AuditReport,
    BaselineInfo,
    Category,
    CategoryDisclosure,
    Component,
    FailOn,
    Finding,
    FixedFinding,
    IgnoreOutcome,
    Party,
    Permission,
    PolicyFacts,
    Rule,
    Scope,
    Severity,
    Status,
    Summary,
    fingerprint,
)

ANDROID_PREFIX = "android.permission."
# Code evidence kept per finding: enough to act on, bounded on apps with thousands of calls.
MAX_CODE_EVIDENCE = 25

CATEGORY_LABELS: Mapping[Category, str] = {
    Category.CAMERA: "camera",
    Category.MICROPHONE: "microphone",
    Category.LOCATION: "location",
    Category.LOCAL_NETWORK: "local network (Wi-Fi)",
    Category.DEVICE_ID: "device identifiers",
    Category.BLUETOOTH: "Bluetooth",
    Category.STORAGE: "storage (photos, media, files)",
    Category.CONTACTS: "contacts",
    Category.CALENDAR: "calendar",
    Category.PHONE: "phone calls",
    Category.SMS: "SMS",
    Category.HEALTH: "health data (body sensors, activity)",
    Category.SENSORS: "motion sensors",
    Category.NOTIFICATIONS: "notification content",
    Category.INSTALLED_APPS: "installed apps",
}

_CATEGORY_ORDER = {category: index for index, category in enumerate(Category)}
_RULE_ORDER = {rule: index for index, rule in enumerate(Rule)}
# Components that reach data without the user granting a dangerous permission, but are as
# sensitive as one: the user enables them in Settings and they see everything.
_SENSITIVE_COMPONENTS = frozenset({"notification_listener", "accessibility_service"})


def short_permission(name: str) -> str:
    """`android.permission.CAMERA` → `CAMERA`; other names stay in full."""
    return name.removeprefix(ANDROID_PREFIX)


def category_label(category: Category | None) -> str:
    return CATEGORY_LABELS[category] if category is not None else "app"


@dataclass
class _CategoryRequest:
    """Everything the app asks for in one category, after dropping never-granted entries."""

    permissions: set[str] = field(default_factory=set)
    sensitive: bool = False
    # scope from the catalog (precise / approximate / background) → permissions granting it
    scopes: dict[str, set[str]] = field(default_factory=dict)
    # Only a uses-feature: enough to explain a disclosure, not enough to need one.
    feature_only: bool = True


def is_granted(permission: Permission, min_sdk: int | None) -> bool:
    """False when the grant can never reach a device the app installs on.

    `maxSdkVersion` stops the grant above that API level, `<uses-permission-sdk-23>` starts it
    at 23; an app whose minSdk is above the cap never holds the permission.
    """
    if permission.max_sdk_version is None:
        return True
    floor = max(min_sdk or 1, 23 if permission.sdk23 else 1)
    return permission.max_sdk_version >= floor


def _protection_level(permission: Permission) -> str:
    if permission.protection_level != "unknown":
        return permission.protection_level
    entry = permission_catalog().lookup(permission.name)
    return entry.protection_level if entry else "unknown"


def _is_sensitive_level(level: str) -> bool:
    # appop covers MANAGE_EXTERNAL_STORAGE ("All files access"), which the user grants.
    parts = set(level.split("|"))
    return "dangerous" in parts or "appop" in parts


def permission_categories(permission: Permission) -> tuple[Category, ...]:
    return permission.categories or categories_for_permission(permission.name)


def component_label(component: Component) -> str:
    """How a component appears in a finding's permission list (stable, for fingerprints)."""
    if component.permission:
        return component.permission
    return f"<{component.kind}>"


def component_categories(component: Component) -> tuple[Category, ...]:
    return component.categories or categories_for_component(component.kind)


def effective_permissions(app: AppFacts) -> tuple[Permission, ...]:
    """The permissions the app can actually hold, in manifest order."""
    return tuple(p for p in app.permissions if is_granted(p, app.min_sdk))


def _requests(app: AppFacts) -> dict[Category, _CategoryRequest]:
    requests: dict[Category, _CategoryRequest] = {}
    for permission in effective_permissions(app):
        for category in permission_categories(permission):
            request = requests.setdefault(category, _CategoryRequest())
            request.feature_only = False
            request.permissions.add(permission.name)
            if _is_sensitive_level(_protection_level(permission)):
                request.sensitive = True
            entry = permission_catalog().lookup(permission.name)
            if entry is not None and entry.scope is not None and entry.category is category:
                request.scopes.setdefault(entry.scope, set()).add(permission.name)
    for component in app.components:
        for category in component_categories(component):
            request = requests.setdefault(category, _CategoryRequest())
            request.feature_only = False
            request.permissions.add(component_label(component))
            if component.kind in _SENSITIVE_COMPONENTS:
                request.sensitive = True
    for feature in app.features:
        for category in categories_for_feature(feature.name):
            requests.setdefault(category, _CategoryRequest())
    return requests


def _code_evidence(
    app: AppFacts, category: Category, *, third_party_only: bool = False
) -> tuple[ApiEvidence, ...]:
    """One record per call site of the category's APIs, first-party code first.

    The scanner writes a record per permission that lets a call succeed (FINE and COARSE for
    most location calls); a finding shows each call site once, under the permission the app
    actually requests when there is a choice.
    """
    if not app.api_evidence:
        return ()
    requested = {p.name for p in effective_permissions(app)}
    by_site: dict[tuple[str, str, str, str], ApiEvidence] = {}
    for record in app.api_evidence:
        if record.category is not category:
            continue
        if third_party_only and record.party is not Party.THIRD_PARTY:
            continue
        site = (record.dex, record.caller_class, record.caller_method, record.api)
        kept = by_site.get(site)
        if kept is None or (kept.permission not in requested and record.permission in requested):
            by_site[site] = record
    ordered = sorted(
        by_site.values(),
        key=lambda e: (e.party.value, e.sdk or "", e.caller_class, e.caller_method, e.api, e.dex),
    )
    return tuple(ordered[:MAX_CODE_EVIDENCE])


def _names(permissions: Iterable[str]) -> str:
    return ", ".join(short_permission(p) for p in sorted(permissions))


class _Builder:
    """Collects findings for one (app, policy) pair."""

    def __init__(self, app: AppFacts, policy: PolicyFacts) -> None:
        self.app = app
        self.policy = policy
        self.findings: list[Finding] = []

    def add(
        self,
        rule: Rule,
        severity: Severity,
        category: Category | None,
        permissions: Iterable[str],
        message: str,
        remediation: str,
        *,
        policy_evidence: bool = True,
        code_evidence: tuple[ApiEvidence, ...] = (),
    ) -> None:
        names = tuple(sorted(set(permissions)))
        evidence = (
            self.policy.categories[category].evidence
            if policy_evidence and category is not None
            else ()
        )
        self.findings.append(
            Finding(
                rule=rule,
                severity=severity,
                category=category,
                permissions=names,
                message=message,
                policy_evidence=evidence,
                code_evidence=code_evidence,
                remediation=remediation,
                fingerprint=fingerprint(rule, self.app.package, category, names),
            )
        )


def _check_requested(
    out: _Builder, category: Category, request: _CategoryRequest, disclosure: CategoryDisclosure
) -> None:
    label = category_label(category)
    perms = request.permissions
    evidence = _code_evidence(out.app, category)
    status = disclosure.status
    if status is Status.ABSENT:
        out.add(
            Rule.UNDISCLOSED,
            Severity.ERROR if request.sensitive else Severity.WARNING,
            category,
            perms,
            f"Requests {label} ({_names(perms)}) but the policy never mentions it",
            f"Disclose {label} in the privacy policy (what is collected, why, who receives it) "
            f"or remove {_names(perms)} from the manifest.",
            policy_evidence=False,
            code_evidence=evidence,
        )
        return
    if status is Status.DENIED:
        out.add(
            Rule.CONTRADICTED,
            Severity.ERROR,
            category,
            perms,
            f"Requests {label} ({_names(perms)}) but the policy says it is not collected",
            f"Remove {_names(perms)}, or correct the policy so that it discloses {label} "
            "and why it is collected.",
            code_evidence=evidence,
        )
        return
    if status is Status.VAGUE:
        out.add(
            Rule.VAGUE,
            Severity.WARNING,
            category,
            perms,
            f"Requests {label} ({_names(perms)}) but the policy covers it only with an "
            "umbrella term",
            f"Name {label} specifically in the policy instead of a generic term such as "
            '"device information".',
            code_evidence=evidence,
        )
    elif not disclosure.purposes:
        out.add(
            Rule.PURPOSE_MISSING,
            Severity.WARNING,
            category,
            perms,
            f"Policy discloses {label} ({_names(perms)}) but gives no purpose for it",
            f"State in the policy why {label} is collected (e.g. device setup, live view).",
            code_evidence=evidence,
        )
    _check_scope(out, category, request, disclosure.scope or Scope(), evidence)
    _check_third_party(out, category, request, disclosure)


def _check_scope(
    out: _Builder,
    category: Category,
    request: _CategoryRequest,
    scope: Scope,
    evidence: tuple[ApiEvidence, ...],
) -> None:
    if category is Category.LOCATION:
        precise = request.scopes.get("precise", set())
        if precise and scope.precision == "approximate":
            out.add(
                Rule.SCOPE_EXCEEDED,
                Severity.WARNING,
                category,
                precise,
                f"Requests precise location ({_names(precise)}) but the policy discloses only "
                "approximate location",
                "Disclose precise location in the policy, or request only ACCESS_COARSE_LOCATION.",
                code_evidence=evidence,
            )
        background = request.scopes.get("background", set())
        if background and not scope.background:
            out.add(
                Rule.SCOPE_EXCEEDED,
                Severity.WARNING,
                category,
                background,
                f"Requests background location ({_names(background)}) but the policy does not "
                "disclose location access in the background",
                "Disclose that location is collected while the app is not in use, or remove "
                "ACCESS_BACKGROUND_LOCATION.",
                code_evidence=evidence,
            )
    elif category is Category.HEALTH:
        background = request.scopes.get("background", set())
        if background and not scope.background:
            out.add(
                Rule.SCOPE_EXCEEDED,
                Severity.WARNING,
                category,
                background,
                f"Requests background body-sensor access ({_names(background)}) but the policy "
                "does not disclose health data collection in the background",
                "Disclose that body-sensor data is read while the app is not in use, or remove "
                "BODY_SENSORS_BACKGROUND.",
                code_evidence=evidence,
            )


def _reachable(app: AppFacts, evidence: Iterable[ApiEvidence]) -> tuple[ApiEvidence, ...]:
    """The calls that can succeed: they need no permission, or one the app holds.

    The scanner writes one record per permission that would let a call succeed, so a call
    whose every record names a permission the app lacks (an SDK asking for the IMEI in an app
    without READ_PHONE_STATE) only throws: it collects nothing.
    """
    held = {p.name for p in effective_permissions(app)}
    return tuple(e for e in evidence if e.permission is None or e.permission in held)


def _used_without_permission(app: AppFacts, category: Category) -> bool:
    """Code reads data of the category through an API that needs no permission (Android ID)."""
    return any(e.category is category and e.permission is None for e in app.api_evidence or ())


def _check_third_party(
    out: _Builder, category: Category, request: _CategoryRequest, disclosure: CategoryDisclosure
) -> None:
    if Party.THIRD_PARTY in disclosure.parties:
        return
    evidence = _reachable(out.app, _code_evidence(out.app, category, third_party_only=True))
    if not evidence:
        return
    sdks = sorted({e.sdk or e.caller_class.rsplit(".", 1)[0] for e in evidence})
    label = category_label(category)
    if disclosure.status in (Status.EXPLICIT, Status.VAGUE):
        gap = "the policy names no third party receiving it"
    elif disclosure.status is Status.DENIED:
        gap = "the policy says it is not collected"
    else:
        gap = "the policy never mentions it"
    out.add(
        Rule.THIRD_PARTY_UNDISCLOSED,
        Severity.WARNING,
        category,
        request.permissions,
        f"Third-party SDK code ({', '.join(sdks)}) uses {label} but {gap}",
        f"Name the third parties that receive {label} (the SDK providers) in the policy, or "
        "remove the SDK.",
        code_evidence=evidence,
    )


def _check_unused(out: _Builder, detectable: Collection[str]) -> None:
    app = out.app
    if app.api_evidence is None:
        return
    # The scanner writes one record per permission that would let a call succeed (FINE or
    # COARSE for most location APIs), so a permission without a record of its own has no use.
    used = {e.permission for e in app.api_evidence if e.permission}
    for permission in effective_permissions(app):
        if permission.name not in detectable or permission.name in used:
            continue
        if not _is_sensitive_level(_protection_level(permission)):
            continue
        categories = permission_categories(permission)
        if not categories:
            continue
        out.add(
            Rule.UNUSED_PERMISSION,
            Severity.NOTE,
            categories[0],
            (permission.name,),
            f"Requests {short_permission(permission.name)} but no code calls an API that needs it",
            f"Remove {short_permission(permission.name)} from the manifest if no feature "
            "needs it (code loaded at run time is not seen).",
            policy_evidence=False,
        )


def sort_key(finding: Finding) -> tuple[int, int, int, tuple[str, ...]]:
    return (
        -finding.severity.rank,
        _RULE_ORDER[finding.rule],
        _CATEGORY_ORDER[finding.category] if finding.category else len(_CATEGORY_ORDER),
        finding.permissions,
    )


def audit(
    app: AppFacts,
    policy: PolicyFacts,
    *,
    detectable_permissions: Collection[str] | None = None,
) -> tuple[Finding, ...]:
    """Every mismatch between what the app requests and what the policy discloses.

    `detectable_permissions` lists the permissions whose use the API table can recognise in
    code; `unused_permission` is claimed only for those (default: the shipped API table).
    """
    out = _Builder(app, policy)
    requests = _requests(app)
    for category in Category:
        request = requests.get(category)
        disclosure = policy.categories[category]
        if request is not None and not request.feature_only:
            _check_requested(out, category, request, disclosure)
        elif _used_without_permission(app, category):
            # No permission to request, yet the data is read (an SDK reading the Android ID):
            # a disclosure is not stale, and an SDK collecting it must be named either way.
            _check_third_party(out, category, request or _CategoryRequest(), disclosure)
        elif (
            request is None
            and disclosure.status is Status.EXPLICIT
            and category not in permission_catalog().readable_without_permission
        ):
            out.add(
                Rule.UNREQUESTED_DISCLOSURE,
                Severity.NOTE,
                category,
                (),
                f"Policy discloses {category_label(category)} but the app requests no "
                "permission for it",
                "Check that the policy describes this app; remove the disclosure if it is "
                "stale or copied from another product.",
            )
    detectable = (
        api_catalog().covered_permissions
        if detectable_permissions is None
        else detectable_permissions
    )
    _check_unused(out, detectable)
    return tuple(sorted(out.findings, key=sort_key))


# --- from findings to the finished report ----------------------------------------------------


def ignore_problem(category: Category | None, permission: str | None) -> str | None:
    """Why an ignore naming `category` and/or `permission` is invalid, or None.

    With both, a finding must be of the category AND involve the permission, so a permission
    the catalog files under another category would make an ignore that never matches.
    """
    if category is None and permission is None:
        return "an ignore needs `category` or `permission` besides `rule`"
    if category is not None and permission is not None:
        name = permission if "." in permission else ANDROID_PREFIX + permission
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
        wanted = {self.permission, ANDROID_PREFIX + self.permission}
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


def diff_apps(old: AppFacts, new: AppFacts) -> AppChanges:
    """Permissions and sensitive components the new release asks for that the old did not."""

    def permissions(app: AppFacts) -> set[str]:
        return {p.name for p in effective_permissions(app)}

    def components(app: AppFacts) -> set[str]:
        return {f"{c.kind}: {c.name}" for c in app.components}

    return AppChanges(
        old_source=old.source,
        old_version_name=old.version_name,
        old_version_code=old.version_code,
        added_permissions=tuple(sorted(permissions(new) - permissions(old))),
        removed_permissions=tuple(sorted(permissions(old) - permissions(new))),
        added_components=tuple(sorted(components(new) - components(old))),
        removed_components=tuple(sorted(components(old) - components(new))),
    )


def as_baseline(source: str, findings: Iterable[Finding]) -> Baseline:
    """Findings of another audit run (e.g. the old release in `diff`) as a baseline."""
    return Baseline(
        source=source,
        findings=tuple(
            FixedFinding(
                rule=f.rule.value,
                severity=f.severity.value,
                category=f.category.value if f.category else None,
                permissions=f.permissions,
                message=f.message,
                fingerprint=f.fingerprint,
            )
            for f in findings
        ),
    )
