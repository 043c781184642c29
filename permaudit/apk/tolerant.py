"""Read APKs the way Android reads them, so tampered-but-installable apps still get audited.

Packers and malware tamper with zip headers and the binary manifest so that analysis tools
fail or read something else, while the device installs the app as usual (apkInspector's
README and tests, Kaspersky's SoumniBot write-up, Zimperium's 2024 study of unsupported
compression methods). An auditor must read what Android reads. Two rules do that:

* Zip: Android's libziparchive takes the compression method and sizes from the central
  directory and uses the local file header only to find where the data starts. Python's
  zipfile agrees on sizes but rejects unknown methods and local names that differ, so
  ``read_member`` reads every entry itself, with an inflate capped at the caller's limit.
* Binary XML: Android's ResXMLTree walks chunks by their declared sizes, ignores the file
  type, honours unusual header and attribute sizes and skips unknown chunks; androguard
  rejects or silently drops some of those. ``repair_manifest`` walks the chunks with
  Android's rules and rewrites them in the canonical layout, which androguard then decodes.

Both return the bytes and a warning per deviation, so the report can say the APK was
tampered and how. Anything Android itself would reject raises ``UnreadableError``.

apkInspector (a dependency of androguard) was evaluated for this and not used on the read
path: it inflates without a size cap, keys entries by name so a duplicate silently wins,
prefers the local header's method and sizes over the central directory's, and its
``get_manifest`` assumes 16-byte node headers and 20-byte attributes.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO

from permaudit.apk._androguard import android_attribute_names
from permaudit.apk._androguard import axml as _axml

# Chunk types of frameworks/base/libs/androidfw/include/androidfw/ResourceTypes.h.
RES_STRING_POOL_TYPE = 0x0001
RES_XML_TYPE = 0x0003
RES_XML_FIRST_CHUNK_TYPE = 0x0100
RES_XML_START_NAMESPACE_TYPE = 0x0100
RES_XML_END_NAMESPACE_TYPE = 0x0101
RES_XML_START_ELEMENT_TYPE = 0x0102
RES_XML_END_ELEMENT_TYPE = 0x0103
RES_XML_CDATA_TYPE = 0x0104
RES_XML_LAST_CHUNK_TYPE = 0x017F
RES_XML_RESOURCE_MAP_TYPE = 0x0180

_CHUNK = struct.Struct("<HHI")
_NODE_HEADER_SIZE = 16  # ResXMLTree_node: chunk header, lineNumber, comment
_STRING_POOL_HEADER_SIZE = 28
_ATTRIBUTE_SIZE = 20  # ResXMLTree_attribute
# Size of each node's extension, as ResXMLParser::nextNode requires it.
_EXT_SIZE = {
    RES_XML_START_NAMESPACE_TYPE: 8,
    RES_XML_END_NAMESPACE_TYPE: 8,
    RES_XML_START_ELEMENT_TYPE: 20,
    RES_XML_END_ELEMENT_TYPE: 8,
    RES_XML_CDATA_TYPE: 12,
}
_LOCAL_HEADER = struct.Struct("<4sHHHHHIIIHH")
_LOCAL_SIGNATURE = b"PK\x03\x04"
_READ_BLOCK = 64 * 1024
_INFLATE_CHUNK = 1024 * 1024


class UnreadableError(ValueError):
    """The entry or manifest is broken beyond what Android itself accepts."""


@dataclass(frozen=True)
class Recovered:
    data: bytes
    warnings: tuple[str, ...] = ()


# --- zip entries -----------------------------------------------------------------------------


def read_member(fp: IO[bytes], info: zipfile.ZipInfo, limit: int) -> Recovered:
    """Read one entry as libziparchive does; never hold more than ``limit`` bytes of output."""
    data_offset, warnings = _local_header(fp, info)
    data, method_note = _read_data(fp, info, data_offset, limit)
    if method_note:
        warnings.append(method_note)
    if zlib.crc32(data) != info.CRC:
        warnings.append(f"{info.filename}: CRC-32 does not match the central directory")
    return Recovered(data, tuple(warnings))


def spool_member(
    fp: IO[bytes], info: zipfile.ZipInfo, limit: int, sink: IO[bytes]
) -> tuple[str, ...]:
    """Inflate a deflated entry into ``sink`` (a temporary file) rather than into memory.

    For APKs nested in a bundle: a real one may be hundreds of MB, and so may a bomb.
    Returns the tampering warnings, as ``read_member`` does.
    """
    data_offset, warnings = _local_header(fp, info)
    if info.file_size > limit:
        raise UnreadableError(
            f"{info.filename} declares {info.file_size} bytes, more than the {limit} allowed"
        )
    crc = 0

    def write(chunk: bytes) -> None:
        nonlocal crc
        crc = zlib.crc32(chunk, crc)
        sink.write(chunk)

    inflate_to(write, fp, info.filename, data_offset, info.compress_size, limit)
    if crc != info.CRC:
        warnings.append(f"{info.filename}: CRC-32 does not match the central directory")
    return tuple(warnings)


def _local_header(fp: IO[bytes], info: zipfile.ZipInfo) -> tuple[int, list[str]]:
    """Where the entry's data starts, and how its local header disagrees with the directory."""
    name = info.filename
    fp.seek(info.header_offset)
    header = fp.read(_LOCAL_HEADER.size)
    if len(header) < _LOCAL_HEADER.size or header[:4] != _LOCAL_SIGNATURE:
        raise UnreadableError(f"{name}: no local file header where the central directory says")
    (_, _, flags, local_method, _, _, _, local_csize, local_usize, name_length, extra_length) = (
        _LOCAL_HEADER.unpack(header)
    )
    local_name = fp.read(name_length)
    warnings: list[str] = []
    if local_method != info.compress_type:
        warnings.append(
            f"{name}: local header says compression method {local_method}, "
            f"central directory says {info.compress_type}"
        )
    sizes_in_header = not flags & 0x08 and 0xFFFFFFFF not in (local_csize, local_usize)
    if sizes_in_header and (local_csize, local_usize) != (info.compress_size, info.file_size):
        warnings.append(
            f"{name}: local header sizes {local_csize}/{local_usize} disagree with "
            f"the central directory's {info.compress_size}/{info.file_size}"
        )
    if local_name != _raw_name(info):
        warnings.append(
            f"{name}: local header names {local_name[:64]!r} ({name_length} bytes), "
            f"not the central directory's name"
        )
    return info.header_offset + _LOCAL_HEADER.size + name_length + extra_length, warnings


