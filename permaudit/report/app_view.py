"""Render `AppFacts` for `permaudit extract`: a rich table for people, JSON for machines."""

from __future__ import annotations

import io
import json
from enum import StrEnum

from rich.console import Console
from rich.table import Table
from rich.text import Text

from permaudit.catalog import categories_for_feature
from permaudit.models import AppFacts, Category, Permission

NO_CATEGORY = "(no category)"


class AppFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


def render_app(app: AppFacts, fmt: AppFormat, *, color: bool = False, width: int = 100) -> str:
    if fmt is AppFormat.JSON:
        return render_json(app)
    if fmt is AppFormat.TABLE:
        return render_table(app, color=color, width=width)
    raise AssertionError(f"unhandled format {fmt!r}")


def render_json(app: AppFacts) -> str:
    """SPEC §4 `extract` JSON; lists are already sorted by extraction, keys are sorted here."""
    return json.dumps(app.to_json_dict(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def render_table(app: AppFacts, *, color: bool = False, width: int = 100) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, force_terminal=color, no_color=not color, highlight=False
    )
    console.print(_header(app))
    console.print(_permissions_table(app))
    if app.components:
        console.print(_components_table(app))
    if app.features:
        console.print(_features_table(app))
    if app.declared_permissions:
        console.print(_declared_table(app))
    for warning in app.warnings:
        console.print(Text(f"warning: {warning}", style="yellow"))
    return buffer.getvalue()


def _header(app: AppFacts) -> Text:
    def show(value: object) -> str:
        return "?" if value is None else str(value)

    text = Text()
    text.append(app.package, style="bold")
    text.append(f"  version {show(app.version_name)} ({show(app.version_code)})")
    text.append(f"  minSdk {show(app.min_sdk)}  targetSdk {show(app.target_sdk)}")
    dangerous = sum(1 for p in app.permissions if p.is_dangerous)
    text.append(f"\n{len(app.permissions)} permissions, {dangerous} dangerous  ({app.source})")
    return text


def _group(permission: Permission) -> str:
    return ", ".join(c.value for c in permission.categories) or NO_CATEGORY


def _permissions_table(app: AppFacts) -> Table:
    table = Table(title="Requested permissions", title_justify="left", expand=False)
    table.add_column("category")
    table.add_column("permission")
    table.add_column("protection")
    table.add_column("notes")
    category_order = {c.value: i for i, c in enumerate(Category)}

    def order(permission: Permission) -> tuple[int, str]:
        group = _group(permission).split(", ")[0]
        return (category_order.get(group, len(category_order)), permission.name)

    previous_group = None
    for permission in sorted(app.permissions, key=order):
        group = _group(permission)
        style = "bold red" if permission.is_dangerous else ""
        notes = []
        if permission.sdk23:
            notes.append("sdk-23+ only")
        if permission.max_sdk_version is not None:
            notes.append(f"maxSdk {permission.max_sdk_version}")
        if permission.uses_permission_flags:
            notes.append(permission.uses_permission_flags)
        table.add_row(
            group if group != previous_group else "",
            Text(_short(permission.name), style=style),
            Text(permission.protection_level, style=style),
            ", ".join(notes),
            end_section=False,
        )
        previous_group = group
    return table


def _components_table(app: AppFacts) -> Table:
    table = Table(title="Sensitive components", title_justify="left")
    table.add_column("category")
    table.add_column("kind")
    table.add_column("name")
    for component in app.components:
        categories = ", ".join(c.value for c in component.categories) or NO_CATEGORY
        table.add_row(categories, component.kind, component.name)
    return table


def _features_table(app: AppFacts) -> Table:
    table = Table(title="Hardware features", title_justify="left")
    table.add_column("category")
    table.add_column("feature")
    table.add_column("required")
    for feature in app.features:
        categories = ", ".join(c.value for c in categories_for_feature(feature.name))
        table.add_row(categories, feature.name, "yes" if feature.required else "no")
    return table


def _declared_table(app: AppFacts) -> Table:
    table = Table(title="Permissions the app declares", title_justify="left")
    table.add_column("permission")
    table.add_column("protection")
    for declared in app.declared_permissions:
        table.add_row(declared.name, declared.protection_level)
    return table


def _short(name: str) -> str:
    return name.removeprefix("android.permission.")
