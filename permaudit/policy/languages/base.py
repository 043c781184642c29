"""The protocol every language package implements (SPEC §5), and the values it passes on.

The language-neutral core (permaudit/policy/statements.py, derive.py) drives a language:

    text       = normalise(raw, [lang.text_cues])       # its markers and item breaks
    sentences  = lang.segment(text, headings)
    candidates = lang.candidates(text, sentences)       # lexicon terms → ontology nodes
    readings   = lang.parse(text, sentences, candidates)  # syntax: which candidates the
                                                          # data action governs, and the verb
    lang.polarity(text, sentences, reading)             # modality and condition
    lang.purposes(sentences, numbers)                   # purposes with their text
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

    def party(self, sentence: Sentence) -> tuple[Party, ...]:
        """Who receives the data in this sentence: first party, third party, or both."""
        ...

    def scope(self, category: Category, texts: Sequence[str]) -> Scope:
        """Location precision / background use stated in the disclosing sentences."""
        ...
