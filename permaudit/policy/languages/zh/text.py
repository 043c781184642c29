"""Normalising Chinese text for matching: Traditional → Simplified, full-width → half-width.

One vocabulary serves both scripts because every sentence is matched in Simplified form
(OpenCC's Taiwan-to-Mainland config with phrases, so 資訊 becomes 信息 and 軟體 becomes 软件,
not just 资讯). Evidence quotes the policy's own words: the converted text is only matched.
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

    converter: _Converter = opencc.OpenCC("tw2sp")
    return converter


def half_width(text: str) -> str:
    """Fold full-width ASCII to ASCII ("ＧＰＳ（定位）" → "GPS(定位)"); same length."""
    return text.translate(_HALF_WIDTH)


def to_simplified(text: str) -> str:
    """Traditional Chinese → Simplified with Mainland wording; Simplified text is unchanged."""
    if not text:
        return text
    return _converter().convert(text)


def for_matching(text: str) -> str:
    """The form every vocabulary term and cue is written in: Simplified, half-width, lower."""
    return to_simplified(half_width(text)).lower()
