"""The lexicon's scan, its terms grouped by first letter, finds the word starts one plain
alternation of every term finds."""

from __future__ import annotations

import re
import re._parser as regex_parser  # Python's own reading of a pattern, to check ours
from pathlib import Path

import pytest

from permaudit.policy import normalised_text
from permaudit.policy.languages.en.lexicon import first_letter, lexicon
from tests.shared_data import seed_files

DEMO = Path(__file__).resolve().parents[2] / "samples" / "privacy-policy.md"


def _parsers_first_letter(fragment: str) -> str | None:
    """The letter the parsed pattern opens with as a plain character, by Python's parser."""
    parsed = list(regex_parser.parse(fragment))
    if not parsed or parsed[0][0] is not regex_parser.LITERAL:
        return None
    letter = chr(parsed[0][1])
    return letter if letter.isascii() and letter.isalnum() else None


def test_a_fragment_is_grouped_only_under_the_letter_it_must_begin_with() -> None:
    fragments = lexicon().fragments
    assert len(fragments) > 300
    for fragment in fragments:
        letter = first_letter(fragment)
        # Ours may leave a fragment ungrouped that Python's parser could place; never the
        # other way round, and never under another letter.
        assert letter is None or letter == _parsers_first_letter(fragment), fragment
    grouped = sum(first_letter(f) is not None for f in fragments)
    assert grouped > len(fragments) / 2


@pytest.mark.parametrize(
    ("fragment", "letter"),
    [
        ("audio", "a"),
        (r"app(?:lication)?[\s-]+lists?", "a"),
        ("a?udio", None),
        ("ab|cd", None),
        ("a(?:b|c)", "a"),
        ("a[|]b", "a"),
        (r"a[]|]b", "a"),
        (r"a\|b", "a"),
        ("(?:a|b)c", None),
        ("a{2}", None),
        ("é", None),
    ],
)
def test_first_letter(fragment: str, letter: str | None) -> None:
    assert first_letter(fragment) == letter
    if letter is not None:
        assert _parsers_first_letter(fragment) == letter


@pytest.mark.parametrize(
    "path", [DEMO, *seed_files()], ids=lambda p: p.stem if isinstance(p, Path) else str(p)
)
def test_the_scan_finds_what_every_term_in_one_alternation_finds(path: Path) -> None:
    lex = lexicon()
    flat = re.compile(rf"(?<![\w-])(?=(?:{'|'.join(f'(?:{f})' for f in lex.fragments)})(?![\w]))")
    lowered = normalised_text(path.read_text(encoding="utf-8"), language="en").lower()
    hits = [hit.start() for hit in lex.scan.finditer(lowered)]
    assert hits == [hit.start() for hit in flat.finditer(lowered)]
    assert len(hits) > 50
