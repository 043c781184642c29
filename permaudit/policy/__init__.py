"""Policy boundary: what a privacy policy discloses (SPEC §2), from text or a reviewed map.

documents → text (loader) → sentences → statements (a language package behind one protocol,
permaudit/policy/languages/) → category and data-type statuses (derive.py, language-neutral).

Public API:
- `analyze_text(text, source=..., headings=..., sha256=..., language=...)`: analysis of text.
- `load_policy(path)`: a reviewed policy map (YAML, detected by content) or a policy document
  (txt/md/html/pdf via `permaudit.policy.loader`), as `PolicyFacts`.
- `load_policy_source(source, offline=...)`: the same for what a user names on the command
  line: a path, an http(s) URL (fetched and cached, permaudit.policy.fetch) or "-" (stdin).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path

from permaudit.errors import InputError
from permaudit.models import PolicyFacts
from permaudit.policy import cache
from permaudit.policy.languages import UnsupportedLanguage, language
from permaudit.policy.languages.base import Language
from permaudit.policy.lines import with_source_lines
from permaudit.policy.normalise import normalise
from permaudit.policy.reading import policy_languages, read_policy
from permaudit.policy.statement import Statement
from permaudit.policy.statements import read_statements

__all__ = ["analyze_text", "load_policy", "load_policy_source", "normalised_text", "statements_of"]

# A policy needs some words to be analysed at all; below this, "everything absent" would be a
# lie, so the caller gets an InputError instead.
# Letters, not words: Chinese and Japanese policies have no spaces between words.
_MIN_LETTERS = 10
_LETTER = re.compile(r"[^\W\d_]")
NOT_A_POLICY = (
    "does not read as a privacy policy (no statement about collecting, using or sharing data)"
)


def normalised_text(text: str, *, language: str | None = None) -> str:
    """The text that evidence offsets index (see permaudit.policy.normalise): normalised with
    the cues of the languages it is read in (`language`, or those identified in it)."""
    return _normalised(text, language, "text")[0]


def _normalised(text: str, code: str | None, source: str) -> tuple[str, list[Language]]:
    """`text` normalised for the languages it is read in, and their readers.

    The languages are identified in the text normalised by the rules of every language; the
    text is then normalised again, from the start, with their cues (normalise.py)."""
    neutral = normalise(text)
    if not has_recognisable_text(neutral):
        raise InputError(source, "policy has no recognisable text")
    readers = [_reader(found, source) for found in policy_languages(neutral, source, code)]
    normalised = normalise(text, [reader.text_cues for reader in readers])
    if not has_recognisable_text(normalised):
        raise InputError(source, "policy has no recognisable text")
    return normalised, readers


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
    """Analyse the text of a privacy policy. Evidence offsets index `normalised_text(text)`."""
    return _analyze(
        text, source=source, headings=headings, sha256=sha256, file_text=text, code=language
    )


def statements_of(text: str, *, language: str | None = None) -> list[Statement]:
    """The statements the analyzer reads in `text` (offsets index `normalised_text(text)`)."""
    normalised, readers = _normalised(text, language, "text")
    reader = readers[0]
    return read_statements(reader, normalised, reader.segment(normalised, ()))


def _reader(code: str, source: str) -> Language:
    try:
        return language(code)
    except UnsupportedLanguage as error:
        raise InputError(source, str(error)) from None


def _analyze(
    text: str,
    *,
    source: str,
    headings: Sequence[str],
    sha256: str | None,
    file_text: str | None,
    code: str | None = None,
) -> PolicyFacts:
    """Facts of `text` whose evidence lines point into `file_text` (None: no lines)."""
    key = cache.key(text, headings, file_text, code)
    cached = cache.load(key)
    if cached is not None:
        return cached.model_copy(update={"source": source, "sha256": sha256 or cached.sha256})
    # SPEC §5: the languages identified in the text (or the override); a bilingual document
    # is read by each of its languages.
    normalised, readers = _normalised(text, code, source)
    categories, states_practice = read_policy(normalised, headings, readers)
    if not states_practice:
        raise InputError(source, NOT_A_POLICY)
    if sha256 is None:
        sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    facts = PolicyFacts(
        source=source, sha256=sha256, language=readers[0].code, categories=categories
    )
    facts = with_source_lines(facts, file_text, len(normalised))
    cache.store(key, facts)
    return facts


def load_policy(path: Path, *, language: str | None = None) -> PolicyFacts:
    """Facts of a policy file: a reviewed map when the file is one, else the analysed text,
    read in `language` (a code of permaudit.policy.languages; None: detected)."""
    from permaudit.policy.loader import read_policy_file

    return _document_facts(path, read_policy_file(path), language=language)


def load_policy_source(
    source: str | Path, *, offline: bool = False, language: str | None = None
) -> PolicyFacts:
    """Facts of the policy a user names: a file, an http(s) URL, or "-" (standard input).

    URLs are fetched and cached (permaudit.policy.fetch); `offline` reads them from the cache
    only. Facts of a fetched policy carry the URL it came from and the sha256 of its bytes.
    `language` overrides the language identified from the text (SPEC §5).
    """
    from permaudit.policy.fetch import STDIN, fetch_policy, is_url, read_stdin

    if isinstance(source, Path):
        return load_policy(source, language=language)
    if source == STDIN:
        document = read_stdin()
    elif is_url(source):
        document = fetch_policy(source, offline=offline)
    else:
        return load_policy(Path(source), language=language)
    facts = _document_facts(
        document.label,
        document.data,
        charset=document.charset,
        media_type=document.media_type,
        language=language,
    )
    return facts.model_copy(update={"url": document.url}) if document.url else facts


def _document_facts(
    path: Path | str,
    data: bytes,
    *,
    charset: str | None = None,
    media_type: str | None = None,
    language: str | None = None,
) -> PolicyFacts:
    from permaudit.policy.loader import policy_text_from_bytes
    from permaudit.policy.maps import map_facts_if_map

    facts = map_facts_if_map(path, data)
    if facts is not None:
        return facts
    policy = policy_text_from_bytes(path, data, charset=charset, media_type=media_type)
    del data
    # Lines of the loaded text are not lines of the file (the loader drops blank-line runs and
    # markup), so quotes are located in the decoded file itself.
    return _analyze(
        policy.text,
        source=policy.source,
        headings=policy.headings,
        sha256=policy.sha256,
        file_text=policy.file_text,
        code=language,
    )
