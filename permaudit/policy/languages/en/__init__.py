"""English: the lexicon finds candidate terms, spaCy's dependency parse decides which count.

Candidates (lexicon.yaml): every term of every ontology node, less the masks, the umbrella
terms a policy defines away ("device information (model, OS version)"), and the denials or
legal boilerplate of a definition ("sensitive personal information includes health ...").
Syntax (syntax.py): a term counts when it heads the data a clause is about, not when it only
modifies another noun ("calendar year", "camera name").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from permaudit.catalog.ontology import coverage
from permaudit.models import Category, Party, Purpose, Scope
from permaudit.policy.languages.base import Candidate, Reading, UseReference
from permaudit.policy.languages.en import syntax
from permaudit.policy.languages.en.cues import cues, pattern
from permaudit.policy.languages.en.denials import (
    CONDITIONAL,
    LIMIT,
    NEGATION,
    Polarity,
    choice,
    clause_bounds,
    defined_term,
    denied_term,
    polarity,
)
from permaudit.policy.languages.en.lexicon import Match, lexicon, permission_names
from permaudit.policy.languages.en.purposes import (
    datum_purposes,
    disclosure_purposes,
    exclusive_purposes,
    item_purposes,
    next_item,
    opens_with_name,
    same_name,
    use_reference,
)
from permaudit.policy.normalise import TextCues
from permaudit.policy.segment import SegmentCues, Sentence, SentenceIndex, segment
from permaudit.policy.statement import Modality

# The words of the party and scope readers are in cues.yaml (`party`, `scope`, `context`).
_THIRD_PARTY = pattern("party.third_party")
_FIRST_PARTY = pattern("party.first_party")


def _granting(scope: str) -> str:
    """Alternation of the permission names that grant `scope` ("ACCESS_FINE_LOCATION")."""
    return "|".join(name for names in permission_names(scope).values() for name in names)


_PRECISE = pattern("scope.precise", precise_permissions=_granting("precise"))
_APPROXIMATE = pattern("scope.approximate", approximate_permissions=_granting("approximate"))
_BACKGROUND = pattern("scope.background", background_permissions=_granting("background"))
_NEGATED_BEFORE = pattern("scope.negated_before")

# Masks are phrases a few words long; they are only looked for around a candidate match,
# which is much cheaper than scanning the whole policy for every mask.
_MASK_WINDOW = 160


def _masked(lowered: str, start: int, end: int, masks: list[re.Pattern[str] | None]) -> bool:
    window_start = max(0, start - _MASK_WINDOW)
    window_end = min(len(lowered), end + _MASK_WINDOW)
    for mask in masks:
        if mask is None:
            continue
        # Overlapping search: "located at any location" holds two masks, "located at" and
        # "at any location", and the first must not hide the second.
        position = window_start
        while True:
            match = mask.search(lowered, position, window_end)
            if match is None or match.start() >= end:
                break
            if start < match.end():
                return True
            position = match.start() + 1
    return False


def _lower_same_length(text: str) -> str:
    """Lower-case text without changing offsets (a few characters lower to two)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _longest(matches: list[Match]) -> list[Match]:
    """Matches of one category, the longer of overlaps kept: umbrella phrases absorb the
    words inside them ("network status (WiFi)" is one umbrella, not Wi-Fi). A data type's
    own name stays inside a longer generic phrase ("Advertising ID associated with your
    device" names the advertising ID, not only a device identifier)."""
    matches.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Match] = []
    inside: list[Match] = []
    for match in matches:
        start, end = match.start, match.end
        if kept and start < kept[-1].end:
            if end - start <= kept[-1].end - kept[-1].start:
                if _names_data_type(match.node) and not _names_data_type(kept[-1].node):
                    inside.append(match)
                continue
            if _names_data_type(kept[-1].node) and not _names_data_type(match.node):
                inside.append(kept[-1])
            kept[-1] = match
            continue
        kept.append(match)
    return sorted(kept + inside, key=lambda m: (m.start, m.end, m.node, m.governed, m.listed))


def _names_data_type(node: str) -> bool:
    return bool(coverage(node).explicit_data_types)


# "This information may include friends or contact lists": a sentence that opens by pointing
# back ("this information", "such data") is read together with the sentence before it.
_POINTS_BACK = pattern("context.points_back", 0)


def _context(lowered: str, sentences: Sequence[Sentence], number: int) -> str:
    sentence = sentences[number]
    text = lowered[sentence.start : sentence.end]
    if number > 0 and _POINTS_BACK.match(text):
        previous = sentences[number - 1]
        return lowered[previous.start : previous.end] + "\n" + text
    return text


