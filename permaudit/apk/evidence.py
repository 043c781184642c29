"""Code evidence: which classes and methods of an app reference sensitive APIs, and whose code
that is (the app's own, a bundled third-party SDK, or unknown).

Input is the raw bytes of every classes*.dex; nothing here builds a call graph. Each DEX is
searched for the few method / field / string ids that the API table names (see `_dex`).
"""

from __future__ import annotations

import struct
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from permaudit.apk._dex import CodeRef, DexFile, DexFormatError, Wanted
from permaudit.apk.archive import ApkArchive
from permaudit.apk.bundle import dex_entries
from permaudit.catalog import permission_catalog
from permaudit.catalog.api_tables import ApiCatalog, ApiEntry, api_catalog, sdk_catalog
from permaudit.errors import InputError
from permaudit.models import ApiEvidence, AppFacts, Category, Party

__all__ = ["CodeScan", "attribute_party", "scan_code", "with_code_evidence"]

# Second-level labels under which the organisation is the third label (cn.com.vendor.app).
_GENERIC_SECOND_LEVEL = frozenset({"com", "co", "net", "org", "gov", "edu", "ac"})


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
    catalog = api_catalog()
    warnings: list[str] = []
    parsed: list[tuple[str, DexFile]] = []
    for name, data in dex_files:
        try:
            parsed.append((name, DexFile(data)))
        except DexFormatError as error:
            warnings.append(f"{name}: skipped, not a readable DEX file ({error})")
    found: set[ApiEvidence] = set()
    total = sum(dex.class_defs_size for _, dex in parsed)
    with _progress_bar(progress, total) as advance:
        for name, dex in parsed:
            try:
                found.update(_scan_dex(name, dex, package, catalog, advance))
            except (DexFormatError, struct.error) as error:
                warnings.append(f"{name}: code evidence incomplete, malformed DEX ({error})")
    return CodeScan(tuple(sorted(found, key=_sort_key)), tuple(warnings))


def attribute_party(class_name: str, package: str) -> tuple[Party, str | None]:
    """Whose code `class_name` (dotted) is, for an app whose package is `package`.

    The app's own package wins; then the SDK table (support libraries count as the app's);
    then the app's organisation prefix (com.vendor for com.vendor.cam); otherwise unknown,
    which includes obfuscated names such as `a.b.c` that could belong to anyone.
    """
    if _within(class_name, package):
        return Party.FIRST_PARTY, None
    sdk = sdk_catalog().match(class_name)
    if sdk is not None:
        return (Party.FIRST_PARTY, None) if sdk.acts_for_app else (Party.THIRD_PARTY, sdk.name)
    organisation = _organisation(package)
    if organisation and _within(class_name, organisation):
        return Party.FIRST_PARTY, None
    return Party.UNKNOWN, None


def _within(class_name: str, package: str) -> bool:
    return bool(package) and class_name.startswith(package + ".")


def _organisation(package: str) -> str | None:
    labels = package.split(".")
    size = 3 if len(labels) > 1 and labels[1] in _GENERIC_SECOND_LEVEL else 2
    if len(labels) <= size or any(len(label) < 2 for label in labels[:size]):
        return None
    return ".".join(labels[:size])


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


def _resolve(dex: DexFile, catalog: ApiCatalog) -> tuple[Wanted, dict[tuple[str, int], _Target]]:
    """Turn table entries into this DEX's method / field / string indices."""
    by_member: dict[tuple[str, str, str], list[ApiEntry]] = defaultdict(list)
    strings: list[ApiEntry] = []
    for entry in catalog.apis:
        if entry.kind == "string":
            strings.append(entry)
        else:
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
    return wanted, targets


def _scan_dex(
    name: str,
    dex: DexFile,
    package: str,
    catalog: ApiCatalog,
    advance: Callable[[int], None],
) -> Iterator[ApiEvidence]:
    wanted, targets = _resolve(dex, catalog)
    if not wanted:
        advance(dex.class_defs_size)
        return
    refs = dex.find_references(wanted, advance)
    callers: dict[tuple[int, int], tuple[str, str, Party, str | None]] = {}
    for ref in refs:
        target = targets[(ref.kind, ref.ref_idx)]
        caller = callers.get((ref.class_idx, ref.method_idx))
        if caller is None:
            caller_class = _java_name(dex.type_descriptor(ref.class_idx))
            caller_method = dex.method_name(ref.method_idx) + dex.method_descriptor(ref.method_idx)
            party, sdk = attribute_party(caller_class, package)
            caller = callers[(ref.class_idx, ref.method_idx)] = (
                caller_class,
                caller_method,
                party,
                sdk,
            )
        for entry in target.entries:
            if not _argument_matches(entry, ref):
                continue
            for permission in entry.permissions or (None,):
                yield ApiEvidence(
                    api=target.api,
                    permission=permission,
                    category=_category(permission, entry.category),
                    caller_class=caller[0],
                    caller_method=caller[1],
                    party=caller[2],
                    sdk=caller[3],
                    dex=name,
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


# Largest single DEX read into memory; real ones stay well under 32 MiB (64K-method limit).
# The cap is also the memory a DEX bomb can cost, so it must leave the process well under
# a few hundred MB.
MAX_DEX_BYTES = 64 * 1024 * 1024


def with_code_evidence(facts: AppFacts, archive: ApkArchive, *, progress: bool = False) -> AppFacts:
    """`facts` with `api_evidence` filled from every DEX of `archive` (`bundle.dex_entries`).

    A DEX the archive refuses (beyond the size cap, corrupt entry) or that is not valid DEX is
    skipped with a warning: the manifest facts stay usable.
    """
    warnings: list[str] = []

    def read_all() -> Iterator[tuple[str, bytes]]:
        for name in dex_entries(archive):
            try:
                yield name, archive.read(name, limit=MAX_DEX_BYTES)
            except InputError as error:
                warnings.append(f"{name}: skipped ({error.problem})")

    scan = scan_code(read_all(), facts.package, progress=progress)
    return facts.model_copy(
        update={
            "api_evidence": scan.evidence,
            "warnings": (*facts.warnings, *warnings, *scan.warnings),
        }
    )
