"""Bounded reader for APKs and the zip bundles that carry them (.apks, .xapk, .aab).

`ApkArchive` is the one way the rest of `permaudit.apk` touches a zip. Its contract:

- `ApkArchive.open(path)` checks the file and its central directory up front and raises
  `InputError(path, problem)` for every user-caused problem: missing path, directory, permission
  denied, empty file, not a zip, truncated zip.
- `names()` lists the entries of the central directory, in archive order.
- `read(name, limit=...)` inflates one entry, located through the central directory, and never
  returns more than `limit` bytes: an entry that inflates beyond it (a zip bomb, or just a
  manifest far bigger than any real one) raises `InputError` instead of eating memory.
- `open_nested(name)` opens an APK stored inside a bundle as another `ApkArchive`.

Every method may raise `InputError`, nothing else, for a broken archive. Entries are read as
Android reads them (permaudit.apk.tolerant), so a tampered APK reads as the device installs it.
"""

from __future__ import annotations

import io
import stat
import struct
import tempfile
import zipfile
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from permaudit.apk.tolerant import UnreadableError, read_member, spool_member
from permaudit.errors import InputError

MiB = 1024 * 1024

# Real AndroidManifest.xml files are well under 1 MiB; 8 MiB leaves room for odd ones.
DEFAULT_READ_LIMIT = 8 * MiB
# A zip central directory with more entries than this is hostile, not an app.
MAX_ENTRIES = 200_000
# zipfile turns every central directory record into a ZipInfo (~10x its size) before we can
# count them, and trusts the directory's size, not its entry count: bound the size up front.
MAX_CENTRAL_DIRECTORY = 16 * MiB
# The end record sits in the last 22 bytes, plus a comment of at most 64 KiB.
_END_RECORD_SEARCH = 22 + 0xFFFF
# A deflated APK inside a bundle is inflated into a temporary file up to this size; stored
# ones (the usual case for .apks and .xapk) are read in place without copying.
MAX_NESTED_INFLATED = 512 * MiB
# One with an unknown (tampered) compression method is read into memory: a lower cap.
MAX_NESTED_IN_MEMORY = 64 * MiB

_ZIP_MAGIC = b"PK\x03\x04"
_EMPTY_ZIP_MAGIC = b"PK\x05\x06"
_CENTRAL_MAGIC = b"PK\x01\x02"
_CENTRAL_RECORD_SIZE = 46


