"""Split normalised policy text into sentences that know their offsets, line and section."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

# Sentence ends at . ! ? followed by space and something that starts a sentence. Abbreviations
# and decimal/inline numbers are protected by _NO_SPLIT_BEFORE below.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9\u2022-])")
_NO_SPLIT_BEFORE = re.compile(
    r"(?:\b(?:e\.g|i\.e|etc|inc|ltd|co|corp|no|vs|mr|mrs|ms|dr|st|jr|u\.s|approx|incl|"
    r"art|sec|para|fig|vol|p|pp)\.|\b[A-Z]\.|\b\d{1,2}\.|\b[IVX]{1,4}\.|\(\w{1,4}\)\.?)$",
    re.IGNORECASE,
)
# Very long sentences (tables flattened to one line) are cut at semicolons so that a quote
# stays readable and a negation in one item does not leak into the next.
_LONG_SENTENCE = 600
_SEMICOLON = re.compile(r";\s+")

_ENUMERATOR = re.compile(
    r"^(?:#{1,6}\s*|(?:\d{1,2}(?:\.\d{1,2})*[.)]?|\(\d{1,2}\)|\(?[IVXivx]{1,4}[.)]|"
    r"\([a-h]\)|[a-h]\)|[\u2022*-])\s+)"
)
_HEADING_WORDS = re.compile(r"[A-Za-z]")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    line: int  # 1-based line in the normalised text
    section: str | None


def _is_heading(line: str, known: frozenset[str]) -> bool:
    stripped = line.strip()
    if not stripped or not _HEADING_WORDS.search(stripped):
        return False
    bare = _ENUMERATOR.sub("", stripped).strip().rstrip(".:").strip()
    if not bare:
        return False
    if stripped.lower() in known or bare.lower() in known:
        return True
    if stripped.startswith("#"):
        return True
    words = bare.split()
    # Enumerated lines without closing punctuation are headings even when long ("(II) Carry
    # out internal data analysis ... to improve our products or services").
    if _ENUMERATOR.match(stripped) and stripped[-1].isalnum() and len(words) <= 22:
        return bare[0].isupper()
    if len(words) > 14 or len(bare) > 110:
        return False
    if bare.isupper() and len(words) <= 12:
        return True
    if stripped.endswith(":"):
        return len(words) <= 8 or (bool(_ENUMERATOR.match(stripped)) and len(words) <= 14)
    # A short line without sentence punctuation is a heading ("Collection of personal
    # information", "1.3. Troubleshooting", "I. How We Collect and Use Your Personal
    # Information"), unless it reads like a list item (starts lower-case or ends with ";"/",").
    if stripped[-1] in ".;,!" and not stripped.endswith("?"):
        return bool(_ENUMERATOR.match(stripped)) and len(words) <= 10 and stripped[-1] == "."
    return bare[0].isupper() or bare[0].isdigit()


def _split_line(line: str) -> list[tuple[int, int]]:
    """Sentence spans (relative to the line) of one line."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for match in _SENTENCE_END.finditer(line):
        if _NO_SPLIT_BEFORE.search(line[max(begin, match.start() - 12) : match.start()]):
            continue
        spans.append((begin, match.start()))
        begin = match.end()
    spans.append((begin, len(line)))
    result: list[tuple[int, int]] = []
    for start, end in spans:
        while end > start and line[end - 1].isspace():
            end -= 1
        if end <= start:
            continue
        if end - start > _LONG_SENTENCE:
            piece_start = start
            for semi in _SEMICOLON.finditer(line, start, end):
                result.append((piece_start, semi.start() + 1))
                piece_start = semi.end()
            result.append((piece_start, end))
        else:
            result.append((start, end))
    return result


def segment(text: str, headings: Sequence[str] = ()) -> list[Sentence]:
    """Sentences of normalised `text`, each with its section heading (None before the first)."""
    known = frozenset(h.strip().lower() for h in headings if h.strip())
    sentences: list[Sentence] = []
    section: str | None = None
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        line_start = offset
        offset += len(line) + 1
        if not line.strip():
            continue
        if _is_heading(line, known):
            section = line.strip()
            # The heading is also text ("Location information: ..." headings carry meaning).
            sentences.append(Sentence(line_start, line_start + len(line), line, number, section))
            continue
        for start, end in _split_line(line):
            sentences.append(
                Sentence(line_start + start, line_start + end, line[start:end], number, section)
            )
    return sentences


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
