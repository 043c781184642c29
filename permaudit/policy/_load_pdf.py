"""Text layer of a PDF policy, through pypdf, with the page text reflowed into paragraphs."""

from __future__ import annotations

import io
import logging
import re
import warnings
from typing import Any

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError

# pypdf reports every quirk of a malformed file through logging; without a handler Python
# would print those to stderr, where only our one-line error belongs.
logging.getLogger("pypdf").addHandler(logging.NullHandler())

# A privacy policy has a few dozen pages; a file with thousands is not one, and each page
# costs time to extract.
MAX_PDF_PAGES = 2000
_MAX_OUTLINE_ENTRIES = 1000

_SENTENCE_END = re.compile(r"[.!?:;。！？：；]$")
_CJK = re.compile(r"[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]")


class PdfProblem(Exception):
    """The PDF cannot give us its text; the message says why, for the user."""


def pdf_text(data: bytes, max_chars: int | None) -> tuple[str, tuple[str, ...]]:
    """Page texts joined as paragraphs, and the titles of the outline (bookmarks) as headings."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return _pdf_text(data, max_chars)
        except PdfProblem:
            raise
        except FileNotDecryptedError:
            raise PdfProblem("encrypted PDF: it needs a password to open") from None
        except RecursionError:
            raise PdfProblem("unreadable PDF (objects nested too deeply)") from None
        except Exception as error:  # pypdf raises many kinds on hostile files
            raise PdfProblem(f"unreadable PDF ({_one_line(error)})") from None


def _pdf_text(data: bytes, max_chars: int | None) -> tuple[str, tuple[str, ...]]:
    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        # Many PDFs are encrypted only to restrict printing or copying: they open with an empty
        # user password, and their text is readable.
        try:
            opened = bool(reader.decrypt(""))
        except Exception:
            opened = False
        if not opened:
            raise PdfProblem("encrypted PDF: it needs a password to open")
    page_count = len(reader.pages)
    if page_count > MAX_PDF_PAGES:
        raise PdfProblem(f"PDF has {page_count} pages (the limit is {MAX_PDF_PAGES})")
    pages: list[str] = []
    length = 0
    for page in reader.pages:
        text = _reflow(page.extract_text() or "")
        if text:
            pages.append(text)
            length += len(text)
            if max_chars is not None and length > max_chars:
                raise PdfProblem(f"PDF text is too long (over {max_chars:,} characters)")
    if not pages:
        raise PdfProblem("no text layer (scanned/image-only PDF?)")
    titles = _outline_titles(reader)
    return _set_off_headings("\n\n".join(pages), titles), titles


def _set_off_headings(text: str, headings: tuple[str, ...]) -> str:
    """pypdf gives no vertical spacing; a line that is a bookmark title is a heading."""
    if not headings:
        return text
    wanted = set(headings)
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        if line in wanted:
            if out and out[-1] != "":
                out.append("")
            out.extend((line, ""))
        elif line or (out and out[-1] != ""):
            out.append(line)
    return "\n".join(out).strip()


def _reflow(page: str) -> str:
    """Join the lines of a wrapped paragraph; keep lines that end a sentence or a heading."""
    lines = [line.strip() for line in page.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if not line:
            if out and out[-1] != "":
                out.append("")
            continue
        if out and out[-1] and _continues(out[-1], line):
            previous = out[-1]
            if previous.endswith("-") and len(previous) > 1 and previous[-2].isalpha():
                out[-1] = previous[:-1] + line  # a word hyphenated at the line end
            elif _CJK.match(previous[-1]) and _CJK.match(line[0]):
                out[-1] = previous + line
            else:
                out[-1] = previous + " " + line
        else:
            out.append(line)
    return "\n".join(out).strip()


def _continues(previous: str, line: str) -> bool:
    if _SENTENCE_END.search(previous):
        return False
    first = line[0]
    return first.islower() or bool(_CJK.match(first) and _CJK.match(previous[-1]))


def _outline_titles(reader: PdfReader) -> tuple[str, ...]:
    try:
        outline: Any = reader.outline
    except Exception:
        return ()
    titles: list[str] = []
    stack: list[Any] = [iter(outline)]
    while stack and len(titles) < _MAX_OUTLINE_ENTRIES:
        item = next(stack[-1], None)
        if item is None:
            stack.pop()
        elif isinstance(item, list):
            if len(stack) < 32:
                stack.append(iter(item))
        else:
            title = " ".join(str(getattr(item, "title", "") or "").split())
            if title:
                titles.append(title)
    return tuple(titles)


def _one_line(error: Exception) -> str:
    # Messages may quote bytes of the hostile file; keep terminal escapes out of stderr.
    message = "".join(c if c.isprintable() else " " for c in str(error)[:400])
    return " ".join(message.split())[:160] or type(error).__name__