class ApkArchive:
    """A zip archive (APK, .apks, .xapk, .aab) opened for bounded reading. Use `ApkArchive.open`."""

    def __init__(self, label: str, zip_file: zipfile.ZipFile, handle: IO[bytes] | None) -> None:
        self.label = label
        self._zip = zip_file
        self._handle = handle
        self._infos = {info.filename: info for info in zip_file.infolist()}
        # What reading found tampered (headers that disagree, unknown methods...), per entry.
        self.tamper_warnings: list[str] = []

    # -- construction -------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str) -> ApkArchive:
        """Open `path`, raising `InputError` naming it for anything that is not a usable zip."""
        path = Path(path)
        label = str(path)
        try:
            info = path.stat()
        except FileNotFoundError:
            raise InputError(label, "no such file") from None
        except PermissionError:
            raise InputError(label, "permission denied") from None
        except OSError as error:
            raise InputError(label, f"cannot read: {error.strerror or error}") from None
        if stat.S_ISDIR(info.st_mode):
            raise InputError(label, "is a directory, not an APK")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(label, "not a regular file")
        if info.st_size == 0:
            raise InputError(label, "empty file, not an APK")
        try:
            handle: IO[bytes] = path.open("rb")
        except PermissionError:
            raise InputError(label, "permission denied") from None
        except OSError as error:
            raise InputError(label, f"cannot read: {error.strerror or error}") from None
        try:
            return cls._from_handle(label, handle)
        except BaseException:
            handle.close()
            raise

    @classmethod
    def from_bytes(cls, label: str, data: bytes) -> ApkArchive:
        """Open an archive held in memory; `label` names it in errors (e.g. `app.apks!base.apk`)."""
        if not data:
            raise InputError(label, "empty file, not an APK")
        return cls._from_handle(label, io.BytesIO(data))

    @classmethod
    def _from_handle(cls, label: str, handle: IO[bytes]) -> ApkArchive:
        head = handle.read(4)
        directory = _check_central_directory_size(label, handle)
        malformed = _malformed_extra_fields(handle, directory) if directory else []
        handle.seek(0)
        # zipfile refuses extra fields that are no sequence of id/size records; Android ignores
        # them, so zipfile gets a view in which each is one opaque record of the same length.
        view: IO[bytes] = (
            io.BufferedReader(_PatchedView(handle, malformed)) if malformed else handle
        )
        try:
            zip_file = zipfile.ZipFile(view)
        except zipfile.BadZipFile:
            if head == _ZIP_MAGIC:
                # Starts like a zip but has no readable end record: a cut-off download.
                raise InputError(label, "truncated or corrupt zip (no central directory)") from None
            expected = "expected an APK, .apks, .xapk or .aab"
            raise InputError(label, f"not a zip archive ({expected})") from None
        except (OSError, EOFError, ValueError) as error:
            raise InputError(label, f"corrupt zip archive: {error}") from None
        if len(zip_file.infolist()) > MAX_ENTRIES:
            zip_file.close()
            raise InputError(label, f"zip has more than {MAX_ENTRIES} entries")
        if head == _EMPTY_ZIP_MAGIC:
            zip_file.close()
            raise InputError(label, "empty zip archive, not an APK")
        duplicate = _first_duplicate(zip_file.infolist())
        if duplicate is not None:
            zip_file.close()
            # Which copy a tool reads is how the Master Key bug (CVE-2013-4787) hid code from
            # signature checks; since then libziparchive refuses such archives outright.
            raise InputError(
                label, f"duplicate zip entry {duplicate} (Android refuses to install such APKs)"
            )
        archive = cls(label, zip_file, handle)
        if malformed:
            names = ", ".join(name for _, _, name in malformed[:3])
            more = f" and {len(malformed) - 3} more" if len(malformed) > 3 else ""
            archive.tamper_warnings.append(
                f"central directory: malformed extra field (no sequence of id/size records) on "
                f"{len(malformed)} entries ({names}{more}); Android ignores extra fields"
            )
        return archive

    # -- reading ------------------------------------------------------------------------

    def names(self) -> list[str]:
        """Entry names from the central directory, in archive order."""
        return list(self._infos)

    def __contains__(self, name: object) -> bool:
        return name in self._infos

    def read(self, name: str, limit: int = DEFAULT_READ_LIMIT) -> bytes:
        """Inflate entry `name`, refusing to produce more than `limit` bytes.

        Reads as Android does (permaudit.apk.tolerant): method and sizes from the central
        directory, whatever the local header says. Tampering found on the way is recorded
        in `tamper_warnings` rather than refused, since Android installs such APKs.
        """
        info = self._info(name)
        handle = self._handle if self._handle is not None else self._zip.fp
        if handle is None:
            raise InputError(self.label, f"cannot read {name}: archive is closed")
        try:
            recovered = read_member(handle, info, limit)
        except UnreadableError as error:
            raise InputError(self.label, str(error)) from None
        except OSError as error:
            raise InputError(self.label, f"cannot read {name}: {_describe(error)}") from None
        self.tamper_warnings.extend(recovered.warnings)
        return recovered.data

    def open_nested(self, name: str) -> ApkArchive:
        """Open the APK stored as entry `name` of this archive (a split inside a bundle)."""
        info = self._info(name)
        label = f"{self.label}!{name}"
        if info.compress_type == zipfile.ZIP_STORED:
            # Stored entries are seekable in place: no copy of a possibly large APK.
            try:
                handle = self._zip.open(info)
            except (zipfile.BadZipFile, OSError, ValueError) as error:
                raise InputError(self.label, f"cannot read {name}: {_describe(error)}") from None
            if info.file_size == 0:
                raise InputError(label, "empty file, not an APK")
            try:
                return ApkArchive._from_handle(label, handle)
            except InputError as error:
                raise InputError(self.label, f"{name}: {error.problem}") from None
        if info.compress_type == zipfile.ZIP_DEFLATED:
            return self._open_spooled(info, label)
        # An unknown (tampered) method: read as Android would, in memory, so with a lower cap.
        data = self.read(name, limit=MAX_NESTED_IN_MEMORY)
        try:
            return ApkArchive.from_bytes(label, data)
        except InputError as error:
            raise InputError(self.label, f"{name}: {error.problem}") from None

    def _open_spooled(self, info: zipfile.ZipInfo, label: str) -> ApkArchive:
        """A deflated nested APK, inflated into a temporary file: memory stays flat."""
        handle = self._handle if self._handle is not None else self._zip.fp
        if handle is None:
            raise InputError(self.label, f"cannot read {info.filename}: archive is closed")
        # Not a context manager: the returned archive owns the file and closes it.
        spool = tempfile.TemporaryFile()  # noqa: SIM115
        try:
            try:
                warnings = spool_member(handle, info, MAX_NESTED_INFLATED, spool)
            except UnreadableError as error:
                raise InputError(self.label, str(error)) from None
            except OSError as error:
                raise InputError(
                    self.label, f"cannot read {info.filename}: {_describe(error)}"
                ) from None
            self.tamper_warnings.extend(warnings)
            if spool.tell() == 0:
                raise InputError(label, "empty file, not an APK")
            spool.seek(0)
            try:
                return ApkArchive._from_handle(label, spool)
            except InputError as error:
                raise InputError(self.label, f"{info.filename}: {error.problem}") from None
        except BaseException:
            spool.close()
            raise

    def _info(self, name: str) -> zipfile.ZipInfo:
        try:
            return self._infos[name]
        except KeyError:
            raise InputError(self.label, f"no {name} in the archive") from None

    # -- lifetime -----------------------------------------------------------------------

    def close(self) -> None:
        self._zip.close()
        if self._handle is not None:
            self._handle.close()

    def __enter__(self) -> ApkArchive:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def _check_central_directory_size(label: str, handle: IO[bytes]) -> tuple[int, int] | None:
    """Refuse a central directory too large to parse, before zipfile parses it.

    Returns where the central directory starts and its size, as zipfile will locate it
    (None for zip64 archives and archives without an end record).
    """
    end = handle.seek(0, io.SEEK_END)
    tail_at = max(0, end - _END_RECORD_SEARCH)
    handle.seek(tail_at)
    tail = handle.read(_END_RECORD_SEARCH)
    at = tail.rfind(_EMPTY_ZIP_MAGIC)
    if at < 0 or len(tail) - at < 22:
        return None  # zipfile reports the missing end record
    entries = int.from_bytes(tail[at + 10 : at + 12], "little")
    size = int.from_bytes(tail[at + 12 : at + 16], "little")
    if entries != 0xFFFF and entries > MAX_ENTRIES:
        raise InputError(label, f"zip has more than {MAX_ENTRIES} entries")
    if size != 0xFFFFFFFF and size > MAX_CENTRAL_DIRECTORY:
        raise InputError(
            label, f"zip central directory is larger than {MAX_CENTRAL_DIRECTORY} bytes"
        )
    if entries == 0xFFFF or size == 0xFFFFFFFF:
        return None
    # Like zipfile: the directory ends where the end record starts (data prepended to the
    # archive shifts both).
    start = tail_at + at - size
    return (start, size) if start >= 0 else None


