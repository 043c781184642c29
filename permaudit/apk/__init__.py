"""The APK boundary: the only package that imports androguard.

Public API:

- `load_app(path) -> AppFacts` reads an `.apk`, or a bundle (`.apks`, `.xapk`) whose base APK
  it picks, and returns what the manifest asks for. Every user-caused problem raises
  `InputError(path, problem)`. With `evidence=True` it also scans every classes*.dex for
  sensitive API references (`api_evidence`, see permaudit.apk.evidence); `progress=True`
  shows a progress bar on stderr while it does.
- `ApkArchive` (permaudit.apk.archive): the bounded zip reader everything here goes through.
"""

from __future__ import annotations

from loguru import logger

# androguard logs every parsing step through loguru at DEBUG to stderr; our stderr is for
# one-line errors and progress only.
logger.disable("androguard")

from pathlib import Path  # noqa: E402

from permaudit.apk import axml  # noqa: E402
from permaudit.apk.archive import ApkArchive  # noqa: E402
from permaudit.apk.bundle import MANIFEST, open_base_apk  # noqa: E402
from permaudit.apk.manifest import ManifestError, facts_from_manifest  # noqa: E402
from permaudit.apk.resources import ResourceTable  # noqa: E402
from permaudit.apk.tolerant import UnreadableError, repair_manifest  # noqa: E402
from permaudit.errors import InputError  # noqa: E402
from permaudit.models import AppFacts  # noqa: E402

__all__ = ["ApkArchive", "load_app"]


def load_app(path: Path, *, evidence: bool = False, progress: bool = False) -> AppFacts:
    """Read the app at `path` (.apk, .apks or .xapk, detected by content) into `AppFacts`."""
    with ApkArchive.open(path) as outer:
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
            try:
                facts = facts_from_manifest(root, str(path), resources.resolve)
            except ManifestError as error:
                raise InputError(path, f"unreadable {MANIFEST}: {error}") from None
            if resources.unresolved:
                unresolved = ", ".join(f"@0x{rid:08x}" for rid in sorted(set(resources.unresolved)))
                warning = f"resource references left unresolved (reported as null): {unresolved}"
                facts = facts.model_copy(update={"warnings": (*facts.warnings, warning)})
            tampering = (*base.tamper_warnings, *manifest.warnings)
            if tampering:
                facts = facts.model_copy(
                    update={
                        "tampered": True,
                        "warnings": (*(f"tampered: {w}" for w in tampering), *facts.warnings),
                    }
                )
            if evidence:
                from permaudit.apk.evidence import with_code_evidence

                facts = with_code_evidence(facts, base, progress=progress)
            return facts
        finally:
            if base is not outer:
                base.close()
