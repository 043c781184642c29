"""Normalise policy text so that real-world policies segment the same way clean ones do.

Every offset the analyzer reports indexes the string this module returns, so the rules here
decide what a quote's `start`/`end` mean. The rules are deliberately conservative: they only
drop characters that carry no meaning (scraping markers, zero-width marks, runs of blanks) and
add line breaks where a policy crams a numbered list into one paragraph.

The rules here hold in every language. What is one language's (the markers the scrapers of
its corpora left, the words its one-paragraph policies open numbered items with) comes from
its package as `TextCues`. The language is known only once the text is normalised, so a
policy is normalised twice: without cues, for identifying its languages, then with theirs,
from the same text, each cue applied at its place in the one pipeline below. The second
result is the text evidence offsets index (permaudit.policy.normalised_text).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TextCues:
    """What one language adds to normalisation (English: languages/en/cues.yaml)."""

    # Text that carries no meaning and is dropped, before blanks are collapsed: markers the
    # scrapers of the language's policy corpora left ("{list item}").
    drop: re.Pattern[str] | None = None
    # Where a numbered item starts in the middle of a paragraph with nothing but a blank
    # before it, in the language's words: each match (the blank) becomes a line break.
    item_break: re.Pattern[str] | None = None


_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_TYPOGRAPHIC: dict[str, str] = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2212": "-",
    "\u00a0": " ",
    "\u3000": " ",
    "\f": " ",
    "\v": " ",
}
_SPACES = re.compile(r" {2,}")
# A tab separates the cells of a table row (the HTML loader writes one between cells, and
# plain-text policies keep theirs): a run of tabs and blanks around one is one tab, so a
# row's cells stay apart while every other run of blanks is one space.
_TABS = re.compile(r" *\t[ \t]*")
_TRAILING = re.compile(r"[ \t]+\n")
_LEADING = re.compile(r"\n[ \t]+")
_MANY_BREAKS = re.compile(r"\n{3,}")

# A numbered item that starts in the middle of a line, after the end of a sentence or a colon:
# "... the following: 1. How do we ... 2. How do we ...", "...; 2) The judicial ...",
# "... as follows: (I) To provide ...". Only items followed by a capital letter, so that
# "version 2. 4GHz" or "section 3.2 above" stay where they are.
_INLINE_ITEM = re.compile(
    r"(?<=[.;:!?])[ ]+(?=(?:\d{1,2}[.)]|\(\d{1,2}\)|\((?:[IVX]{1,4}|[ivx]{1,4}|[a-h])\)|"
    r"[IVX]{1,4}\.)[ ]+[A-Z])"
)

# Full-width punctuation of Chinese text: NFKC would turn "，" into "," and "（" into "(",
# and a Chinese quote would no longer be in the policy's own words (SPEC §5).
_CJK_PUNCTUATION = re.compile("([\uff01\uff08\uff09\uff0c\uff1a\uff1b\uff1f])")


def _nfkc_keeping_cjk_punctuation(text: str) -> str:
    parts = _CJK_PUNCTUATION.split(text)
    # split() with a group alternates text and separators: only the text is normalised.
    return "".join(
        part if index % 2 else unicodedata.normalize("NFKC", part)
        for index, part in enumerate(parts)
    )


def normalise(text: str, cues: Sequence[TextCues] = ()) -> str:
    """Return the canonical form of a policy's text, with the cues of the languages it is
    read in; offsets in evidence index this string (with those languages' cues)."""
    text = _nfkc_keeping_cjk_punctuation(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text)
    # str.translate with a dict walks every character in Python-level lookups; replacing
    # only the characters present is an order of magnitude faster on long policies.
    for character, replacement in _TYPOGRAPHIC.items():
        if character in text:
            text = text.replace(character, replacement)
    for language in cues:
        if language.drop is not None:
            text = language.drop.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _TABS.sub("\t", text)
    text = _TRAILING.sub("\n", text)
    text = _LEADING.sub("\n", text)
    text = _INLINE_ITEM.sub("\n", text)
    for language in cues:
        if language.item_break is not None:
            text = language.item_break.sub("\n", text)
    text = _MANY_BREAKS.sub("\n\n", text)
    return text.strip()
