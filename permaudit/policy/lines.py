"""Where a quote stands in the file the user has: the line a SARIF viewer or editor opens.

Evidence offsets index the normalised text, whose lines differ from the file's: normalisation
breaks inline numbering onto lines of its own, and Markdown or HTML loses its markup. A quote is
found again in the file's own text by its first words, allowing anything that is not a word
between them (whitespace, punctuation, tags, entities).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator

from permaudit.models import CategoryDisclosure, Evidence, PolicyFacts

_WORD = re.compile(r"\w+")
_NEWLINE = re.compile("\n")
_GAP = r"(?:[^\w<&]|<[^<>]{0,300}>|&#?\w{1,10};)+"
# Enough words to make a match unambiguous in practice without paying for whole sentences.
_WORDS_MATCHED = 8


class LineLocator:
    def __init__(self, text: str) -> None:
        self.text = text
        self._newlines = [match.start() for match in _NEWLINE.finditer(text)]
        self._cache: dict[tuple[str, float], int | None] = {}

    def line_of(self, quote: str, relative_position: float) -> int | None:
        """1-based line of `quote` in the text, or None when it cannot be found.

        When the quote occurs more than once, the occurrence nearest to `relative_position`
        (its place in the normalised text, from 0 to 1) is taken.
        """
        key = (quote, relative_position)
        if key not in self._cache:
            self._cache[key] = self._find(quote, relative_position)
        return self._cache[key]

    def _find(self, quote: str, relative_position: float) -> int | None:
        words = list(_WORD.finditer(quote))[:_WORDS_MATCHED]
        if not words:
            return None
        target = relative_position * len(self.text)
        # Most quotes stand in the file as written (plain text): finding their first words
        # verbatim spares compiling a pattern per quote, which cost a fifth of the analysis.
        best = self._nearest(
            _verbatim(self.text, quote[words[0].start() : words[-1].end()]), target
        )
        if best is None:
            pattern = re.compile(_GAP.join(re.escape(word.group(0)) for word in words))
            best = self._nearest((m.start() for m in pattern.finditer(self.text)), target)
        if best is None:
            return None
        return bisect_right(self._newlines, best - 1) + 1

    @staticmethod
    def _nearest(starts: Iterable[int], target: float) -> int | None:
        best: int | None = None
        for start in starts:
            if best is None or abs(start - target) < abs(best - target):
                best = start
        return best


def _verbatim(text: str, needle: str) -> Iterator[int]:
    """Start of every occurrence of `needle` in `text` that begins and ends on a word edge."""
    start = text.find(needle)
    while start >= 0:
        end = start + len(needle)
        if (start == 0 or not _is_word(text[start - 1])) and (
            end == len(text) or not _is_word(text[end])
        ):
            yield start
        start = text.find(needle, start + 1)


def _is_word(character: str) -> bool:
    return character.isalnum() or character == "_"


def with_source_lines(facts: PolicyFacts, text: str | None, normalised_length: int) -> PolicyFacts:
    """Facts whose evidence lines point into `text`; None lines when there is no such text."""
    locator = LineLocator(text) if text is not None else None
    length = max(normalised_length, 1)

    def relocated(evidence: Evidence) -> Evidence:
        line = locator.line_of(evidence.quote, evidence.start / length) if locator else None
        return evidence.model_copy(update={"line": line})

    def all_relocated(quotes: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
        return tuple(relocated(e) for e in quotes)

    categories: dict[object, CategoryDisclosure] = {}
    for category, disclosure in facts.categories.items():
        update: dict[str, object] = {"evidence": all_relocated(disclosure.evidence)}
        if disclosure.scope is not None and disclosure.scope.evidence:
            update["scope"] = disclosure.scope.model_copy(
                update={"evidence": all_relocated(disclosure.scope.evidence)}
            )
        if any(said.evidence for said in disclosure.data_types.values()):
            update["data_types"] = {
                data_type: said.model_copy(update={"evidence": all_relocated(said.evidence)})
                for data_type, said in disclosure.data_types.items()
            }
        categories[category] = disclosure.model_copy(update=update)
    return facts.model_copy(update={"categories": categories})
