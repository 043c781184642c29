"""Language packages behind one protocol (base.Language), and which one reads a text.

Each package registers itself here by code. Detection is by script: a document whose letters
are mostly Han characters is read as Chinese, one mostly in Latin letters as English; any
other script is a language no analyzer reads (SPEC §5: an error, never "everything absent").
"""

from __future__ import annotations

import importlib
import re
from functools import cache

from permaudit.policy.languages.base import Language

# Code → module that defines `LANGUAGE`; imported only when a policy needs it.
_PACKAGES: dict[str, str] = {
    "en": "permaudit.policy.languages.en",
    "zh": "permaudit.policy.languages.zh",
}

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LETTER = re.compile(r"[^\W\d_]")
# Letters sampled for detection: enough for any real policy, bounded for hostile input.
_SAMPLE = 20_000


class UnsupportedLanguage(ValueError):
    """The text is in a language (or script) no package reads."""

    def __init__(self, code: str) -> None:
        super().__init__(f"policy language {code} is not supported")
        self.code = code


def supported() -> tuple[str, ...]:
    return tuple(sorted(_PACKAGES))


def detect(text: str) -> str:
    """Language code of `text` by script ("en", "zh", or the script's name when unread)."""
    sample = text[:_SAMPLE]
    letters = len(_LETTER.findall(sample))
    han = len(_HAN.findall(sample))
    latin = len(_LATIN.findall(sample))
    if letters == 0:
        return "en"
    # Han characters carry a word each, Latin letters a fifth of one: a bilingual document
    # is read in the language of most of its words.
    if han * 5 >= latin:
        return "zh"
    if latin >= 0.5 * letters:
        return "en"
    return "unknown"


@cache
def language(code: str) -> Language:
    """The language package for `code`; UnsupportedLanguage when there is none."""
    module = _PACKAGES.get(code)
    if module is None:
        raise UnsupportedLanguage(code)
    loaded: Language = importlib.import_module(module).LANGUAGE
    return loaded
