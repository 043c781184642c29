"""Normalising Chinese text for matching: Traditional → Simplified, full-width → half-width.

One lexicon serves both scripts because every sentence is matched in Simplified characters
(OpenCC's t2s: 通訊錄 → 通讯录, 資訊 → 资讯). Words that Taiwan and Hong Kong use where the
Mainland uses others (資訊/信息, 裝置/设备, 簡訊/短信) are the lexicon's regional variants, not
the converter's: OpenCC's phrase configs (tw2sp) rewrite too much (儲存 → 保存, 通話記錄 →
联系历史). Evidence quotes the policy's own words: the converted text is only matched.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Protocol

# Full-width ASCII (！ to ～) sits at a fixed offset from ASCII; the ideographic space too.
# 。、「」 are not in that block and stay: they are Chinese punctuation, not wide ASCII.
_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


@lru_cache(maxsize=1)
def _converter() -> _Converter:
    # Imported here: OpenCC loads its dictionaries on first use, and English policies never
    # need it.
    import opencc

    converter: _Converter = opencc.OpenCC("t2s")
    return converter


def half_width(text: str) -> str:
    """Fold full-width ASCII to ASCII ("ＧＰＳ（定位）" → "GPS(定位)"); same length."""
    return text.translate(_HALF_WIDTH)


def to_simplified(text: str) -> str:
    """Traditional Chinese → Simplified characters, of the same length.

    Offsets found in the converted text must hold in the policy's own text, so where a
    conversion would change the length the text is converted character by character.
    """
    if not text or text.isascii():
        return text
    converter = _converter()
    converted = converter.convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(
        simplified if len(simplified := converter.convert(char)) == 1 else char for char in text
    )


@lru_cache(maxsize=16_384)
def for_matching(text: str) -> str:
    """The form every lexicon term and cue is written in: Simplified, half-width, lower case;
    always as long as `text`, so an offset in one is an offset in the other. Cached: every
    step of the reading asks for the same sentences' form."""
    folded = to_simplified(half_width(text))
    lowered = folded.lower()
    # str.lower() lengthens a few letters ("İ"); such a text keeps its case.
    return lowered if len(lowered) == len(folded) else folded
