"""Hostile, broken and tampered input: every case of issue 6 with its expected outcome.

One row per case. A row builds its input in a temporary directory, runs a permaudit command
on it and checks the outcome:

- exit 2: exactly one stderr line "permaudit: error: <the input>: <problem>", nothing on
  stdout, even with `--fail-on none` (a broken input is never a passing audit);
- exit 0: a report on stdout, with the row's own check of what it must (not) contain;
- always: finished within the timeout, memory under MAX_PEAK_RSS_MB, no crash, no traceback.

Rows marked `process=True` run the real `python -m permaudit` in a child process: those that
could hang (FIFOs, symlink loops), eat memory (bombs, 50 MB policies), need a process of
their own (dropping root's file access), or check the whole entry point (audit, diff). The
others run in-process through click's CliRunner, where a process would add only startup time.

Tampered-but-installable APKs (tests/fixtures/tampered/, scripts/build_tampered_fixtures):
Android installs them, so each must extract exactly like the APK it was built from, with
`tampered: true` and a warning saying what was tampered.
"""

from __future__ import annotations

import io
import json
import os
import random
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader, PdfWriter

from permaudit.policy.languages import supported as supported_languages
from permaudit.policy.maps import MAP_VERSION
from tests.hostile_support import (
    BASE_APK,
    FIXTURES,
    ROOT,
    TAMPERED,
    Run,
    assert_one_line_error,
    assert_well_behaved,
    invoke_permaudit,
    run_permaudit,
    write_zip_with_raw_entry,
    zeros_deflated,
)
from tests.shared_data import seed_files

POLICY_FIXTURES = FIXTURES / "policies"
GOOD_POLICY = POLICY_FIXTURES / "demo_policy.txt"
POLICY_MAP = ROOT / "policy_maps" / "smartmi.yaml"
MANIFEST = "AndroidManifest.xml"
AAB = FIXTURES / "apk" / "watch.aab"
AAB_MANIFEST = "base/manifest/AndroidManifest.xml"
GIB = 1 << 30


@dataclass(frozen=True)
class Case:
    id: str
    # Builds the input inside the given directory and returns its path.
    build: Callable[[Path], Path]
    # The command line after `permaudit`, given that path.
    command: Callable[[Path], list[str]]
    exit_code: int
    # Exit 2: a fragment of the one stderr line.
    stderr: str = ""
    # Exit 0: what stdout must show (raises AssertionError otherwise).
    check: Callable[[str], None] | None = None
    # In a child process (see the module docstring); else in-process.
    process: bool = False
    # In a child process without the capabilities that let root ignore file modes.
    without_root_file_access: bool = False


# --- commands --------------------------------------------------------------------------------


def extract(path: Path) -> list[str]:
    return ["extract", str(path)]


def extract_json(path: Path) -> list[str]:
    return ["extract", str(path), "--format", "json"]


def policy(path: Path) -> list[str]:
    return ["policy", str(path)]


def policy_json(path: Path) -> list[str]:
    return ["policy", str(path), "--format", "json"]


def audit_app(path: Path) -> list[str]:
    """Audit the input APK against a good policy; --fail-on none must not hide an exit 2."""
    return ["audit", str(path), "--policy", str(GOOD_POLICY), "--fail-on", "none"]


def audit_app_json(path: Path) -> list[str]:
    return [*audit_app(path), "--format", "json"]


def audit_policy(path: Path) -> list[str]:
    """Audit a good APK against the input policy, with --fail-on none."""
    return ["audit", str(BASE_APK), "--policy", str(path), "--fail-on", "none"]


def diff_old(path: Path) -> list[str]:
    """The input as the old release, a good APK as the new one."""
    return ["diff", str(path), str(BASE_APK), "--policy", str(GOOD_POLICY), "--fail-on", "none"]


def diff_new(path: Path) -> list[str]:
    return ["diff", str(BASE_APK), str(path), "--policy", str(GOOD_POLICY), "--fail-on", "none"]


# --- builders: files -------------------------------------------------------------------------


def write(name: str, data: bytes) -> Callable[[Path], Path]:
    def build(directory: Path) -> Path:
        path = directory / name
        path.write_bytes(data)
        return path

    return build


