"""`permaudit extract --format table`: what the app asks for, grouped by data category, in
rich tables for people (`app_view.render_app` imports it only for this format)."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from permaudit.catalog import categories_for_feature
from permaudit.models import AppFacts, Category, Permission
from permaudit.report.common import short_permission

NO_CATEGORY = "(no category)"


def render_table(app: AppFacts, *, color: bool = False, width: int = 100) -> str:
    buffer = io.StringIO()
    # Manifest strings are untrusted: "[/x]" in a version name is text, not rich markup.
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        markup=False,
        emoji=False,
    )
    console.print(_header(app))
    console.print(_permissions_table(app))
    if app.components:
        console.print(_components_table(app))
    if app.features:
        console.print(_features_table(app))
    if app.declared_permissions:
        console.print(_declared_table(app))
    if app.api_evidence is not None:
        console.print(_evidence_table(app))
    if app.policy_urls:
        console.print(_policy_urls_lines(app))
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
            Text(short_permission(permission.name), style=style),
            Text(permission.protection_level, style=style),
            ", ".join(notes),
            end_section=False,
        )
        previous_group = group
    return table


def _policy_urls_lines(app: AppFacts) -> Text:
    # Lines, not a table: a URL folded across table rows cannot be copied. Most likely first,
    # which is what `audit --policy auto` uses unless the top ones tie.
    text = Text("Privacy-policy URLs in the app (most likely first)", style="italic")
    for url in app.policy_urls:
        text.append(f"\n  {url.url}")
        text.append(f"  ({', '.join(url.found_in)})", style="dim")
    return text


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


def _evidence_table(app: AppFacts) -> Table | Text:
    """One row per call site; the permissions that would let it succeed are joined."""
    evidence = app.api_evidence or ()
    if not evidence:
        return Text("Code evidence: no code references a sensitive API")
    rows: dict[tuple[str, str, str, str, str, str], list[str]] = {}
    for item in evidence:
        whose = item.sdk or item.organisation
        party = f"{item.party.value}\n{whose}" if whose else item.party.value
        caller = f"{item.caller_class}.{item.caller_method.split('(')[0]}"
        api = item.api.split("(")[0].split(":")[0]
        api = api.removeprefix("L").replace("/", ".").replace(";->", ".")
        data = item.data_type.value if item.data_type else ""
        key = (item.category.value, api, data, caller, party, item.dex)
        rows.setdefault(key, [])
        if item.permission:
            rows[key].append(short_permission(item.permission))
    table = Table(title="Code evidence (sensitive API calls)", title_justify="left", expand=True)
    table.add_column("category", no_wrap=True)
    table.add_column("permissions", no_wrap=True)  # READ_PRIVILEGED_PHONE_STATE is the widest
    table.add_column("api / caller", overflow="fold", ratio=1)
    table.add_column("party", min_width=11, max_width=16)
    previous = None
    for (category, api, data, caller, party, _dex), permissions in rows.items():
        call = Text(api)
        if data:
            call.append(f"  reads {data}", style="bold")
        call.append(f"\n{caller}", style="dim")  # the caller, under the API it calls
        table.add_row(category if category != previous else "", "\n".join(permissions), call, party)
        previous = category
    return table
