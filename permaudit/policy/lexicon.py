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
    # Sentence context (see lexicon.yaml): a mention whose sentence matches `context_masks`
    # discloses nothing, unless the sentence also matches `context_keeps`.
    context_masks: tuple[str, ...] = ()
    context_keeps: tuple[str, ...] = ()


class Lexicon(_Strict):
    version: int
    masks: tuple[str, ...] = ()
    # Whole matches that count only when written in capitals ("MAC", not Apple's "Mac").
    upper_case_only: tuple[str, ...] = ()
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


def _alternation(terms: tuple[str, ...]) -> str:
    for term in terms:
        if _UPPER_ESCAPE.search(term):
            raise ValueError(f"lexicon term uses an upper-case escape: {term!r}")
    ordered = sorted(terms, key=len, reverse=True)
    return "|".join(f"(?:{term_pattern(t)})" for t in ordered)


# Whole words: no word character or hyphen before, no word character after.
_WORD_START = r"(?<![\w-])"
_WORD_END = r"(?![\w])"


def compile_terms(terms: tuple[str, ...], *, lowered: bool = False) -> re.Pattern[str] | None:
    """One alternation for a list of terms, whole words only, longest alternatives first.

    With `lowered`, the pattern is meant for text that was lower-cased beforehand: matching
    without IGNORECASE is about twice as fast, which the speed target needs.
    """
    if not terms:
        return None
    body = _alternation(terms)
    if lowered:
        return re.compile(rf"{_WORD_START}(?:{body.lower()}){_WORD_END}")
    return re.compile(rf"{_WORD_START}(?:{body}){_WORD_END}", re.IGNORECASE)


def _load(filename: str) -> Any:
    text = resources.files(__package__).joinpath(filename).read_text(encoding="utf-8")
    return yaml.safe_load(text)


class CompiledCategory:
    __slots__ = ("category", "context_keeps", "context_masks", "masks")

    def __init__(self, category: Category, terms: CategoryTerms) -> None:
        self.category = category
        self.masks = compile_terms(terms.masks, lowered=True)
        self.context_masks = compile_terms(terms.context_masks, lowered=True)
        self.context_keeps = compile_terms(terms.context_keeps, lowered=True)

    def masked_by_context(self, lowered_context: str) -> bool:
        """True when a mention in this (lower-cased) sentence context discloses nothing."""
        if self.context_masks is None or not self.context_masks.search(lowered_context):
            return False
        return self.context_keeps is None or not self.context_keeps.search(lowered_context)


class CompiledLexicon:
    """Every category's terms, matched in one pass over the lower-cased text.

    Running one alternation per category and kind over the whole policy costs a regex attempt
    per category at every character. Instead `scan` finds, in one pass, each word start where
    some term begins, and `terms_at` tells, at that start, which category/kind terms match there
    (each one in an optional lookahead group, so overlapping terms of different categories and
    kinds all report). That is about twice as fast and finds the same matches.
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.global_masks = compile_terms(lexicon.masks, lowered=True)
        self.upper_case_only = frozenset(word.lower() for word in lexicon.upper_case_only)
        self.categories = {
            category: CompiledCategory(category, lexicon.categories[category])
            for category in Category
        }
        groups: list[str] = []
        bodies: list[str] = []
        # Group name → (category, explicit); group names are positional ("g0", "g1", ...).
        self.groups: dict[str, tuple[Category, bool]] = {}
        for category in Category:
            terms = lexicon.categories[category]
            for explicit, kind_terms in ((True, terms.explicit), (False, terms.vague)):
                if not kind_terms:
                    continue
                name = f"g{len(groups)}"
                body = _alternation(kind_terms).lower()
                groups.append(rf"(?=(?P<{name}>{body}){_WORD_END})?")
                bodies.append(body)
                self.groups[name] = (category, explicit)
        self.scan = re.compile(rf"{_WORD_START}(?=(?:{'|'.join(bodies)}){_WORD_END})")
        self.terms_at = re.compile("".join(groups))

    def matches(self, lowered: str) -> dict[Category, list[tuple[int, int, bool]]]:
        """(start, end, explicit) of every term match in lower-cased text, per category."""
        found: dict[Category, list[tuple[int, int, bool]]] = {c: [] for c in Category}
        terms_at = self.terms_at
        groups = self.groups
        for hit in self.scan.finditer(lowered):
            start = hit.start()
            at = terms_at.match(lowered, start)
            if at is None:
                continue
            for name, value in at.groupdict().items():
                if value is not None:
                    category, explicit = groups[name]
                    found[category].append((start, start + len(value), explicit))
        return found


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