# A label: a short line or lead-in that ends with the umbrella term ("Device information.").
_LABEL_TAIL = re.compile(r"\s*[.:]?\s*$")
_LABEL_WORDS = 8


def _umbrella_resolved(
    lowered: str,
    sentences: Sequence[Sentence],
    number: int,
    category: Category,
    start: int,
    end: int,
) -> bool:
    """Whether an umbrella mention is defined, here or by the paragraph it labels, by a list
    that names nothing of `category` (lexicon.yaml, `umbrella_definitions`)."""
    lex = lexicon()
    sentence = sentences[number]
    term = lowered[start:end]
    after = lowered[end : sentence.end]
    if lex.defined_without(category, term, after):
        return True
    if (
        number + 1 < len(sentences)
        and _LABEL_TAIL.match(after)
        and len(lowered[sentence.start : end].split()) <= _LABEL_WORDS
        and sentences[number + 1].block == sentence.block
    ):
        following = sentences[number + 1]
        return lex.label_defined_by(category, lowered[following.start : following.end])
    return False


_SEGMENT_CUES = SegmentCues(
    abbreviations=cues().words.abbreviations,
    meta_line=pattern("segment.meta_line"),
    lead_in=pattern("segment.lead_in"),
)


_TEXT_CUES = TextCues(
    drop=pattern("segment.corpus_marker"),
    # Case matters: the item opens with a capital.
    item_break=pattern("segment.bare_item", 0),
)


