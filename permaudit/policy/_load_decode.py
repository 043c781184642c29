"""Bytes → text for policy files: the encodings vendors really publish in.

Order matters: byte-order marks first, then UTF-16 without a BOM (its NUL bytes would
otherwise look binary), then strict UTF-8 (the common case, and fast), then UTF-8 with a
few stray legacy bytes (files pasted together from several sources), then a charset that an
HTML page declares, and only then charset-normalizer's statistical guess for legacy
encodings (GBK/GB18030, Big5, Shift-JIS, cp1252...).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio
from charset_normalizer.utils import is_multi_byte_encoding

# Encodings a BOM identifies. UTF-32 LE must be tested before UTF-16 LE: its BOM starts
# with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Labels that browsers (WHATWG Encoding) decode with a superset; we do the same so that a page
# declaring gb2312 but using GBK characters still reads.
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "latin_1": "cp1252",
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "big5": "big5hkscs",
    "euc_kr": "cp949",
    "shift_jis": "cp932",
}

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})""")

# charset-normalizer looks at this much; its answer is then applied to the whole file.
_SNIFF_BYTES = 512 * 1024
# A legacy-encoded file decoded with more replacement characters than this is not text.
_MAX_REPLACEMENT_RATIO = 0.01


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


class UndecodableError(Exception):
    """The bytes are not text in any encoding we can recognise."""


def decode_policy_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode a policy file. Raises UndecodableError when no encoding fits.

    `declared`: the charset the transport declares (an HTTP Content-Type). As in browsers, a
    BOM overrides it and it overrides what the document itself declares; bytes it cannot
    decode are read as if nothing had been declared.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            name = "utf-8-sig" if encoding == "utf-8" else encoding
            return Decoded(_decode_or_replace(body, encoding), name)

    transport = _canonical(declared) if declared else None
    if transport is not None and not _mislabelled_utf8(data, transport):
        try:
            return Decoded(data.decode(transport), transport)
        except UnicodeDecodeError:
            pass

    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return Decoded(_decode_or_replace(data, utf16), utf16)

    if b"\x00" in data:
        raise UndecodableError("binary file (contains NUL bytes)")

    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass

    mixed = _utf8_with_legacy_bytes(data)
    if mixed is not None:
        return mixed

    declared = _declared_charset(data[:4096])
    if declared is not None:
        try:
            return Decoded(data.decode(declared), declared)
        except UnicodeDecodeError:
            pass  # the page lies about its charset; guess instead

    return _guess_legacy(data)


def _mislabelled_utf8(data: bytes, declared: str) -> bool:
    """A server default of ISO-8859-1 on a page that is valid UTF-8 with non-ASCII text.

    Every byte decodes as cp1252, so honouring the label would turn each accented letter or
    Chinese character into two or three wrong ones; UTF-8 that long is never an accident.
    """
    if declared != "cp1252" or data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _canonical(name: str) -> str | None:
    try:
        canonical = codecs.lookup(name).name
    except LookupError:
        return None
    return codecs.lookup(_SUPERSETS.get(canonical, canonical)).name


