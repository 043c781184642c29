"""Category and data-type statuses from statements only (SPEC §1b, §2). Language-neutral.

A statement that discloses (performed, conditional, user choice) and names an ontology node
makes each category and data type that node covers `explicit` (the node is it or narrower)
or `vague` (the node is broader); a denial, where nothing discloses, makes it `denied`, unless
the node it names is one the ontology marks as no denial of what it covers (`denies: false`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from permaudit.catalog import purpose_labels
from permaudit.catalog.ontology import coverage, denies
from permaudit.models import (
    Category,
    CategoryDisclosure,
    DataType,
    DataTypeDisclosure,
    Evidence,
    Purpose,
    Scope,
    Status,
    data_types_of,
)
from permaudit.models.common import Party
from permaudit.policy.languages.base import Language
from permaudit.policy.references import referred_purposes
from permaudit.policy.segment import Sentence
from permaudit.policy.statement import Modality, Statement

_MAX_EVIDENCE = 8
_MAX_QUOTE = 360


@dataclass(frozen=True, slots=True)
class _Mention:
    sentence: int
    start: int
    end: int
    explicit: bool
    disclosing: bool
    denied_by: int | None


def _quote(text: str, sentence: Sentence, focus_start: int, focus_end: int) -> Evidence:
    """The sentence, or the window of a long one around text[focus_start:focus_end]."""
    start, end = sentence.start, sentence.end
    if end - start > _MAX_QUOTE:
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


def _mentions(statements: Sequence[Statement], key: Category | DataType) -> list[_Mention]:
    found: list[_Mention] = []
    for statement in statements:
        if statement.heading:
            # A heading names a topic ("2.1 Camera"), never a practice: no evidence, no status.
            continue
        if statement.modality is not Modality.DENIED and not statement.modality.discloses:
            continue
        for ref in statement.data:
            if statement.modality is Modality.DENIED and not denies(ref.node):
                continue
            explicit, vague = _covers(ref.node, key)
            if not (explicit or vague):
                continue
            if isinstance(key, Category) and key in ref.excludes:
                continue
            if isinstance(key, DataType) and key.category in ref.excludes:
                continue
            found.append(
                _Mention(
                    statement.sentence,
                    ref.start,
                    ref.end,
                    explicit,
                    statement.modality.discloses,
                    statement.denied_by,
                )
            )
    found.sort(key=lambda m: (m.start, m.end))
    return found


def _covers(node: str, key: Category | DataType) -> tuple[bool, bool]:
    cover = coverage(node)
    if isinstance(key, Category):
        return key in cover.explicit_categories, key in cover.vague_categories
    return key in cover.explicit_data_types, key in cover.vague_data_types


def _status(mentions: Sequence[_Mention]) -> tuple[Status, list[_Mention]]:
    disclosing = [m for m in mentions if m.disclosing]
    denying = [m for m in mentions if not m.disclosing]
    if any(m.explicit for m in disclosing):
        # Explicit evidence first; umbrella terms only add noise once a specific term is there.
        return Status.EXPLICIT, [m for m in disclosing if m.explicit]
    if disclosing:
        return Status.VAGUE, disclosing
    if denying:
        return Status.DENIED, denying
    return Status.ABSENT, []


def _evidence(
    text: str, sentences: Sequence[Sentence], relevant: Sequence[_Mention]
) -> tuple[list[Evidence], list[int]]:
    seen: list[int] = []
    quoted: list[_Mention] = []
    for mention in relevant:
        if mention.sentence in seen:
            continue
        seen.append(mention.sentence)
        quoted.append(mention)
    quoted = quoted[:_MAX_EVIDENCE]
    evidence = [_quote(text, sentences[m.sentence], m.start, m.end) for m in quoted]
    for number in dict.fromkeys(m.denied_by for m in quoted if m.denied_by is not None):
        if number not in seen:
            denial = sentences[number]
            evidence.append(_quote(text, denial, denial.start, denial.start))
    return evidence, seen


def disclosures(
    language: Language, text: str, sentences: Sequence[Sentence], statements: Sequence[Statement]
) -> dict[Category, CategoryDisclosure]:
    """Per-category disclosure, data types included, of a policy's statements."""
    mentions = {category: _mentions(statements, category) for category in Category}
    found = {category: _status(mentions[category]) for category in Category}
    disclosed = [c for c, (status, _) in found.items() if status in (Status.EXPLICIT, Status.VAGUE)]
    # Purposes stated elsewhere for the data ("How we use your information"): references.py.
    referred = referred_purposes(language, sentences, statements, disclosed)
    data_of = _data_by_sentence(sentences, statements)
    result: dict[Category, CategoryDisclosure] = {}
    for category, (status, relevant) in found.items():
        data_types = {
            data_type: _data_type(text, sentences, statements, data_type)
            for data_type in data_types_of(category)
        }
        if status is Status.ABSENT:
            result[category] = CategoryDisclosure(
                scope=Scope() if category is Category.LOCATION else None, data_types=data_types
            )
            continue
        evidence, seen = _evidence(text, sentences, relevant)
        purposes: list[Purpose] = []
        parties: set[Party] = set()
        scope: Scope | None = None
        if status in (Status.EXPLICIT, Status.VAGUE):
            own = _merged(
                _own_purposes(language, sentences, seen, relevant, data_of),
                _umbrella_purposes(language, sentences, seen, mentions[category]),
            )
            # "Used only to complete pairing": the uses of the information in general do not
            # reach data the policy restricts to its own purposes.
            exclusive = bool(own) and language.exclusive_purposes(sentences, seen)
            purposes = _merged(own, [] if exclusive else referred.get(category, []))
            for number in seen:
                parties.update(language.party(sentences[number]))
            if category in (Category.LOCATION, Category.HEALTH):
                scope = _scope(language, category, text, sentences, seen)
        elif category is Category.LOCATION:
            scope = Scope()
        result[category] = CategoryDisclosure(
            status=status,
            purposes=tuple(purposes),
            evidence=tuple(evidence),
            parties=tuple(sorted(parties, key=lambda p: p.value)),
            scope=scope,
            data_types=data_types,
        )
    return result


