"""Load and compile the English lexicons (lexicon.yaml, purposes.yaml): data, not code.

lexicon.yaml gives, per category, the words of each ontology node (permaudit/catalog/
ontology.yaml) of that category; the compiled lexicon finds them all in one pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator

from permaudit.catalog import permission_catalog
from permaudit.catalog.ontology import coverage, ontology
from permaudit.catalog.parsed_cache import parse_package_file
from permaudit.models import Category


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class CategoryTerms(_Strict):
    # Ontology node id → its words. Each node must disclose this category.
    terms: dict[str, tuple[str, ...]] = {}
    # Words that count only where a data verb governs them (see lexicon.yaml).
    governed_terms: dict[str, tuple[str, ...]] = {}
    # Words that name a node only as a member of a list of its category's data (see
    # lexicon.yaml).
    listed_terms: dict[str, tuple[str, ...]] = {}
    masks: tuple[str, ...] = ()
    # Sentence context (see lexicon.yaml): a mention whose sentence matches `context_masks`
    # discloses nothing, unless the sentence also matches `context_keeps`.
    context_masks: tuple[str, ...] = ()
    context_keeps: tuple[str, ...] = ()
    # Case-sensitive Python regexes over the original text (see lexicon.yaml).
    cased_masks: tuple[str, ...] = ()
    # Umbrella terms the policy may define in place (see `umbrella_definitions` in
    # lexicon.yaml), and the words that, inside such a definition, name this category.
    definable: tuple[str, ...] = ()
    definition_keeps: tuple[str, ...] = ()


class UmbrellaDefinitions(_Strict):
    # What opens a definition right after an umbrella term: "(", ", such as", ": including".
    openers: tuple[str, ...]
    # Words that leave the definition open ("etc.", "not limited to", "and other ...").
    open_ended: tuple[str, ...]


class SharedHeads(_Strict):
    # Nouns a list of modifiers may share ("device and usage information").
    heads: tuple[str, ...]
    # What joins the list's members besides commas.
    joiners: tuple[str, ...]
    # A last member made only of these is a noun of its own ("... and other information").
    not_modifiers: frozenset[str]
    # Words no member of a list of modifiers holds after its first (articles, prepositions).
    breakers: frozenset[str]


class Lexicon(_Strict):
    version: int
    masks: tuple[str, ...] = ()
    shared_heads: SharedHeads | None = None
    # Whole matches that count only when written in capitals ("MAC", not Apple's "Mac").
    upper_case_only: tuple[str, ...] = ()
    umbrella_definitions: UmbrellaDefinitions | None = None
    # Words for data in general (nodes that disclose no category), per node.
    practice_terms: dict[str, tuple[str, ...]] = {}
    categories: dict[Category, CategoryTerms]

    @field_validator("categories")
    @classmethod
    def _every_category(cls, value: dict[Category, CategoryTerms]) -> dict[Category, CategoryTerms]:
        missing = [c.value for c in Category if c not in value]
        if missing:
            raise ValueError(f"lexicon lacks categories: {', '.join(missing)}")
        for category, terms in value.items():
            for node in (*terms.terms, *terms.governed_terms, *terms.listed_terms):
                if node not in ontology().nodes:
                    raise ValueError(f"{category.value}: {node} is no ontology node")
                if category not in coverage(node).categories():
                    raise ValueError(f"{category.value}: node {node} does not disclose it")
        return value

    @field_validator("practice_terms")
    @classmethod
    def _known_nodes(cls, value: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        for node in value:
            if node not in ontology().nodes or coverage(node).categories():
                raise ValueError(f"practice term {node}: no ontology node, or one disclosing")
        return value


class PurposeTable(_Strict):
    version: int
    purposes: dict[str, tuple[str, ...]]
    # Uses that are purposes wherever they stand in a disclosing sentence (its main verb
    # too): "we retain video recordings for your subscription period" saves media.
    actions: dict[str, tuple[str, ...]] = {}


# A space, or an optional one (" ?": "address ?book" is "address book" and "addressbook").
_SPACE = re.compile(r" (\?)?")
_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")


def term_pattern(term: str) -> str:
    """Turn one lexicon term into a regex fragment (see the syntax notes in lexicon.yaml)."""
    fragment = _HYPHEN.sub(lambda _: r"[\s-]?", term.strip())
    return _SPACE.sub(lambda m: r"[\s-]*" if m.group(1) else r"[\s-]+", fragment)


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


def permission_names(scope: str | None = None) -> dict[Category, tuple[str, ...]]:
    """Regex fragments (lower case) of the permission names a policy may write verbatim, per
    category of the permission catalog; with `scope`, only the permissions granting it.

    "READ_CONTACTS", "android.permission.ACCESS_FINE_LOCATION", "ACCESS_WIFI_STATE": every
    permission of SPEC §1 that a policy names is an explicit disclosure of its category. The
    lexicon's words miss them, as the underscore joins the words into one. One-word names
    (CAMERA, BLUETOOTH) are category words already; a Health Connect permission is named by
    its full prefix ("android.permission.health.READ_HEART_RATE").
    """
    catalog = permission_catalog()
    names: dict[Category, list[str]] = {}
    for entry in catalog.permissions:
        if scope is not None and entry.scope != scope:
            continue
        short = entry.name.rsplit(".", 1)[-1]
        if "_" in short:
            names.setdefault(entry.category, []).append(re.escape(short.lower()))
    if scope is None:
        for prefix in catalog.prefixes:
            names.setdefault(prefix.category, []).append(rf"{re.escape(prefix.prefix.lower())}\w+")
    return {category: tuple(fragments) for category, fragments in names.items()}


def _load(filename: str) -> Any:
    return parse_package_file(__package__, filename)


@dataclass(frozen=True, slots=True)
class Match:
    """One lexicon term found in the text: offsets, the node it names, governed-only,
    listed-only."""

    start: int
    end: int
    node: str
    governed: bool
    listed: bool = False


class CompiledCategory:
    __slots__ = (
        "cased_masks",
        "category",
        "context_keeps",
        "context_masks",
        "definable",
        "definable_search",
        "definition_keeps",
        "masks",
    )

    def __init__(self, category: Category, terms: CategoryTerms) -> None:
        self.category = category
        self.masks = compile_terms(terms.masks, lowered=True)
        self.cased_masks = (
            re.compile("|".join(f"(?:{mask})" for mask in terms.cased_masks))
            if terms.cased_masks
            else None
        )
        self.context_masks = compile_terms(terms.context_masks, lowered=True)
        self.context_keeps = compile_terms(terms.context_keeps, lowered=True)
        self.definable = (
            re.compile(rf"(?:{_alternation(terms.definable).lower()})$")
            if terms.definable
            else None
        )
        self.definable_search = compile_terms(terms.definable, lowered=True)
        self.definition_keeps = compile_terms(terms.definition_keeps, lowered=True)

    def masked_by_context(self, lowered_context: str) -> bool:
        """True when a mention in this (lower-cased) sentence context discloses nothing."""
        if self.context_masks is None or not self.context_masks.search(lowered_context):
            return False
        return self.context_keeps is None or not self.context_keeps.search(lowered_context)


def _by_first_letter(fragments: list[str]) -> str:
    """An alternation of regex fragments that matches where one of them matches, its
    fragments grouped by the letter they must begin with, each group behind a lookahead for
    its letter: at a word start only the group of its letter is tried, not every term.

    A fragment is grouped only where its first letter is certain (`first_letter`); any other
    stays ungrouped, tried everywhere. Where the alternation is only tested (`scan`, a
    lookahead), which fragment matches does not matter, so regrouping them keeps every match.
    """
    grouped: dict[str, list[str]] = {}
    ungrouped: list[str] = []
    for fragment in dict.fromkeys(fragments):
        letter = first_letter(fragment)
        if letter is None:
            ungrouped.append(fragment)
        else:
            grouped.setdefault(letter, []).append(fragment)
    branches = [
        f"(?={letter})(?:{'|'.join(f'(?:{f})' for f in members)})"
        for letter, members in sorted(grouped.items())
    ]
    branches += [f"(?:{fragment})" for fragment in ungrouped]
    return "|".join(branches)


def first_letter(fragment: str) -> str | None:
    """The ASCII letter or digit every match of a regex fragment begins with, where the
    fragment opens with it as a plain character (not made optional or repeated) and has no
    alternation of its own outside brackets and groups; None otherwise."""
    first = fragment[:1]
    if not (first.isascii() and first.isalnum()) or fragment[1:2] in ("?", "*", "+", "{"):
        return None
    depth = 0
    in_class = False
    position = 0
    while position < len(fragment):
        char = fragment[position]
        if char == "\\":
            position += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            # "[]...]" and "[^]...]": a bracket right after the opening one is a member.
            if fragment[position + 1 : position + 2] == "^":
                position += 1
            if fragment[position + 1 : position + 2] == "]":
                position += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return None
        position += 1
    return first


# A definition longer than this is a run of the sentence, not a list of what a term holds.
_MAX_DEFINITION = 300


class CompiledLexicon:
    """Every category's terms, matched in one pass over the lower-cased text.

    Running one alternation per category and kind over the whole policy costs a regex attempt
    per category at every character. Instead `scan` finds, in one pass, each word start where
    some term begins, and `terms_at` tells, at that start, which category/kind terms match there
    (each one in an optional lookahead group, so overlapping terms of different categories and
    kinds all report). That is about twice as fast and finds the same matches. `scan` tries,
    at a word start, only the terms that can begin with its letter (`_by_first_letter`).
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.global_masks = compile_terms(lexicon.masks, lowered=True)
        self.upper_case_only = frozenset(word.lower() for word in lexicon.upper_case_only)
        definitions = lexicon.umbrella_definitions
        self.definition_opener = (
            re.compile(rf"\s*(?:{_alternation(definitions.openers).lower()})")
            if definitions
            else None
        )
        self.open_ended = (
            compile_terms(definitions.open_ended, lowered=True) if definitions else None
        )
        self.categories = {
            category: CompiledCategory(category, lexicon.categories[category])
            for category in Category
        }
        permissions = permission_names()
        # A permission name is unambiguous: no mask or context rule of its category applies.
        every_name = [name for names in permissions.values() for name in names]
        self.permission_name = re.compile(rf"(?:{'|'.join(every_name)})$")
        groups: list[str] = []
        fragments: list[str] = []
        # Group name → (category or None, node, governed only, listed only); names are
        # positional.
        self.groups: dict[str, tuple[Category | None, str, bool, bool]] = {}

        def add(
            category: Category | None,
            node: str,
            governed: bool,
            terms: tuple[str, ...],
            listed: bool = False,
        ) -> None:
            if not terms:
                return
            name = f"g{len(groups)}"
            body = _alternation(terms).lower()
            groups.append(rf"(?=(?P<{name}>{body}){_WORD_END})?")
            fragments.extend(term_pattern(t).lower() for t in terms)
            self.groups[name] = (category, node, governed, listed)

        onto = ontology()
        for category in Category:
            terms = lexicon.categories[category]
            named = dict(terms.terms)
            # An Android permission named verbatim names its category.
            category_node = onto.category_node(category)
            named[category_node] = named.get(category_node, ()) + permissions.get(category, ())
            for node, node_terms in named.items():
                add(category, node, False, node_terms)
            for node, node_terms in terms.governed_terms.items():
                add(category, node, True, node_terms)
            for node, node_terms in terms.listed_terms.items():
                add(category, node, False, node_terms, listed=True)
        for node, node_terms in lexicon.practice_terms.items():
            add(None, node, False, node_terms)
        # Every term's fragment, lower-cased: a word start where one of them matches is a hit.
        self.fragments = tuple(fragments)
        self.scan = re.compile(rf"{_WORD_START}(?=(?:{_by_first_letter(fragments)}){_WORD_END})")
        self.terms_at = re.compile("".join(groups))
        shared = lexicon.shared_heads
        self.shared_heads = shared
        if shared is not None:
            heads = "|".join(re.escape(h) for h in sorted(shared.heads, key=len, reverse=True))
            joiners = "|".join(re.escape(j) for j in shared.joiners)
            # A head after a word: "... usage information", "(such as ...) data" is no list.
            self.shared_head = re.compile(rf"(?<=[\w'] )(?:{heads}){_WORD_END}")
            self.list_joint = re.compile(rf"\s*,\s*(?:(?:{joiners})\s+)?|\s+(?:{joiners})\s+")

    def defined_without(self, category: Category, lowered_term: str, lowered_after: str) -> bool:
        """True when an umbrella term is defined right after it, by a closed list that names
        nothing of `category`: "device information (such as model and OS version)".

        `lowered_after` is the rest of the term's sentence. The policy itself says what its
        umbrella holds, so the umbrella does not cover the category.
        """
        compiled = self.categories[category]
        if compiled.definable is None or self.definition_opener is None:
            return False
        if not compiled.definable.match(lowered_term):
            return False
        opener = self.definition_opener.match(lowered_after)
        if opener is None:
            return False
        if "(" in opener.group(0):
            close = lowered_after.find(")", opener.end())
            definition = lowered_after[opener.end() : close if close >= 0 else None]
            if opener.group(0).rstrip().endswith("(") and len(definition.split()) < 2:
                # "Customer Proprietary Network Information (CPNI)": an abbreviation.
                return False
        else:
            definition = re.split(r";", lowered_after[opener.end() :], maxsplit=1)[0]
        definition = definition[:_MAX_DEFINITION]
        if not definition.strip():
            return False
        if self.open_ended is not None and self.open_ended.search(definition):
            return False
        keeps = compiled.definition_keeps
        return keeps is None or not keeps.search(definition)

    def label_defined_by(self, category: Category, lowered_next: str) -> bool:
        """True when the sentence after an umbrella label ("Device information.") defines an
        umbrella of `category` by a closed list that names nothing of it (see `defined_without`):
        the label only names the topic its paragraph spells out."""
        search = self.categories[category].definable_search
        if search is None:
            return False
        return any(
            self.defined_without(category, term.group(0), lowered_next[term.end() :])
            for term in search.finditer(lowered_next)
        )

    def matches(self, lowered: str) -> dict[Category | None, list[Match]]:
        """Every term match in lower-cased text, per category (None: data in general)."""
        found: dict[Category | None, list[Match]] = {c: [] for c in Category}
        found[None] = []
        terms_at = self.terms_at
        groups = self.groups
        for hit in self.scan.finditer(lowered):
            start = hit.start()
            at = terms_at.match(lowered, start)
            if at is None:
                continue
            for name, value in at.groupdict().items():
                if value is not None:
                    category, node, governed, listed = groups[name]
                    found[category].append(Match(start, start + len(value), node, governed, listed))
        for category, match in self._shared_head_matches(lowered):
            found[category].append(match)
        return found

    def _shared_head_matches(self, lowered: str) -> Iterator[tuple[Category, Match]]:
        """Terms a list of modifiers makes with the head noun they share (lexicon.yaml,
        `shared_heads`): "device" in "device and usage information" is "device information"."""
        shared = self.shared_heads
        if shared is None:
            return
        for head in self.shared_head.finditer(lowered):
            start = max(0, head.start() - _LIST_WINDOW)
            for boundary in _CLAUSE_END.finditer(lowered, start, head.start()):
                start = boundary.end()
            members = _members(lowered, start, head.start(), self.list_joint)
            if len(members) < 2 or members[-1][1] != head.start():
                # No list, or the head is a member itself ("preferences or data").
                continue
            words = [lowered[s:e].split() for s, e in members]
            if any(
                len(member) > _MEMBER_WORDS or any(w in shared.breakers for w in member)
                for member in words[1:]
            ) or all(w in shared.not_modifiers for w in words[-1]):
                continue
            first = members[0]
            for word in _WORD.finditer(lowered, *first):
                if word.group(0) in shared.breakers:
                    first = (word.end(), first[1])
            for member_start, member_end in [first, *members[1:-1]]:
                found = self._as_term(lowered, member_start, member_end, head.group(0))
                if found is not None:
                    yield found

    def _as_term(
        self, lowered: str, start: int, end: int, head: str
    ) -> tuple[Category, Match] | None:
        """The longest last one to three words of a list member that make a category's term
        with the head ("mobile device" + "information"), as a match of those words."""
        words = [w.start() for w in _WORD.finditer(lowered, start, end)]
        for first in words[-_MEMBER_WORDS:]:
            phrase = f"{lowered[first:end]} {head}"
            at = self.terms_at.match(phrase)
            if at is None:
                continue
            for name, value in at.groupdict().items():
                category, node, governed, listed = self.groups[name]
                if value is not None and len(value) == len(phrase) and category is not None:
                    return category, Match(first, end, node, governed, listed)
        return None


