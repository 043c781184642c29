"""Split normalised policy text into sentences that know their offsets, line and section.

Lines are grouped before sentences are split: a hard-wrapped paragraph ("... when you press\\n
and hold the talk button ...") is one run of text, so its sentences are whole, while headings,
list items and lead-in lines stay units of their own. A sentence that spans a wrapped line
keeps its offsets into the normalised text; its `text` has the line breaks turned into
spaces (same length, so offsets inside it still hold) for the rules that read it.

This module is the structure every language that writes with spaces and full stops shares
(numbering, bullets, wrapping, headings by shape); the words of a language (abbreviations,
date lines, lead-ins) come from its package as `SegmentCues` (English: languages/en/cues.yaml).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

# Sentence ends at . ! ? followed by space and something that starts a sentence. Abbreviations
# (the language's), initials and inline numbers are protected by `_no_split_before`.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9\u2022-])")
# Very long sentences (tables flattened to one line) are cut at semicolons so that a quote
# stays readable and a negation in one item does not leak into the next.
_LONG_SENTENCE = 600
_SEMICOLON = re.compile(r";\s+")
_MAX_SENTENCE = 1000
_MAX_HEADING = 300

_ENUMERATOR = re.compile(
    r"^(?:#{1,6}\s*|(?:\d{1,2}(?:\.\d{1,2})*[.)]?|\(\d{1,2}\)|\(?[IVXivx]{1,4}[.)]|"
    r"\([a-h]\)|[a-h]\)|[\u2022*-]|第[一二三四五六七八九十百\d]{1,4}[条章节部分]|"
    r"[一二三四五六七八九十]{1,3}[、.])\s*)"
)
# A line that starts a list item: it never continues the line before it.
_LIST_ITEM = re.compile(
    r"^(?:#{1,6}\s|\d{1,2}(?:\.\d{1,2})*[.)]\s|\d{1,2}\.\d{1,2}\s|\(\d{1,2}\)|"
    r"\(?[IVXivx]{1,4}[.)]\s|\([a-h]\)|[a-h]\)\s|[\u2022*\u00b7-]\s|第[一二三四五六七八九十百\d]"
    r"{1,4}[条章节部分]|[一二三四五六七八九十]{1,3}、)"
)
# Enumerators of section headings (as opposed to items of a list): roman numerals, multi-level
# numbers, Chinese article numbers. "(4) Other uses permitted by your consent." is an item.
_SECTION_ENUMERATOR = re.compile(
    r"^(?:#{1,6}\s*|\d{1,2}(?:\.\d{1,2})+\.?\s|\(?[IVXivx]{1,4}[.)]\s|第[一二三四五六七八九十百\d]"
    r"{1,4}[条章节部分]|[一二三四五六七八九十]{1,3}、)"
)
_BULLET = re.compile(r"^[\u2022*\u00b7-]\s")
_HEADING_WORDS = re.compile(r"[^\W\d_]")
# "Registered Address: 3rd Floor, ...", "E-mail: privacy@x.com": a field, not a heading.
_FIELD_LINE = re.compile(r"^[^:]{1,40}:\s+.*?(?:\d|@|www\.|https?:)")
_SOFT_WRAP_MIN_RATIO = 0.7
_MAX_WRAP_WIDTH = 200
_TERMINAL = ".!?"


@dataclass(frozen=True, slots=True)
class SegmentCues:
    """What a language tells the segmenter; the structure (numbering, bullets, wrapping) is
    the same in every language that writes with spaces and full stops."""

    # Abbreviations a full stop does not end a sentence after ("e.g", "inc"), as written.
    abbreviations: tuple[str, ...]
    # A line that gives a date or a version ("Last updated: 3 March 2025"): not a heading.
    meta_line: re.Pattern[str]
    # A line that opens with a subject and a verb, or ends as a lead-in ("Our partners
    # include:"), reads as a sentence, not a title.
    lead_in: re.Pattern[str]


@cache
def _no_split_before(abbreviations: tuple[str, ...]) -> re.Pattern[str]:
    """Text before a full stop that does not end a sentence: an abbreviation, an initial, a
    list number, a roman numeral, a bracketed enumerator."""
    words = "|".join(re.escape(word) for word in abbreviations)
    # An empty alternation would match before every full stop.
    abbreviation = rf"\b(?:{words})\.|" if words else ""
    return re.compile(
        rf"(?:{abbreviation}\b[A-Z]\.|\b\d{{1,2}}\.|\b[IVX]{{1,4}}\.|\(\w{{1,4}}\)\.?)$",
        re.IGNORECASE,
    )


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str  # the sentence with line breaks turned into spaces (same length as end - start)
    line: int  # 1-based line in the normalised text where the sentence starts
    section: str | None
    # Paragraph (or list item, or heading) the sentence belongs to: sentences with the same
    # block number are neighbours that may explain each other.
    block: int = 0
    heading: bool = False


def section_name(line: str) -> str:
    """Heading text as a section name: Markdown markup removed ("## 3. Sharing" → "3. Sharing")."""
    name = line.strip()
    if name.startswith("#"):
        name = name.lstrip("#").rstrip("#").strip()
    return name.replace("**", "").replace("__", "").strip()


def _title_case(words: list[str]) -> bool:
    significant = [w for w in words if len(w) > 3]
    if not significant:
        return True
    capitalised = sum(1 for w in significant if w[0].isupper())
    return capitalised >= 0.6 * len(significant)


def _is_heading(line: str, known: frozenset[str], cues: SegmentCues) -> bool:
    stripped = line.strip()
    if not stripped or not _HEADING_WORDS.search(stripped):
        return False
    bare = _ENUMERATOR.sub("", stripped).strip().rstrip(".:").strip()
    if not bare:
        return False
    if known and (
        stripped.lower() in known
        or bare.lower() in known
        or section_name(stripped).lower() in known
    ):
        return True
    if len(stripped) > _MAX_HEADING:
        return False
    if stripped.startswith("#"):
        return True
    if cues.meta_line.match(stripped) or _FIELD_LINE.match(stripped):
        return False
    words = bare.split()
    bullet = bool(_BULLET.match(stripped))
    enumerated = bool(_ENUMERATOR.match(stripped)) and not bullet
    section_numbered = bool(_SECTION_ENUMERATOR.match(stripped))
    last = stripped[-1]
    # Enumerated lines without closing punctuation are headings even when long ("(II) Carry
    # out internal data analysis ... to improve our products or services").
    if enumerated and last.isalnum() and len(words) <= 22:
        return not bare[0].islower()
    if bullet and not bare.isupper():
        # A bullet is a list item; only an all-caps one reads as a heading.
        return False
    if len(words) > 14 or len(bare) > 110:
        return False
    if bare.isupper() and len(words) <= 12:
        return True
    if last == ":":
        if cues.lead_in.search(bare + ":"):
            return False
        if section_numbered or _title_case(words):
            return True
        return len(words) <= 4
    # A short line without sentence punctuation is a heading ("Collection of personal
    # information", "1.3. Troubleshooting", "I. How We Collect and Use Your Personal
    # Information"), unless it reads like a list item (starts lower-case or ends with ";"/",")
    # or a sentence that lost its full stop ("You provide the above ...").
    if last in ".;,!" or (last == "?" and not enumerated):
        if last == "?":
            return len(words) <= 12 and bare[0].isupper()
        # "1.3. Troubleshooting." is a heading; "(4) Other uses permitted by your consent."
        # and "- Cookie policy." are items of a list.
        return section_numbered and last == "." and len(words) <= 10 and _title_case(words)
    if not enumerated and len(words) >= 6 and cues.lead_in.match(bare):
        return False
    return bare[0].isupper() or bare[0].isdigit()


def _split_chunk(chunk: str, no_split_before: re.Pattern[str]) -> list[tuple[int, int]]:
    """Sentence spans (relative to the chunk) of one run of text."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for match in _SENTENCE_END.finditer(chunk):
        if no_split_before.search(chunk[max(begin, match.start() - 12) : match.start()]):
            continue
        spans.append((begin, match.start()))
        begin = match.end()
    spans.append((begin, len(chunk)))
    result: list[tuple[int, int]] = []
    for start, end in spans:
        while end > start and chunk[end - 1].isspace():
            end -= 1
        while start < end and chunk[start].isspace():
            start += 1
        if end <= start:
            continue
        if end - start > _LONG_SENTENCE:
            piece_start = start
            for semi in _SEMICOLON.finditer(chunk, start, end):
                result.extend(_cut(chunk, piece_start, semi.start() + 1))
                piece_start = semi.end()
            result.extend(_cut(chunk, piece_start, end))
        else:
            result.append((start, end))
    return result


