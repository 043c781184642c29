"""The protocol every language package implements (SPEC §5), and the values it passes on.

The language-neutral core (permaudit/policy/statements.py, derive.py) drives a language:

    text       = normalise(raw, [lang.text_cues])       # its markers and item breaks
    sentences  = lang.segment(text, headings)
    candidates = lang.candidates(text, sentences)       # lexicon terms → ontology nodes
    readings   = lang.parse(text, sentences, candidates)  # syntax: which candidates the
                                                          # data action governs, and the verb
    lang.polarity(text, sentences, reading)             # modality and condition
    lang.purposes(sentences, numbers)                   # purposes with their text
    lang.datum_purposes(sentences, number, focus, data) # those of one datum of a sentence
    lang.use_reference(sentence) / lang.item_purposes(sentence)
                                                        # a use section or list that gives
                                                        # purposes to data named elsewhere
    lang.next_item(previous, text)                      # an item that lost its bullet
    lang.opens_with_name(opening, name)                 # a sentence that defines a group
    lang.same_name(label, name)                         # a label or term naming the group
    lang.exclusive_purposes(sentences, numbers)         # "used only to ...": no such reach
    lang.party(sentence) / lang.scope(category, texts)

and turns the readings into `Statement`s, then statuses. Nothing English or Chinese lives
outside `languages/<code>/`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from permaudit.models import Category, Party, Purpose, Scope
from permaudit.policy.normalise import TextCues
from permaudit.policy.segment import Sentence
from permaudit.policy.statement import Action, Actor, Modality


class Role:
    """How a candidate term stands in its clause (strings, so readings stay cheap)."""

    OBJECT = "object"  # object of a data verb: "we collect your location"
    PASSIVE_SUBJECT = "passive_subject"  # "your voice is captured by the speaker"
    SUBJECT = "subject"  # "location data helps us ..." (no data verb over it)
    LIST_MEMBER = "list_member"  # a member of a list a data verb governs, or a list item
    HEADING = "heading"  # a heading or label line
    MODIFIER = "modifier"  # modifies another noun: "calendar year", "camera name"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A lexicon term in a sentence, before syntax decides whether it counts."""

    sentence: int
    start: int  # offsets in the normalised text
    end: int
    node: str  # ontology node id
    # Categories a definition in the policy took out of this umbrella (see DataRef.excludes).
    excludes: frozenset[Category] = frozenset()
    # A term syntax never overrules (an Android permission named verbatim).
    certain: bool = False
    # A term that counts only where a data verb governs it ("voice", "weight", "footage").
    governed_only: bool = False
    # A term that counts only as a member of a list of its category's data ("phone number"
    # beside the device IDs, not beside the user's name and e-mail address).
    listed_only: bool = False
    # A denial through a definition: the sentence that denies the defined term.
    denied_by: int | None = None
    # Polarity already fixed by document-level rules (definitions), or None.
    fixed_modality: Modality | None = None


@dataclass(frozen=True, slots=True)
class Reading:
    """A candidate that counts, with what syntax says about it."""

    candidate: Candidate
    role: str  # a Role value
    action: Action
    actor: Actor
    # Offsets of the governing verb in the normalised text, when there is one.
    verb_start: int | None = None
    verb_end: int | None = None
    # What the parse says of negation: True when a negation stands on the term or on a word
    # it depends on ("we do not collect X", "no X is collected"), False when none does (a
    # negation elsewhere in the sentence, "information that cannot identify you, such as X",
    # is not about X), None when the language did not parse the sentence.
    negated: bool | None = None


class Reach:
    """What a use section, list or sentence refers back to (strings, like Role)."""

    # The information the policy collects, all of it ("the information we collect", "your
    # information", "information collected as described in this Privacy Policy").
    ALL = "all"
    # A named group, defined by a label or heading of its own ("Service Data", "Device
    # Information"): the data disclosed under that label.
    GROUP = "group"
    # What was just said ("We use this information for the following purposes:"): the data
    # of the paragraph before.
    PREVIOUS = "previous"


class Extent:
    """Which sentences state the purposes of a use reference (strings, like Role)."""

    SECTION = "section"  # a heading: every sentence up to the next heading
    LIST = "list"  # a lead-in ending in ":": the list items after it
    SENTENCE = "sentence"  # the sentence itself (and, as for any datum, its neighbours)
    # A heading run into the first sentence of its paragraph (the text lost the line break):
    # that sentence, the rest of its paragraph and the list items after it. Not up to the
    # next heading: the headings after it ran into their paragraphs too, so none ends it.
    PARAGRAPH = "paragraph"


