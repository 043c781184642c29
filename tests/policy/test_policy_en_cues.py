"""The English cues (languages/en/cues.yaml): the schema rejects a broken file when it loads,
and the expansion of fragments gives the regexes the rules were written against."""

from __future__ import annotations

import copy
import re
from importlib import resources
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from permaudit.policy.languages.en import LANGUAGE as ENGLISH
from permaudit.policy.languages.en.cues import Cues, cues, expand, pattern
from permaudit.policy.segment import SegmentCues, segment


def _raw() -> dict[str, Any]:
    text = (
        resources.files("permaudit.policy.languages.en")
        .joinpath("cues.yaml")
        .read_text(encoding="utf-8")
    )
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _broken(change: str) -> dict[str, Any]:
    data = copy.deepcopy(_raw())
    if change == "missing cue":
        del data["denials"]["limit"]
    elif change == "unknown cue":
        data["purposes"]["markers"] = "to "
    elif change == "unknown fragment":
        data["denials"]["limit"] = r"\b{limit_verbs}\b"
    elif change == "bad regex":
        data["segment"]["lead_in"] = "^(?:we|you"
    elif change == "lost group":
        data["denials"]["bare_use"] = r"\bnot use\s+([^,;:.]{0,80})$"
    elif change == "cycle":
        data["fragments"]["collect_verb"] = "{collect_forms}"
    elif change == "shadows provided":
        data["fragments"]["precise_permissions"] = "access_fine_location"
    elif change == "version":
        data["version"] = 2
    elif change == "word list of a number":
        data["words"]["abbreviations"] = ["e.g", 5]
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("missing cue", "limit"),
        ("unknown cue", "markers"),
        ("unknown fragment", "denials.limit: unknown fragment {limit_verbs}"),
        ("bad regex", "segment.lead_in"),
        ("lost group", "denials.bare_use: lacks the group(s) object"),
        ("cycle", "nest too deep"),
        ("shadows provided", "precise_permissions are filled in by the code"),
        ("version", "version"),
        ("word list of a number", "abbreviations"),
    ],
)
def test_a_broken_cues_file_fails_at_load_naming_the_cue(change: str, message: str) -> None:
    with pytest.raises(ValidationError) as raised:
        Cues.model_validate(_broken(change))
    assert message in str(raised.value)


def test_the_shipped_cues_file_loads() -> None:
    loaded = cues()
    assert loaded.version == 1
    assert "need" in loaded.words.to_is_not_purpose
    assert "e.g" in loaded.words.abbreviations


def test_a_list_is_an_alternation_and_fragments_expand_inside_it() -> None:
    fragments: dict[str, str | tuple[str, ...]] = {
        "verb": ("collect", "read"),
        "forms": "{verb}(?:s|ed)?",
    }
    assert expand(("not {forms}", r"no\s+\w+{0,2}"), fragments) == (
        r"(?:not (?:collect|read)(?:s|ed)?|no\s+\w+{0,2})"
    )


def test_provided_fragments_are_filled_in_by_the_caller() -> None:
    precise = pattern("scope.precise", precise_permissions="access_fine_location")
    assert precise.search("the ACCESS_FINE_LOCATION permission")
    assert not precise.search("not precise location")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Case-insensitive cues match any case; the clause break is matched with case.
        ("We DO NOT COLLECT your location.", True),
        ("The App never accesses your contacts.", True),
        ("We will not use it to track you.", False),
    ],
)
def test_compiled_denial_cue_reads_english(sentence: str, expected: bool) -> None:
    assert bool(pattern("denials.active_denial").search(sentence)) is expected
    assert pattern("denials.clause_break", 0).flags & re.IGNORECASE == 0


def test_the_segmenter_reads_english_through_the_language() -> None:
    text = "Effective 3 March 2025\n\nOur Partners Include:\n\nAcme Inc. Google reads usage."
    english = ENGLISH.segment(text, ())
    # The date line and the lead-in are no headings; "Inc." does not end a sentence.
    assert [(s.text, s.heading) for s in english] == [
        ("Effective 3 March 2025", False),
        ("Our Partners Include:", False),
        ("Acme Inc. Google reads usage.", False),
    ]
    # The same text with no English words: the cues above are what made the difference.
    nothing = re.compile(r"(?!)")
    bare = segment(text, (), SegmentCues(abbreviations=(), meta_line=nothing, lead_in=nothing))
    assert [s.heading for s in bare] == [True, True, False, False]