def copy(source: Path, name: str | None = None, cut: float = 1.0) -> Callable[[Path], Path]:
    def build(directory: Path) -> Path:
        data = source.read_bytes()
        path = directory / (name or source.name)
        path.write_bytes(data[: int(len(data) * cut)])
        return path

    return build


def fixture(path: Path) -> Callable[[Path], Path]:
    return lambda _directory: path


def missing(name: str) -> Callable[[Path], Path]:
    return lambda directory: directory / name


def a_directory(name: str) -> Callable[[Path], Path]:
    def build(directory: Path) -> Path:
        path = directory / name
        path.mkdir()
        return path

    return build


def dangling_symlink(name: str) -> Callable[[Path], Path]:
    def build(directory: Path) -> Path:
        path = directory / name
        path.symlink_to(directory / f"deleted-{name}")
        return path

    return build


def symlink_loop(name: str) -> Callable[[Path], Path]:
    def build(directory: Path) -> Path:
        first, second = directory / name, directory / f"other-{name}"
        first.symlink_to(second)
        second.symlink_to(first)
        return first

    return build


def fifo(name: str) -> Callable[[Path], Path]:
    """A named pipe with no writer: opening it would block forever."""

    def build(directory: Path) -> Path:
        path = directory / name
        os.mkfifo(path)
        return path

    return build


def unreadable(source: Path, name: str) -> Callable[[Path], Path]:
    def build(directory: Path) -> Path:
        path = directory / name
        path.write_bytes(source.read_bytes())
        path.chmod(0)
        return path

    return build


# --- builders: APKs --------------------------------------------------------------------------


def _base_entries(without: str = "", source: Path = BASE_APK) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(source) as archive:
        return [(i.filename, archive.read(i)) for i in archive.infolist() if i.filename != without]