# How far before a shared head its list may start, and how many words of a member are read.
_LIST_WINDOW = 160
_MEMBER_WORDS = 3
_WORD = re.compile(r"[\w'-]+")
# A list of modifiers does not run past these.
_CLAUSE_END = re.compile(r"[.;:!?()\[\]\n\u2022]")


def _members(lowered: str, start: int, end: int, joint: re.Pattern[str]) -> list[tuple[int, int]]:
    """Spans of the members of a list in lowered[start:end], split at its joints."""
    members: list[tuple[int, int]] = []
    position = start
    for split in joint.finditer(lowered, start, end):
        members.append((position, split.start()))
        position = split.end()
    members.append((position, end))
    return [(s, e) for s, e in members if lowered[s:e].strip()]


@cache
def lexicon() -> CompiledLexicon:
    return CompiledLexicon(Lexicon.model_validate(_load("lexicon.yaml")))


@cache
def _purpose_table() -> PurposeTable:
    table = PurposeTable.model_validate(_load("purposes.yaml"))
    unknown = set(table.actions) - set(table.purposes)
    if unknown:
        raise ValueError(f"purposes.yaml: actions of unknown purposes {sorted(unknown)}")
    return table


def _compiled(table: dict[str, tuple[str, ...]]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    compiled: list[tuple[str, re.Pattern[str]]] = []
    for purpose_id, terms in table.items():
        pattern = compile_terms(terms)
        if pattern is not None:
            compiled.append((purpose_id, pattern))
    return tuple(compiled)


@cache
def purpose_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return _compiled(_purpose_table().purposes)


@cache
def purpose_action_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Per purpose id, the uses that state it wherever they stand in a disclosing sentence."""
    return _compiled(_purpose_table().actions)