@dataclass(frozen=True, slots=True)
class UseReference:
    """A heading, lead-in or sentence that states uses of data named elsewhere."""

    extent: str  # an Extent value
    reach: str  # a Reach value
    # The name of the data referred to, without determiners ("Service Data", "Personal
    # Data"): when the policy labels or defines a group so, the reference reaches that group,
    # whatever `reach` says; otherwise `nodes`, then `reach` decides (Reach.GROUP: nothing).
    group: str | None = None
    # The ontology nodes the name stands for ("device information", "usage data"), for a
    # group the policy does not define: the reference reaches the categories under them.
    nodes: tuple[str, ...] = ()


class Language(Protocol):
    """One language's reading of a policy. Implementations are stateless after loading."""

    code: str  # "en", "zh"
    # What the language adds to normalisation (permaudit/policy/normalise.py).
    text_cues: TextCues

    def segment(self, text: str, headings: Sequence[str]) -> list[Sentence]:
        """Sentences, list items and headings of normalised `text`."""
        ...

    def candidates(self, text: str, sentences: Sequence[Sentence]) -> list[Candidate]:
        """Every term of the language's lexicon, as the ontology node it names."""
        ...

    def parse(
        self, text: str, sentences: Sequence[Sentence], candidates: Sequence[Candidate]
    ) -> list[Reading]:
        """The candidates that head the data a clause is about (not modifiers), with their
        role, action and actor. Parses only sentences that hold a candidate."""
        ...

    def polarity(
        self, text: str, sentences: Sequence[Sentence], reading: Reading
    ) -> tuple[Modality, str | None]:
        """Modality of the statement a reading belongs to, and its condition text."""
        ...

    def purposes(self, sentences: Sequence[Sentence], numbers: Sequence[int]) -> list[Purpose]:
        """Purposes (id and the policy's words) stated for data in these sentences."""
        ...

    def datum_purposes(
        self,
        sentences: Sequence[Sentence],
        number: int,
        focus: Sequence[tuple[int, int]],
        data: Sequence[tuple[int, int]],
    ) -> list[Purpose]:
        """Purposes sentence `number` states for the data at `focus` (character offsets in
        the sentence), among all the data it names at `data`: those of `purposes`, less any
        the language reads as another datum's ("We use your location to show nearby stores,
        and we use your contacts to invite friends"). Where it cannot tell, all of them."""
        ...

    def exclusive_purposes(self, sentences: Sequence[Sentence], numbers: Sequence[int]) -> bool:
        """Whether these sentences restrict the data to the purposes they state ("is used
        only to complete pairing", "only during setup"): uses stated elsewhere for the
        information in general then do not reach it."""
        ...

    def use_reference(self, sentence: Sentence) -> UseReference | None:
        """Whether the sentence (or heading) states uses of data named elsewhere, and of
        which: "How we use your information", "We use it for the following purposes:",
        "We use your Service Data to provide the Service"."""
        ...

    def item_purposes(self, sentence: Sentence) -> list[Purpose]:
        """Purposes a sentence of a use section or list states: the whole item when it is a
        purpose in itself ("Perform analytics and conduct customer research")."""
        ...

    def next_item(self, previous: str, text: str) -> bool:
        """Whether a paragraph with no bullet (`text`) after a use lead-in or one of its items
        (`previous`) is the list's next item, written as the items before it are ("... may be
        used in one of the following ways: To personalize your experience" / "To improve our
        website")."""
        ...

    def opens_with_name(self, opening: str, name: str) -> bool:
        """Whether a sentence (`opening`: its text, label markup gone, lower-cased) opens with
        a group's `name` (lower-cased) as a whole term, the way a policy defines a group
        without quotes or markup ("Non-personal information is data ..."): only for a name
        specific enough that few sentences open with it unless they are about it."""
        ...

    def same_name(self, label: str, name: str) -> bool:
        """Whether a label or defined term (`label`, lower-cased) names the group a use
        statement names (`name`, lower-cased): the same words, in the singular or the plural
        where the language writes one ("Device Data" / "device data", "Device Identifiers" /
        "device identifier")."""
        ...

    def party(self, sentence: Sentence) -> tuple[Party, ...]:
        """Who receives the data in this sentence: first party, third party, or both."""
        ...

    def scope(self, category: Category, texts: Sequence[str]) -> Scope:
        """Location precision / background use stated in the disclosing sentences."""
        ...
