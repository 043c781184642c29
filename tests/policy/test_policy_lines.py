"""Evidence lines point into the file the user has, whatever its format."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from permaudit.models import Category
from permaudit.policy import load_policy
from permaudit.policy.lines import LineLocator

ROOT = Path(__file__).resolve().parents[2]
POLICIES = ROOT / "tests" / "fixtures" / "policies"


@pytest.mark.parametrize(
    "path",
    [ROOT / "samples" / "privacy-policy.md", *sorted(POLICIES.glob("demo_policy.*"))],
    ids=lambda p: p.name,
)
def test_every_quote_is_on_the_line_it_names(path: Path) -> None:
    facts = load_policy(path)
    if path.suffix == ".pdf":
        assert all(e.line is None for d in facts.categories.values() for e in d.evidence), (
            "a PDF has no lines a viewer could open at"
        )
        return
    lines = path.read_text(encoding="utf-8").split("\n")
    quotes = [e for d in facts.categories.values() for e in d.evidence]
    assert quotes
    for evidence in quotes:
        assert evidence.line is not None, evidence.quote
        first_word = re.findall(r"\w+", evidence.quote)[0]
        assert first_word in lines[evidence.line - 1], (evidence.quote, evidence.line)


def test_contacts_denial_line_in_the_markdown_demo_policy() -> None:
    path = ROOT / "samples" / "privacy-policy.md"
    facts = load_policy(path)
    (denial,) = [
        e for e in facts.categories[Category.CONTACTS].evidence if "address book" in e.quote
    ]
    assert denial.line is not None
    expected = next(
        number
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1)
        if "We do not access or collect your contacts" in line
    )
    assert denial.line == expected


def test_locator_tolerates_markup_between_words_and_picks_the_nearest_occurrence() -> None:
    text = "We collect <b>your</b> location.\n\nnothing here\nWe collect your &nbsp;location."
    locator = LineLocator(text)
    assert locator.line_of("We collect your location.", 0.0) == 1
    assert locator.line_of("We collect your location.", 0.99) == 4
    assert locator.line_of("Something else entirely", 0.5) is None


def test_lines_of_a_plain_text_policy_count_every_blank_line_of_the_file(tmp_path: Path) -> None:
    # The loader drops leading blank lines and folds runs of them; the file keeps them all.
    path = tmp_path / "policy.txt"
    path.write_text(
        "\n\nPrivacy Policy\n\n\n\n\n"
        "We collect your precise location to find Wi-Fi networks during device setup.\n\n\n\n\n"
        "We use the camera to scan the QR code when you add a device.\n",
        encoding="utf-8",
    )
    facts = load_policy(path)
    assert [e.line for e in facts.categories[Category.LOCATION].evidence] == [8]
    assert [e.line for e in facts.categories[Category.CAMERA].evidence] == [13]