class English:
    code = "en"
    text_cues = _TEXT_CUES

    def segment(self, text: str, headings: Sequence[str]) -> list[Sentence]:
        return segment(text, headings, _SEGMENT_CUES)

    def candidates(self, text: str, sentences: Sequence[Sentence]) -> list[Candidate]:
        lex = lexicon()
        index = SentenceIndex(sentences)
        lowered = _lower_same_length(text)
        definitions: dict[int, tuple[str, int]] = {}
        denied_terms: dict[str, int] = {}
        for number, sentence in enumerate(sentences):
            definition = defined_term(sentence.text)
            if definition is not None:
                definitions[number] = definition
            term = denied_term(sentence.text)
            if term is not None:
                denied_terms.setdefault(term, number)

        found: list[Candidate] = []
        all_matches = lex.matches(lowered)
        for category, matches in all_matches.items():
            compiled = lex.categories[category] if category is not None else None
            masks = [lex.global_masks, compiled.masks if compiled else None]
            for match in _longest(list(matches)):
                start, end, node = match.start, match.end, match.node
                found_at = index.at(start)
                if found_at is None:
                    continue
                number, sentence = found_at, sentences[found_at]
                certain = bool(lex.permission_name.match(lowered, start, end))
                excludes: frozenset[Category] = frozenset()
                if not certain and compiled is not None and category is not None:
                    if _masked(lowered, start, end, masks):
                        continue
                    if lowered[start:end] in lex.upper_case_only and not text[start:end].isupper():
                        continue
                    if compiled.cased_masks is not None and _masked(
                        text, start, end, [compiled.cased_masks]
                    ):
                        continue
                    if category in coverage(node).vague_categories and _umbrella_resolved(
                        lowered, sentences, number, category, start, end
                    ):
                        excludes = frozenset({category})
                    if compiled.context_masks is not None and compiled.masked_by_context(
                        _context(lowered, sentences, number)
                    ):
                        continue
                fixed: Modality | None = None
                denied_by: int | None = None
                definition = definitions.get(number)
                if definition is not None and start - sentence.start >= definition[1] - 40:
                    if definition[0] in denied_terms:
                        fixed, denied_by = Modality.DENIED, denied_terms[definition[0]]
                    elif definition[0] == "sensitive":
                        # Legal boilerplate defining sensitive data is not a disclosure; its
                        # other polarities (a denial in the definition) stand.
                        fixed = Modality.UNSTATED
                found.append(
                    Candidate(
                        sentence=number,
                        start=start,
                        end=end,
                        node=node,
                        excludes=excludes,
                        certain=certain,
                        governed_only=match.governed,
                        listed_only=match.listed,
                        denied_by=denied_by,
                        fixed_modality=fixed,
                    )
                )
        found.sort(key=lambda c: (c.start, c.end, c.node))
        return found

    def parse(
        self, text: str, sentences: Sequence[Sentence], candidates: Sequence[Candidate]
    ) -> list[Reading]:
        return syntax.readings(text, sentences, candidates)

    def polarity(
        self, text: str, sentences: Sequence[Sentence], reading: Reading
    ) -> tuple[Modality, str | None]:
        candidate = reading.candidate
        sentence = sentences[candidate.sentence]
        start = candidate.start - sentence.start
        end = candidate.end - sentence.start
        found = polarity(sentence.text, start, end)
        verb_start, verb_end = reading.verb_start, reading.verb_end
        if found is Polarity.DISCLOSE and reading.negated and verb_start and verb_end:
            verb = verb_start - sentence.start
            if verb < clause_bounds(sentence.text, start)[0]:
                # "We do not collect data like A; B; health records": the list runs on past
                # the semicolon, and the clause of the verb that governs the term decides.
                found = polarity(sentence.text, verb, verb_end - sentence.start)
        if candidate.fixed_modality is Modality.DENIED:
            return Modality.DENIED, None
        if candidate.fixed_modality is Modality.UNSTATED and found is Polarity.DISCLOSE:
            return Modality.UNSTATED, None
        question = sentence.text.rstrip().endswith("?")
        if found is not Polarity.DISCLOSE and reading.negated is False and not question:
            # The sentence's negation is about something else ("information that cannot
            # identify you, such as X"): the parse shows none on X or what governs it.
            found = Polarity.DISCLOSE
        if found is Polarity.DENY:
            return Modality.DENIED, None
        clause_start, clause_end = clause_bounds(sentence.text, start)
        clause = sentence.text[clause_start:clause_end]
        if found is Polarity.NEUTRAL:
            if NEGATION.search(clause) and LIMIT.search(clause):
                return Modality.LIMITED, None
            return Modality.UNSTATED, None
        condition = CONDITIONAL.search(clause) if NEGATION.search(clause) else None
        if condition is not None:
            kind = Modality.CHOICE if choice(condition.group(0)) else Modality.CONDITIONAL
            return kind, " ".join(clause.split())
        return Modality.PERFORMED, None

    def purposes(self, sentences: Sequence[Sentence], numbers: Sequence[int]) -> list[Purpose]:
        return disclosure_purposes(sentences, numbers)

    def datum_purposes(
        self,
        sentences: Sequence[Sentence],
        number: int,
        focus: Sequence[tuple[int, int]],
        data: Sequence[tuple[int, int]],
    ) -> list[Purpose]:
        return datum_purposes(sentences, number, focus, data)

    def exclusive_purposes(self, sentences: Sequence[Sentence], numbers: Sequence[int]) -> bool:
        return exclusive_purposes(sentences, numbers)

    def use_reference(self, sentence: Sentence) -> UseReference | None:
        return use_reference(sentence)

    def item_purposes(self, sentence: Sentence) -> list[Purpose]:
        return item_purposes(sentence)

    def next_item(self, previous: str, text: str) -> bool:
        return next_item(previous, text)

    def opens_with_name(self, opening: str, name: str) -> bool:
        return opens_with_name(opening, name)

    def same_name(self, label: str, name: str) -> bool:
        return same_name(label, name)

    def party(self, sentence: Sentence) -> tuple[Party, ...]:
        parties: set[Party] = set()
        third = bool(_THIRD_PARTY.search(sentence.text))
        if third:
            parties.add(Party.THIRD_PARTY)
        if _FIRST_PARTY.search(sentence.text) or not third:
            parties.add(Party.FIRST_PARTY)
        return tuple(sorted(parties, key=lambda p: p.value))

    def scope(self, category: Category, texts: Sequence[str]) -> Scope:
        background = _disclosed(_BACKGROUND, texts)
        if category is not Category.LOCATION:
            return Scope(background=background)
        if _disclosed(_PRECISE, texts):
            precision = "precise"
        elif _disclosed(_APPROXIMATE, texts):
            precision = "approximate"
        else:
            precision = "unspecified"
        return Scope(precision=precision, background=background)


def _disclosed(pattern: re.Pattern[str], texts: Sequence[str]) -> bool:
    """Whether some match of `pattern` in `texts` is stated, not negated or denied.

    "We only use approximate location, and we do not collect your precise location" states
    approximate and denies precise; "never in the background" is not background use.
    """
    for text in texts:
        for match in pattern.finditer(text):
            if _NEGATED_BEFORE.search(text, max(0, match.start() - 30), match.start()):
                continue
            if polarity(text, match.start(), match.end()) is Polarity.DISCLOSE:
                return True
    return False


LANGUAGE = English()
