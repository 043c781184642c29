"""Code evidence: which classes and methods of an app reference sensitive APIs, and whose code
that is (the app's own, a bundled third-party SDK, or unknown).

Input is the raw bytes of every classes*.dex; nothing here builds a call graph. Each DEX is
searched for the few method / field / string ids that the API table names (see `_dex`).
"""

from __future__ import annotations

import re
import struct
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import NamedTuple

from permaudit.apk._dex import CodeRef, DexFile, DexFormatError, Wanted
from permaudit.apk.dex_files import DexRead
from permaudit.catalog import permission_catalog
from permaudit.catalog.api_tables import ApiCatalog, ApiEntry, api_catalog, sdk_catalog
from permaudit.models import ApiEvidence, AppFacts, Category, Party

__all__ = ["Attribution", "CodeScan", "attribute_party", "scan_code", "with_code_evidence"]

# Second-level labels under which the organisation is the third label (cn.com.vendor.app).
_GENERIC_SECOND_LEVEL = frozenset({"com", "co", "net", "org", "gov", "edu", "ac"})
# Top-level labels of real domains: under them a two-letter organisation (cn.jd) is a name;
# under anything else two short labels (aa.bb) look like an obfuscator's output.
_KNOWN_TOP_LEVEL = frozenset(
    {
        *("com", "net", "org", "io", "co", "me", "tv", "cc", "app", "dev", "info", "biz"),
        *("xyz", "top", "cn", "hk", "tw", "jp", "kr", "sg", "in", "de", "fr", "it", "es"),
        *("nl", "se", "ch", "at", "uk", "us", "ca", "au", "ru", "br"),
    }
)
_LABEL = re.compile(r"[a-z][a-z0-9_]*\Z")
# Namespaces of the platform itself: code under them in an APK is a repackaged copy, not an
# organisation's SDK.
_PLATFORM_ROOTS = frozenset({"android", "dalvik", "java", "javax", "libcore", "sun"})


@dataclass(frozen=True, slots=True)
class CodeScan:
    evidence: tuple[ApiEvidence, ...]
    warnings: tuple[str, ...]


def scan_code(
    dex_files: Iterable[tuple[str, bytes]], package: str, *, progress: bool = False
) -> CodeScan:
    """Every reference to a sensitive API in `dex_files` ((name, bytes) pairs), sorted, and a
    warning for each DEX that could not be read.

    `progress` shows a transient rich progress bar on stderr (the caller decides, typically
    when stderr is a terminal).
    """
    warnings: list[str] = []
    parsed: list[tuple[str, DexFile]] = []
    for name, data in dex_files:
        try:
            parsed.append((name, DexFile(data)))
        except DexFormatError as error:
            warnings.append(_unreadable(name, str(error)))
    return _scan_parsed(parsed, package, warnings, progress=progress)


def _unreadable(name: str, problem: str) -> str:
    return f"{name}: skipped, not a readable DEX file ({problem})"


def _scan_parsed(
    parsed: list[tuple[str, DexFile]], package: str, warnings: list[str], *, progress: bool
) -> CodeScan:
    catalog = api_catalog()
    found: set[ApiEvidence] = set()
    total = sum(dex.class_defs_size for _, dex in parsed)
    with _progress_bar(progress, total) as advance:
        for name, dex in parsed:
            try:
                found.update(_scan_dex(name, dex, package, catalog, advance))
            except (DexFormatError, struct.error) as error:
                warnings.append(f"{name}: code evidence incomplete, malformed DEX ({error})")
    return CodeScan(tuple(sorted(found, key=_sort_key)), tuple(warnings))


class Attribution(NamedTuple):
    """Whose code a class is: the party, the SDK the table names, the organisation otherwise."""

    party: Party
    sdk: str | None = None
    organisation: str | None = None


def attribute_party(class_name: str, package: str) -> Attribution:
    """Whose code `class_name` (dotted) is, for an app whose package is `package`.

    The app's own package wins; then the SDK table (support libraries count as the app's);
    then the app's organisation prefix (com.vendor for com.vendor.cam). A well-formed package
    of another organisation (cn.hikvideo.p2p) is a third party the table does not know, with
    that organisation recorded; obfuscated or too short names (`a.b.c`) stay unknown, since
    they could belong to anyone.
    """
    if _within(class_name, package):
        return Attribution(Party.FIRST_PARTY)
    sdk = sdk_catalog().match(class_name)
    if sdk is not None:
        if sdk.acts_for_app:
            return Attribution(Party.FIRST_PARTY)
        return Attribution(Party.THIRD_PARTY, sdk.name)
    own = _organisation(package)
    if own and _within(class_name, own):
        return Attribution(Party.FIRST_PARTY)
    other = _caller_organisation(class_name)
    if other is not None:
        return Attribution(Party.THIRD_PARTY, None, other)
    return Attribution(Party.UNKNOWN)


