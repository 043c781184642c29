"""Statements: who does what to which data, how firmly, why (issue 9). Language-neutral.

Each sentence or list item of a policy yields statements; category and data-type statuses
are derived from statements only (permaudit/policy/derive.py). A language package
(permaudit/policy/languages/<code>/) reads the words; nothing here depends on one language.
"""

from __future__ import annotations

from enum import StrEnum

from permaudit.models import Category, Frozen, Party, Purpose


class Actor(StrEnum):
    """Who acts on the data."""

    FIRST_PARTY = "first_party"  # we, the app, the company
    THIRD_PARTY = "third_party"  # a named or generic third party (partners, SDKs, Google)
    USER = "user"  # you provide, you upload
    DEVICE = "device"  # the connected device records, the camera captures
    UNKNOWN = "unknown"  # a list item or a passive with no agent


class Action(StrEnum):
    COLLECT = "collect"  # collect, gather, obtain, receive, record, capture
    ACCESS = "access"  # access, read, request permission for
    USE = "use"  # use, process, analyse
    SHARE = "share"  # share, disclose, transfer, sell, send to others
    STORE = "store"  # store, keep, retain, save
    PROVIDE = "provide"  # the user provides, uploads, enters
    # No verb governs the data: a list item, a heading, an entry of a permission list.
    MENTION = "mention"


class Modality(StrEnum):
    PERFORMED = "performed"  # it is done
    DENIED = "denied"  # it is not collected / accessed (SPEC §2 denial)
    LIMITED = "limited_use"  # not used / shared / kept for something: a limit, no denial
    CONDITIONAL = "conditional"  # done when / if / unless (still done)
    CHOICE = "user_choice"  # the user may refuse / opt out (still done when not refused)
    UNSTATED = "unstated"  # a question, a definition in legal boilerplate: states nothing

    @property
    def discloses(self) -> bool:
        return self in (Modality.PERFORMED, Modality.CONDITIONAL, Modality.CHOICE)


class DataRef(Frozen):
    """One data term of a statement: the ontology node it names and where it stands."""

    node: str
    start: int  # offsets in the normalised text
    end: int
    # Categories a definition in the policy took out of this umbrella ("device information
    # includes model and OS version" names no identifier: device_id is excluded).
    excludes: frozenset[Category] = frozenset()


class Statement(Frozen):
    """What one clause says about some data. Offsets index the normalised text."""

    sentence: int  # index into the segmented sentences
    start: int  # the evidence span: the sentence (or list item, or heading)
    end: int
    actor: Actor
    action: Action
    data: tuple[DataRef, ...]
    modality: Modality
    purposes: tuple[Purpose, ...] = ()
    # The condition a CONDITIONAL or CHOICE statement depends on, in the policy's words.
    condition: str | None = None
    parties: tuple[Party, ...] = ()
    # A heading only names a topic; it is evidence only after the sentences.
    heading: bool = False
    # A denial through a definition: the sentence that denies the defined term.
    denied_by: int | None = None
