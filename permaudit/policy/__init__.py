"""Policy boundary: what a privacy policy discloses (SPEC §2), from text or a reviewed map.

Public API:
- `analyze_text(text, source=..., headings=..., sha256=...)`: pure, fast analysis of text.
- `load_policy(path)`: a reviewed policy map (YAML, detected by content) or a policy document
  (txt/md/html/pdf via `permaudit.policy.loader`), as `PolicyFacts`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path

from permaudit.errors import InputError
from permaudit.models import Category, CategoryDisclosure, PolicyFacts
from permaudit.policy.detect import analyze_sentences
from permaudit.policy.lines import with_source_lines
from permaudit.policy.normalise import normalise
from permaudit.policy.reading import policy_languages, read_categories
from permaudit.policy.segment import segment

__all__ = ["analyze_text", "load_policy", "normalised_text"]

# A policy needs some words to be analysed at all; below this, "everything absent" would be a
# lie, so the caller gets an InputError instead.
# Letters, not words: Chinese and Japanese policies have no spaces between words.
_MIN_LETTERS = 10
_LETTER = re.compile(r"[^\W\d_]")


def normalised_text(text: str) -> str:
    """The text that evidence offsets index (see permaudit.policy.normalise)."""
    return normalise(text)


def has_recognisable_text(text: str) -> bool:
    return len(_LETTER.findall(text, 0, 20_000)) >= _MIN_LETTERS


def analyze_text(
    text: str,
    *,
    source: str,
    headings: Sequence[str] = (),
    sha256: str | None = None,
    language: str | None = None,
) -> PolicyFacts:
    """Analyse the text of a privacy policy. Evidence offsets index `normalised_text(text)`.

    `language` ("en", "zh") overrides the language identified from the text (SPEC §5).
    """
    return _analyze(
        text, source=source, headings=headings, sha256=sha256, file_text=text, language=language
    )


def _read_english(text: str, headings: Sequence[str]) -> dict[Category, CategoryDisclosure]:
    return analyze_sentences(text, segment(text, headings))


def _analyze(
    text: str,
    *,
    source: str,
    headings: Sequence[str],
    sha256: str | None,
    file_text: str | None,
    language: str | None = None,
) -> PolicyFacts:
    """Facts of `text` whose evidence lines point into `file_text` (None: no lines)."""
    normalised = normalise(text)
    if not has_recognisable_text(normalised):
        raise InputError(source, "policy has no recognisable text")
    languages = policy_languages(normalised, source, language)
    categories = read_categories(normalised, headings, languages, _read_english, source)
    if sha256 is None:
        sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    facts = PolicyFacts(source=source, sha256=sha256, language=languages[0], categories=categories)
    return with_source_lines(facts, file_text, len(normalised))


def load_policy(path: Path, language: str | None = None) -> PolicyFacts:
    """Facts of a policy file: a reviewed map when the file is one, else the analysed text,
    read in `language` when given, else in the language identified from it."""
    from permaudit.policy.loader import policy_text_from_bytes, read_policy_file
    from permaudit.policy.maps import map_facts_if_map

    data = read_policy_file(path)
    facts = map_facts_if_map(path, data)
    if facts is not None:
        return facts
    policy = policy_text_from_bytes(path, data)
    del data
    # Lines of the loaded text are not lines of the file (the loader drops blank-line runs and
    # markup), so quotes are located in the decoded file itself.
    return _analyze(
        policy.text,
        source=policy.source,
        headings=policy.headings,
        sha256=policy.sha256,
        file_text=policy.file_text,
        language=language,
    )
