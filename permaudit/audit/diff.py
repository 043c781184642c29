"""`permaudit diff`: what a new release asks for and reads that the old one did not."""

from __future__ import annotations

from permaudit.audit.requests import data_type_reads, effective_permissions
from permaudit.models import AppChanges, AppFacts, DataType, all_data_types


def _version(app: AppFacts) -> str:
    name = app.version_name or "?"
    return f"{name} (version code {app.version_code})" if app.version_code is not None else name


def release_warnings(old: AppFacts, new: AppFacts) -> tuple[str, ...]:
    """Why the two builds are not one app's releases in order, if they are not."""
    if old.package != new.package:
        return (
            f"the builds are different apps: {old.package} ({old.source}) and {new.package} "
            f"({new.source}); new, known and fixed findings compare two apps, not two releases",
        )
    if (
        old.version_code is not None
        and new.version_code is not None
        and new.version_code < old.version_code
    ):
        return (
            f"{new.package} goes backwards: the new build {new.source} is {_version(new)}, "
            f"older than {old.source}, {_version(old)}; were the builds given in the wrong "
            "order (OLD_APP first)?",
        )
    return ()


def diff_apps(old: AppFacts, new: AppFacts) -> AppChanges:
    """Permissions, sensitive components and data types (SPEC §1b) the new release asks for
    or reads that the old did not, and the other way round."""

    def permissions(app: AppFacts) -> set[str]:
        return {p.name for p in effective_permissions(app)}

    def components(app: AppFacts) -> set[str]:
        return {f"{c.kind}: {c.name}" for c in app.components}

    def data_types(app: AppFacts) -> set[DataType]:
        return set(data_type_reads(app))

    order = all_data_types()
    return AppChanges(
        old_source=old.source,
        old_version_name=old.version_name,
        old_version_code=old.version_code,
        added_permissions=tuple(sorted(permissions(new) - permissions(old))),
        removed_permissions=tuple(sorted(permissions(old) - permissions(new))),
        added_components=tuple(sorted(components(new) - components(old))),
        removed_components=tuple(sorted(components(old) - components(new))),
        added_data_types=tuple(sorted(data_types(new) - data_types(old), key=order.index)),
        removed_data_types=tuple(sorted(data_types(old) - data_types(new), key=order.index)),
        old_package=old.package,
        warnings=release_warnings(old, new),
    )
