"""What the app asks for, per category: the app side of every rule (pure, no I/O)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from permaudit.catalog import (
    categories_for_component,
    categories_for_feature,
    categories_for_permission,
    permission_catalog,
)
from permaudit.models import (
    ApiEvidence,
    AppFacts,
    Category,
    CategoryRequest,
    Component,
    DataType,
    Party,
    Permission,
    all_data_types,
    short_permission,
)

# Code evidence kept per finding: enough to act on, bounded on apps with thousands of calls.
MAX_CODE_EVIDENCE = 25
# Components that reach data without the user granting a dangerous permission, but are as
# sensitive as one: the user enables them in Settings and they see everything.
_SENSITIVE_COMPONENTS = frozenset({"notification_listener", "accessibility_service"})


@dataclass
class Request:
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


def protection_level(permission: Permission) -> str:
    if permission.protection_level != "unknown":
        return permission.protection_level
    entry = permission_catalog().lookup(permission.name)
    return entry.protection_level if entry else "unknown"


def is_sensitive_level(level: str) -> bool:
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


def requests_of(app: AppFacts) -> dict[Category, Request]:
    requests: dict[Category, Request] = {}
    for permission in effective_permissions(app):
        for category in permission_categories(permission):
            request = requests.setdefault(category, Request())
            request.feature_only = False
            request.permissions.add(permission.name)
            if is_sensitive_level(protection_level(permission)):
                request.sensitive = True
            entry = permission_catalog().lookup(permission.name)
            if entry is not None and entry.scope is not None and entry.category is category:
                request.scopes.setdefault(entry.scope, set()).add(permission.name)
    for component in app.components:
        for category in component_categories(component):
            request = requests.setdefault(category, Request())
            request.feature_only = False
            request.permissions.add(component_label(component))
            if component.kind in _SENSITIVE_COMPONENTS:
                request.sensitive = True
    for feature in app.features:
        for category in categories_for_feature(feature.name):
            requests.setdefault(category, Request())
    return requests


def category_requests(app: AppFacts) -> tuple[CategoryRequest, ...]:
    """What the report shows per category beside the policy: the categories the app asks for
    or whose data types its code reads."""
    requests = {c: r for c, r in requests_of(app).items() if not r.feature_only}
    read = list(data_type_reads(app))
    shown = []
    for category in Category:
        data_types = tuple(d for d in read if d.category is category)
        if category in requests or data_types:
            permissions = requests[category].permissions if category in requests else set()
            shown.append(
                CategoryRequest(
                    category=category,
                    permissions=tuple(sorted(permissions)),
                    data_types=data_types,
                )
            )
    return tuple(shown)


def one_per_call_site(
    app: AppFacts, records: Iterable[ApiEvidence], *, limit: int | None = MAX_CODE_EVIDENCE
) -> tuple[ApiEvidence, ...]:
    """One record per call site, first-party code first.

    The scanner writes a record per permission that lets a call succeed (FINE and COARSE for
    most location calls); a finding shows each call site once, under the permission the app
    actually requests when there is a choice.
    """
    requested = {p.name for p in effective_permissions(app)}
    by_site: dict[tuple[str, str, str, str], ApiEvidence] = {}
    for record in records:
        site = (record.dex, record.caller_class, record.caller_method, record.api)
        kept = by_site.get(site)
        if kept is None or (kept.permission not in requested and record.permission in requested):
            by_site[site] = record
    ordered = sorted(
        by_site.values(),
        key=lambda e: (e.party.value, e.sdk or "", e.caller_class, e.caller_method, e.api, e.dex),
    )
    return tuple(ordered if limit is None else ordered[:limit])


def code_evidence(
    app: AppFacts, category: Category, *, third_party_only: bool = False
) -> tuple[ApiEvidence, ...]:
    """One record per call site of the category's APIs, first-party code first."""
    return one_per_call_site(
        app,
        (
            record
            for record in app.api_evidence or ()
            if record.category is category
            and (not third_party_only or record.party is Party.THIRD_PARTY)
        ),
    )


def reachable(app: AppFacts, evidence: Iterable[ApiEvidence]) -> tuple[ApiEvidence, ...]:
    """The calls that can succeed: they need no permission, or one the app holds.

    The scanner writes one record per permission that would let a call succeed, so a call
    whose every record names a permission the app lacks (an SDK asking for the IMEI in an app
    without READ_PHONE_STATE) only throws: it collects nothing. A permission the platform
    does not enforce for this app (AD_ID below target API 33, GET_ACCOUNTS from API 26) does
    not stop the call.
    """
    held = {p.name for p in effective_permissions(app)}

    def succeeds(permission: str | None) -> bool:
        if permission is None or permission in held:
            return True
        entry = permission_catalog().lookup(permission)
        return entry is not None and not entry.needed_by(app.target_sdk)

    return tuple(e for e in evidence if succeeds(e.permission))


def data_type_reads(app: AppFacts) -> dict[DataType, tuple[ApiEvidence, ...]]:
    """Per SPEC §1b data type, every record of a call that can read it (one per permission
    that lets it succeed: `one_per_call_site` makes code evidence of them)."""
    by_type: dict[DataType, list[ApiEvidence]] = {}
    for record in reachable(app, app.api_evidence or ()):
        if record.data_type is not None:
            by_type.setdefault(record.data_type, []).append(record)
    return {
        data_type: tuple(by_type[data_type])
        for data_type in all_data_types()
        if data_type in by_type
    }


def used_without_permission(app: AppFacts, category: Category) -> bool:
    """Code reads data of the category through an API that needs no permission (Android ID)."""
    return any(e.category is category and e.permission is None for e in app.api_evidence or ())


def short_names(permissions: Iterable[str]) -> str:
    """`CAMERA, RECORD_AUDIO`: a finding's permissions as its message names them."""
    return ", ".join(short_permission(p) for p in sorted(permissions))
