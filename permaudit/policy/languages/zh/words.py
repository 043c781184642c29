"""Word boundaries of Chinese text (jieba), so a term matches words, not characters.

Chinese writes no spaces: 日历 occurs inside 每日历史 (每日 | 历史) and 通话 inside 普通话.
jieba segments the sentence, with every lexicon term added to its dictionary so that the
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
# Words to add to jieba's dictionary when it loads (the lexicon's terms).
_PENDING: set[str] = set()


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    logging.getLogger("jieba").setLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word in sorted(_PENDING):
        tokenizer.add_word(word, freq=100_000)
    return tokenizer


def register_words(words: Iterable[str]) -> None:
    """Make each of `words` one word for the segmenter, when it loads (or now, if it has).

    Latin-only words need no entry: jieba keeps runs of Latin letters whole anyway.
    """
    chinese = {w for w in words if any("\u4e00" <= char <= "\u9fff" for char in w)}
    with _LOCK:
        new = chinese - _PENDING
        _PENDING.update(new)
        if _tokenizer.cache_info().currsize:
            tokenizer = _tokenizer()
            for word in sorted(new):
                tokenizer.add_word(word, freq=100_000)
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
