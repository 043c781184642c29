"""The parse the English rules read is en_core_web_sm's own, token for token.

The analyzer runs the model's pipeline more cheaply than `nlp(text)` does (lemmas only where a
rule reads one); every attribute the rules read must still be what the whole pipeline sets.
"""

from __future__ import annotations

import importlib
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from permaudit.policy import normalised_text
from permaudit.policy.languages.en import LANGUAGE
from permaudit.policy.languages.en.syntax import MODEL, lemma_of, parse

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "samples" / "privacy-policy.md"
ENGLISH = ROOT / "permaudit" / "policy" / "languages" / "en"

# What the model's attribute ruler and lemmatizer treat apart: pronouns and auxiliaries whose
# lemma the ruler sets, its rules over two tokens or by a regular expression ("gon na",
# "nothin'", "there is"), set tests on tags and labels, forms lemmatized by rule or exception,
# and whitespace tokens.
EDGES = (
    "We've shared it with them, and they'd said we ain't done; nothin' is what he's got.\n\n"
    "You can't and won't: I am sure she doesn't, they're not, it's been being recorded. "
    "Let's say y'all are gonna need it, c'mon, there is nothin we gotta hide. "
    "Our partners were collecting better photos than the children's mice had taken, "
    "whereas the phones which are installed ran faster until they'd left.  Ca n't they?"
)
# Lemmas only the ruler's rules give, each read in EDGES (the text exercises them).
RULER_LEMMAS = {"ai": "be", "nothin'": "nothing", "gon": "go", "y'": "you", "ta": "to"}


@cache
def _whole_pipeline() -> Any:
    """The model as spaCy loads it, every component run on every token (entities aside)."""
    return importlib.import_module(MODEL).load(exclude=["ner"])


def _sentences(text: str) -> list[str]:
    normalised = normalised_text(text, language="en")
    return [s.text for s in LANGUAGE.segment(normalised, ())]


@pytest.mark.parametrize("text", [DEMO.read_text(encoding="utf-8"), EDGES], ids=["demo", "edges"])
def test_every_token_reads_as_the_whole_pipeline_sets_it(text: str) -> None:
    sentences = _sentences(text)
    assert len(sentences) > 3
    ours = parse(sentences)
    theirs = list(_whole_pipeline().pipe(sentences))
    for mine, reference in zip(ours, theirs, strict=True):
        assert [t.text for t in mine] == [t.text for t in reference]
        for token, expected in zip(mine, reference, strict=True):
            assert (token.tag_, token.pos_, str(token.morph), token.dep_, token.head.i) == (
                expected.tag_,
                expected.pos_,
                str(expected.morph),
                expected.dep_,
                expected.head.i,
            ), token.text
            assert lemma_of(token) == expected.lemma_, token.text


def test_the_edge_cases_exercise_the_rulers_own_rules() -> None:
    lemmas = {t.lower_: t.lemma_ for doc in _whole_pipeline().pipe(_sentences(EDGES)) for t in doc}
    assert {word: lemmas.get(word) for word in RULER_LEMMAS} == RULER_LEMMAS


def test_the_rules_read_lemmas_only_through_lemma_of() -> None:
    """The lemmatizer does not run over every token: `token.lemma_` is empty where no rule
    asked `lemma_of` for it, so a rule that read it directly would read nothing."""
    allowed = {
        "if lemmatizer.overwrite or token.lemma == 0:",
        "token.lemma_ = lemmatizer.lemmatize(token)[0]",
        "return token.lemma_",
    }
    direct = [
        f"{path.name}:{number}: {line.strip()}"
        for path in sorted(ENGLISH.glob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\.lemma_?\b", line) and line.strip() not in allowed
    ]
    assert direct == []
