"""Load and compile the policy lexicons (lexicon.yaml, purposes.yaml): data, not code."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, field_validator

from permaudit.models import Category


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class CategoryTerms(_Strict):
    explicit: tuple[str, ...] = ()
    vague: tuple[str, ...] = ()
    masks: tuple[str, ...] = ()


class Lexicon(_Strict):
    version: int
    masks: tuple[str, ...] = ()
    categories: dict[Category, CategoryTerms]

    @field_validator("categories")
    @classmethod
    def _every_category(cls, value: dict[Category, CategoryTerms]) -> dict[Category, CategoryTerms]:
        missing = [c.value for c in Category if c not in value]
        if missing:
            raise ValueError(f"lexicon lacks categories: {', '.join(missing)}")
        return value


class PurposeTable(_Strict):
    version: int
    purposes: dict[str, tuple[str, ...]]


_SPACE = re.compile(r" ")
_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")


def term_pattern(term: str) -> str:
    """Turn one lexicon term into a regex fragment (see the syntax notes in lexicon.yaml)."""
    fragment = _HYPHEN.sub(lambda _: r"[\s-]?", term.strip())
    return _SPACE.sub(lambda _: r"[\s-]+", fragment)


_UPPER_ESCAPE = re.compile(r"\\[SWDBAZ]")


def compile_terms(terms: tuple[str, ...], *, lowered: bool = False) -> re.Pattern[str] | None:
    """One alternation for a list of terms, whole words only, longest alternatives first.

    With `lowered`, the pattern is meant for text that was lower-cased beforehand: matching
    without IGNORECASE is about twice as fast, which the speed target needs.
    """
    if not terms:
        return None
    for term in terms:
        if _UPPER_ESCAPE.search(term):
            raise ValueError(f"lexicon term uses an upper-case escape: {term!r}")
    ordered = sorted(terms, key=len, reverse=True)
    body = "|".join(f"(?:{term_pattern(t)})" for t in ordered)
    if lowered:
        return re.compile(rf"(?<![\w-])(?:{body.lower()})(?![\w])")
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])", re.IGNORECASE)


def _load(filename: str) -> Any:
    text = resources.files(__package__).joinpath(filename).read_text(encoding="utf-8")
    return yaml.safe_load(text)


class CompiledCategory:
    __slots__ = ("category", "explicit", "masks", "vague")

    def __init__(self, category: Category, terms: CategoryTerms) -> None:
        self.category = category
        self.explicit = compile_terms(terms.explicit, lowered=True)
        self.vague = compile_terms(terms.vague, lowered=True)
        self.masks = compile_terms(terms.masks, lowered=True)


class CompiledLexicon:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.global_masks = compile_terms(lexicon.masks, lowered=True)
        self.categories = {
            category: CompiledCategory(category, lexicon.categories[category])
            for category in Category
        }


@cache
def lexicon() -> CompiledLexicon:
    return CompiledLexicon(Lexicon.model_validate(_load("lexicon.yaml")))


@cache
def purpose_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    table = PurposeTable.model_validate(_load("purposes.yaml"))
    compiled: list[tuple[str, re.Pattern[str]]] = []
    for purpose_id, terms in table.purposes.items():
        pattern = compile_terms(terms)
        if pattern is not None:
            compiled.append((purpose_id, pattern))
    return tuple(compiled)
