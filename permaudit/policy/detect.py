"""Category detection: lexicon matches → polarity → per-category status, evidence, purposes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from permaudit.models import Category, CategoryDisclosure, Evidence, Party, Purpose, Scope, Status
from permaudit.policy.denials import Polarity, defined_term, denied_term, polarity
from permaudit.policy.lexicon import lexicon, permission_names
from permaudit.policy.purposes import disclosure_purposes
from permaudit.policy.segment import Sentence, SentenceIndex

_MAX_EVIDENCE = 8
_MAX_QUOTE = 360

_THIRD_PARTY = re.compile(
    r"\bthird[- ]part(?:y|ies)\b|\bpartners?\b|\badvertis(?:ers|ing (?:networks?|partners?|"
    r"companies|providers?))\b|\bad networks?\b|\banalytics (?:providers?|services?|companies|"
    r"partners?|tools?)\b|\bsdks?\b|\bservice providers?\b|\bvendors?\b|\baffiliat(?:es|ed)\b|"
    r"\b(?:google|facebook|firebase|flurry|admob|crashlytics|umeng|jpush|getui)\b",
    re.IGNORECASE,
)
_FIRST_PARTY = re.compile(r"\b(?:we|us|our|the app|the application|the software)\b", re.I)


def _granting(scope: str) -> str:
    """Alternation of the permission names that grant `scope` ("ACCESS_FINE_LOCATION")."""
    return "|".join(name for names in permission_names(scope).values() for name in names)


_PRECISE = re.compile(
    r"(?<!non-)(?<!non )(?<!not )(?<!less )\b(?:precise|precisely|exact|fine-grained|"
    r"fine location|specific (?:geo-?)?location|accurate location|detailed location|"
    rf"street-level|real-time (?:geo-?)?location|{_granting('precise')})\b",
    re.IGNORECASE,
)
_APPROXIMATE = re.compile(
    r"\b(?:approximate|approximately|coarse|general location|imprecise|rough|city|country|"
    r"region|zip code|postal code|ip address|ip-based|cell towers?|base stations?|"
    rf"{_granting('approximate')})\b",
    re.IGNORECASE,
)
# Background use: "in the background", "even when the app is closed / not in use", "all the
# time". Foreground-only wording ("only while you use the app") needs no pattern: background
# is False unless a disclosing clause says otherwise.
_BACKGROUND = re.compile(
    r"\b(?:(?:in|into|from) the background|background (?:location|mode|access|collection|"
    r"tracking|permission|updates?)|(?:even |also )?when (?:the app|the application|it|"
    r"our app|the software) (?:is )?(?:closed|not in use|not running|not open|not being used|"
    r"in the background|running in the background)|(?:even |also )?when you(?:'re| are)? not "
    r"(?:using|actively using|running) (?:it|the app|the application|our app)|all the time|"
    rf"at all times|continuously|24/7|around the clock|always-on|{_granting('background')})\b",
    re.IGNORECASE,
)
# "never in the background", "not when the app is closed", "no background location".
_NEGATED_BEFORE = re.compile(r"\b(?:not|never|no|nor|without)\b(?:\W+\w+){0,2}\W*$|n't\s+$", re.I)


@dataclass(slots=True)
class _Mention:
    sentence: int
    start: int  # offset in the normalised text
    end: int
    explicit: bool
    polarity: Polarity
    # For a denial through a definition: the sentence that denies the defined term, which a
    # reader needs beside the definition to see the denial.
    denied_by: int | None = None


@dataclass(slots=True)
class _CategoryState:
    mentions: list[_Mention] = field(default_factory=list)


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


def _unmasked(
    lowered: str,
    candidates: list[tuple[int, int, bool]],
    masks: list[re.Pattern[str] | None],
    unmaskable: re.Pattern[str],
) -> list[tuple[int, int, bool]]:
    """Unmasked matches (start, end, explicit) of one category; the longer of overlaps wins.

    A match `unmaskable` matches whole (a permission name) is never masked."""
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    kept: list[tuple[int, int, bool]] = []
    for start, end, explicit in candidates:
        if kept and start < kept[-1][1] and end - start <= kept[-1][1] - kept[-1][0]:
            # Inside a longer match: umbrella phrases absorb the words inside them.
            continue
        if _masked(lowered, start, end, masks) and not unmaskable.match(lowered, start, end):
            continue
        if kept and start < kept[-1][1]:
            kept[-1] = (start, end, explicit)
            continue
        kept.append((start, end, explicit))
    return kept


# "This information may include friends or contact lists": a sentence that opens by pointing
# back ("this information", "such data") is read together with the sentence before it.
_POINTS_BACK = re.compile(r"(?:this|these|such|that|the above|this type of|these types of) ")


def _context(lowered: str, sentences: Sequence[Sentence], number: int) -> str:
    """Lower-cased text a context rule reads for a mention in sentence `number`."""
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


def _quote(text: str, sentence: Sentence, focus_start: int, focus_end: int) -> Evidence:
    """The sentence, or the window of a long one around text[focus_start:focus_end]."""
    start, end = sentence.start, sentence.end
    if end - start > _MAX_QUOTE:
        # Cut at word boundaries.
        half = _MAX_QUOTE // 2
        start = max(sentence.start, focus_start - half)
        end = min(sentence.end, focus_end + half)
        while start > sentence.start and not text[start - 1].isspace():
            start += 1
        while end < sentence.end and not text[end].isspace():
            end -= 1
    return Evidence(
        quote=text[start:end], start=start, end=end, section=sentence.section, line=sentence.line
    )


def analyze_sentences(
    text: str, sentences: Sequence[Sentence]
) -> dict[Category, CategoryDisclosure]:
    """Per-category disclosure of a normalised policy text split into `sentences`."""
    lex = lexicon()
    index = SentenceIndex(sentences)
    lowered = _lower_same_length(text)

    # Definitions of "sensitive/personal information" and denials of the defined term.
    definitions: dict[int, tuple[str, int]] = {}
    # Defined term → the first sentence denying it.
    denied_terms: dict[str, int] = {}
    for number, sentence in enumerate(sentences):
        definition = defined_term(sentence.text)
        if definition is not None:
            definitions[number] = definition
        term = denied_term(sentence.text)
        if term is not None:
            denied_terms.setdefault(term, number)

    polarity_cache: dict[tuple[int, int], tuple[Polarity, int | None]] = {}
    states: dict[Category, _CategoryState] = {}
    all_matches = lex.matches(lowered)
    for category in Category:
        state = _CategoryState()
        masks = [lex.global_masks, lex.categories[category].masks]
        compiled = lex.categories[category]
        candidates = _unmasked(lowered, all_matches[category], masks, lex.permission_name)
        for start, end, explicit in candidates:
            found = index.at(start)
            if found is None:
                continue
            number, sentence = found, sentences[found]
            if not lex.permission_name.match(lowered, start, end):
                if lowered[start:end] in lex.upper_case_only and not text[start:end].isupper():
                    continue
                if compiled.cased_masks is not None and _masked(
                    text, start, end, [compiled.cased_masks]
                ):
                    continue
                if not explicit and _umbrella_resolved(
                    lowered, sentences, number, category, start, end
                ):
                    continue
                if compiled.context_masks is not None and compiled.masked_by_context(
                    _context(lowered, sentences, number)
                ):
                    continue
            key = (number, start)
            cached = polarity_cache.get(key)
            if cached is None:
                mention_polarity = polarity(
                    sentence.text, start - sentence.start, end - sentence.start
                )
                denied_by: int | None = None
                definition = definitions.get(number)
                if definition is not None and start - sentence.start >= definition[1] - 40:
                    term_kind = definition[0]
                    if term_kind in denied_terms:
                        mention_polarity = Polarity.DENY
                        denied_by = denied_terms[term_kind]
                    elif term_kind == "sensitive" and mention_polarity is Polarity.DISCLOSE:
                        # Legal boilerplate defining sensitive data is not a disclosure.
                        mention_polarity = Polarity.NEUTRAL
                cached = polarity_cache[key] = (mention_polarity, denied_by)
            state.mentions.append(_Mention(number, start, end, explicit, *cached))
        states[category] = state

    return {
        category: _disclosure(text, sentences, category, states[category]) for category in Category
    }


def _disclosure(
    text: str, sentences: Sequence[Sentence], category: Category, state: _CategoryState
) -> CategoryDisclosure:
    disclosing = [m for m in state.mentions if m.polarity is Polarity.DISCLOSE]
    denying = [m for m in state.mentions if m.polarity is Polarity.DENY]
    if any(m.explicit for m in disclosing):
        status = Status.EXPLICIT
        # Explicit evidence first; umbrella terms only add noise once a specific term is there.
        disclosing = [m for m in disclosing if m.explicit]
    elif disclosing:
        status = Status.VAGUE
    elif denying:
        status = Status.DENIED
    else:
        status = Status.ABSENT
    if status is Status.ABSENT:
        return CategoryDisclosure(scope=Scope() if category is Category.LOCATION else None)

    relevant = disclosing if disclosing else denying
    seen_sentences: list[int] = []
    quoted: list[_Mention] = []
    for mention in relevant:
        if mention.sentence in seen_sentences:
            continue
        seen_sentences.append(mention.sentence)
        quoted.append(mention)
    # Sentences first, in policy order; a heading ("2.1 Camera") only proves the topic, so it
    # is quoted after them.
    quoted.sort(key=lambda m: sentences[m.sentence].heading)
    quoted = quoted[:_MAX_EVIDENCE]
    evidence = [_quote(text, sentences[m.sentence], m.start, m.end) for m in quoted]
    for number in dict.fromkeys(m.denied_by for m in quoted if m.denied_by is not None):
        if number not in seen_sentences:
            denial = sentences[number]
            evidence.append(_quote(text, denial, denial.start, denial.start))

    purposes: list[Purpose] = []
    parties: set[Party] = set()
    scope: Scope | None = None
    if disclosing:
        purposes = disclosure_purposes(sentences, seen_sentences)
        for number in seen_sentences:
            sentence = sentences[number]
            if _THIRD_PARTY.search(sentence.text):
                parties.add(Party.THIRD_PARTY)
            if _FIRST_PARTY.search(sentence.text) or not _THIRD_PARTY.search(sentence.text):
                parties.add(Party.FIRST_PARTY)
        if category in (Category.LOCATION, Category.HEALTH):
            scope = _scope(category, text, [sentences[n] for n in seen_sentences])
    elif category is Category.LOCATION:
        scope = Scope()
    return CategoryDisclosure(
        status=status,
        purposes=tuple(purposes),
        evidence=tuple(evidence),
        parties=tuple(sorted(parties, key=lambda p: p.value)),
        scope=scope,
    )


def _stated(pattern: re.Pattern[str], sentence: Sentence) -> re.Match[str] | None:
    """The first match of `pattern` in `sentence` that is stated, not negated or denied.

    "We only use approximate location, and we do not collect your precise location" states
    approximate and denies precise; "never in the background" is not background use.
    """
    text = sentence.text
    for match in pattern.finditer(text):
        if _NEGATED_BEFORE.search(text, max(0, match.start() - 30), match.start()):
            continue
        if polarity(text, match.start(), match.end()) is Polarity.DISCLOSE:
            return match
    return None


def _scope(category: Category, text: str, sentences: Sequence[Sentence]) -> Scope:
    """The scope the sentences state, quoting the sentence that states each part of it."""
    quotes: list[Evidence] = []

    def stated(pattern: re.Pattern[str]) -> bool:
        for sentence in sentences:
            match = _stated(pattern, sentence)
            if match is not None:
                start, end = sentence.start + match.start(), sentence.start + match.end()
                quote = _quote(text, sentence, start, end)
                if quote not in quotes:
                    quotes.append(quote)
                return True
        return False

    background = stated(_BACKGROUND)
    if category is not Category.LOCATION:
        return Scope(background=background, evidence=tuple(quotes))
    if stated(_PRECISE):
        precision = "precise"
    elif stated(_APPROXIMATE):
        precision = "approximate"
    else:
        precision = "unspecified"
    return Scope(precision=precision, background=background, evidence=tuple(quotes))
