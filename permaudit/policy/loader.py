"""Read a privacy policy file of any format users have into plain visible text.

Formats are told apart by content (PDF magic, HTML markup, Markdown markers), the file
extension only breaking ties. Every problem a user can cause is an InputError naming the file.

Size limits (all checked before the expensive step they protect):
- ``max_bytes`` (64 MiB): the file itself. PDFs with images and saved web pages are big
  files with little text, so this is generous.
- ``MAX_MARKUP_BYTES`` (16 MiB): HTML and Markdown are parsed into a tree whose cost grows
  with the markup; 16 MiB parses in under two seconds.
- ``max_chars`` (4 Mi characters): the visible text. The longest real privacy policies are
  around 100,000 characters; a 50 MB "policy" is an export gone wrong or an attack, and
  analysing it would take minutes, so it is refused in well under a second with a message
  that says so. Callers that really want it (benchmarks) pass ``max_chars=None``.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from pathlib import Path
from typing import Literal

from permaudit.errors import InputError
from permaudit.models import Frozen
from permaudit.policy._load_decode import UndecodableError, decode_policy_bytes

MiB = 1024 * 1024
DEFAULT_MAX_BYTES = 64 * MiB
MAX_MARKUP_BYTES = 16 * MiB
DEFAULT_MAX_CHARS = 4 * MiB

PolicyFormat = Literal["text", "markdown", "html", "pdf"]

_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn"})
_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})

# Magic numbers of files people hand us by mistake, for a clearer message than "binary".
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a ZIP archive (an APK, or a .docx?)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable"),
    (b"dex\n", "Android DEX bytecode"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document (.doc)"),
    (b"\x1f\x8b", "a gzip archive"),
)

_HTML_DOCUMENT = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAG = re.compile(
    r"<(?:p|div|br|h[1-6]|ul|ol|li|table|tr|td|span|a|strong|b|em|section|article)\b[^<>]{0,500}>",
    re.IGNORECASE,
)
_MD_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.MULTILINE)
_MD_SETEXT = re.compile(r"^[^\s].*\n {0,3}(?:=+|-+)[ \t]*$", re.MULTILINE)
_MD_LINK = re.compile(r"\[[^\]\n]{1,300}\]\([^)\s]{1,500}\)")
_MD_EMPHASIS = re.compile(r"\*\*[^*\n]{1,300}\*\*|__[^_\n]{1,300}__")
_MD_TABLE_RULE = re.compile(r"^ {0,3}\|? *:?-{3,}:? *\|", re.MULTILINE)
_SNIFF_CHARS = 256 * 1024

# Control characters that do not belong in text (tab, newline, CR and form feed do).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_MAX_CONTROL_RATIO = 0.01
_LINE_END_BLANKS = " \t\u00a0\u3000"


class PolicyText(Frozen):
    """The visible text of a policy file, ready for normalisation and segmentation."""

    source: str
    # Decoded visible text: headings on their own lines, paragraphs separated by blank lines.
    text: str
    # Headings known from markup (HTML h1–h6, Markdown headings, PDF bookmarks).
    headings: tuple[str, ...] = ()
    format: PolicyFormat
    # Encoding the bytes were decoded with; None for PDF.
    encoding: str | None
    # SHA-256 of the raw file bytes, for policy maps and reports.
    sha256: str
    # The whole file decoded, markup and blank lines included: what an editor or a SARIF
    # viewer shows, so quotes are located by its lines. None for PDF, which has no such lines.
    file_text: str | None = None


def load_policy_text(
    path: Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_chars: int | None = DEFAULT_MAX_CHARS,
) -> PolicyText:
    """Read a policy file (text, Markdown, HTML or PDF) into its visible text.

    Raises InputError(path, problem) for anything a user can get wrong.
    """
    return policy_text_from_bytes(path, read_policy_file(path, max_bytes), max_chars=max_chars)


def policy_text_from_bytes(
    path: Path | str,
    data: bytes,
    *,
    max_chars: int | None = DEFAULT_MAX_CHARS,
    charset: str | None = None,
    media_type: str | None = None,
) -> PolicyText:
    """Like load_policy_text, for bytes already read with read_policy_file.

    `path` names the document: a file, or a URL or "-" for documents fetched or piped in
    (permaudit.policy.fetch), whose transport may declare a `charset` and a `media_type`.
    """
    digest = hashlib.sha256(data).hexdigest()
    if not data:
        raise InputError(path, "empty file")

    if _is_pdf(data):
        # Imported on use: pypdf and lxml cost a tenth of a second that plain text need not pay.
        from permaudit.policy._load_pdf import PdfProblem, pdf_text

        try:
            text, headings = pdf_text(data, max_chars)
        except PdfProblem as problem:
            raise InputError(path, str(problem)) from None
        return _finish(path, text, headings, "pdf", None, digest, max_chars)

    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(path, f"binary file ({what}), not a privacy policy")

    try:
        decoded = decode_policy_bytes(data, declared=charset)
    except UndecodableError as problem:
        raise InputError(path, str(problem)) from None
    del data  # the text replaces the bytes; do not hold both longer than needed
    raw = decoded.text
    if raw.isspace():
        raise InputError(path, "whitespace only, no text")

    # Size checks come before the control-character scan and the parse, the costly steps.
    policy_format = _sniff_format(document_suffix(path, media_type), raw)
    if policy_format in ("html", "markdown"):
        size = len(raw)
        if size > MAX_MARKUP_BYTES:
            kind = "HTML" if policy_format == "html" else "Markdown"
            raise InputError(
                path,
                f"{kind} file is too large to parse ({_size(size)} of markup; "
                f"the limit is {_size(MAX_MARKUP_BYTES)})",
            )
    elif max_chars is not None and len(raw) > max_chars:
        raise _too_long(path, len(raw), max_chars)
    control_characters = _count_control_characters(path, raw)

    if policy_format in ("html", "markdown"):
        from permaudit.policy._load_html import (
            NoVisibleTextError,
            html_visible_text,
            markdown_to_html,
        )

        html = markdown_to_html(raw) if policy_format == "markdown" else raw
        try:
            text, headings = html_visible_text(html)
        except NoVisibleTextError as problem:
            raise InputError(path, str(problem)) from None
        control_characters = 1  # the markup may have carried some; let _tidy look
    else:
        text, headings = raw, ()
    return _finish(
        path,
        text,
        headings,
        policy_format,
        decoded.encoding,
        digest,
        max_chars,
        has_control_characters=control_characters > 0,
        file_text=raw,
    )


def read_policy_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read at most max_bytes, refusing anything that is not a regular file before opening it.

    A FIFO or a device would block or never end; a regular file that grows while we read is
    still cut at the limit.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise InputError(path, "broken symbolic link (its target does not exist)") from None
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as error:
        raise InputError(path, _os_problem(error)) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(path, "is a directory, not a policy file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(path, "not a regular file (a FIFO, socket or device?)")
    if info.st_size > max_bytes:
        raise InputError(path, _too_large(info.st_size, max_bytes))
    try:
        # O_NONBLOCK: if the path was swapped for a FIFO after stat, open must not hang.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise InputError(path, "not a regular file (a FIFO, socket or device?)")
            data = handle.read(max_bytes + 1)
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a policy file") from None
    except OSError as error:
        raise InputError(path, _os_problem(error)) from None
    if len(data) > max_bytes:
        raise InputError(path, _too_large(len(data), max_bytes))
    return data


def _os_problem(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    if error.errno == errno.ENAMETOOLONG:
        return "file name too long"
    return f"cannot read: {error.strerror or error}"


def _too_large(size: int, limit: int) -> str:
    return f"file is too large ({_size(size)}; the limit is {_size(limit)})"


def _size(count: int) -> str:
    if count >= MiB:
        return f"{count / MiB:.1f} MiB"
    if count >= 1024:
        return f"{count / 1024:.1f} KiB"
    return f"{count} bytes"


def _too_long(path: Path | str, length: int, limit: int) -> InputError:
    return InputError(
        path,
        f"policy text is too long ({length:,} characters; the limit is {limit:,}, "
        "and real privacy policies are far shorter)",
    )


def _is_pdf(data: bytes) -> bool:
    # The PDF spec lets the header sit anywhere in the first 1024 bytes.
    return b"%PDF-" in data[:1024]


def _count_control_characters(path: Path | str, text: str) -> int:
    """Text that decoded but is full of control characters is a binary file in disguise."""
    allowed = max(8, int(len(text) * _MAX_CONTROL_RATIO))
    count = 0
    for count, _ in enumerate(_CONTROL.finditer(text), start=1):
        if count > allowed:
            raise InputError(path, "binary file (full of control characters)")
    return count


_MEDIA_SUFFIXES = {
    "text/html": ".html",
    "application/xhtml+xml": ".xhtml",
    "text/markdown": ".md",
    "text/x-markdown": ".md",
    "text/plain": ".txt",
}


def document_suffix(path: Path | str, media_type: str | None = None) -> str:
    """The extension that breaks format ties: the file's, else the media type's or the URL's."""
    if isinstance(path, Path):
        return path.suffix.lower()
    if media_type in _MEDIA_SUFFIXES:
        return _MEDIA_SUFFIXES[media_type]
    from permaudit.policy.fetch import url_suffix

    return url_suffix(path)