def _raw_name(info: zipfile.ZipInfo) -> bytes:
    encoding = "utf-8" if info.flag_bits & 0x800 else "cp437"
    try:
        return info.orig_filename.encode(encoding)
    except UnicodeEncodeError:
        return info.orig_filename.encode("utf-8")


def _read_data(
    fp: IO[bytes], info: zipfile.ZipInfo, offset: int, limit: int
) -> tuple[bytes, str | None]:
    name = info.filename
    method = info.compress_type
    if info.file_size > limit:
        raise UnreadableError(
            f"{name} declares {info.file_size} bytes, more than the {limit} allowed"
        )
    if method == zipfile.ZIP_STORED:
        return _read_stored(fp, name, offset, info.file_size, limit), None
    if method == zipfile.ZIP_DEFLATED:
        return inflate(fp, name, offset, info.compress_size, limit), None
    # An unknown method (SoumniBot, Zimperium 2024): Android copies the data when it is not
    # deflate; apkInspector's heuristic, checked on real samples, tells the two apart.
    if info.compress_size == info.file_size:
        data = _read_stored(fp, name, offset, info.file_size, limit)
        return data, f"{name}: unknown compression method {method}, read as stored"
    try:
        data = inflate(fp, name, offset, info.compress_size, limit)
    except UnreadableError as error:
        if "inflates beyond" in str(error):
            raise
        data = _read_stored(fp, name, offset, info.file_size, limit)
        return data, f"{name}: unknown compression method {method}, read as stored"
    return data, f"{name}: unknown compression method {method}, read as deflate"


def _read_stored(fp: IO[bytes], name: str, offset: int, size: int, limit: int) -> bytes:
    if size > limit:
        raise UnreadableError(f"{name} declares {size} bytes, more than the {limit} allowed")
    fp.seek(offset)
    data = fp.read(size)
    if len(data) < size:
        raise UnreadableError(f"{name}: data is truncated")
    return data


def inflate(fp: IO[bytes], name: str, offset: int, compressed_size: int, limit: int) -> bytes:
    """Inflate a raw deflate stream, stopping as soon as the output would exceed ``limit``.

    The declared uncompressed size is not trusted: a zip bomb may declare a small one.
    """
    out = bytearray()
    inflate_to(out.extend, fp, name, offset, compressed_size, limit)
    return bytes(out)


