"""Resolve `@string/...`-style references in the manifest through `resources.arsc`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from permaudit.apk._androguard import axml as _axml
from permaudit.apk.archive import ApkArchive

RESOURCES = "resources.arsc"
# resources.arsc of large apps reaches tens of MiB; beyond this, references stay unresolved.
_RESOURCES_LIMIT = 64 * 1024 * 1024


@dataclass(frozen=True)
class ResourceString:
    """One string resource value: its name (`@string/...`) and whether it is the default one."""

    name: str
    value: str
    default_locale: bool


class Resolver(Protocol):
    """A resource table as the manifest reader uses it (`ResourceTable`, `ProtoResourceTable`)."""

    unresolved: list[int]

    def resolve(self, resource_id: int) -> str | None: ...


class ResourceTable:
    """Lazily parsed resource table of one APK; a reference it cannot resolve gives None."""

    def __init__(self, archive: ApkArchive) -> None:
        self._archive = archive
        self._parser: _axml.ARSCParser | None = None
        self._loaded = False
        self.unresolved: list[int] = []

    def resolve(self, resource_id: int) -> str | None:
        value = self._lookup(resource_id)
        if value is None:
            self.unresolved.append(resource_id)
        return value

    def _lookup(self, resource_id: int) -> str | None:
        if resource_id >> 24 == 0x01:
            # A framework resource (@android:string/...): its value lives on the device.
            return None
        parser = self._load()
        if parser is None:
            return None
        try:
            default = _axml.ARSCResTableConfig.default_config()
            found = parser.get_resolved_res_configs(resource_id, default)
            if not found:
                found = parser.get_resolved_res_configs(resource_id)
        except Exception:
            # androguard raises assorted errors on odd tables; an unresolved value is honest.
            return None
        for _config, value in found:
            if isinstance(value, str):
                return value
        return None

    def strings(self) -> list[ResourceString]:
        """Every string resource of the table's packages, in every configuration."""
        parser = self._load()
        if parser is None:
            return []
        found: list[ResourceString] = []
        try:
            for package, locales in parser.get_resolved_strings().items():
                for locale, values in locales.items():
                    for resource_id, value in values.items():
                        if isinstance(value, str):
                            name = parser.get_resource_xml_name(resource_id, package)
                            found.append(ResourceString(str(name), value, locale == "DEFAULT"))
        except Exception:
            # androguard raises assorted errors on odd tables: no strings, as for no table.
            return found
        return found

    def _load(self) -> _axml.ARSCParser | None:
        if not self._loaded:
            self._loaded = True
            if RESOURCES in self._archive:
                try:
                    data = self._archive.read(RESOURCES, limit=_RESOURCES_LIMIT)
                    self._parser = _axml.ARSCParser(data)
                except Exception:
                    # InputError (over the size cap, corrupt entry) or androguard's own errors:
                    # references then stay unresolved, reported as a warning.
                    self._parser = None
        return self._parser
