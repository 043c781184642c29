"""Chinese policy text → sentences, list items, headings and table rows, with offsets.

Chinese ends a sentence with 。！？ and often a clause of a list with ；, numbers its parts
with 一、 （一） 1. 1.1 (1) ① a) and 第一条, and writes tables (third-party SDKs,
permissions) as one row per line with cells separated by tabs or bars. A sentence never ends
inside brackets or quotes: "（例如：拍照。）" stays whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from permaudit.policy.languages.zh.text import for_matching

# Numbering that opens a heading or a list item. Chinese numerals, digits (1. 1.1 1、 1)),
# bracketed numbers (（一） (1) 【1】), circled numbers, letters, and 第…条/章/节/部分.
_CN_NUMERAL = "一二三四五六七八九十百零〇两"
_NUMBERING = re.compile(
    rf"^\s*(?:第[{_CN_NUMERAL}\d]+[章节条部分款]\s*|[{_CN_NUMERAL}]+\s*[、.．]\s*|"
    rf"[(（【\[]\s*(?:[{_CN_NUMERAL}]+|\d+)\s*[)）】\]]\s*[、.．]?\s*|"
    r"\d+(?:[.．]\d+)*\s*(?:[、.．)）]|(?=[^\d.．%％]))\s*|[①-⑳㉑-㉟]\s*|"
    r"[a-zA-Z]\s*[.)）、]\s*(?=\S))"
)
# Chinese-numbered or 第…条 numbering: a part of the document, so a short line is a heading.
_PART_NUMBERING = re.compile(
    rf"^\s*(?:第[{_CN_NUMERAL}\d]+[章节条部分]|[{_CN_NUMERAL}]+\s*[、.．]|"
    rf"[(（]\s*[{_CN_NUMERAL}]+\s*[)）])"
)
_SENTENCE_END = frozenset("。！？；!?;")
_OPENERS = dict(zip("（(【[「『“《", "）)】]」』”》", strict=True))
_CLOSERS = frozenset(_OPENERS.values())
_LINE_END_PUNCTUATION = tuple("。！？；!?;：:，,、")
_CELL_SPLIT = re.compile(r"\t+|\s*[|｜]\s*| {3,}")
_MAX_HEADING = 40
_MAX_SENTENCE = 600


@dataclass(frozen=True, slots=True)
class Segment:
    """One unit of the policy: its words as written and its form for matching.

    `start`/`end` index the text given to `segments`. `kind` is "heading", "item" (a
    numbered list item or a permission-list entry), "sentence" or "row" (a table row, with
    its `cells`).
    """

    start: int
    end: int
    text: str
    match: str
    kind: str
    section: str | None = None
    cells: tuple[str, ...] = ()


def numbering(line: str) -> str:
    """The numbering that opens `line` ("（一）", "1.2", "①"), or "" when there is none."""
    found = _NUMBERING.match(line)
    return found.group(0) if found else ""


def is_heading(line: str) -> bool:
    """A short line that names a part of the document rather than saying something.

    Chinese-numbered parts (一、 （一） 第一条) and digit-numbered lines without closing
    punctuation ("1.1 账号注册、登录") are headings when short; an unnumbered line is one
    only when it is short and ends with no punctuation at all ("隐私政策", "关于我们").
    """
    stripped = line.strip()
    if not stripped or len(stripped) > _MAX_HEADING or stripped.endswith(_LINE_END_PUNCTUATION):
        return False
    if _PART_NUMBERING.match(stripped) or numbering(stripped):
        return True
    if is_permission_entry(stripped):
        return False
    return len(stripped) <= _MAX_HEADING // 2 and not any(c in _SENTENCE_END for c in stripped)


_PERMISSION_ENTRY = re.compile(r"权限\s*[)）]?$|permission\s*[)）]?$", re.IGNORECASE)


def is_permission_entry(line: str) -> bool:
    """An unnumbered line that names a permission ("录音权限", "相机权限（摄像头）"): an
    entry of a permission list, whose purpose the next lines give, not a heading."""
    stripped = line.strip()
    return len(stripped) <= _MAX_HEADING and bool(_PERMISSION_ENTRY.search(stripped))


def table_cells(line: str) -> tuple[str, ...]:
    """The cells of a table row (tab-, bar- or wide-space-separated), or () for prose."""
    cells = tuple(cell.strip() for cell in _CELL_SPLIT.split(line.strip()))
    cells = tuple(cell for cell in cells if cell)
    return cells if len(cells) >= 2 else ()


def sentence_spans(line: str) -> Iterator[tuple[int, int]]:
    """Spans of the sentences of one line: they end after 。！？；!?; outside brackets."""
    depth: list[str] = []
    start = 0
    for index, char in enumerate(line):
        if char in _OPENERS:
            depth.append(_OPENERS[char])
        elif char in _CLOSERS:
            if depth and depth[-1] == char:
                depth.pop()
            elif char in depth:
                # An unbalanced bracket closes every bracket opened after its own opener.
                while depth and depth.pop() != char:
                    pass
        elif (char in _SENTENCE_END and not depth) or index - start >= _MAX_SENTENCE:
            yield start, index + 1
            start = index + 1
    if start < len(line):
        yield start, len(line)


_RUNS_ON = tuple("、，,")


def _logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """Lines of `text` with their offsets, a hard-wrapped line joined to the next one.

    A line that ends in 、 or ， stops inside a sentence ("我们会访问您的麦克风、" / "摄像头，
    为您提供…"): it and the lines it runs on to are one line, the breaks turned into
    spaces so that offsets still hold.
    """
    offset = 0
    pending_start: int | None = None
    pending: list[str] = []
    for raw_line in text.splitlines(keepends=True):
        start = offset
        offset += len(raw_line)
        line = raw_line.rstrip("\r\n")
        ending = raw_line[len(line) :]
        if pending_start is not None and (not line.strip() or numbering(line)):
            yield pending_start, "".join(pending).rstrip()
            pending_start, pending = None, []
        if pending_start is None:
            pending_start = start
        pending.append(line + " " * len(ending))
        if not line.rstrip().endswith(_RUNS_ON):
            yield pending_start, "".join(pending).rstrip()
            pending_start, pending = None, []
    if pending_start is not None:
        yield pending_start, "".join(pending).rstrip()


def segments(text: str) -> list[Segment]:
    """Split a Chinese policy into segments in document order."""
    found: list[Segment] = []
    section: str | None = None
    for line_start, line in _logical_lines(text):
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        cells = table_cells(line)
        if cells and not all(c in _SENTENCE_END or len(c) <= 1 for c in cells):
            found.append(
                Segment(
                    start=line_start + lead,
                    end=line_start + lead + len(stripped),
                    text=stripped,
                    match=for_matching(stripped),
                    kind="row",
                    section=section,
                    cells=cells,
                )
            )
            continue
        if is_heading(stripped):
            section = stripped
            found.append(
                Segment(
                    start=line_start + lead,
                    end=line_start + lead + len(stripped),
                    text=stripped,
                    match=for_matching(stripped),
                    kind="heading",
                    section=section,
                )
            )
            continue
        numbered = bool(numbering(stripped)) or is_permission_entry(stripped)
        for index, (start, end) in enumerate(sentence_spans(line)):
            piece = line[start:end]
            left = len(piece) - len(piece.lstrip())
            right = len(piece.rstrip())
            if right <= left:
                continue
            words = piece[left:right]
            found.append(
                Segment(
                    start=line_start + start + left,
                    end=line_start + start + right,
                    text=words,
                    match=for_matching(words),
                    kind="item" if numbered and index == 0 else "sentence",
                    section=section,
                )
            )
    return found
