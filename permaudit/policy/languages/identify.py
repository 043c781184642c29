"""Which language a policy is written in (SPEC §5), per document and per line.

The document's languages come from CLD2 (pycld2): deterministic, fast on long texts, small,
and it reports the share of each language it finds, which is what a bilingual document needs
(one half English, one half Chinese). Lines are told apart by script, which is exact for the
pair that matters here: a line of a bilingual policy is Chinese when Han characters carry it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# CLD2 names Traditional Chinese "zh-Hant"; one analyzer reads both scripts.
_SAME_LANGUAGE = {"zh-Hant": "zh"}
# A language holding at least this share of the text (CLD2 counts bytes) is one half of a
# bilingual document. Han characters take three bytes in UTF-8, so Chinese needs a larger
# share than its character count to pass; English needs a real half, not a few SDK names.
_BILINGUAL_SHARE = 15
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LETTER = re.compile(r"[^\W\d_]")
UNKNOWN = "und"


@dataclass(frozen=True, slots=True)
class Identified:
    """`language`: the main language; `languages`: every language with a real share of the
    text, main first (two for a bilingual document)."""

    language: str
    languages: tuple[str, ...]


def _script_guess(text: str) -> str:
    letters = len(_LETTER.findall(text))
    if not letters:
        return UNKNOWN
    return "zh" if len(_HAN.findall(text)) * 2 >= letters else "en"


def identify(text: str) -> Identified:
    """The languages of a policy's text, as ISO 639-1 codes ("en", "zh", "fr", ...)."""
    import pycld2

    clean = _CONTROL.sub(" ", text).encode("utf-8", "replace")
    try:
        reliable, _bytes, details = pycld2.detect(clean, bestEffort=True)
    except pycld2.error:
        reliable, details = False, ()
    shares: dict[str, int] = {}
    for _name, code, percent, _score in details:
        if code == "un" or percent <= 0:
            continue
        code = _SAME_LANGUAGE.get(code, code)
        shares[code] = shares.get(code, 0) + percent
    if not shares or (not reliable and len(shares) == 1 and len(text) < 200):
        guess = _script_guess(text)
        return Identified(language=guess, languages=(guess,))
    ranked = sorted(shares.items(), key=lambda item: (-item[1], item[0]))
    main = ranked[0][0]
    others = tuple(code for code, share in ranked[1:] if share >= _BILINGUAL_SHARE)
    return Identified(language=main, languages=(main, *others))


def is_chinese_line(line: str) -> bool:
    """True when Han characters carry the line (at least a third of its letters): "相机权限
    (Camera)" is Chinese, "We use the camera (相机)" is not."""
    han = len(_HAN.findall(line))
    return han > 0 and han * 3 >= len(_LETTER.findall(line))