def _zip(path: Path, entries: list[tuple[str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return path


def no_manifest(directory: Path) -> Path:
    return _zip(directory / "no-manifest.apk", _base_entries(without=MANIFEST))


def bomb(
    name: str, entry: str, declared_size: int, source: Path = BASE_APK
) -> Callable[[Path], Path]:
    """`source` with `entry` inflating to 1 GiB of zeros (1 MiB on disk), declaring
    `declared_size`."""

    def build(directory: Path) -> Path:
        entries = _base_entries(without=entry, source=source)
        return write_zip_with_raw_entry(
            directory / name, entries, entry, zeros_deflated(1024), declared_size
        )

    return build


def nested_bomb(directory: Path) -> Path:
    """An .xapk whose (deflated) base APK inflates to 1 GiB."""
    with zipfile.ZipFile(FIXTURES / "apk" / "ipcam.xapk") as archive:
        entries = [(i.filename, archive.read(i)) for i in archive.infolist()]
    apk = next(name for name, _ in entries if name.endswith(".apk"))
    others = [entry for entry in entries if entry[0] != apk]
    target = directory / "bomb.xapk"
    return write_zip_with_raw_entry(target, others, apk, zeros_deflated(1024), 4096)


def aab_garbage_manifest(directory: Path) -> Path:
    """An .aab whose manifest (aapt2 protobuf XML) is random bytes."""
    entries = _base_entries(without=AAB_MANIFEST, source=AAB)
    garbage = (AAB_MANIFEST, random.Random(3).randbytes(3000))
    return _zip(directory / "garbage.aab", [*entries, garbage])


def huge_central_directory(directory: Path) -> Path:
    """400,000 minimal central directory records (18 MB): zipfile would build a ZipInfo for
    each, several hundred MB, before anyone could count them."""
    record = struct.pack(
        "<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0
    )
    records = (record + b"a") * 400_000
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, len(records), 0, 0)
    path = directory / "many-entries.apk"
    path.write_bytes(records + end)
    return path


def garbage_manifest(directory: Path) -> Path:
    return _zip(directory / "garbage-manifest.apk", [(MANIFEST, random.Random(7).randbytes(4096))])


def manifest_shorter_than_declared(directory: Path) -> Path:
    """Binary XML whose header declares more bytes than it has (Android rejects it)."""
    entries = dict(_base_entries())
    manifest = bytearray(entries[MANIFEST])
    manifest[4:8] = (len(manifest) + 4096).to_bytes(4, "little")
    entries[MANIFEST] = bytes(manifest)
    return _zip(directory / "short-manifest.apk", list(entries.items()))


def duplicate_manifest(directory: Path) -> Path:
    """Two AndroidManifest.xml entries (Master Key, CVE-2013-4787): Android refuses these."""
    entries = _base_entries()
    with pytest.warns(UserWarning, match="Duplicate name"):
        return _zip(directory / "duplicate.apk", [*entries, (MANIFEST, dict(entries)[MANIFEST])])


# --- builders: policies ----------------------------------------------------------------------


def huge_policy(directory: Path) -> Path:
    """50 MB of real policy text: the seeds repeated, or the demo policy without ../shared."""
    sources = seed_files() or [GOOD_POLICY]
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sources)
    # Repeating an empty text would never reach the size.
    assert seeds.strip(), f"no policy text in {[str(p) for p in sources]}"
    path = directory / "huge-policy.txt"
    with path.open("w", encoding="utf-8") as handle:
        written = 0
        while written < 50_000_000:
            handle.write(seeds)
            written += len(seeds)
    return path


def sparse_policy(directory: Path) -> Path:
    """65 MiB that cost nothing on disk: over the 64 MiB file limit, refused from its size."""
    path = directory / "sparse-policy.txt"
    with path.open("wb") as handle:
        handle.truncate(65 * 1024 * 1024)
    return path


def mixed_encodings(directory: Path) -> Path:
    path = directory / "mixed-policy.txt"
    path.write_bytes(
        "Privacy Policy — “HomeCam”\n\nWe collect your précise location for setup.\n".encode()
        + "Pasted from Word: we read the Wi-Fi name (SSID) of your router… “setup”.\n".encode(
            "cp1252"
        )
        + "我们会收集您的位置信息，用于设备配网。我们不会收集您的通讯录。\n".encode("gbk")
    )
    return path


def encrypted_pdf(directory: Path) -> Path:
    writer = PdfWriter(clone_from=PdfReader(POLICY_FIXTURES / "demo_policy.pdf"))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    path = directory / "locked-policy.pdf"
    path.write_bytes(buffer.getvalue())
    return path


# Each hidden part discloses a category the visible text never mentions: if any of it were
# read as policy text, that category would not be absent.
HIDDEN_PARTS_HTML = b"""<!DOCTYPE html><html><head>
<title>We collect your contacts from your address book. TITLE-MARK</title>
<style>.x{color:red} /* We read your SMS text messages. STYLE-MARK */</style>
<script>var s = "We read your call log. SCRIPT-MARK";</script>
</head><body>
<h1>Privacy Policy</h1>
<p>We use your camera to scan the QR code of a device while you set it up.</p>
<svg viewBox="0 0 9 9"><title>We read your calendar events. SVG-TITLE-MARK</title>
<text x="0" y="9">We measure your heart rate and steps. SVG-TEXT-MARK</text></svg>
<p>We collect your approximate location to find nearby Wi-Fi networks during setup.</p>
</body></html>"""


def map_with(old: str, new: str, *, name: str = "policy-map.yaml") -> Callable[[Path], Path]:
    """The reviewed map of a seed with one line changed (or removed, when `new` is empty)."""

    def build(directory: Path) -> Path:
        text = POLICY_MAP.read_text(encoding="utf-8")
        assert old in text
        path = directory / name
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return path

    return build


def yaml_alias_bomb(directory: Path) -> Path:
    """Billion laughs: nine levels of nine aliases, a billion strings if expanded."""
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 9):
        lines.append(f"l{level}: &l{level} [{', '.join([f'*l{level - 1}'] * 9)}]")
    lines += ["map_version: 1", "source: x.txt", "categories:", "  camera:", "    purposes: *l8"]
    path = directory / "laughs.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --- checks on stdout ------------------------------------------------------------------------


