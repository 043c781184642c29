"""Normalise policy text so that real-world policies segment the same way clean ones do.

Every offset the analyzer reports indexes the string this module returns, so the rules here
decide what a quote's `start`/`end` mean. The rules are deliberately conservative: they only
drop characters that carry no meaning (scraping markers, zero-width marks, runs of blanks) and
add line breaks where a policy crams a numbered list into one paragraph.
"""

from __future__ import annotations

import re
import unicodedata

# Markers left by the scrapers that produced many published policy corpora ("{list item}").
_SCRAPE_MARKER = re.compile(
    r"\{(?:list item|bullet list|number list|removed [a-z ]+|table|image|link)\}\.?",
    re.IGNORECASE,
)
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
# Numbered items with no punctuation before them in one-paragraph policies:
# "... your rights 6. How do we deal with ...". Requires a lower-case word before the number
# and a question-like or title-like item after it, so prose numbers are left alone.
_BARE_ITEM = re.compile(r"(?<=[a-z]) (?=\d{1,2}[.,] (?:How|What|Your|Revision|Contact|Changes)\b)")


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


def normalise(text: str) -> str:
    """Return the canonical form of a policy's text; offsets in evidence index this string."""
    text = _nfkc_keeping_cjk_punctuation(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text)
    # str.translate with a dict walks every character in Python-level lookups; replacing
    # only the characters present is an order of magnitude faster on long policies.
    for character, replacement in _TYPOGRAPHIC.items():
        if character in text:
            text = text.replace(character, replacement)
    text = _SCRAPE_MARKER.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _TABS.sub("\t", text)
    text = _TRAILING.sub("\n", text)
    text = _LEADING.sub("\n", text)
    text = _INLINE_ITEM.sub("\n", text)
    text = _BARE_ITEM.sub("\n", text)
    text = _MANY_BREAKS.sub("\n\n", text)
    return text.strip()