def _cut(chunk: str, start: int, end: int) -> list[tuple[int, int]]:
    """Pieces of at most _MAX_SENTENCE characters, cut at a space.

    Text with no sentence punctuation (a pasted table, a hostile file) would otherwise be one
    sentence, and every rule that looks around a mention would scan all of it for each one.
    """
    pieces: list[tuple[int, int]] = []
    while end - start > _MAX_SENTENCE:
        cut = chunk.rfind(" ", start + _MAX_SENTENCE // 2, start + _MAX_SENTENCE)
        if cut <= start:
            cut = start + _MAX_SENTENCE
        pieces.append((start, cut))
        start = cut + 1 if chunk[cut : cut + 1] == " " else cut
    pieces.append((start, end))
    return pieces


def _marked_heading(line: str, known: frozenset[str]) -> bool:
    if line.startswith("#") or line.lower() in known:
        return True
    if line[-1] in _TERMINAL and line[-1] != "?":
        return False
    return bool(_SECTION_ENUMERATOR.match(line) or (_ENUMERATOR.match(line) and "(" in line[:2]))


def _enumerator_shape(line: str) -> str:
    found = _ENUMERATOR.match(line)
    if found is None:
        return ""
    return re.sub(r"\d+", "9", re.sub(r"[IVXivx]+", "I", found.group(0).strip()))


def _table_of_contents(headings: list[str]) -> bool:
    """Three or more headings in a row, numbered alike ("1. ...", "2. ...", "3. ..."), with no
    text between them: a table of contents, not nested sections."""
    if len(headings) < 3:
        return False
    shapes = {_enumerator_shape(h) for h in headings}
    return len(shapes) == 1 and "" not in shapes


def _wrap_width(runs: list[list[tuple[int, str]]]) -> int:
    """Column a hard-wrapped policy is wrapped at; 0 when its paragraphs are not wrapped.

    Estimated over the whole document (lines of multi-line paragraphs, 90th percentile), so a
    short paragraph of two lines is judged by the same width as the rest.
    """
    lengths = sorted(len(line) for run in runs if len(run) > 1 for _, line in run)
    if len(lengths) < 2:
        return 0
    width = lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]
    return width if width <= _MAX_WRAP_WIDTH else 0


