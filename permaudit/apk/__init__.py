"""The APK boundary: the only package that imports androguard.

Public API:

- `load_app(path) -> AppFacts` reads an `.apk`, a bundle (`.apks`, `.xapk`) whose base APK
  it picks, or an Android App Bundle (`.aab`, protobuf manifest of its base module), and
  returns what the manifest asks for. Every user-caused problem raises
  `InputError(path, problem)`. With `evidence=True` it also scans the app's code (every
  classes*.dex, base/dex/classes*.dex in an .aab) for sensitive API references
  (`api_evidence`, see permaudit.apk.evidence); `progress=True` shows a progress bar on
  stderr while it does. `policy_urls` lists the privacy-policy URLs the app carries
  (permaudit.apk.policy_urls, which also decides what `--policy auto` uses).
- `ApkArchive` (permaudit.apk.archive): the bounded zip reader everything here goes through.
- `dex_entries(archive)` (permaudit.apk.bundle): the code of the archive holding the manifest,
  `classes*.dex` in an APK or `base/dex/classes*.dex` in an .aab, in load order.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from permaudit.apk import axml
from permaudit.apk.archive import ApkArchive
from permaudit.apk.bundle import AAB_MANIFEST, MANIFEST, dex_entries, is_app_bundle, open_base_apk
from permaudit.apk.dex_files import DexRead, read_dex_files
from permaudit.apk.manifest import ManifestError, facts_from_manifest
from permaudit.apk.policy_urls import find_policy_urls
from permaudit.apk.resources import Resolver, ResourceString, ResourceTable
from permaudit.apk.tolerant import UnreadableError, repair_manifest
from permaudit.errors import InputError
from permaudit.models import AppFacts

__all__ = ["ApkArchive", "dex_entries", "load_app"]


def load_app(path: Path, *, evidence: bool = False, progress: bool = False) -> AppFacts:
    """Read the app at `path` (.apk, .apks, .xapk or .aab, detected by content) into `AppFacts`."""
    with ApkArchive.open(path) as outer:
        if MANIFEST not in outer and is_app_bundle(outer):
            # The protobuf resource table of an .aab is not searched for URLs; its code is.
            facts = _load_app_bundle(path, outer)
            return _finish(facts, outer, (), (), evidence=evidence, progress=progress)
        base, base_name = open_base_apk(outer)
        try:
            if MANIFEST not in base:
                raise InputError(path, f"no {MANIFEST} in {base_name or 'the archive'}: not an APK")
            try:
                # Rewritten the way Android reads it when packers tampered with it.
                manifest = repair_manifest(base.read(MANIFEST))
            except UnreadableError as error:
                raise InputError(path, f"unreadable {MANIFEST}: {error}") from None
            try:
                root = axml.parse(manifest.data)
            except axml.AxmlError as error:
                raise InputError(path, f"unreadable {MANIFEST}: {error}") from None
            resources = ResourceTable(base)
            facts = _facts(path, MANIFEST, root, resources)
            return _finish(
                facts,
                base,
                resources.strings(),
                manifest.warnings,
                evidence=evidence,
                progress=progress,
            )
        finally:
            if base is not outer:
                base.close()


def _load_app_bundle(path: Path, bundle: ApkArchive) -> AppFacts:
    # Only here: importing the protobuf runtime costs about 20 ms that only an .aab needs.
    from permaudit.apk import aab

    if AAB_MANIFEST not in bundle:
        raise InputError(path, f"no {AAB_MANIFEST} in the app bundle: no base module")
    try:
        root = aab.parse_manifest(bundle.read(AAB_MANIFEST))
    except aab.ProtoManifestError as error:
        raise InputError(path, f"unreadable {AAB_MANIFEST}: {error}") from None
    return _facts(path, AAB_MANIFEST, root, aab.ProtoResourceTable(bundle))


def _facts(path: Path, manifest: str, root: axml.Element, resources: Resolver) -> AppFacts:
    try:
        facts = facts_from_manifest(root, str(path), resources.resolve)
    except ManifestError as error:
        raise InputError(path, f"unreadable {manifest}: {error}") from None
    if resources.unresolved:
        unresolved = ", ".join(f"@0x{rid:08x}" for rid in sorted(set(resources.unresolved)))
        warning = f"resource references left unresolved (reported as null): {unresolved}"
        facts = facts.model_copy(update={"warnings": (*facts.warnings, warning)})
    return facts


def _finish(
    facts: AppFacts,
    code: ApkArchive,
    resource_strings: Iterable[ResourceString],
    manifest_warnings: tuple[str, ...] | list[str],
    *,
    evidence: bool,
    progress: bool,
) -> AppFacts:
    """Policy URLs, tampering warnings, then code evidence, from `code`, the archive holding
    the manifest."""
    dex_files: Iterable[DexRead] = read_dex_files(code)
    if evidence:
        # Both readers need every DEX: inflate each once and keep them for the scan. Without
        # evidence the URL search holds one DEX at a time.
        dex_files = list(dex_files)
    urls, url_warnings = find_policy_urls(dex_files, resource_strings)
    facts = facts.model_copy(
        update={"policy_urls": urls, "warnings": (*facts.warnings, *url_warnings)}
    )
    # After the DEX files are read: reading an entry can reveal a tampered zip header.
    tampering = (*code.tamper_warnings, *manifest_warnings)
    if tampering:
        facts = facts.model_copy(
            update={
                "tampered": True,
                "warnings": (*(f"tampered: {w}" for w in tampering), *facts.warnings),
            }
        )
    if evidence:
        from permaudit.apk.evidence import with_code_evidence

        facts = with_code_evidence(facts, dex_files, progress=progress)
    return facts
