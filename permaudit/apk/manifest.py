"""AndroidManifest.xml (binary) → `AppFacts`: everything the manifest says the app asks for.

Reads the manifest fully rather than through androguard's `APK` helpers, which drop
`<uses-permission-sdk-23>` and read the whole file without bounds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from permaudit.apk.axml import Element, Value
from permaudit.catalog import (
    categories_for_component,
    permission_catalog,
    platform_protection_level,
)
from permaudit.models import AppFacts, Component, DeclaredPermission, Feature, Permission

# android:protectionLevel: base value in the low 4 bits, flags above
# (frameworks/base/core/res/res/values/attrs_manifest.xml, API 34).
_PROTECTION_BASE = {0: "normal", 1: "dangerous", 2: "signature", 3: "signatureOrSystem"}
_PROTECTION_FLAGS = (
    (0x10, "privileged"),
    (0x20, "development"),
    (0x40, "appop"),
    (0x80, "pre23"),
    (0x100, "installer"),
    (0x200, "verifier"),
    (0x400, "preinstalled"),
    (0x800, "setup"),
    (0x1000, "instant"),
    (0x2000, "runtime"),
    (0x4000, "oem"),
    (0x8000, "vendorPrivileged"),
    (0x10000, "textClassifier"),
    (0x20000, "wellbeing"),
    (0x40000, "documenter"),
    (0x80000, "configurator"),
    (0x100000, "incidentReportApprover"),
    (0x200000, "appPredictor"),
    (0x800000, "companion"),
    (0x1000000, "retailDemo"),
    (0x2000000, "recents"),
    (0x4000000, "role"),
    (0x8000000, "knownSigner"),
)

# android:usesPermissionFlags (API 31): the only flag the platform defines.
_USES_PERMISSION_FLAGS = ((0x10000, "neverForLocation"),)

NOTIFICATION_LISTENER_PERMISSION = "android.permission.BIND_NOTIFICATION_LISTENER_SERVICE"
ACCESSIBILITY_PERMISSION = "android.permission.BIND_ACCESSIBILITY_SERVICE"

# Resolves a resource reference (@0x7f...) to its default-configuration string, or None.
ResourceResolver = Callable[[int], str | None]


class ManifestError(Exception):
    """The manifest parsed but is not an Android manifest (e.g. no package)."""


@dataclass(frozen=True)
class _Context:
    package: str
    resolve: ResourceResolver


def protection_level_name(value: int) -> str:
    """Render an android:protectionLevel integer the way the platform's attrs name it."""
    names = [_PROTECTION_BASE.get(value & 0xF, f"0x{value & 0xF:x}")]
    names += [name for bit, name in _PROTECTION_FLAGS if value & bit]
    unknown = value & ~0xF & ~sum(bit for bit, _ in _PROTECTION_FLAGS)
    if unknown:
        names.append(f"0x{unknown:x}")
    return "|".join(names)


def uses_permission_flags_name(value: int) -> str | None:
    if value == 0:
        return None
    names = [name for bit, name in _USES_PERMISSION_FLAGS if value & bit]
    unknown = value & ~sum(bit for bit, _ in _USES_PERMISSION_FLAGS)
    if unknown:
        names.append(f"0x{unknown:x}")
    return "|".join(names)


def facts_from_manifest(root: Element, source: str, resolve: ResourceResolver) -> AppFacts:
    """Build `AppFacts` from a parsed manifest; `resolve` looks up resource references."""
    if root.tag != "manifest":
        raise ManifestError(f"root element is <{root.tag}>, not <manifest>")
    package = _text(root.get("package"), resolve)
    if not package:
        raise ManifestError("manifest has no package name")
    context = _Context(package=package, resolve=resolve)

    uses_sdk = next(iter(root.iter("uses-sdk")), None)
    # A preview SDK is a codename string ("UpsideDownCake"), not a level: reported as null.
    min_sdk = _int(uses_sdk.get("minSdkVersion") if uses_sdk else None, resolve)
    target_sdk = _int(uses_sdk.get("targetSdkVersion") if uses_sdk else None, resolve)

    declared = _declared_permissions(root, context)
    declared_levels = {permission.name: permission.protection_level for permission in declared}
    application = next(iter(root.iter("application")), None)

    return AppFacts(
        source=source,
        package=package,
        version_name=_text(root.get("versionName"), resolve),
        version_code=_int(root.get("versionCode"), resolve),
        min_sdk=min_sdk,
        target_sdk=target_sdk,
        permissions=_uses_permissions(root, context, declared_levels),
        declared_permissions=declared,
        features=_features(root, context),
        components=_components(root, application, context),
    )


