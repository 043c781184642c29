"""Find the APK to read in what users download: a plain APK, an `.apks`, or an `.xapk`.

Detection is by content, not by file extension (an Android App Bundle, `.aab`, is recognised
by `is_app_bundle` and read by `load_app` itself, through `aab`):

- an archive with `AndroidManifest.xml` at its root is an APK, read as is;
- an archive with `manifest.json` at its root is an XAPK: the APK its `split_apks` entry with
  `id: base` names (or `<package_name>.apk`) is tried first;
- any other archive holding `*.apk` entries is an APKS (bundletool `splits/base-master.apk`,
  SAI/`apkmirror` style `base.apk` + `split_config.*.apk`, or `standalones/*.apk`).

In a bundle the base APK is the one whose manifest has no `split` attribute; candidates are
tried in the order above, so a misnamed base is still found and a misnamed split is not taken
for it. A bundle in which every APK is a split is an `InputError`.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePosixPath

from permaudit.apk import axml
from permaudit.apk.archive import ApkArchive
from permaudit.errors import InputError

MANIFEST = "AndroidManifest.xml"
XAPK_MANIFEST = "manifest.json"
# The layout of an .aab (see `aab`), here so that recognising one needs no protobuf runtime.
AAB_BUNDLE_CONFIG = "BundleConfig.pb"
AAB_MANIFEST = "base/manifest/AndroidManifest.xml"
AAB_DEX_DIR = "base/dex/"
_XAPK_MANIFEST_LIMIT = 1024 * 1024
# Splits beyond this many are not worth opening to look for a base.
_MAX_CANDIDATES = 64
_DEX_NAME = re.compile(r"classes(\d*)\.dex")


def is_app_bundle(archive: ApkArchive) -> bool:
    """An .aab, by content: bundletool's config or a base module manifest."""
    return AAB_BUNDLE_CONFIG in archive or AAB_MANIFEST in archive


def dex_entries(archive: ApkArchive) -> list[str]:
    """The app's DEX entries in the order ART loads them: classes.dex, classes2.dex, ...

    `archive` is the one holding the manifest (`open_base_apk`'s result, or the .aab itself,
    whose base module keeps its code under base/dex/).
    """
    is_aab = MANIFEST not in archive and is_app_bundle(archive)
    directory = AAB_DEX_DIR if is_aab else ""
    found: list[tuple[int, str]] = []
    for name in archive.names():
        if not name.startswith(directory):
            continue
        match = _DEX_NAME.fullmatch(name[len(directory) :])
        # ART stops at the first gap, but a scan for evidence reads every one present.
        if match and match.group(1) != "1":
            found.append((int(match.group(1) or 1), name))
    return [name for _, name in sorted(found)]


def open_base_apk(outer: ApkArchive) -> tuple[ApkArchive, str | None]:
    """Return the archive holding the app's base manifest and its entry name in `outer`.

    For a plain APK this is `outer` itself and the name is None; the caller closes any other
    archive returned.
    """
    if MANIFEST in outer:
        return outer, None
    apk_entries = [name for name in outer.names() if name.lower().endswith(".apk")]
    if not apk_entries:
        raise InputError(outer.label, f"no {MANIFEST} in the archive: not an APK or a bundle")
    preferred = _xapk_base_names(outer) if XAPK_MANIFEST in outer else []
    candidates = _ranked(apk_entries, preferred)[:_MAX_CANDIDATES]
    splits: list[str] = []
    for name in candidates:
        inner = outer.open_nested(name)
        try:
            if MANIFEST in inner and not _is_split(inner):
                return inner, name
        except BaseException:
            inner.close()
            raise
        inner.close()
        splits.append(name)
    listed = ", ".join(sorted(splits)[:5]) + (", ..." if len(splits) > 5 else "")
    raise InputError(outer.label, f"bundle has no base APK (only splits: {listed})")


def _xapk_base_names(outer: ApkArchive) -> list[str]:
    """APK entries an XAPK `manifest.json` names as the base, best first."""
    try:
        data = json.loads(outer.read(XAPK_MANIFEST, limit=_XAPK_MANIFEST_LIMIT))
    except (ValueError, UnicodeDecodeError):
        # A broken manifest.json does not hide a base APK: fall back to the entries.
        return []
    if not isinstance(data, dict):
        return []
    names: list[str] = []
    splits = data.get("split_apks")
    if isinstance(splits, list):
        for split in splits:
            if isinstance(split, dict) and split.get("id") == "base":
                file = split.get("file")
                if isinstance(file, str):
                    names.append(file)
    package = data.get("package_name")
    if isinstance(package, str) and package:
        names.append(f"{package}.apk")
    return names


def _ranked(entries: list[str], preferred: list[str]) -> list[str]:
    def rank(name: str) -> tuple[int, str]:
        base = PurePosixPath(name).name.lower()
        if name in preferred:
            return (0, f"{preferred.index(name):04d}")
        if base in ("base.apk", "base-master.apk"):
            return (1, name)
        if base.startswith(("split_", "config.")) or ("-master" not in base and "/" in name):
            return (3, name)
        return (2, name)

    return sorted(entries, key=rank)


def _is_split(archive: ApkArchive) -> bool:
    try:
        root = axml.parse(archive.read(MANIFEST))
    except axml.AxmlError:
        return True
    return root.get("split") is not None
