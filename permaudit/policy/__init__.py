"""Policy boundary: what a privacy policy discloses (SPEC §2), from text or a reviewed map.

Public API:
- `analyze_text(text, source=..., headings=..., sha256=...)`: pure, fast analysis of text.
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
from permaudit.policy.detect import analyze_sentences
from permaudit.policy.lines import with_source_lines
from permaudit.policy.normalise import normalise
from permaudit.policy.segment import segment

__all__ = ["analyze_text", "load_policy", "load_policy_source", "normalised_text"]

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
) -> PolicyFacts:
    """Analyse the text of a privacy policy. Evidence offsets index `normalised_text(text)`."""
    return _analyze(text, source=source, headings=headings, sha256=sha256, file_text=text)


def _analyze(
    text: str,
    *,
    source: str,
    headings: Sequence[str],
    sha256: str | None,
    file_text: str | None,
) -> PolicyFacts:
    """Facts of `text` whose evidence lines point into `file_text` (None: no lines)."""
    normalised = normalise(text)
    if not has_recognisable_text(normalised):
        raise InputError(source, "policy has no recognisable text")
    sentences = segment(normalised, headings)
    categories = analyze_sentences(normalised, sentences)
    if sha256 is None:
        sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    facts = PolicyFacts(source=source, sha256=sha256, categories=categories)
    return with_source_lines(facts, file_text, len(normalised))


def load_policy(path: Path) -> PolicyFacts:
    """Facts of a policy file: a reviewed map when the file is one, else the analysed text."""
    from permaudit.policy.loader import read_policy_file

    return _document_facts(path, read_policy_file(path))


def load_policy_source(source: str | Path, *, offline: bool = False) -> PolicyFacts:
    """Facts of the policy a user names: a file, an http(s) URL, or "-" (standard input).

    URLs are fetched and cached (permaudit.policy.fetch); `offline` reads them from the cache
    only. Facts of a fetched policy carry the URL it came from and the sha256 of its bytes.
    """
    from permaudit.policy.fetch import STDIN, fetch_policy, is_url, read_stdin

    if isinstance(source, Path):
        return load_policy(source)
    if source == STDIN:
        document = read_stdin()
    elif is_url(source):
        document = fetch_policy(source, offline=offline)
    else:
        return load_policy(Path(source))
    facts = _document_facts(
        document.label, document.data, charset=document.charset, media_type=document.media_type
    )
    return facts.model_copy(update={"url": document.url}) if document.url else facts


def _document_facts(
    path: Path | str, data: bytes, *, charset: str | None = None, media_type: str | None = None
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
    )
