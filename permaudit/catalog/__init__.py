"""Versioned data tables (permission → category, protection levels) and their schemas."""

from __future__ import annotations

from functools import cache
from typing import Any, Literal

from permaudit.catalog.parsed_cache import parse_package_file
from permaudit.models import Category, ComponentKind, Frozen


class CatalogPermission(Frozen):
    name: str
    category: Category
    protection_level: str
    # Which part of the category the permission grants, for the scope_exceeded rule.
    scope: Literal["precise", "approximate", "background"] | None = None
    # The platform enforces the permission only for apps targeting this API level or above:
    # below it, calls that list it succeed without it (AD_ID: 33).
    enforced_from_target_sdk: int | None = None
    # From this platform version on, those calls succeed without it for the data the app may
    # see (GET_ACCOUNTS: 26, the accounts visible to the app): every app runs on such devices.
    optional_from_sdk: int | None = None

    def needed_by(self, target_sdk: int | None) -> bool:
        """Whether an app targeting `target_sdk` must hold this permission for its calls."""
        if self.optional_from_sdk is not None:
            return False
        if self.enforced_from_target_sdk is not None:
            return target_sdk is not None and target_sdk >= self.enforced_from_target_sdk
        return True


class CatalogPrefix(Frozen):
    prefix: str
    category: Category
    protection_level: str


class PermissionCatalog(Frozen):
    version: int
    permissions: tuple[CatalogPermission, ...]
    prefixes: tuple[CatalogPrefix, ...] = ()
    readable_without_permission: frozenset[Category] = frozenset()

    def lookup(self, name: str) -> CatalogPermission | None:
        for entry in self.permissions:
            if entry.name == name:
                return entry
        for prefix in self.prefixes:
            if name.startswith(prefix.prefix):
                return CatalogPermission(
                    name=name, category=prefix.category, protection_level=prefix.protection_level
                )
        return None


def load_data(filename: str) -> Any:
    """Parse one YAML data file shipped inside this package (cached by content, see
    parsed_cache)."""
    return parse_package_file(__package__, filename)


@cache
def permission_catalog() -> PermissionCatalog:
    return PermissionCatalog.model_validate(load_data("permissions.yaml"))


def categories_for_permission(name: str) -> tuple[Category, ...]:
    entry = permission_catalog().lookup(name)
    return (entry.category,) if entry else ()


# --- protection levels of platform permissions outside the category catalog ----------------


class PlatformPermission(Frozen):
    name: str
    protection_level: str
    # Where the level comes from: "framework-res-29" (generated) or the AOSP release named.
    source: str


class PlatformPermissions(Frozen):
    version: int
    permissions: tuple[PlatformPermission, ...]


@cache
def platform_permissions() -> PlatformPermissions:
    return PlatformPermissions.model_validate(load_data("platform_permissions.yaml"))


@cache
def _platform_levels() -> dict[str, str]:
    return {entry.name: entry.protection_level for entry in platform_permissions().permissions}


def platform_protection_level(name: str) -> str | None:
    """Protection level the Android platform defines for `name`, if it is a platform one."""
    return _platform_levels().get(name)


# --- categories that come from manifest elements other than <uses-permission> ---------------


class FeatureSignal(Frozen):
    prefix: str
    category: Category


class ComponentSignal(Frozen):
    kind: ComponentKind
    categories: tuple[Category, ...]


class ManifestSignals(Frozen):
    version: int
    features: tuple[FeatureSignal, ...]
    components: tuple[ComponentSignal, ...]


@cache
def manifest_signals() -> ManifestSignals:
    return ManifestSignals.model_validate(load_data("manifest_signals.yaml"))


def categories_for_feature(name: str) -> tuple[Category, ...]:
    """Categories a `<uses-feature>` reveals (SPEC §1 "also from"), e.g. camera features."""
    found = {s.category for s in manifest_signals().features if name.startswith(s.prefix)}
    return tuple(sorted(found))


def categories_for_component(kind: str) -> tuple[Category, ...]:
    """Categories a sensitive manifest component gives access to."""
    for signal in manifest_signals().components:
        if signal.kind == kind:
            return signal.categories
    return ()


# --- words for purpose ids -------------------------------------------------------------------


class PurposeLabels(Frozen):
    version: int
    purposes: dict[str, str]


@cache
def purpose_labels() -> PurposeLabels:
    return PurposeLabels.model_validate(load_data("purposes.yaml"))


def purpose_label(purpose_id: str) -> str:
    """The words for a purpose id; an id no table names (a hand-written map's) as it is."""
    return purpose_labels().purposes.get(purpose_id, purpose_id)