def _decode_or_replace(data: bytes, encoding: str) -> str:
    """A BOM is a promise; a file that breaks it a little (a truncated last unit) still reads."""
    text = data.decode(encoding, errors="replace")
    if text.count("\ufffd") > max(2, len(text) * _MAX_REPLACEMENT_RATIO):
        raise UndecodableError(
            f"not valid {encoding} text although it starts with a {encoding} BOM"
        )
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM, recognised by the NUL half of each mostly-ASCII code unit."""
    sample = data[:4096]
    if len(sample) < 16 or b"\x00" not in sample:
        return None
    even = sample[0::2]
    odd = sample[1::2]
    even_nuls = even.count(0) / len(even)
    odd_nuls = odd.count(0) / len(odd)
    if odd_nuls > 0.3 and even_nuls < 0.02:
        candidate, low_bytes = "utf-16-le", even
    elif even_nuls > 0.3 and odd_nuls < 0.02:
        candidate, low_bytes = "utf-16-be", odd
    else:
        return None
    # The pattern alone also fits binary records; text has printable low bytes.
    printable = sum(1 for byte in low_bytes if byte >= 0x20 or byte in (0x09, 0x0A, 0x0D))
    if printable < 0.95 * len(low_bytes):
        return None
    try:
        data[: len(data) - len(data) % 2].decode(candidate)
    except UnicodeDecodeError:
        return None
    return candidate


def _utf8_with_legacy_bytes(data: bytes) -> Decoded | None:
    """Mostly UTF-8 with some lines in another encoding: keep both readable.

    Policies pasted together from a CMS and a Word export are like this, and they are mixed
    line by line. A line decodes as UTF-8 as a whole or not at all (legacy text forms a valid
    UTF-8 sequence now and then by accident, a whole line of it hardly ever); the lines that
    fail are decoded with the legacy encoding their concatenation looks like.
    """
    lines = data.split(b"\n")
    utf8_lines: list[str | None] = []
    valid_non_ascii = 0
    legacy: list[bytes] = []
    legacy_size = 0
    for line in lines:
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            utf8_lines.append(None)
            if legacy_size < _SNIFF_BYTES:
                legacy.append(line)
            legacy_size += len(line)
            continue
        utf8_lines.append(text)
        if not text.isascii():
            valid_non_ascii += len(line) - len(text.encode("ascii", errors="ignore"))
    if valid_non_ascii < 6 or valid_non_ascii < 0.05 * legacy_size:
        return None
    # A few stray bytes say nothing about their encoding; cp1252 (Word's) is the usual source.
    fallback = _guess_legacy(b"\n".join(legacy)).encoding if legacy_size >= 32 else "cp1252"
    decoded = [
        text if text is not None else _decode_leniently(line, fallback)
        for text, line in zip(utf8_lines, lines, strict=True)
    ]
    return Decoded("\n".join(decoded), f"utf-8+{fallback}")


def _decode_leniently(line: bytes, encoding: str) -> str:
    try:
        return line.decode(encoding)
    except UnicodeDecodeError:
        return line.decode("cp1252", errors="replace")


def _declared_charset(head: bytes) -> str | None:
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if match is None:
        return None
    return _canonical(match.group(1).decode("ascii"))


def _prefer_cp1252(sample: bytes, guess: str, guess_chaos: float) -> str:
    """Among single-byte code pages, short Western text fits many equally well.

    charset-normalizer then picks by language statistics that a few accented words cannot
    settle (a cp1252 "café" comes back as cp1250). Vendors publishing in a legacy single-byte
    encoding overwhelmingly use cp1252, so it wins whenever it reads the text as cleanly.
    """
    if guess == "cp1252":
        return guess
    try:
        text = sample.decode("cp1252")
    except UnicodeDecodeError:
        return guess
    if mess_ratio(text, maximum_threshold=1.0) <= guess_chaos + 0.02:
        return "cp1252"
    return guess


def _guess_legacy(data: bytes) -> Decoded:
    sample = data[:_SNIFF_BYTES]
    best = from_bytes(sample).best()
    if best is None:
        raise UndecodableError("binary file (not text in any known encoding)")
    encoding = _canonical(best.encoding)
    if encoding is not None and not is_multi_byte_encoding(encoding):
        encoding = _prefer_cp1252(sample, encoding, best.chaos)
    if encoding is None:
        raise UndecodableError("binary file (not text in any known encoding)")
    try:
        return Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError:
        # The sample fitted, the rest does not quite: accept a few holes, not many.
        text = data.decode(encoding, errors="replace")
        if text.count("\ufffd") > max(2, len(text) * _MAX_REPLACEMENT_RATIO):
            raise UndecodableError("binary file (not text in any known encoding)") from None
        return Decoded(text, encoding)