def json_of(stdout: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(stdout)
    return data


def policy_report(stdout: str) -> None:
    assert set(json_of(stdout)["categories"]) >= {"camera", "location"}


def shows(*texts: str) -> Callable[[str], None]:
    def check(stdout: str) -> None:
        for text in texts:
            assert text in stdout, text

    return check


def hidden_parts_not_read(stdout: str) -> None:
    assert "MARK" not in stdout
    categories = json_of(stdout)["categories"]
    assert categories["camera"]["status"] == "explicit"  # the visible text was read
    for hidden in ("contacts", "sms", "phone", "calendar", "health"):
        assert categories[hidden]["status"] == "absent", hidden


def nothing_hidden_in_report(stdout: str) -> None:
    """demo_policy.html marks every hidden part (title, script, SVG, template...) so."""
    assert "MUST-NOT-APPEAR" not in stdout
    assert json_of(stdout)["categories"]["camera"]["status"] == "explicit"


@cache
def base_facts() -> dict[str, Any]:
    run = invoke_permaudit(*extract_json(BASE_APK))
    assert run.code == 0, run.stderr
    return json_of(run.stdout)


# What may differ between a tampered APK and the APK it was built from.
REPORT_ONLY = {"source", "tampered", "warnings"}


def reads_like_the_original(*warnings: str, exact: bool = False) -> Callable[[str], None]:
    """Extracted facts equal the untampered APK's; `tampered` set; a warning per trick.

    `exact`: these warnings and no others (one per trick, not one per entry or node).
    """

    def check(stdout: str) -> None:
        facts = json_of(stdout)
        assert facts["tampered"] is True
        for warning in warnings:
            assert any(warning in line for line in facts["warnings"]), facts["warnings"]
        if exact:
            assert len(facts["warnings"]) == len(warnings), facts["warnings"]
        for key, value in base_facts().items():
            if key not in REPORT_ONLY:
                assert facts[key] == value, key

    return check


def audit_says_tampered(stdout: str) -> None:
    report = json_of(stdout)
    assert report["app"]["tampered"] is True
    assert report["app"]["permissions"] == base_facts()["permissions"]


def tampered(variant: str, *warnings: str, exact: bool = False) -> Case:
    return Case(
        f"apk-tampered-{variant}",
        fixture(TAMPERED / f"{variant}.apk"),
        extract_json,
        0,
        check=reads_like_the_original(*warnings, exact=exact),
    )


# --- the table -------------------------------------------------------------------------------

CASES: list[Case] = [
    # APK side: each → exit 2, one line naming the file and the problem.
    Case("apk-empty-file", write("empty.apk", b""), extract, 2, "empty", process=True),
    Case(
        "apk-random-bytes",
        write("random.apk", random.Random(6).randbytes(256 * 1024)),
        extract,
        2,
        "not a zip",
        process=True,
    ),
    Case("apk-is-a-text-file", copy(GOOD_POLICY, "policy.apk"), extract, 2, "not a zip"),
    Case("apk-truncated", copy(BASE_APK, "truncated.apk", 0.5), extract, 2, "truncated", True),
    Case("apk-zip-without-manifest", no_manifest, extract, 2, "no AndroidManifest.xml", True),
    Case(
        "apk-manifest-bomb-declares-1gib",
        bomb("bomb-declared.apk", MANIFEST, GIB),
        extract,
        2,
        "AndroidManifest.xml declares 1073741824 bytes",
        process=True,
    ),
    Case(
        "apk-manifest-bomb-declares-2kib",
        bomb("bomb-forged.apk", MANIFEST, 2048),
        extract,
        2,
        "zip bomb",
        process=True,
    ),
    Case(
        "apk-xapk-nested-apk-bomb",
        nested_bomb,
        extract,
        2,
        "com.vendor.ipcam.apk inflates beyond",
        process=True,
    ),
    Case(
        "apk-aab-manifest-bomb",
        bomb("bomb.aab", AAB_MANIFEST, 2048, source=AAB),
        extract,
        2,
        "base/manifest/AndroidManifest.xml inflates beyond",
        process=True,
    ),
    Case(
        "apk-aab-garbage-manifest",
        aab_garbage_manifest,
        extract,
        2,
        "not an aapt2 protobuf XML document",
        process=True,
    ),
    Case(
        "apk-central-directory-400000-entries",
        huge_central_directory,
        extract,
        2,
        "central directory",
        process=True,
    ),
    Case("apk-garbage-manifest", garbage_manifest, extract, 2, "AndroidManifest.xml", True),
    Case(
        "apk-manifest-shorter-than-declared",
        manifest_shorter_than_declared,
        extract,
        2,
        "binary",
        process=True,
    ),
    Case("apk-duplicate-manifest", duplicate_manifest, extract, 2, "duplicate zip entry", True),
    Case("apk-directory", a_directory("folder.apk"), extract, 2, "is a directory", True),
    Case("apk-symlink-loop", symlink_loop("loop.apk"), extract, 2, "symbolic link", True),
    Case("apk-dangling-symlink", dangling_symlink("app.apk"), extract, 2, "no such file", True),
    Case("apk-nonexistent", missing("no-such.apk"), extract, 2, "no such file", process=True),
    Case("apk-fifo", fifo("pipe.apk"), extract, 2, "not a regular file", process=True),
    Case(
        "apk-no-permission",
        unreadable(BASE_APK, "secret.apk"),
        extract,
        2,
        "permission denied",
        process=True,
        without_root_file_access=True,
    ),
    # A DEX bomb next to a valid manifest: extract reads only the manifest; audit scans the
    # code, where the DEX cap stops the bomb and the scan skips it with a warning.
    Case(
        "apk-dex-bomb-extract",
        bomb("dex-bomb.apk", "classes.dex", 4096),
        extract_json,
        0,
        check=shows('"package": "com.vendor.ipcam"'),
        process=True,
    ),
    Case(
        "audit-apk-dex-bomb",
        bomb("dex-bomb.apk", "classes.dex", 4096),
        audit_app_json,
        0,
        check=shows("classes.dex: skipped", "zip bomb"),
        process=True,
    ),
    Case(
        "audit-aab-dex-bomb",
        bomb("dex-bomb.aab", "base/dex/classes.dex", 2048, source=AAB),
        audit_app_json,
        0,
        check=shows("base/dex/classes.dex: skipped", "zip bomb"),
        process=True,
    ),
    # Tampered but installable: exit 0, the untampered APK's facts, tampered: true, a warning.
    tampered("axml-bad-magic", "file type is 0x0000"),
    tampered("axml-appended-junk", "junk after the binary manifest"),
    tampered("axml-file-header-size", "header is 12 bytes"),
    tampered("axml-string-pool-header", "string pool header is 36 bytes"),
    tampered("axml-unknown-chunks", "unknown chunk type"),
    tampered("axml-node-header-size", "node header is 20 bytes"),
    tampered("axml-attribute-start", "attributes start at 28"),
    tampered("axml-attribute-size", "attributes are 24 bytes"),
    tampered("axml-junk-in-nodes", "junk inside an XML node"),
    tampered("axml-attribute-names", "resource id"),
    tampered("zip-local-method", "local header says compression method"),
    tampered("zip-local-sizes", "local header sizes"),
    tampered("zip-local-name", "local header names"),
    tampered("zip-local-name-length", "local header names"),
    tampered("zip-unknown-method-stored", "unknown compression method 4919, read as stored"),
    tampered("zip-unknown-method-deflated", "unknown compression method 4919, read as deflate"),
    tampered("zip-oversized-entry", "junk after the binary manifest"),
    tampered("zip-bad-crc", "CRC-32"),
    # The three tricks of apkInspector's real samples (issue 13): (a), (b) and (c).
    tampered(
        "zip-malformed-extra", "malformed extra field (no sequence of id/size records)", exact=True
    ),
    tampered(
        "zip-unknown-method-axml-header",
        "unknown compression method 30208, read as stored",
        "file type is 0x0000",
        "string pool declares 76 strings but holds 68",
        exact=True,
    ),
    tampered(
        "axml-zero-size-end-namespace",
        "zero-sized END_NAMESPACE chunk (header size 16)",
        exact=True,
    ),
    Case(
        "apk-tampered-table-view",
        fixture(TAMPERED / "axml-node-header-size.apk"),
        extract,
        0,
        check=shows("tampered", "node header is 20 bytes"),
        process=True,
    ),
    Case(
        "audit-apk-tampered",
        fixture(TAMPERED / "zip-unknown-method-deflated.apk"),
        audit_app_json,
        0,
        check=audit_says_tampered,
        process=True,
    ),
    # Policy side.
    Case("policy-empty", write("empty.txt", b""), policy, 2, "empty file"),
    Case("policy-whitespace", write("blank.txt", b" \n\t\r\n  \n"), policy, 2, "whitespace only"),
    Case(
        "policy-utf16-whitespace",
        write("blank16.txt", " \n\t ".encode("utf-16")),
        policy,
        2,
        "whitespace only",
    ),
    Case(
        "policy-binary-nul",
        write("blob.txt", bytes(range(256)) * 64),
        policy,
        2,
        "binary file (contains NUL bytes)",
    ),
    Case(
        "policy-binary-noise",
        write("noise.txt", bytes((i * 7919 + 13) % 255 + 1 for i in range(40_000))),
        policy,
        2,
        "binary file",
    ),
    Case("policy-is-an-apk", copy(BASE_APK, "policy.txt"), policy, 2, "binary file (a ZIP archive"),
    Case("policy-huge-50mb", huge_policy, policy, 2, "policy text is too long", process=True),
    Case("policy-file-65mib", sparse_policy, policy, 2, "file is too large (65.0 MiB", True),
    Case("policy-mixed-encodings", mixed_encodings, policy_json, 0, check=policy_report),
    Case(
        "policy-utf16",
        write("policy16.txt", GOOD_POLICY.read_text(encoding="utf-8").encode("utf-16")),
        policy_json,
        0,
        check=policy_report,
    ),
    # Decoded either way; read when a Chinese analyzer is there, else SPEC §5's error.
    Case(
        "policy-gbk",
        write("policy-gbk.txt", "隐私政策\n\n我们会收集您的位置信息。".encode("gbk")),
        policy_json,
        0 if "zh" in supported_languages() else 2,
        "" if "zh" in supported_languages() else "policy language zh is not supported",
        check=policy_report if "zh" in supported_languages() else None,
    ),
    Case(
        "policy-html-scripts-styles-svg",
        write("hidden-parts.html", HIDDEN_PARTS_HTML),
        policy_json,
        0,
        check=hidden_parts_not_read,
    ),
    Case(
        "policy-html-fixture-hidden-parts",
        copy(POLICY_FIXTURES / "demo_policy.html"),
        policy_json,
        0,
        check=nothing_hidden_in_report,
    ),
    Case(
        "policy-html-only-scripts-styles-svg",
        write(
            "scripts.html",
            b"<html><head><style>p{}</style></head><body><script>document.write('x')</script>"
            b"<svg><text>icon</text></svg></body></html>",
        ),
        policy,
        2,
        "no visible text",
    ),
    Case("policy-pdf-encrypted", encrypted_pdf, policy, 2, "encrypted PDF: it needs a password"),
    Case(
        "policy-pdf-image-only",
        copy(POLICY_FIXTURES / "scanned_policy.pdf"),
        policy,
        2,
        "no text layer (scanned/image-only PDF?)",
    ),
    Case(
        "policy-pdf-truncated",
        copy(POLICY_FIXTURES / "demo_policy.pdf", cut=0.5),
        policy,
        2,
        "unreadable PDF",
        process=True,
    ),
    Case("policy-nonexistent", missing("no-such-policy.txt"), policy, 2, "no such file"),
    Case("policy-directory", a_directory("policies"), policy, 2, "is a directory"),
    Case("policy-dangling-symlink", dangling_symlink("policy.txt"), policy, 2, "broken symbolic"),
    Case("policy-symlink-loop", symlink_loop("policy.txt"), policy, 2, "symbolic link loop", True),
    Case("policy-fifo", fifo("policy.fifo"), policy, 2, "not a regular file", process=True),
    Case(
        "policy-no-permission",
        unreadable(GOOD_POLICY, "secret-policy.txt"),
        policy,
        2,
        "permission denied",
        process=True,
        without_root_file_access=True,
    ),
    # Policy maps (YAML): a map that fails validation names the field.
    Case(
        "policy-map-bogus-status",
        map_with("status: explicit", "status: bogus"),
        policy,
        2,
        "invalid policy map: categories.location.status: Input should be",
    ),
    Case(
        "policy-map-missing-source",
        map_with("source: smartmi.txt\n", ""),
        policy,
        2,
        "invalid policy map: source: Field required",
    ),
    Case(
        "policy-map-missing-map-version",
        map_with(f"map_version: {MAP_VERSION}\n", ""),
        policy,
        2,
        "invalid policy map: map_version: Field required",
    ),
    Case(
        "policy-map-unknown-category",
        map_with("  camera:\n", "  teleport:\n"),
        policy,
        2,
        "invalid policy map: categories.teleport",
    ),
    Case(
        "policy-map-is-a-list",
        write("list.yaml", b"- map_version: 1\n- source: x.txt\n- categories: {}\n"),
        policy,
        2,
        "invalid policy map: expected a mapping with map_version, source and categories, "
        "found a list",
    ),
    Case(
        "policy-map-is-prose",
        write("prose.yaml", b"We collect your precise location to set up your camera.\n"),
        policy,
        2,
        "found a str value",
    ),
    Case(
        "policy-map-invalid-yaml",
        write("broken.yaml", b"map_version: 1\nsource: [x.txt\ncategories: {}\n"),
        policy,
        2,
        "invalid policy map: not valid YAML",
    ),
    Case(
        "policy-map-alias-bomb",
        yaml_alias_bomb,
        policy,
        2,
        "invalid policy map: categories.camera.purposes",
        process=True,
    ),
    # audit and diff: the input's exit 2 is never masked by --fail-on none.
    Case(
        "audit-apk-random-bytes",
        write("random.apk", random.Random(6).randbytes(4096)),
        audit_app,
        2,
        "not a zip",
        process=True,
    ),
    Case(
        "audit-apk-manifest-bomb",
        bomb("bomb-forged.apk", MANIFEST, 2048),
        audit_app,
        2,
        "zip bomb",
        process=True,
    ),
    Case("audit-policy-empty", write("empty.txt", b""), audit_policy, 2, "empty file", True),
    Case(
        "audit-policy-pdf-image-only",
        copy(POLICY_FIXTURES / "scanned_policy.pdf"),
        audit_policy,
        2,
        "no text layer",
        process=True,
    ),
    Case(
        "audit-policy-map-bogus-status",
        map_with("status: explicit", "status: bogus"),
        audit_policy,
        2,
        "categories.location.status",
        process=True,
    ),
    Case("diff-old-apk-truncated", copy(BASE_APK, "old.apk", 0.5), diff_old, 2, "truncated", True),
    Case("diff-new-apk-no-manifest", no_manifest, diff_new, 2, "no AndroidManifest.xml", True),
]


def _run(case: Case, path: Path) -> Run:
    args = case.command(path)
    if case.process or case.without_root_file_access:
        return run_permaudit(*args, drop_file_access=case.without_root_file_access)
    return invoke_permaudit(*args)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_hostile_input(case: Case, tmp_path: Path) -> None:
    path = case.build(tmp_path)
    run = _run(case, path)
    if case.exit_code == 2:
        assert_one_line_error(run, path, case.stderr)
        return
    assert_well_behaved(run)
    assert run.code == case.exit_code, run.stderr
    assert case.check is not None, "a row that succeeds must say what its report shows"
    case.check(run.stdout)


def test_row_ids_are_unique() -> None:
    assert len({case.id for case in CASES}) == len(CASES)


def test_every_tampered_fixture_is_a_row() -> None:
    built = {f"apk-tampered-{path.stem}" for path in TAMPERED.glob("*.apk")}
    assert built and built <= {case.id for case in CASES}


def test_untampered_apk_is_not_reported_as_tampered() -> None:
    """The premise of the tampered rows: the APK they were built from reads clean."""
    assert base_facts()["tampered"] is False
    assert base_facts()["warnings"] == []
    assert base_facts()["permissions"], "the base APK must request permissions to compare"