def _within(class_name: str, package: str) -> bool:
    return bool(package) and class_name.startswith(package + ".")


def _organisation_size(labels: list[str]) -> int:
    return 3 if len(labels) > 1 and labels[1] in _GENERIC_SECOND_LEVEL else 2


def _organisation(package: str) -> str | None:
    labels = package.split(".")
    size = _organisation_size(labels)
    if len(labels) <= size or any(len(label) < 2 for label in labels[:size]):
        return None
    return ".".join(labels[:size])


def _caller_organisation(class_name: str) -> str | None:
    """The organisation prefix of a class of someone else's code, when its name is readable."""
    labels = class_name.split(".")[:-1]  # the package of the class
    size = _organisation_size(labels)
    if len(labels) < size:
        return None
    prefix = labels[:size]
    if prefix[0] in _PLATFORM_ROOTS or not all(_LABEL.match(label) for label in prefix):
        return None
    shortest = 2 if prefix[0] in _KNOWN_TOP_LEVEL else 3
    if any(len(label) < shortest for label in prefix):
        return None
    return ".".join(prefix)


def _sort_key(item: ApiEvidence) -> tuple[str, ...]:
    return (
        item.category.value,
        item.permission or "",
        item.api,
        item.caller_class,
        item.caller_method,
        item.dex,
    )


def _java_name(descriptor: str) -> str:
    if descriptor.startswith("L") and descriptor.endswith(";"):
        return descriptor[1:-1].replace("/", ".")
    return descriptor


@dataclass(frozen=True, slots=True)
class _Target:
    """What a wanted id stands for in one DEX: its printable api and the table entries."""

    api: str
    entries: tuple[ApiEntry, ...]


@dataclass(frozen=True, slots=True)
class _Resolved:
    wanted: Wanted
    targets: dict[tuple[str, int], _Target]
    # `with_string` literal of an entry → its string index in this DEX.
    context_strings: dict[str, int]


def _resolve(dex: DexFile, catalog: ApiCatalog) -> _Resolved:
    """Turn table entries into this DEX's method / field / string indices."""
    by_member: dict[tuple[str, str, str], list[ApiEntry]] = defaultdict(list)
    strings: list[ApiEntry] = []
    context_strings: dict[str, int] = {}
    for entry in catalog.apis:
        if entry.kind == "string":
            strings.append(entry)
            continue
        if entry.with_string is not None and entry.with_string not in context_strings:
            index = dex.find_string(entry.with_string.encode())
            if index is None:
                continue  # no method of this DEX loads the key: no call can read it
            context_strings[entry.with_string] = index
        by_member[(entry.kind, entry.class_descriptor, entry.member_name)].append(entry)
    wanted = Wanted()
    targets: dict[tuple[str, int], _Target] = {}
    classes: dict[tuple[str, str], list[tuple[str, list[ApiEntry]]]] = defaultdict(list)
    for (kind, class_descriptor, member), entries in by_member.items():
        classes[(kind, class_descriptor)].append((member, entries))
    for (kind, class_descriptor), members in classes.items():
        type_idx = dex.find_type(class_descriptor.encode())
        if type_idx is None:
            continue
        by_name = dict(members)
        if kind == "method":
            for method_idx in dex.methods_of_class(type_idx):
                candidates = by_name.get(dex.method_name(method_idx))
                if not candidates:
                    continue
                descriptor = dex.method_descriptor(method_idx)
                matching = tuple(e for e in candidates if e.descriptor in (None, descriptor))
                if matching:
                    api = f"{class_descriptor}->{dex.method_name(method_idx)}{descriptor}"
                    targets[("method", method_idx)] = _Target(api, matching)
                    positions = [e.int_arg.position for e in matching if e.int_arg]
                    wanted.methods[method_idx] = positions[0] if positions else None
        else:
            for field_idx in dex.fields_of_class(type_idx):
                name = dex.field_name(field_idx)
                if name in by_name:
                    api = f"{class_descriptor}->{name}:{dex.field_type(field_idx)}"
                    targets[("field", field_idx)] = _Target(api, tuple(by_name[name]))
                    wanted.fields.add(field_idx)
    for entry in strings:
        literal = entry.api.encode()
        if entry.match == "prefix":
            indices: Iterable[int] = dex.strings_with_prefix(literal)
        else:
            exact = dex.find_string(literal)
            indices = () if exact is None else (exact,)
        for string_idx in indices:
            key = ("string", string_idx)
            previous = targets[key].entries if key in targets else ()
            targets[key] = _Target(f'"{dex.string(string_idx)}"', (*previous, entry))
            wanted.strings.add(string_idx)
    if any(key[0] == "method" and _needs_context(target) for key, target in targets.items()):
        for string_idx in context_strings.values():
            targets.setdefault(("string", string_idx), _Target("", ()))
            wanted.strings.add(string_idx)
    return _Resolved(wanted, targets, context_strings)


