"""Word boundaries of Chinese text (jieba), so a term matches words, not characters.

Chinese writes no spaces: 日历 occurs inside 每日历史 (每日 | 历史) and 通话 inside 普通话.
jieba segments the sentence, with every vocabulary term added to its dictionary so that the
terms themselves come out as words; a term match counts only where both its ends fall on
word boundaries. jieba's dictionary loads once per process, on the first sentence that needs
it, and its logger is silenced (it prints "Building prefix dict" to stderr otherwise).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

_LOCK = threading.Lock()
_EXTRA_WORDS: set[str] = set()


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    logging.getLogger("jieba").setLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def add_words(words: Iterable[str]) -> None:
    """Make each of `words` one word for the segmenter (vocabulary terms, with a high weight)."""
    with _LOCK:
        tokenizer = _tokenizer()
        for word in words:
            # Latin-only terms need no entry: jieba keeps runs of Latin letters whole anyway.
            if word not in _EXTRA_WORDS and any("\u4e00" <= char <= "\u9fff" for char in word):
                tokenizer.add_word(word, freq=100_000)
                _EXTRA_WORDS.add(word)
        _boundaries.cache_clear()


@lru_cache(maxsize=4096)
def _boundaries(text: str) -> frozenset[int]:
    with _LOCK:
        tokenizer = _tokenizer()
        cuts = {0}
        for _word, _start, end in tokenizer.tokenize(text, HMM=False):
            cuts.add(end)
    return frozenset(cuts)


def word_boundaries(text: str) -> frozenset[int]:
    """Offsets in `text` where a word starts or ends (0 and len(text) included)."""
    return _boundaries(text)


def on_boundaries(text: str, start: int, end: int) -> bool:
    """True when text[start:end] begins and ends at word boundaries."""
    cuts = _boundaries(text)
    return start in cuts and end in cuts
