"""Purposes a policy states for data it names elsewhere (issue 9). Language-neutral.

Policies often disclose data in one place and say what it is for in another: a "How we use
your information" section, a lead-in ("We use the information identified above for the
following purposes:") and its list, or a sentence about a group the policy defined ("We use
your Service Data to provide the Service"). A language package says which headings, lead-ins
and sentences do this, what they refer to (`UseReference`), and what each item states; this
module finds the sentences each one covers (a heading's section, a run-in heading's paragraph,
a lead-in's list with the items that lost their bullets: after an item ended by a semicolon,
or written as the item before it is, `Language.next_item`; a sentence) and the categories it
reaches:

- `Reach.ALL` ("the information we collect", "your information"): every category the policy
  discloses, wherever it is disclosed: the policy itself says the uses are of all of it.
- `Reach.GROUP` ("Service Data", "Device Information"): the categories disclosed under the
  group's own label or heading, up to the next label of the same rank, or in the sentence
  that defines the name in quotes ('"Non-Personal Information," which is ... such as a
  device ID') and the next one when it goes on about the name. A name the policy does not
  define reaches the categories under the ontology node the language says it names
  (`categories_under`: "device information": device_id; "technical information": the Wi-Fi
  network's local_network too, through its data types); a name that is no umbrella, those
  of the sentences that open with it ("Non-personal information is data ..."), and nothing
  when none does ("contact information": guessing would attach purposes to data the
  sentence is not about).
- `Reach.PREVIOUS` ("We use this information to:"): the categories disclosed in the nearest
  paragraph before the lead-in that discloses any, within its section, and when that
  paragraph is an item of a list, in the whole list.

A reference only adds purposes to categories the policy discloses: it never makes a category
disclosed. A sentence of a use section or list that names data of a category itself is about
that data, not about the information in general: its purposes stay its own (derive.py reads
them there), so "We use your location to show the weather" in a use section is no purpose of
the camera. Data the policy restricts to its own purposes ("used only to complete pairing")
takes none of these (derive.py asks the language, `exclusive_purposes`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from permaudit.catalog.ontology import categories_under, coverage
from permaudit.models import Category, Purpose
from permaudit.policy.languages.base import Extent, Language, Reach, UseReference
from permaudit.policy.segment import Sentence, bare_label, is_list_item
from permaudit.policy.statement import Statement

# A label written with emphasis at the start of a line ("**Device Information**", "**_Service
# Data._** Service Data is ...", "_Device Data_"): markup, not words, so every language that
# writes Markdown marks its labels so.
_EMPHASIS_LABEL = re.compile(
    r"^(?:[\u2022*\u00b7-]\s+)?(?:\*\*|__)(?P<name>[^*\n]{2,80}?)(?:\*\*|__)"
    r"|^_(?P<italic>[^_\n]{2,80})_\s*$"
)
_MAX_LABEL_WORDS = 8
# A name in quotes, as policies define their terms in every language that quotes: "Personal
# Information", “Device Data”, guillemets, corner brackets.
_QUOTED_NAME = re.compile(
    r"[\"\u201c\u201e\u00ab\u300c\u300e](?P<name>[^\"\u201c\u201d\u201e\u00ab\u00bb\u300c\u300d"
    r"\u300e\u300f\n]{2,80}?)[\"\u201d\u00bb\u300d\u300f]"
)
_QUESTION_MARKS = ("?", "\uff1f")
# How an item of a list ends when another follows ("To verify your identity;").
_ITEM_ENDS = (";", "\uff1b")


@dataclass(frozen=True, slots=True)
class _Label:
    sentence: int
    name: str  # lower-cased bare name
    rank: int  # 0: heading, 1: a label line, 2: a label of a list item


def referred_purposes(
    language: Language,
    sentences: Sequence[Sentence],
    statements: Sequence[Statement],
    disclosed: Collection[Category],
) -> dict[Category, list[Purpose]]:
    """Per disclosed category, the purposes use sections, lists and group sentences give it,
    in the order they appear in the policy."""
    if not disclosed:
        return {}
    categories_of = _categories_by_sentence(statements, disclosing=True)
    # A sentence about data of its own, even a limit ("We do not use your camera video for
    # advertising"), states nothing about the information in general.
    about_own_data = _categories_by_sentence(statements, disclosing=False)
    labels: list[_Label] | None = None
    definitions: dict[str, set[Category]] | None = None
    found: dict[Category, dict[str, Purpose]] = {}
    for number, sentence in enumerate(sentences):
        reference = language.use_reference(sentence)
        if reference is None:
            continue
        purposes = _purposes(language, sentences, number, reference, about_own_data)
        if not purposes:
            continue
        grouped: set[Category] | None = None
        if reference.group:
            if labels is None:
                labels = _labels(sentences)
                definitions = _definitions(sentences, categories_of)
            grouped = _group(language, labels, sentences, reference.group, categories_of)
            if grouped is None:
                grouped = _defined(language, definitions or {}, reference.group)
            if grouped is None and reference.reach == Reach.GROUP and not reference.nodes:
                # A name no umbrella stands for may still be the policy's own term.
                grouped = _opening(language, sentences, reference.group, categories_of)
        if grouped is None and reference.nodes:
            grouped = set().union(*map(categories_under, reference.nodes))
        if grouped is not None:
            reached = grouped
        elif reference.reach == Reach.GROUP:
            reached = set()
        elif reference.reach == Reach.PREVIOUS:
            reached = _previous(sentences, number, categories_of)
        else:
            reached = set(disclosed)
        for category in sorted(reached & set(disclosed), key=list(Category).index):
            for purpose in purposes:
                found.setdefault(category, {}).setdefault(purpose.id, purpose)
    return {category: list(ids.values()) for category, ids in found.items()}


def _categories_by_sentence(
    statements: Sequence[Statement], *, disclosing: bool
) -> dict[int, set[Category]]:
    """Categories each sentence names through its statements: those it discloses (explicitly
    or vaguely) with `disclosing`, else those it says anything about (a limit too)."""
    found: dict[int, set[Category]] = {}
    for statement in statements:
        if statement.heading or (disclosing and not statement.modality.discloses):
            continue
        for ref in statement.data:
            categories = coverage(ref.node).categories() - ref.excludes
            if categories:
                found.setdefault(statement.sentence, set()).update(categories)
    return found


def _purposes(
    language: Language,
    sentences: Sequence[Sentence],
    number: int,
    reference: UseReference,
    about_own_data: dict[int, set[Category]],
) -> list[Purpose]:
    found: dict[str, Purpose] = {}
    for item in _items(language, sentences, number, reference.extent):
        if item in about_own_data:
            # About data of its own: its purposes are that data's (see the module doc).
            continue
        for purpose in language.item_purposes(sentences[item]):
            found.setdefault(purpose.id, purpose)
    return list(found.values())


def _items(
    language: Language, sentences: Sequence[Sentence], number: int, extent: str
) -> list[int]:
    """The sentences a heading's section, a run-in heading's paragraph or a lead-in's list
    covers: the lead-in itself too, since it may state a purpose of its own ("In order to
    provide a better experience, we use information collected as described in this Privacy
    Policy to:")."""
    items = [] if sentences[number].heading else [number]
    if extent == Extent.SENTENCE:
        return items
    if extent == Extent.SECTION:
        for following in range(number + 1, len(sentences)):
            sentence = sentences[following]
            if sentence.heading or sentence.text.rstrip().endswith(_QUESTION_MARKS):
                # A question opens the next topic where a policy asks its headings ("Does
                # Adobe share my personal information?") and the text lost their lines.
                break
            items.append(following)
        return items
    # A list starts after its lead-in; a run-in heading's section is its own paragraph first.
    block = sentences[number].block if extent == Extent.PARAGRAPH else None
    # A lead-in whose first item runs on in its sentence and ends as an item does ("we may use
    # your information to: operate and improve our Apps;") goes on item by item: each
    # sentence after an item ended so, bullet or not, and nothing after the last item.
    by_items = extent == Extent.LIST and _ends_item(sentences[number])
    for following in range(number + 1, len(sentences)):
        sentence = sentences[following]
        if sentence.heading or (by_items and sentence.text.rstrip().endswith(_QUESTION_MARKS)):
            # No item asks: a question is the next topic's heading ("4. Who Do We Share Your
            # Information With?") that the text ran into its list.
            break
        if (
            is_list_item(sentence.text)
            or ((block is not None or by_items) and _ends_item(sentences[following - 1]))
            or (
                extent == Extent.LIST
                and language.next_item(sentences[following - 1].text, sentence.text)
            )
        ):
            # An item that lost its bullet still follows an item ended by a semicolon, or one
            # written as it is ("To personalize your experience" / "To improve our website").
            block = sentence.block
        elif by_items or sentence.block != block:
            # The list is over: the next paragraph is no item of it.
            break
        items.append(following)
    return items


def _ends_item(sentence: Sentence) -> bool:
    return sentence.text.rstrip().endswith(_ITEM_ENDS)


def _labels(sentences: Sequence[Sentence]) -> list[_Label]:
    labels: list[_Label] = []
    for number, sentence in enumerate(sentences):
        if sentence.heading:
            labels.append(_Label(number, bare_label(sentence.text).lower(), 0))
            continue
        match = _EMPHASIS_LABEL.match(sentence.text.strip())
        if match is None:
            continue
        name = bare_label(match.group("name") or match.group("italic")).lower()
        if name and len(name.split()) <= _MAX_LABEL_WORDS:
            rank = 2 if is_list_item(sentence.text) else 1
            labels.append(_Label(number, name, rank))
    return labels


def _group(
    language: Language,
    labels: Sequence[_Label],
    sentences: Sequence[Sentence],
    group: str,
    categories_of: dict[int, set[Category]],
) -> set[Category] | None:
    """Categories disclosed under the label named `group`, up to the next label of its rank
    or a higher one; None when no label names it."""
    wanted = group.lower()
    reached: set[Category] | None = None
    for position, label in enumerate(labels):
        # A plural or singular label names the same group, where the language writes one.
        if not language.same_name(label.name, wanted):
            continue
        end = len(sentences)
        for following in labels[position + 1 :]:
            if following.rank <= label.rank:
                end = following.sentence
                break
        reached = reached or set()
        for number in range(label.sentence, end):
            reached.update(categories_of.get(number, ()))
    return reached


def _definitions(
    sentences: Sequence[Sentence], categories_of: dict[int, set[Category]]
) -> dict[str, set[Category]]:
    """Per name the policy defines in quotes ('"Personal Information," which is ... such as
    your location', '(collectively, "Device Data")'), the categories its sentence discloses,
    and the next sentence when it goes on about the name."""
    found: dict[str, set[Category]] = {}
    for number, sentence in enumerate(sentences):
        for match in _QUOTED_NAME.finditer(sentence.text):
            name = match.group("name").strip(" ,.;:").lower()
            if not name or len(name.split()) > _MAX_LABEL_WORDS:
                continue
            categories = found.setdefault(name, set())
            categories.update(categories_of.get(number, ()))
            following = number + 1
            if (
                following < len(sentences)
                and sentences[following].block == sentence.block
                and sentences[following].text.lstrip().lower().startswith(name)
            ):
                # The definition goes on in the next sentence, which opens with the name:
                # '(“Personally Identifying Information” or “PII”). PII may include ...'.
                categories.update(categories_of.get(following, ()))
    return found


def _defined(
    language: Language, definitions: dict[str, set[Category]], group: str
) -> set[Category] | None:
    wanted = group.lower()
    reached = [
        categories for name, categories in definitions.items() if language.same_name(name, wanted)
    ]
    return set().union(*reached) if reached else None


def _opening(
    language: Language,
    sentences: Sequence[Sentence],
    group: str,
    categories_of: dict[int, set[Category]],
) -> set[Category] | None:
    """Categories of the sentences that open with the group's name, the way a policy defines
    a term without quotes or markup ("Non-personal information is data ..., such as your
    Android ID"); None when no sentence opens so, or none of them discloses anything. The
    language says which names are specific enough and where a name ends (words apart, or
    written together)."""
    wanted = group.lower()
    reached: set[Category] = set()
    for number, categories in categories_of.items():
        if language.opens_with_name(bare_label(sentences[number].text).lower(), wanted):
            reached.update(categories)
    return reached or None


def _previous(
    sentences: Sequence[Sentence], number: int, categories_of: dict[int, set[Category]]
) -> set[Category]:
    """Categories of the nearest paragraph before sentence `number` (its own paragraph
    included) that discloses any, without crossing a heading; when that paragraph is an item
    of a list, of the whole list up to its lead-in ("We collect the following information:"
    / "- your location" / "- your device ID" / "We use this information to:")."""
    block = sentences[number].block
    reached: set[Category] = set()
    item = False  # whether the paragraph being read is an item of a list
    for earlier in range(number, -1, -1):
        sentence = sentences[earlier]
        if sentence.heading:
            break
        if sentence.block != block:
            if reached and not item:
                break
            block = sentence.block
            item = is_list_item(sentence.text)
        reached.update(categories_of.get(earlier, ()))
    return reached
