"""Hostile APK inputs: each row is run through the real `python -m permaudit extract`.

Every row must end with exit 2 and one stderr line naming the file and the problem, in
bounded time and memory (peak RSS of the child process, measured with wait4).
"""

from __future__ import annotations

import os
import random
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.apk.hostile_support import (
    BASE_APK,
    MAX_PEAK_RSS_MB,
    assert_one_line_error,
    run_permaudit,
    write_zip_with_raw_entry,
    zeros_deflated,
)

MANIFEST = "AndroidManifest.xml"
GIB = 1 << 30


def _base_entries() -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(BASE_APK) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def empty_file(tmp: Path) -> Path:
    path = tmp / "empty.apk"
    path.write_bytes(b"")
    return path


def random_bytes(tmp: Path) -> Path:
    path = tmp / "random.apk"
    path.write_bytes(random.Random(6).randbytes(256 * 1024))
    return path


def truncated_apk(tmp: Path) -> Path:
    path = tmp / "truncated.apk"
    data = BASE_APK.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def no_manifest(tmp: Path) -> Path:
    path = tmp / "no-manifest.apk"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in _base_entries():
            if name != MANIFEST:
                archive.writestr(name, data)
    return path


def manifest_bomb_declared(tmp: Path) -> Path:
    """A manifest that honestly declares 1 GiB: refused before inflating anything."""
    entries = [entry for entry in _base_entries() if entry[0] != MANIFEST]
    return write_zip_with_raw_entry(
        tmp / "bomb-declared.apk", entries, MANIFEST, zeros_deflated(1024), GIB
    )


def manifest_bomb_forged(tmp: Path) -> Path:
    """1 GiB of zeros whose header claims 2 KiB: the inflate cap must stop it early."""
    entries = [entry for entry in _base_entries() if entry[0] != MANIFEST]
    return write_zip_with_raw_entry(
        tmp / "bomb-forged.apk", entries, MANIFEST, zeros_deflated(1024), 2048
    )


def huge_central_directory(tmp: Path) -> Path:
    """400,000 minimal central directory records (18 MB): zipfile would build a ZipInfo for
    each, several hundred MB, before anyone could count them."""
    record = struct.pack(
        "<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0
    )
    directory = (record + b"a") * 400_000
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, len(directory), 0, 0)
    path = tmp / "many-entries.apk"
    path.write_bytes(directory + end)
    return path


def garbage_manifest(tmp: Path) -> Path:
    path = tmp / "garbage-manifest.apk"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(MANIFEST, random.Random(7).randbytes(4096))
    return path


def manifest_larger_than_declared(tmp: Path) -> Path:
    """Binary XML whose header declares more bytes than the file has (Android rejects it)."""
    path = tmp / "short-manifest.apk"
    entries = dict(_base_entries())
    manifest = bytearray(entries[MANIFEST])
    manifest[4:8] = (len(manifest) + 4096).to_bytes(4, "little")
    entries[MANIFEST] = bytes(manifest)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


def duplicate_manifest(tmp: Path) -> Path:
    """Two AndroidManifest.xml entries (Master Key, CVE-2013-4787): Android refuses these."""
    path = tmp / "duplicate.apk"
    entries = _base_entries()
    manifest = dict(entries)[MANIFEST]
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in entries:
            archive.writestr(name, data)
        # A forged second manifest: the other entry's bytes do not matter, the name does.
        with pytest.warns(UserWarning, match="Duplicate name"):
            archive.writestr(MANIFEST, manifest)
    return path


def directory(tmp: Path) -> Path:
    path = tmp / "folder.apk"
    path.mkdir()
    return path


def symlink_loop(tmp: Path) -> Path:
    path = tmp / "loop.apk"
    other = tmp / "loop-other.apk"
    path.symlink_to(other)
    other.symlink_to(path)
    return path


def missing(tmp: Path) -> Path:
    return tmp / "does-not-exist.apk"


def fifo_without_writer(tmp: Path) -> Path:
    """Opening a FIFO with no writer blocks forever: it must be refused before opening."""
    path = tmp / "pipe.apk"
    os.mkfifo(path)
    return path


@dataclass(frozen=True)
class Case:
    make: Callable[[Path], Path]
    problem: str  # a fragment of the one-line error


CASES: dict[str, Case] = {
    "empty file": Case(empty_file, "empty"),
    "random bytes": Case(random_bytes, "not a zip"),
    "truncated apk": Case(truncated_apk, "truncated"),
    "zip without manifest": Case(no_manifest, "no AndroidManifest.xml"),
    "manifest declares 1 GiB": Case(manifest_bomb_declared, "AndroidManifest.xml"),
    "manifest inflates to 1 GiB, declares 2 KiB": Case(manifest_bomb_forged, "zip bomb"),
    "central directory of 400,000 entries": Case(huge_central_directory, "central directory"),
    "garbage binary manifest": Case(garbage_manifest, "AndroidManifest.xml"),
    "binary manifest shorter than declared": Case(manifest_larger_than_declared, "binary"),
    "duplicate AndroidManifest.xml": Case(duplicate_manifest, "duplicate"),
    "directory": Case(directory, "directory"),
    "symlink loop": Case(symlink_loop, "symbolic links"),
    "nonexistent path": Case(missing, "no such file"),
    "FIFO with no writer": Case(fifo_without_writer, "not a regular file"),
}


@pytest.mark.parametrize("name", CASES)
def test_hostile_apk_exits_2_with_one_line(name: str, tmp_path: Path) -> None:
    case = CASES[name]
    path = case.make(tmp_path)
    run = run_permaudit("extract", str(path))
    assert_one_line_error(run, path, case.problem)


def test_unreadable_file_exits_2(tmp_path: Path) -> None:
    """chmod 000: as root, the child runs without CAP_DAC_OVERRIDE so the denial is real."""
    path = tmp_path / "secret.apk"
    path.write_bytes(BASE_APK.read_bytes())
    path.chmod(0)
    run = run_permaudit("extract", str(path), drop_file_access=True)
    assert_one_line_error(run, path, "permission denied")


def test_dex_bomb_is_never_inflated_whole(tmp_path: Path) -> None:
    """classes.dex inflating to 1 GiB next to a valid manifest.

    Extraction reads the manifest, not the code, so this exits 0; whatever reads DEX later
    must hit the same cap. Either way: bounded, and no traceback.
    """
    entries = [entry for entry in _base_entries() if entry[0] != "classes.dex"]
    path = write_zip_with_raw_entry(
        tmp_path / "dex-bomb.apk", entries, "classes.dex", zeros_deflated(1024), 4096
    )
    run = run_permaudit("extract", str(path), "--format", "json")
    assert not run.timed_out
    assert run.peak_rss_mb < MAX_PEAK_RSS_MB
    assert "Traceback" not in run.stderr
    if run.code == 2:
        assert_one_line_error(run, path, "classes.dex")
    else:
        assert run.code == 0, run.stderr