def inflate_to(
    write: Callable[[bytes], object],
    fp: IO[bytes],
    name: str,
    offset: int,
    compressed_size: int,
    limit: int,
) -> None:
    """Inflate into ``write`` in chunks of at most ``_INFLATE_CHUNK``, up to ``limit`` bytes."""
    fp.seek(offset)
    inflater = zlib.decompressobj(-15)
    produced = 0
    remaining = compressed_size
    try:
        while remaining > 0 and not inflater.eof:
            block = fp.read(min(_READ_BLOCK, remaining))
            if not block:
                break
            remaining -= len(block)
            pending = block
            while not inflater.eof:
                # Bounded per call: 64 KiB of a bomb inflates to 64 MiB, and a chunk that size
                # next to everything inflated so far would double the peak.
                cap = min(_INFLATE_CHUNK, limit + 1 - produced)
                chunk = inflater.decompress(pending, cap)
                produced += len(chunk)
                if produced > limit:
                    raise UnreadableError(f"{name} inflates beyond {limit} bytes (zip bomb?)")
                write(chunk)
                pending = inflater.unconsumed_tail
                # A full chunk may leave output pending inside zlib even with no input left.
                if not pending and len(chunk) < cap:
                    break
    except zlib.error as error:
        raise UnreadableError(f"{name}: corrupt deflate data ({error})") from None
    if not inflater.eof:
        raise UnreadableError(f"{name}: deflate data is truncated")


# --- binary XML ------------------------------------------------------------------------------


@dataclass
class _Node:
    type: int
    line: int
    comment: int
    ext: bytes  # canonical extension, attributes included for start elements