def _needs_context(target: _Target) -> bool:
    return any(entry.with_string is not None for entry in target.entries)


def _scan_dex(
    name: str,
    dex: DexFile,
    package: str,
    catalog: ApiCatalog,
    advance: Callable[[int], None],
) -> Iterator[ApiEvidence]:
    resolved = _resolve(dex, catalog)
    if not resolved.wanted:
        advance(dex.class_defs_size)
        return
    refs = dex.find_references(resolved.wanted, advance)
    # Strings each method loads, for entries that count only beside a constant (android_id).
    loaded: dict[tuple[int, int], set[int]] = defaultdict(set)
    if resolved.context_strings:
        for ref in refs:
            if ref.kind == "string":
                loaded[(ref.class_idx, ref.method_idx)].add(ref.ref_idx)
    callers: dict[tuple[int, int], tuple[str, str, Attribution]] = {}
    for ref in refs:
        target = resolved.targets[(ref.kind, ref.ref_idx)]
        site = (ref.class_idx, ref.method_idx)
        caller = callers.get(site)
        if caller is None:
            caller_class = _java_name(dex.type_descriptor(ref.class_idx))
            caller_method = dex.method_name(ref.method_idx) + dex.method_descriptor(ref.method_idx)
            caller = callers[site] = (
                caller_class,
                caller_method,
                attribute_party(caller_class, package),
            )
        for entry in target.entries:
            if not _argument_matches(entry, ref):
                continue
            if entry.with_string is not None and (
                resolved.context_strings.get(entry.with_string) not in loaded[site]
            ):
                continue
            for permission in entry.permissions or (None,):
                yield ApiEvidence(
                    api=target.api,
                    permission=permission,
                    category=_category(permission, entry.category),
                    caller_class=caller[0],
                    caller_method=caller[1],
                    party=caller[2].party,
                    sdk=caller[2].sdk,
                    dex=name,
                    data_type=entry.data_type,
                    organisation=caller[2].organisation,
                )


def _argument_matches(entry: ApiEntry, ref: CodeRef) -> bool:
    return entry.int_arg is None or ref.int_arg in entry.int_arg.values


def _category(permission: str | None, fallback: Category) -> Category:
    """A record's category is its permission's (so evidence lines up with permission findings)."""
    if permission is None:
        return fallback
    known = permission_catalog().lookup(permission)
    return known.category if known else fallback


@contextmanager
def _progress_bar(enabled: bool, total: int) -> Iterator[Callable[[int], None]]:
    if not enabled or total == 0:
        yield lambda _: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    console = Console(file=sys.stderr)
    with Progress(
        TextColumn("scanning code"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("classes"),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("scan", total=total)
        yield lambda count: bar.advance(task, count)


def with_code_evidence(
    facts: AppFacts, dex_files: Iterable[DexRead], *, progress: bool = False
) -> AppFacts:
    """`facts` with `api_evidence` filled from the app's DEX files (`dex_files.read_dex_files`).

    A DEX the archive refused (beyond the size cap, corrupt entry) or that is not valid DEX is
    skipped with a warning: the manifest facts stay usable.
    """
    refused: list[str] = []
    unreadable: list[str] = []
    parsed: list[tuple[str, DexFile]] = []
    for read in dex_files:
        if read.dex is not None:
            parsed.append((read.name, read.dex))
        elif read.refused is not None:
            refused.append(f"{read.name}: skipped ({read.refused})")
        else:
            unreadable.append(_unreadable(read.name, str(read.malformed)))
    scan = _scan_parsed(parsed, facts.package, unreadable, progress=progress)
    return facts.model_copy(
        update={
            "api_evidence": scan.evidence,
            "warnings": (*facts.warnings, *refused, *scan.warnings),
        }
    )