def _continues(previous: str, line: str, width: int) -> bool:
    """Whether `line` continues the sentence of `previous` (a hard wrap), both stripped."""
    if _LIST_ITEM.match(line):
        return False
    last = previous[-1]
    if last == ";":
        # Items of a list whose markers the loader dropped ("set up your cameras ...;").
        return False
    first = line[0]
    if first.islower() or first in ",;)]":
        return True
    if last in _TERMINAL or last == ":" or previous.endswith(('."', ".'", ".)", '?"', '!"')):
        return False
    # Filled to (near) the wrap width: the break was the editor's, not the author's.
    return width > 0 and len(previous) >= _SOFT_WRAP_MIN_RATIO * width


def segment(text: str, headings: Sequence[str], cues: SegmentCues) -> list[Sentence]:
    """Sentences of normalised `text`, each with its section heading (None before the first).

    `cues` are the words of the text's language (a language package passes its own)."""
    no_split_before = _no_split_before(cues.abbreviations)
    known = frozenset(h.strip().lower() for h in headings if h.strip())
    sentences: list[Sentence] = []
    section: str | None = None
    line_starts: list[int] = []
    blocks: list[int] = []

    def emit(chunk_start: int, chunk_end: int) -> None:
        chunk = text[chunk_start:chunk_end]
        multiline = "\n" in chunk
        for start, end in _split_chunk(chunk, no_split_before):
            absolute = chunk_start + start
            piece = chunk[start:end]
            if multiline:
                piece = piece.replace("\n", " ")
            number = bisect.bisect_right(line_starts, absolute)
            sentences.append(
                Sentence(absolute, chunk_start + end, piece, number, section, len(blocks))
            )
        blocks.append(chunk_start)

    # Runs of non-blank lines: (start offset, stripped line) per line.
    runs: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        line_starts.append(offset)
        stripped = line.strip()
        if stripped:
            current.append((offset + len(line) - len(line.lstrip()), stripped))
        elif current:
            runs.append(current)
            current = []
        offset += len(line) + 1
    if current:
        runs.append(current)

    width = _wrap_width(runs)
    heading_run: list[str] = []
    section_before_run: str | None = None
    for run in runs:
        chunk_start: int | None = None
        chunk_end = 0
        previous: str | None = None
        previous_heading = False
        for position, (line_start, line) in enumerate(run):
            line_end = line_start + len(line)
            if (
                chunk_start is not None
                and previous is not None
                and not previous_heading
                and line.lower() not in known
                and _continues(previous, line, width)
            ):
                chunk_end = line_end
                previous = line
                continue
            if chunk_start is not None:
                emit(chunk_start, chunk_end)
                chunk_start = None
            following = run[position + 1][1] if position + 1 < len(run) else None
            heading = _is_heading(line, known, cues) and (
                # The first line of a wrapped paragraph is not a heading, unless it is marked
                # as one (Markdown, known from the loader, section number, capitals).
                following is None
                or not _continues(line, following, width)
                or (not following[0].islower() and _marked_heading(line, known))
            )
            previous, previous_heading = line, heading
            if heading:
                section = section_name(line)
                # The heading is also text ("Location information: ..." headings carry meaning).
                number = bisect.bisect_right(line_starts, line_start)
                sentences.append(
                    Sentence(line_start, line_end, line, number, section, len(blocks), True)
                )
                blocks.append(line_start)
                if not heading_run:
                    section_before_run = sentences[-2].section if len(sentences) > 1 else None
                heading_run.append(line)
                continue
            if heading_run:
                if _table_of_contents(heading_run):
                    # The body after a table of contents is not in its last entry's section.
                    section = section_before_run
                heading_run.clear()
            chunk_start, chunk_end = line_start, line_end
        if chunk_start is not None:
            emit(chunk_start, chunk_end)
    return sentences


def is_list_item(text: str) -> bool:
    """Whether a sentence opens a list item ("* ...", "1. ...", "(a) ...")."""
    return bool(_LIST_ITEM.match(text.lstrip()))


def bare_label(line: str) -> str:
    """A heading or label as a name: markup, numbering and closing punctuation removed
    ("## 3. Device Information:" → "Device Information")."""
    name = section_name(line).strip("*_ ")
    name = _ENUMERATOR.sub("", name).strip("*_ ")
    return name.rstrip(".:;,").strip("*_ ").strip()


class SentenceIndex:
    """Find the sentence that holds a character offset in O(log n)."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self.sentences = list(sentences)
        self._starts = [s.start for s in self.sentences]

    def at(self, offset: int) -> int | None:
        position = bisect.bisect_right(self._starts, offset) - 1
        if position < 0:
            return None
        if offset < self.sentences[position].end:
            return position
        return None
