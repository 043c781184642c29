"""Schemas and loaders of the code-evidence tables: sensitive APIs and SDK package prefixes."""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from pydantic import model_validator

from permaudit.catalog import load_data
from permaudit.models import Category, DataType, Frozen

_METHOD_API = re.compile(r"^(L[^;]+;)->([\w$<>-]+)(\(.*\).+)?$")
_FIELD_API = re.compile(r"^(L[^;]+;)->([\w$]+)$")


class IntArgument(Frozen):
    """Only calls passing one of `values` (a known constant) as argument `position` count."""

    position: int
    values: dict[int, str]


class ApiEntry(Frozen):
    api: str
    kind: Literal["method", "field", "string"] = "method"
    match: Literal["exact", "prefix"] = "exact"
    permissions: tuple[str, ...]
    category: Category
    # The SPEC §1b datum the API reads, when it reads one.
    data_type: DataType | None = None
    int_arg: IntArgument | None = None
    # Only calls from a method that also loads this string constant count (the
    # "android_id" key passed to Settings.Secure.getString, inlined by javac).
    with_string: str | None = None

    @model_validator(mode="after")
    def _well_formed(self) -> ApiEntry:
        if self.kind == "method" and not _METHOD_API.match(self.api):
            raise ValueError(f"method api must look like 'Lpkg/Class;->name(args)ret': {self.api}")
        if self.kind == "field" and not _FIELD_API.match(self.api):
            raise ValueError(f"field api must look like 'Lpkg/Class;->NAME': {self.api}")
        if self.match == "prefix" and self.kind != "string":
            raise ValueError(f"match: prefix applies to strings only: {self.api}")
        if self.int_arg is not None and self.kind != "method":
            raise ValueError(f"int_arg applies to methods only: {self.api}")
        if self.with_string is not None and self.kind != "method":
            raise ValueError(f"with_string applies to methods only: {self.api}")
        if self.data_type is not None and self.data_type.category is not self.category:
            raise ValueError(
                f"data_type {self.data_type.value} is not of category {self.category.value}: "
                f"{self.api}"
            )
        return self

    @property
    def class_descriptor(self) -> str:
        """`Lpkg/Class;` of a method or field entry."""
        return self.api.split("->", 1)[0]

    @property
    def member_name(self) -> str:
        member = self.api.split("->", 1)[1]
        return member.split("(", 1)[0]

    @property
    def descriptor(self) -> str | None:
        """`(args)ret` when the entry names one overload, else None (every overload)."""
        member = self.api.split("->", 1)[1]
        return "(" + member.split("(", 1)[1] if "(" in member else None


class ApiCatalog(Frozen):
    version: int
    apis: tuple[ApiEntry, ...]

    @property
    def covered_permissions(self) -> frozenset[str]:
        """Permissions some table entry can prove used: only these can be called unused."""
        return frozenset(p for entry in self.apis for p in entry.permissions)


SdkKind = Literal[
    "analytics",
    "ads",
    "attribution",
    "push",
    "crash",
    "maps",
    "location",
    "payments",
    "social",
    "iot_platform",
    "customer_support",
    "other",
    "library",
]


class SdkEntry(Frozen):
    name: str
    kind: SdkKind
    prefixes: tuple[str, ...]
    # Where the SDK's namespace is published (documentation, sample code, Maven artifact).
    source: str | None = None

    @property
    def acts_for_app(self) -> bool:
        """Support libraries run only on the app's behalf: their calls count as the app's."""
        return self.kind == "library"


class SdkCatalog(Frozen):
    version: int
    sdks: tuple[SdkEntry, ...]

    @model_validator(mode="after")
    def _unique_prefixes(self) -> SdkCatalog:
        seen: set[str] = set()
        for sdk in self.sdks:
            for prefix in sdk.prefixes:
                if prefix in seen:
                    raise ValueError(f"prefix listed twice: {prefix}")
                seen.add(prefix)
        return self

    def match(self, class_name: str) -> SdkEntry | None:
        """The SDK whose longest prefix owns the dotted `class_name`."""
        return _prefix_index(self).match(class_name)


class _PrefixIndex:
    def __init__(self, catalog: SdkCatalog) -> None:
        self._by_prefix = {p: sdk for sdk in catalog.sdks for p in sdk.prefixes}

    def match(self, class_name: str) -> SdkEntry | None:
        # Try the package and each parent package, longest first: one dict lookup per level.
        name = class_name
        while True:
            dot = name.rfind(".")
            if dot < 0:
                return None
            name = name[:dot]
            sdk = self._by_prefix.get(name)
            if sdk is not None:
                return sdk


@cache
def _prefix_index(catalog: SdkCatalog) -> _PrefixIndex:
    return _PrefixIndex(catalog)


@cache
def api_catalog() -> ApiCatalog:
    return ApiCatalog.model_validate(load_data("api_permissions.yaml"))


@cache
def sdk_catalog() -> SdkCatalog:
    return SdkCatalog.model_validate(load_data("sdk_prefixes.yaml"))
