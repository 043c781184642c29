"""Versioned data tables (permission → category, protection levels) and their schemas."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict

from permaudit.models import Category


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class CatalogPermission(_Strict):
    name: str
    category: Category
    protection_level: str
    # Which part of the category the permission grants, for the scope_exceeded rule.
    scope: Literal["precise", "approximate", "background"] | None = None


class CatalogPrefix(_Strict):
    prefix: str
    category: Category
    protection_level: str


class PermissionCatalog(_Strict):
    version: int
    permissions: tuple[CatalogPermission, ...]
    prefixes: tuple[CatalogPrefix, ...] = ()

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
    """Parse one YAML data file shipped inside this package."""
    text = resources.files(__package__).joinpath(filename).read_text(encoding="utf-8")
    return yaml.safe_load(text)


@cache
def permission_catalog() -> PermissionCatalog:
    return PermissionCatalog.model_validate(load_data("permissions.yaml"))


def categories_for_permission(name: str) -> tuple[Category, ...]:
    entry = permission_catalog().lookup(name)
    return (entry.category,) if entry else ()