def _uses_permissions(
    root: Element, context: _Context, declared_levels: dict[str, str]
) -> tuple[Permission, ...]:
    catalog = permission_catalog()
    seen: dict[tuple[str, bool], Permission] = {}
    # Only direct children of <manifest> count: the platform ignores them anywhere else.
    for child in root.children:
        if child.tag == "uses-permission":
            sdk23 = False
        elif child.tag in ("uses-permission-sdk-23", "uses-permission-sdk-m"):
            sdk23 = True
        else:
            continue
        name = _text(child.get("name"), context.resolve)
        if not name:
            continue
        flags = _int(child.get("usesPermissionFlags"), context.resolve)
        entry = catalog.lookup(name)
        if entry is not None:
            level = entry.protection_level
        else:
            level = platform_protection_level(name) or declared_levels.get(name, "unknown")
        permission = Permission(
            name=name,
            max_sdk_version=_int(child.get("maxSdkVersion"), context.resolve),
            sdk23=sdk23,
            uses_permission_flags=uses_permission_flags_name(flags) if flags else None,
            protection_level=level,
            categories=(entry.category,) if entry else (),
        )
        # The platform merges repeated entries; keep the first, as PackageParser does.
        seen.setdefault((name, sdk23), permission)
    return tuple(sorted(seen.values(), key=lambda p: (p.name, p.sdk23)))


def _declared_permissions(root: Element, context: _Context) -> tuple[DeclaredPermission, ...]:
    declared: dict[str, DeclaredPermission] = {}
    for child in root.iter("permission"):
        name = _text(child.get("name"), context.resolve)
        if not name:
            continue
        level = _int(child.get("protectionLevel"), context.resolve)
        declared.setdefault(
            name,
            DeclaredPermission(name=name, protection_level=protection_level_name(level or 0)),
        )
    return tuple(sorted(declared.values(), key=lambda p: p.name))


def _features(root: Element, context: _Context) -> tuple[Feature, ...]:
    features: dict[str, Feature] = {}
    for child in root.iter("uses-feature"):
        name = _text(child.get("name"), context.resolve)
        if not name:
            # <uses-feature android:glEsVersion=...> names no feature.
            continue
        required_value = child.get("required")
        required = required_value.as_bool(default=True) if required_value else True
        features.setdefault(name, Feature(name=name, required=required))
    return tuple(sorted(features.values(), key=lambda f: f.name))


def _components(
    root: Element, application: Element | None, context: _Context
) -> tuple[Component, ...]:
    components: list[Component] = []
    if application is not None:
        for service in application.iter("service"):
            permission = _text(service.get("permission"), context.resolve)
            if permission == NOTIFICATION_LISTENER_PERMISSION:
                kind = "notification_listener"
            elif permission == ACCESSIBILITY_PERMISSION:
                kind = "accessibility_service"
            else:
                continue
            name = _class_name(_text(service.get("name"), context.resolve), context.package)
            components.append(
                Component(
                    kind=kind,
                    name=name,
                    permission=permission,
                    categories=categories_for_component(kind),
                )
            )
    for queries in root.iter("queries"):
        for name in _queried(queries, context):
            components.append(
                Component(kind="queries", name=name, categories=categories_for_component("queries"))
            )
    unique = {(c.kind, c.name): c for c in components}
    return tuple(sorted(unique.values(), key=lambda c: (c.kind, c.name)))


def _queried(queries: Element, context: _Context) -> list[str]:
    """Names for each entry of a <queries> element: package, intent action, or provider."""
    names: list[str] = []
    for child in queries.children:
        if child.tag == "package":
            package = _text(child.get("name"), context.resolve)
            if package:
                names.append(package)
        elif child.tag == "intent":
            actions = [_text(a.get("name"), context.resolve) for a in child.iter("action")]
            schemes = [
                _text(d.get("android:scheme"), context.resolve) or "" for d in child.iter("data")
            ]
            label = ",".join(a for a in actions if a) or "intent"
            if any(schemes):
                label += " (" + ",".join(s for s in schemes if s) + ")"
            names.append(f"intent:{label}")
        elif child.tag == "provider":
            authorities = _text(child.get("authorities"), context.resolve)
            if authorities:
                names.append(f"provider:{authorities}")
    return names


def _class_name(name: str | None, package: str) -> str:
    if not name:
        return "<unnamed>"
    if name.startswith("."):
        return package + name
    if "." not in name:
        return f"{package}.{name}"
    return name


def _text(value: Value | None, resolve: ResourceResolver) -> str | None:
    if value is None:
        return None
    if value.is_reference:
        return resolve(value.data)
    if value.string is not None:
        return value.string
    integer = value.as_int()
    return str(integer) if integer is not None else None


def _int(value: Value | None, resolve: ResourceResolver) -> int | None:
    if value is None:
        return None
    if value.is_reference:
        resolved = resolve(value.data)
        if resolved is None:
            return None
        try:
            return int(resolved.strip(), 0)
        except ValueError:
            return None
    return value.as_int()