class _Repair:
    """Walks an AXML buffer with ResXMLTree's rules and records every deviation."""

    def __init__(self, raw: bytes) -> None:
        self.raw = raw
        self.notes: Counter[str] = Counter()

    def note(self, text: str) -> None:
        self.notes[text] += 1

    def chunk(self, pos: int, end: int, min_header: int, what: str) -> tuple[int, int, int]:
        """validate_chunk() of ResourceTypes.cpp."""
        if pos + _CHUNK.size > end:
            raise UnreadableError(f"binary manifest: {what} chunk is cut off")
        kind, header_size, size = _CHUNK.unpack_from(self.raw, pos)
        if header_size < min_header or header_size > size:
            raise UnreadableError(
                f"binary manifest: {what} chunk has header size {header_size} and size {size}"
            )
        if (header_size | size) & 3:
            raise UnreadableError(f"binary manifest: {what} chunk is not 4-byte aligned")
        if size > end - pos:
            raise UnreadableError(f"binary manifest: {what} chunk runs past the end")
        return kind, header_size, size

    def run(self) -> bytes:
        raw = self.raw
        if len(raw) < _CHUNK.size:
            raise UnreadableError("not a binary XML document (too short)")
        kind, header_size, end = _CHUNK.unpack_from(raw, 0)
        if header_size < _CHUNK.size or header_size > end or end > len(raw):
            raise UnreadableError("not a binary XML document")
        if kind != RES_XML_TYPE:
            self.note(f"binary manifest file type is 0x{kind:04x}, not 0x0003 (Android ignores it)")
        if header_size != _CHUNK.size:
            self.note(f"binary manifest header is {header_size} bytes, not 8")
        if end < len(raw):
            self.note(f"{len(raw) - end} bytes of junk after the binary manifest's declared end")

        pool: bytes | None = None
        resource_map = b""
        resource_ids: tuple[int, ...] = ()
        pos = header_size
        root = -1
        # ResXMLTree::setTo: chunks before the first XML node.
        while pos + _CHUNK.size <= end:
            kind, chunk_header, size = self.chunk(pos, end, _CHUNK.size, "XML")
            if RES_XML_FIRST_CHUNK_TYPE <= kind <= RES_XML_LAST_CHUNK_TYPE:
                root = pos
                break
            if kind == RES_STRING_POOL_TYPE:
                if pool is not None:
                    self.note(
                        "binary manifest has more than one string pool (Android uses the last)"
                    )
                pool = self.string_pool(pos, chunk_header, size)
            elif kind == RES_XML_RESOURCE_MAP_TYPE:
                if chunk_header != _CHUNK.size:
                    self.note(f"resource map header is {chunk_header} bytes, not 8")
                ids = raw[pos + chunk_header : pos + size]
                resource_map = _CHUNK.pack(kind, _CHUNK.size, _CHUNK.size + len(ids) // 4 * 4)
                resource_map += ids[: len(ids) // 4 * 4]
                resource_ids = struct.unpack(f"<{len(ids) // 4}I", ids[: len(ids) // 4 * 4])
            else:
                self.note(f"unknown chunk type 0x{kind:04x} in the binary manifest (skipped)")
            pos += size
        if pool is None:
            raise UnreadableError("binary manifest has no string pool")
        if root < 0:
            raise UnreadableError("binary manifest has no XML element")

        renamed = _renamed_attributes(pool, resource_ids)
        if renamed:
            self.note(
                f"string pool names of {renamed} android attribute(s) differ from their "
                "resource ids (Android reads the ids)"
            )
        nodes = self.nodes(root, end)
        if not any(node.type == RES_XML_START_ELEMENT_TYPE for node in nodes):
            raise UnreadableError("binary manifest has no XML element")
        body = pool + resource_map
        for node in nodes:
            size = _NODE_HEADER_SIZE + len(node.ext)
            body += _CHUNK.pack(node.type, _NODE_HEADER_SIZE, size)
            body += struct.pack("<II", node.line, node.comment) + node.ext
        return _CHUNK.pack(RES_XML_TYPE, _CHUNK.size, _CHUNK.size + len(body)) + body

    def string_pool(self, pos: int, header_size: int, size: int) -> bytes:
        """Canonical string pool: 28-byte header, offset tables, then strings and styles."""
        raw = self.raw
        if header_size < _STRING_POOL_HEADER_SIZE:
            raise UnreadableError(f"binary manifest: string pool header is {header_size} bytes")
        if header_size != _STRING_POOL_HEADER_SIZE:
            self.note(f"string pool header is {header_size} bytes, not 28")
        count, style_count, flags, strings_start, styles_start = struct.unpack_from(
            "<IIIII", raw, pos + 8
        )
        tables_end = header_size + 4 * (count + style_count)
        if tables_end > size or strings_start > size:
            raise UnreadableError("binary manifest: string pool offsets are out of range")
        if strings_start < tables_end and not style_count and strings_start >= header_size:
            # ResStringPool::setTo only checks that the offset table fits in the chunk: a count
            # larger than the strings held makes the table overlap the strings, and only the
            # indices nodes use are ever looked up. The table ends where the strings start.
            held = (strings_start - header_size) // 4
            self.note(
                f"string pool declares {count} strings but holds {held} "
                "(its offset table would overlap the strings)"
            )
            count, tables_end = held, header_size + 4 * held
        if strings_start < tables_end:
            raise UnreadableError("binary manifest: string pool offsets are out of range")
        if style_count and not tables_end <= strings_start <= styles_start <= size:
            raise UnreadableError("binary manifest: string pool styles are out of range")
        if strings_start != tables_end:
            self.note(f"{strings_start - tables_end} bytes of padding before the manifest strings")
        tables = raw[pos + header_size : pos + tables_end]
        strings_end = styles_start if style_count else size
        strings = raw[pos + strings_start : pos + strings_end]
        styles = raw[pos + styles_start : pos + size] if style_count else b""
        strings += b"\0" * (-len(strings) % 4)
        new_strings_start = _STRING_POOL_HEADER_SIZE + len(tables)
        new_styles_start = new_strings_start + len(strings) if style_count else 0
        total = _STRING_POOL_HEADER_SIZE + len(tables) + len(strings) + len(styles)
        header = _CHUNK.pack(RES_STRING_POOL_TYPE, _STRING_POOL_HEADER_SIZE, total)
        header += struct.pack(
            "<IIIII", count, style_count, flags, new_strings_start, new_styles_start
        )
        return header + tables + strings + styles

    def nodes(self, pos: int, end: int) -> list[_Node]:
        """ResXMLParser::nextNode: follow declared sizes, skip unknown chunk types."""
        raw = self.raw
        nodes: list[_Node] = []
        depth = 0
        root_closed = False
        open_namespaces: list[_Node] = []
        while pos < end:
            try:
                kind, header_size, size = self.chunk(pos, end, _NODE_HEADER_SIZE, "XML node")
            except UnreadableError:
                if not root_closed:
                    raise
                # The package parser stops at the root element's end tag, so Android never
                # validates what follows it; a broken chunk there (a zero-sized END_NAMESPACE)
                # only stops tools that walk every chunk. Open namespaces end canonically.
                self.note(_after_root(raw, pos, end))
                nodes.extend(
                    _Node(RES_XML_END_NAMESPACE_TYPE, ns.line, ns.comment, ns.ext)
                    for ns in reversed(open_namespaces)
                )
                break
            ext_size = _EXT_SIZE.get(kind)
            if ext_size is None:
                self.note(
                    f"unknown chunk type 0x{kind:04x} among the manifest's XML nodes (skipped)"
                )
                pos += size
                continue
            if size - header_size < ext_size:
                raise UnreadableError(f"binary manifest: XML node 0x{kind:04x} is too short")
            if header_size != _NODE_HEADER_SIZE:
                self.note(f"XML node header is {header_size} bytes, not 16")
            line, comment = struct.unpack_from("<II", raw, pos + 8)
            ext_at = pos + header_size
            if kind == RES_XML_START_ELEMENT_TYPE:
                ext, used_end = self.start_element(ext_at, pos + size)
                used = used_end - pos
            else:
                ext, used = raw[ext_at : ext_at + ext_size], header_size + ext_size
            if size > used:
                self.note(f"{size - used} bytes of junk inside an XML node")
            node = _Node(kind, line, comment, ext)
            nodes.append(node)
            if kind == RES_XML_START_NAMESPACE_TYPE:
                open_namespaces.append(node)
            elif kind == RES_XML_END_NAMESPACE_TYPE and open_namespaces:
                open_namespaces.pop()
            elif kind == RES_XML_START_ELEMENT_TYPE:
                depth += 1
            elif kind == RES_XML_END_ELEMENT_TYPE:
                depth -= 1
                root_closed = root_closed or depth <= 0
            pos += size
        return nodes

    def start_element(self, ext_at: int, node_end: int) -> tuple[bytes, int]:
        """ResXMLTree_attrExt with its attributes, rewritten to start 20 and stride 20.

        Returns the canonical extension and the offset where the element's data ends.
        """
        raw = self.raw
        ns, name, start, attr_size, attr_count, id_index, class_index, style_index = (
            struct.unpack_from("<IIHHHHHH", raw, ext_at)
        )
        if start + attr_size * attr_count > node_end - ext_at:
            raise UnreadableError("binary manifest: element attributes run past the element")
        if attr_count and attr_size < _ATTRIBUTE_SIZE:
            raise UnreadableError(f"binary manifest: attributes are {attr_size} bytes, not 20")
        if start != 20:
            self.note(f"element attributes start at {start}, not 20")
        if attr_count and attr_size != _ATTRIBUTE_SIZE:
            self.note(f"element attributes are {attr_size} bytes each, not 20")
        attributes = b"".join(
            raw[ext_at + start + i * attr_size : ext_at + start + i * attr_size + _ATTRIBUTE_SIZE]
            for i in range(attr_count)
        )
        ext = struct.pack(
            "<IIHHHHHH",
            ns,
            name,
            20,
            _ATTRIBUTE_SIZE,
            attr_count,
            id_index,
            class_index,
            style_index,
        )
        used = max(ext_at + 20, ext_at + start + attr_size * attr_count)
        return ext + attributes, used


def _after_root(raw: bytes, pos: int, end: int) -> str:
    """The warning for a chunk after the root element that Android never validates."""
    where = "after the root element (Android stops reading at its end tag)"
    if pos + _CHUNK.size > end:
        return f"{end - pos} bytes of a cut-off chunk {where}"
    kind, header_size, size = _CHUNK.unpack_from(raw, pos)
    name = {
        RES_XML_END_NAMESPACE_TYPE: "END_NAMESPACE",
        RES_XML_END_ELEMENT_TYPE: "END_ELEMENT",
    }.get(kind, f"0x{kind:04x}")
    if size == 0:
        return f"zero-sized {name} chunk (header size {header_size}) {where}"
    return f"malformed {name} chunk (header size {header_size}, size {size}) {where}"


def _renamed_attributes(pool: bytes, resource_ids: tuple[int, ...]) -> int:
    """How many attribute names were garbled while their resource ids still say what they are.

    Obfuscators blank or rename these strings to mislead tools that match attributes by name.
    """
    if not resource_ids:
        return 0
    known = android_attribute_names()
    try:
        buffer = io.BufferedReader(io.BytesIO(pool))
        strings = _axml.StringBlock(buffer, _axml.ARSCHeader(buffer))
        return sum(
            1
            for index, resource_id in enumerate(resource_ids)
            if resource_id in known and strings.getString(index) != known[resource_id]
        )
    except Exception:
        # Only a detector: a pool androguard cannot decode is reported when it is parsed.
        return 0


def repair_manifest(raw: bytes) -> Recovered:
    """Binary manifest rewritten as Android reads it, with a warning per tampering trick.

    An untampered manifest comes back unchanged and without warnings.
    """
    repair = _Repair(raw)
    try:
        canonical = repair.run()
    except struct.error:
        raise UnreadableError("binary manifest is cut off") from None
    warnings = tuple(
        note if times == 1 else f"{note} (x{times})" for note, times in sorted(repair.notes.items())
    )
    if not warnings:
        return Recovered(raw)
    return Recovered(canonical, warnings)
