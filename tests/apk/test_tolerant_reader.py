"""permaudit.apk.tolerant on its own: bounded inflate and the binary-manifest repair."""

from __future__ import annotations

import io
import random
import tracemalloc
import zipfile
import zlib

import pytest

from permaudit.apk.tolerant import UnreadableError, inflate, repair_manifest
from tests.hostile_support import BASE_APK, zeros_deflated


def base_manifest() -> bytes:
    with zipfile.ZipFile(BASE_APK) as archive:
        return archive.read("AndroidManifest.xml")


def test_inflate_stops_at_the_cap_without_inflating_the_rest() -> None:
    bomb = zeros_deflated(1024)  # 1 GiB of zeros
    tracemalloc.start()
    try:
        with pytest.raises(UnreadableError, match="inflates beyond"):
            inflate(io.BytesIO(bomb), "classes.dex", 0, len(bomb), 1 << 20)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 << 20


def test_inflate_rejects_a_cut_off_stream() -> None:
    stream = zeros_deflated(2)
    with pytest.raises(UnreadableError, match="truncated"):
        inflate(io.BytesIO(stream[:-4]), "x", 0, len(stream) - 4, 1 << 24)


def test_untampered_manifest_comes_back_unchanged() -> None:
    raw = base_manifest()
    repaired = repair_manifest(raw)
    assert repaired.data == raw
    assert repaired.warnings == ()


def test_renamed_attribute_names_are_reported() -> None:
    """An obfuscator renames android:versionCode in the string pool; its resource id stays."""
    raw = base_manifest()
    name = "versionCode".encode("utf-16-le")
    assert raw.count(name) == 1
    repaired = repair_manifest(raw.replace(name, "versionCodf".encode("utf-16-le")))
    assert repaired.warnings == (
        "string pool names of 1 android attribute(s) differ from their resource ids "
        "(Android reads the ids)",
    )


@pytest.mark.parametrize(
    "garbage",
    [b"", b"\x03\x00\x08\x00", random.Random(1).randbytes(2048), b"<?xml version='1.0'?>"],
)
def test_garbage_is_unreadable(garbage: bytes) -> None:
    with pytest.raises(UnreadableError):
        repair_manifest(garbage)


def test_truncated_manifest_is_refused_or_repaired_never_crashes() -> None:
    """Cut anywhere, with the declared size fixed up so the chunk walk reaches the cut."""
    raw = base_manifest()
    outcomes = set()
    for end in range(8, len(raw), 4):
        cut = raw[:4] + end.to_bytes(4, "little") + raw[8:end]
        try:
            repair_manifest(cut)
        except UnreadableError:
            outcomes.add("refused")
        else:
            outcomes.add("read")
    assert outcomes == {"refused", "read"}


@pytest.mark.parametrize(
    "data",
    [bytes(4 << 20), random.Random(5).randbytes((3 << 20) + 5), b"x"],
    ids=["4 MiB of zeros", "3 MiB of noise", "one byte"],
)
def test_inflate_in_chunks_returns_every_byte(data: bytes) -> None:
    """Output is produced 1 MiB per call; whole multiples must not leave bytes inside zlib."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    stream = compressor.compress(data) + compressor.flush()
    assert inflate(io.BytesIO(stream), "x", 0, len(stream), len(data)) == data


def test_zero_sized_chunk_before_the_root_element_ends_is_refused() -> None:
    """Android validates every node up to the root's end tag: only chunks after it may break."""
    raw = bytearray(base_manifest())
    header_size = int.from_bytes(raw[2:4], "little")
    pos = header_size
    while int.from_bytes(raw[pos : pos + 2], "little") != 0x0102:  # first START_ELEMENT
        pos += int.from_bytes(raw[pos + 4 : pos + 8], "little")
    raw[pos + 4 : pos + 8] = bytes(4)
    with pytest.raises(UnreadableError, match="header size 16 and size 0"):
        repair_manifest(bytes(raw))


def test_python_zipfile_refuses_the_malformed_extra_fixture() -> None:
    """Why archive.py gives zipfile a patched view: on its own it refuses what Android reads."""
    from tests.hostile_support import TAMPERED

    with pytest.raises(zipfile.BadZipFile, match="Corrupt extra field"):
        zipfile.ZipFile(TAMPERED / "zip-malformed-extra.apk")
