"""`permaudit diff`: what a new release asks for that the old one did not."""

from __future__ import annotations

from permaudit.audit.requests import effective_permissions
from permaudit.models import AppChanges, AppFacts


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