def _data_by_sentence(
    sentences: Sequence[Sentence], statements: Sequence[Statement]
) -> dict[int, list[tuple[int, int]]]:
    """Per sentence, the spans (offsets in the sentence) of every datum its statements name."""
    found: dict[int, list[tuple[int, int]]] = {}
    for statement in statements:
        if statement.heading:
            continue
        offset = sentences[statement.sentence].start
        spans = found.setdefault(statement.sentence, [])
        spans += [(ref.start - offset, ref.end - offset) for ref in statement.data]
    return found


def _own_purposes(
    language: Language,
    sentences: Sequence[Sentence],
    seen: Sequence[int],
    relevant: Sequence[_Mention],
    data_of: dict[int, list[tuple[int, int]]],
) -> list[Purpose]:
    """The purposes the category's evidence sentences state for it: all of a sentence's where
    it names no other datum, else those the language reads as this datum's (`datum_purposes`:
    "We use your location to show nearby stores, and we use your contacts to invite
    friends")."""
    focus: dict[int, list[tuple[int, int]]] = {}
    for mention in relevant:
        offset = sentences[mention.sentence].start
        focus.setdefault(mention.sentence, []).append(
            (mention.start - offset, mention.end - offset)
        )
    shared = [n for n in seen if set(data_of.get(n, ())) - set(focus.get(n, ()))]
    if not shared:
        return language.purposes(sentences, seen)
    found: list[Purpose] = []
    for number in seen:
        if number in shared:
            found += language.datum_purposes(
                sentences, number, focus.get(number, []), data_of[number]
            )
        else:
            found += language.purposes(sentences, [number])
    return found


def _umbrella_purposes(
    language: Language,
    sentences: Sequence[Sentence],
    seen: Sequence[int],
    mentions: Sequence[_Mention],
) -> list[Purpose]:
    """Purposes the sentences that disclose the category only through an umbrella state in
    their own words ("使用您的设备信息以预防欺诈" where "IMEI" is named elsewhere): they are no
    evidence once a specific term is there, but what they say the data is for holds for it. A
    purpose the language reads from around such a sentence (a heading, the next sentence) is
    left out: the umbrella's neighbours are about the umbrella, not the specific data."""
    found: list[Purpose] = []
    for number in dict.fromkeys(m.sentence for m in mentions if m.disclosing):
        if number in seen:
            continue
        own_words = sentences[number].text
        found.extend(p for p in language.purposes(sentences, [number]) if p.text in own_words)
    return found


def _merged(own: Sequence[Purpose], referred: Sequence[Purpose]) -> list[Purpose]:
    """The category's own purposes and those referred to it, one per id (its own text first),
    in the catalog's order of purpose ids."""
    by_id: dict[str, Purpose] = {}
    for purpose in (*own, *referred):
        by_id.setdefault(purpose.id, purpose)
    order = _purpose_order()
    return sorted(by_id.values(), key=lambda p: order.get(p.id, len(order)))


@cache
def _purpose_order() -> dict[str, int]:
    """Each purpose id's place in the catalog (fixed per process)."""
    return {purpose_id: n for n, purpose_id in enumerate(purpose_labels().purposes)}


def _scope(
    language: Language,
    category: Category,
    text: str,
    sentences: Sequence[Sentence],
    seen: Sequence[int],
) -> Scope:
    """The scope the quoted sentences state, with the sentences that state it: each sentence
    read on its own by the language's own rule, so this holds in every language."""
    scope = language.scope(category, [sentences[n].text for n in seen])
    stating = []
    for number in seen:
        alone = language.scope(category, [sentences[number].text])
        states_precision = scope.precision != "unspecified" and alone.precision == scope.precision
        if states_precision or (scope.background and alone.background):
            sentence = sentences[number]
            stating.append(_quote(text, sentence, sentence.start, sentence.end))
    return scope.model_copy(update={"evidence": tuple(stating)})


def _data_type(
    text: str, sentences: Sequence[Sentence], statements: Sequence[Statement], data_type: DataType
) -> DataTypeDisclosure:
    status, relevant = _status(_mentions(statements, data_type))
    if status is Status.ABSENT:
        return DataTypeDisclosure()
    evidence, _ = _evidence(text, sentences, relevant)
    return DataTypeDisclosure(status=status, evidence=tuple(evidence))
