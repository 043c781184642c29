"""Policy boundary: what a privacy policy discloses (SPEC §2), from text or a reviewed map.

Public API:
- `analyze_text(text, source=..., headings=..., sha256=...)`: pure, fast analysis of text.
- `load_policy(path)`: a reviewed policy map (YAML, detected by content) or a policy document
  (txt/md/html/pdf via `permaudit.policy.loader`), as `PolicyFacts`.
"""

from __future__ import annotations

import hashlib
import importlib
import re
from collections.abc import Sequence
from pathlib import Path

from permaudit.errors import InputError
from permaudit.models import PolicyFacts
from permaudit.policy.detect import analyze_sentences
from permaudit.policy.normalise import normalise
from permaudit.policy.segment import segment

__all__ = ["analyze_text", "load_policy", "normalised_text"]

# A policy needs some words to be analysed at all; below this, "everything absent" would be a
# lie, so the caller gets an InputError instead.
_MIN_WORDS = 5
_WORD = re.compile(r"[^\W\d_]{2,}")


def normalised_text(text: str) -> str:
    """The text that evidence offsets index (see permaudit.policy.normalise)."""
    return normalise(text)


def has_recognisable_text(text: str) -> bool:
    return len(_WORD.findall(text, 0, 20_000)) >= _MIN_WORDS


def analyze_text(
    text: str,
    *,
    source: str,
    headings: Sequence[str] = (),
    sha256: str | None = None,
) -> PolicyFacts:
    """Analyse the text of a privacy policy. Evidence offsets index `normalised_text(text)`."""
    normalised = normalise(text)
    if not has_recognisable_text(normalised):
        raise InputError(source, "policy has no recognisable text")
    sentences = segment(normalised, headings)
    categories = analyze_sentences(normalised, sentences)
    if sha256 is None:
        sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return PolicyFacts(source=source, sha256=sha256, categories=categories)


def load_policy(path: Path) -> PolicyFacts:
    """Facts of a policy file: a reviewed map when the file is one, else the analysed text."""
    from permaudit.policy.maps import read_map_if_map

    facts = read_map_if_map(path)
    if facts is not None:
        return facts
    text, source, headings, sha256 = _read_policy_text(path)
    return analyze_text(text, source=source, headings=headings, sha256=sha256)


def _read_policy_text(path: Path) -> tuple[str, str, tuple[str, ...], str | None]:
    """Text of a policy document through the loaders boundary (permaudit/policy/loader.py)."""
    try:
        loader = importlib.import_module("permaudit.policy.loader")
    except ModuleNotFoundError:
        # Until the format loaders land: UTF-8 plain text only.
        try:
            raw = path.read_bytes()
        except OSError as error:
            raise InputError(path, f"cannot read: {error.strerror or error}") from None
        if b"\0" in raw[:4096]:
            raise InputError(path, "binary file, not a policy") from None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError(path, "not UTF-8 text") from None
        return text, str(path), (), hashlib.sha256(raw).hexdigest()
    policy = loader.load_policy_text(path)
    return policy.text, policy.source, tuple(policy.headings), policy.sha256
