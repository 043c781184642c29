"""Every user-caused input problem: exit 2, one line on stderr naming the file, no traceback."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from permaudit.apk.archive import ApkArchive
from permaudit.errors import InputError
from tests.apk.apk_helpers import FIXTURES
from tests.cli_support import assert_error_line, run_cli


def _missing(tmp: Path) -> Path:
    return tmp / "nope.apk"


def _directory(tmp: Path) -> Path:
    path = tmp / "unpacked.apk"
    path.mkdir()
    return path


def _empty(tmp: Path) -> Path:
    path = tmp / "empty.apk"
    path.write_bytes(b"")
    return path


def _not_a_zip(tmp: Path) -> Path:
    path = tmp / "policy.apk"
    path.write_text("This is a privacy policy, not an APK.\n", encoding="utf-8")
    return path


def _zip_without_manifest(tmp: Path) -> Path:
    path = tmp / "photos.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "holiday photos")
    return path


def _truncated(tmp: Path) -> Path:
    path = tmp / "cut.apk"
    data = (FIXTURES / "ipcam.apk").read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _unreadable_manifest(tmp: Path) -> Path:
    path = tmp / "garbled.apk"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("AndroidManifest.xml", b"\x03\x00\x08\x00\xff\xff\xff\x7f" + b"\x00" * 40)
        archive.writestr("classes.dex", b"dex\n035\x00")
    return path


def _plain_text_manifest(tmp: Path) -> Path:
    path = tmp / "source-tree.apk"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("AndroidManifest.xml", '<manifest package="com.x"/>')
    return path


def _bundle_without_base(tmp: Path) -> Path:
    path = tmp / "splits-only.apks"
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(FIXTURES / "watch_split_arm64.apk", "split_config.arm64_v8a.apk")
    return path


def _zip_bomb(tmp: Path) -> Path:
    path = tmp / "bomb.apk"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("AndroidManifest.xml", b"\x00" * (9 * 1024 * 1024))
    return path


CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "missing file": (_missing, "no such file"),
    "directory": (_directory, "is a directory"),
    "empty file": (_empty, "empty file"),
    "not a zip": (_not_a_zip, "not a zip archive"),
    "zip without manifest": (_zip_without_manifest, "no AndroidManifest.xml"),
    "truncated file": (_truncated, "truncated"),
    "unreadable manifest": (_unreadable_manifest, "unreadable AndroidManifest.xml"),
    "plain-text manifest": (_plain_text_manifest, "unreadable AndroidManifest.xml"),
    "bundle without base": (_bundle_without_base, "no base APK"),
    "zip bomb": (_zip_bomb, "AndroidManifest.xml"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_input_error_is_one_line_exit_2(case: str, tmp_path: Path) -> None:
    make, problem = CASES[case]
    path = make(tmp_path)
    assert_error_line(run_cli("extract", path, "--format", "json"), path, problem)


def test_real_process_prints_one_line_and_no_androguard_logs(tmp_path: Path) -> None:
    path = _unreadable_manifest(tmp_path)
    completed = subprocess.run(
        [sys.executable, "-m", "permaudit", "extract", str(path)],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert completed.stderr.splitlines() == [
        f"permaudit: error: {path}: unreadable AndroidManifest.xml: not a binary XML document"
    ]


def test_archive_caps_inflated_size(tmp_path: Path) -> None:
    with ApkArchive.open(_zip_bomb(tmp_path)) as archive:
        with pytest.raises(InputError, match="more than"):
            archive.read("AndroidManifest.xml")
        assert len(archive.read("AndroidManifest.xml", limit=10 * 1024 * 1024)) == 9 * 1024 * 1024


def test_archive_caps_entries_that_lie_about_their_size(tmp_path: Path) -> None:
    path = _zip_bomb(tmp_path)
    with ApkArchive.open(path) as archive:
        # Pretend the central directory declared a tiny size: the inflate cap still holds.
        info = archive._zip.getinfo("AndroidManifest.xml")
        info.file_size = 10
        with pytest.raises(InputError, match=r"inflates beyond|cannot read"):
            archive.read("AndroidManifest.xml", limit=1024)


def test_archive_lists_central_directory() -> None:
    with ApkArchive.open(FIXTURES / "watch.apk") as archive:
        assert archive.names() == [
            "AndroidManifest.xml",
            "resources.arsc",
            "classes.dex",
            "classes2.dex",
        ]
        assert "classes2.dex" in archive
        with pytest.raises(InputError, match=r"no missing\.dex"):
            archive.read("missing.dex")