def _sniff_format(suffix: str, text: str) -> PolicyFormat:
    head = text[:_SNIFF_CHARS]
    if _HTML_DOCUMENT.search(head[:4096]):
        return "html"
    html_tags = len(_HTML_TAG.findall(head))
    if suffix in _MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in _HTML_SUFFIXES and html_tags:
        return "html"
    marker_counts = [
        2 * len(_MD_ATX_HEADING.findall(head)),
        2 * len(_MD_SETEXT.findall(head)),
        2 * len(_MD_TABLE_RULE.findall(head)),
        len(_MD_LINK.findall(head)),
        len(_MD_EMPHASIS.findall(head)),
    ]
    markdown_score = sum(marker_counts)
    if html_tags >= 3 and html_tags > markdown_score:
        return "html"
    # One kind of marker alone is not enough: plain-text policies start lines with "#" too
    # (a seed does), and rendering them as Markdown would join their lines.
    if markdown_score >= 3 and sum(1 for count in marker_counts if count) >= 2:
        return "markdown"
    return "text"


def _finish(
    path: Path | str,
    text: str,
    headings: tuple[str, ...],
    policy_format: PolicyFormat,
    encoding: str | None,
    digest: str,
    max_chars: int | None,
    *,
    has_control_characters: bool = True,
    file_text: str | None = None,
) -> PolicyText:
    text = _tidy(text, has_control_characters=has_control_characters)
    if not text:
        raise InputError(path, "whitespace only, no text" if policy_format == "text" else "no text")
    if max_chars is not None and len(text) > max_chars:
        raise _too_long(path, len(text), max_chars)
    if not any(character.isalpha() for character in text):
        raise InputError(path, "no recognisable text (no letters in any script)")
    return PolicyText(
        source=str(path),
        text=text,
        headings=headings,
        format=policy_format,
        encoding=encoding,
        sha256=digest,
        file_text=file_text,
    )


def _tidy(text: str, *, has_control_characters: bool) -> str:
    """Line endings, stray control characters and blank-line runs, the same for every format.

    Written for 50 MB inputs: each step is one C-level pass, skipped when it has nothing to do.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\f" in text:
        text = text.replace("\f", "\n\n")
    if "\ufeff" in text:
        text = text.replace("\ufeff", "")
    if has_control_characters:
        text = _CONTROL.sub("", text)
    # Regexes for trailing blanks and blank-line runs try a match at every space or newline;
    # one pass over the lines is several times faster on large inputs.
    lines: list[str] = []
    previous_blank = True  # also drops leading blank lines
    for line in text.split("\n"):
        line = line.rstrip(_LINE_END_BLANKS)
        if line or not previous_blank:
            lines.append(line)
        previous_blank = not line
    return "\n".join(lines).strip()