def _malformed_extra_fields(
    handle: IO[bytes], directory: tuple[int, int]
) -> list[tuple[int, int, str]]:
    """(offset, length, entry name) of central directory extra fields zipfile would refuse."""
    start, size = directory
    handle.seek(start)
    data = handle.read(size)
    found: list[tuple[int, int, str]] = []
    pos = 0
    while pos + _CENTRAL_RECORD_SIZE <= len(data) and data[pos : pos + 4] == _CENTRAL_MAGIC:
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", data, pos + 28)
        extra_at = pos + _CENTRAL_RECORD_SIZE + name_length
        if not _is_record_sequence(data[extra_at : extra_at + extra_length]):
            name = data[pos + _CENTRAL_RECORD_SIZE : extra_at].decode("utf-8", "replace")
            found.append((start + extra_at, extra_length, name))
        pos = extra_at + extra_length + comment_length
    return found


def _is_record_sequence(extra: bytes) -> bool:
    """What zipfile accepts: id/size records each within the field (a tail under 4 bytes too)."""
    pos = 0
    while len(extra) - pos >= 4:
        pos += 4 + int.from_bytes(extra[pos + 2 : pos + 4], "little")
        if pos > len(extra):
            return False
    return True


class _PatchedView(io.RawIOBase):
    """A read-only view of `handle` with byte ranges replaced by opaque extra-field records."""

    def __init__(self, handle: IO[bytes], fields: list[tuple[int, int, str]]) -> None:
        super().__init__()
        self._handle = handle
        # An unassigned header id, zero-filled: zipfile skips records it does not know.
        self._patches = [
            (offset, struct.pack("<HH", 0xFFFF, length - 4) + bytes(length - 4))
            for offset, length, _ in fields
        ]

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        return self._handle.seek(offset, whence)

    def tell(self) -> int:
        return self._handle.tell()

    def readinto(self, buffer: Any) -> int:
        at = self._handle.tell()
        data = self._handle.read(len(buffer))
        if any(offset < at + len(data) and at < offset + len(p) for offset, p in self._patches):
            patched = bytearray(data)
            for offset, replacement in self._patches:
                for index, byte in enumerate(replacement):
                    if 0 <= offset + index - at < len(patched):
                        patched[offset + index - at] = byte
            data = bytes(patched)
        buffer[: len(data)] = data
        return len(data)


def _first_duplicate(infos: list[zipfile.ZipInfo]) -> str | None:
    seen: set[str] = set()
    for info in infos:
        if info.filename in seen:
            return info.filename
        seen.add(info.filename)
    return None


def _describe(error: BaseException) -> str:
    """The first line of the error's message, or its type when it has none."""
    lines = str(error).splitlines()
    return lines[0] if lines else type(error).__name__
