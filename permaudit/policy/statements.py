"""Statements of a policy: a language reads the words, this module assembles what they say.

Language-neutral: it drives any `Language` (permaudit/policy/languages/base.py) and turns its
readings into `Statement`s, one per sentence, modality, action and actor.
"""

from __future__ import annotations

from collections.abc import Sequence

from permaudit.catalog.ontology import coverage
from permaudit.models import Purpose
from permaudit.policy.languages.base import Candidate, Language
from permaudit.policy.segment import Sentence
from permaudit.policy.statement import Action, Actor, DataRef, Modality, Statement

# Sentences about data in general read per round until one states a practice.
_PRACTICE_ROUND = 8


def read_statements(
    language: Language, text: str, sentences: Sequence[Sentence]
) -> list[Statement]:
    """The statements of normalised `text` (already split into `sentences`), in text order.

    Every statement about data of a category; statements about data in general ("we collect
    your e-mail address") only as far as needed to show that the text states a data practice
    at all (see `states_data_practice`), since each costs a parse and discloses nothing.
    """
    candidates = language.candidates(text, sentences)
    specific = [c for c in candidates if coverage(c.node).categories()]
    general = [c for c in candidates if not coverage(c.node).categories()]
    statements = _statements(language, text, sentences, specific)
    numbers = list(dict.fromkeys(c.sentence for c in general))
    while numbers and not states_data_practice(statements):
        batch, numbers = set(numbers[:_PRACTICE_ROUND]), numbers[_PRACTICE_ROUND:]
        chosen = [c for c in general if c.sentence in batch]
        statements += _statements(language, text, sentences, chosen)
    statements.sort(key=lambda s: (s.sentence, s.data[0].start))
    return statements


def _statements(
    language: Language, text: str, sentences: Sequence[Sentence], candidates: list[Candidate]
) -> list[Statement]:
    readings = language.parse(text, sentences, candidates)
    grouped: dict[tuple[int, Modality, Action, Actor], list[DataRef]] = {}
    conditions: dict[tuple[int, Modality, Action, Actor], str | None] = {}
    denied_by: dict[tuple[int, Modality, Action, Actor], int | None] = {}
    for reading in readings:
        candidate = reading.candidate
        modality, condition = language.polarity(text, sentences, reading)
        key = (candidate.sentence, modality, reading.action, reading.actor)
        grouped.setdefault(key, []).append(
            DataRef(
                node=candidate.node,
                start=candidate.start,
                end=candidate.end,
                excludes=candidate.excludes,
            )
        )
        conditions.setdefault(key, condition)
        if candidate.denied_by is not None:
            denied_by.setdefault(key, candidate.denied_by)
    statements: list[Statement] = []
    purposes_of: dict[int, tuple[Purpose, ...]] = {}
    for key in sorted(grouped, key=lambda k: (k[0], grouped[k][0].start)):
        number, modality, action, actor = key
        sentence = sentences[number]
        if number not in purposes_of:
            purposes_of[number] = tuple(language.purposes(sentences, [number]))
        statements.append(
            Statement(
                sentence=number,
                start=sentence.start,
                end=sentence.end,
                actor=actor,
                action=action,
                data=tuple(grouped[key]),
                modality=modality,
                purposes=purposes_of[number] if modality.discloses else (),
                condition=conditions.get(key),
                parties=language.party(sentence),
                heading=sentence.heading,
                denied_by=denied_by.get(key),
            )
        )
    return statements


def states_data_practice(statements: Sequence[Statement]) -> bool:
    """Whether some statement says data is collected, used, shared (or is not): a document
    without one is no privacy policy (a 404 page, a login form, an empty template)."""
    return any(
        s.action is not Action.MENTION and s.modality is not Modality.UNSTATED for s in statements
    )
