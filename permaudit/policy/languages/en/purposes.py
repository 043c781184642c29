"""Purpose clauses of a disclosure and the purpose ids they map to (purposes.yaml).

A purpose is read from the purpose clause of the disclosing sentence: "to <verb> ...",
"for the ... feature", "in order to", "so that", "so we can", "is used to/for", "is needed
for", "for the purpose of", "which binds ...", "when/while you add ...", "during setup".
Only that clause is mapped, not the whole sentence, so that data words elsewhere in the
sentence do not pass for purposes. When the sentence states none, the caller (detect.py)
falls back to the neighbouring sentences of the same paragraph, then to the section heading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from permaudit.models import Purpose
from permaudit.policy.languages.base import Extent, Reach, UseReference
from permaudit.policy.languages.en import syntax
from permaudit.policy.languages.en.cues import cues, pattern
from permaudit.policy.languages.en.denials import NEGATION
from permaudit.policy.languages.en.lexicon import (
    lexicon,
    purpose_action_patterns,
    purpose_patterns,
)
from permaudit.policy.segment import Sentence, bare_label, is_list_item

if TYPE_CHECKING:
    from spacy.tokens import Doc

# The words are in cues.yaml (`purposes`, `words.to_is_not_purpose`); this is the mechanism.
# Where a purpose clause starts.
_MARKER = pattern("purposes.marker")
# The marker that is an infinitive ("to <verb>"): a purpose unless the word before it makes
# it part of the main verb.
_INFINITIVE = pattern("purposes.infinitive")
# "When you use Wi-Fi-related functions, we ..." — the situation is the purpose.
_WHEN = pattern("purposes.when")
# A clause ends at the end of its sentence part.
_CLAUSE_END = pattern("purposes.clause_end", 0)
_FRONTED_END = re.compile(r"[,.;:!?](?:\s|$)")
_SENTENCE_PART_END = re.compile(r"[.;:!?](?:\s|$)")
# Where a fronted purpose gives way to the main clause: the comma before its subject.
_FRONTED_MAIN = pattern("purposes.fronted_main")
_FRONTED_OPENER = pattern("purposes.fronted_opener")
_MAX_CLAUSE = 220
_MAX_CLAUSES = 5
# Words a group's name needs before a sentence opening with it defines the group.
_MIN_OPENING_WORDS = 2


# Words before "to <verb>" that make it part of the main verb, not a purpose clause.
_TO_IS_NOT_PURPOSE = frozenset(cues().words.to_is_not_purpose)
_LAST_WORD = re.compile(r"([\w']+)\W*$")


def _word_before(sentence: str, position: int) -> str:
    found = _LAST_WORD.search(sentence, max(0, position - 20), position)
    return found.group(1).lower() if found else ""


def _fold(text: str) -> str:
    return " ".join(text.split())


def _clause_at(sentence: str, start: int) -> tuple[str, int]:
    end = min(len(sentence), start + _MAX_CLAUSE)
    # A purpose fronted at the start of the sentence ends at its comma: "To connect a new
    # camera to the internet, the App reads ...", or, when it lists several, at the comma
    # before the main clause's subject ("To understand our users, solve problems and improve
    # advertising, we may collect ...").
    fronted = start < 3 and _FRONTED_OPENER.match(sentence, start) is not None
    pattern = _FRONTED_END if fronted else _CLAUSE_END
    if fronted:
        stop = _SENTENCE_PART_END.search(sentence, start + 1, end)
        main = _FRONTED_MAIN.search(sentence, start + 1, stop.start() if stop else end)
        if main is not None:
            return _fold(sentence[start : main.start()]), main.start()
    found = pattern.search(sentence, start + 1, end)
    if found is not None:
        end = found.start() + (1 if sentence[found.start()] in ".;:!?" else 0)
    return _fold(sentence[start:end]), end


@lru_cache(maxsize=8192)
def purpose_clauses(sentence: str, *, situation: bool = True) -> tuple[str, ...]:
    """Texts of the purpose clauses in `sentence`, in the order they appear.

    With `situation`, a "when you ..." clause is the purpose when no clause states one; a
    neighbour's situation is not (see `disclosure_purposes`)."""
    return tuple(clause for _, _, clause in placed_clauses(sentence, situation=situation))


@lru_cache(maxsize=8192)
def placed_clauses(sentence: str, *, situation: bool = True) -> tuple[tuple[int, int, str], ...]:
    """The purpose clauses of `purpose_clauses`, each after the offsets in `sentence` where it
    starts (its marker) and ends."""
    clauses: list[tuple[int, int, str]] = []
    spans: list[tuple[int, int]] = []
    when = _WHEN.search(sentence)
    if when:
        spans.append(when.span())
    for match in _MARKER.finditer(sentence):
        if _INFINITIVE.match(match.group(0)) and _word_before(sentence, match.start()) in (
            _TO_IS_NOT_PURPOSE
        ):
            # "we need to access your photo library": the verb of the collection, not its
            # purpose.
            continue
        if any(start <= match.start() < end for start, end in spans):
            # Inside a clause already taken ("to list ... and to suggest ...").
            continue
        clause, end = _clause_at(sentence, match.start())
        clauses.append((match.start(), end, clause))
        spans.append((match.start(), end))
        if len(clauses) >= _MAX_CLAUSES:
            break
    if when and situation and not _states_purpose(clause for _, _, clause in clauses):
        # The situation ("If you use the snapshot button while watching live view, the App
        # uses the camera to take photos") is the purpose only when no clause states one.
        clauses.insert(0, (when.start(), when.end(), _fold(when.group(0))))
    return tuple(clauses)


_NEWS = pattern("purposes.news")


@lru_cache(maxsize=8192)
def _clause_ids(clause: str) -> tuple[str, ...]:
    news = _NEWS.search(clause)
    if news is not None:
        # What the user is told about is no purpose: only the words up to the news count
        # ("to keep you posted on ... software updates": communication).
        clause = clause[: news.end()]
    return tuple(pid for pid, pattern in purpose_patterns() if pattern.search(clause))


def map_purposes(clauses: Iterable[str]) -> list[Purpose]:
    """Purpose ids (with the text that gave each) for a list of clauses, in table order."""
    found: dict[str, str] = {}
    for clause in clauses:
        for purpose_id in _clause_ids(clause):
            found.setdefault(purpose_id, clause)
    order = {purpose_id: n for n, (purpose_id, _) in enumerate(purpose_patterns())}
    return [
        Purpose(id=pid, text=text) for pid, text in sorted(found.items(), key=lambda i: order[i[0]])
    ]


_NEGATED_ACTION = pattern("purposes.action_negation")
_NEGATION_REACH = 40


@lru_cache(maxsize=8192)
def _actions(sentence: str) -> tuple[Purpose, ...]:
    """The uses in `sentence` that are purposes wherever they stand (purposes.yaml,
    `actions`), but not one a negation just before denies ("we do not store recordings")."""
    found: list[Purpose] = []
    for purpose_id, action in purpose_action_patterns():
        for match in action.finditer(sentence):
            if _NEGATED_ACTION.search(
                sentence, max(0, match.start() - _NEGATION_REACH), match.start()
            ):
                continue
            found.append(Purpose(id=purpose_id, text=_fold(match.group(0))))
            break
    return tuple(found)


def _states_purpose(clauses: Iterable[str]) -> bool:
    return any(_clause_ids(clause) for clause in clauses)


def disclosure_purposes(sentences: Sequence[Sentence], numbers: Sequence[int]) -> list[Purpose]:
    """Purposes of a disclosure made by `sentences[n] for n in numbers`.

    Each sentence's own purpose clauses and uses that are purposes in themselves (`actions`);
    for a sentence that states none, the purpose clauses of its neighbours in the same
    paragraph ("We access your location. This is needed to find Wi-Fi networks."), then its
    section heading ("(II) Carry out internal data analysis ... to improve our products": the
    heading of the list that discloses the data often states it).
    """
    clauses: list[str] = []
    actions: list[Purpose] = []
    for number in numbers:
        sentence = sentences[number]
        own = list(purpose_clauses(sentence.text))
        acted = _actions(sentence.text)
        actions.extend(acted)
        if not acted and not _states_purpose(own):
            for near in (number - 1, number + 1):
                if 0 <= near < len(sentences) and sentences[near].block == sentence.block:
                    # "We also collect information when you register a product. We store the
                    # videos you take.": the situation is when the neighbour's own collection
                    # happens, not what this sentence's data is for.
                    own += purpose_clauses(sentences[near].text, situation=False)
        if (
            not acted
            and not _states_purpose(own)
            and sentence.section
            and sentence.section != sentence.text
        ):
            # A heading is short and names a topic ("1.3. Troubleshooting"): all of it counts.
            own.append(_fold(sentence.section))
        clauses.extend(own)
    found = {p.id: p for p in map_purposes(clauses)}
    for purpose in actions:
        found.setdefault(purpose.id, purpose)
    order = _purpose_order()
    return sorted(found.values(), key=lambda p: order[p.id])


def datum_purposes(
    sentences: Sequence[Sentence],
    number: int,
    focus: Sequence[tuple[int, int]],
    data: Sequence[tuple[int, int]],
) -> list[Purpose]:
    """Purposes sentence `number` states for the data at `focus`, among all its data at
    `data` (offsets in the sentence): those of `disclosure_purposes`, less the purpose
    clauses the parse hangs on another datum or on a verb of other data only ("We use your
    location to show nearby stores, and we use your contacts to invite friends"). Where the
    parse does not separate them, or the sentence was not parsed, every datum has them all:
    a purpose missed costs less than one given to the wrong datum."""
    found = disclosure_purposes(sentences, [number])
    text = sentences[number].text
    doc = syntax.parsed(text) if len(set(data)) > len(set(focus)) else None
    if doc is None:
        return found
    clauses = placed_clauses(text)
    if not _states_purpose(clause for _, _, clause in clauses):
        # The purposes came from around the sentence: no clause of its own to split.
        return found
    wanted = set(focus)
    distinct = sorted(set(data))
    kept: list[str] = []
    dropped = False
    for start, end, clause in _parsed_clauses(doc, text, clauses):
        strangers = {distinct[n] for n in syntax.purpose_strangers(doc, (start, end), distinct)}
        inside = any(start <= datum_start < end for datum_start, _ in wanted)
        if inside or not wanted <= strangers:
            kept.append(clause)
        else:
            dropped = True
    if not dropped:
        return found
    # The sentence states purposes of its own, so neither its neighbours nor its heading
    # gave any (`disclosure_purposes`): the clauses kept and its actions are all it has.
    own = {p.id: p for p in map_purposes(kept)}
    for purpose in _actions(text):
        own.setdefault(purpose.id, purpose)
    order = _purpose_order()
    return sorted(own.values(), key=lambda p: order[p.id])


def _parsed_clauses(
    doc: Doc, text: str, clauses: Sequence[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The purpose clauses as the parse ends them: a clause whose marked text runs on into
    another datum's clause ends where the parse ends it, and the clauses of the rest are
    read on their own ("..., and your contacts, which we use to invite friends")."""
    found: list[tuple[int, int, str]] = []
    for start, end, clause in clauses:
        cut = syntax.clause_end(doc, (start, end))
        if cut >= end:
            found.append((start, end, clause))
            continue
        found.append((start, cut, _fold(text[start:cut])))
        rest = text[cut:end]
        found += [
            (cut + inner_start, cut + inner_end, inner)
            for inner_start, inner_end, inner in placed_clauses(rest, situation=False)
        ]
    return found


@cache
def _purpose_order() -> dict[str, int]:
    """Each purpose id's place in purposes.yaml (fixed per process)."""
    return {purpose_id: n for n, (purpose_id, _) in enumerate(purpose_patterns())}


# --- uses stated apart from the disclosure (permaudit/policy/references.py) ------------------
_USE_HEADING = pattern("purposes.use_heading")
_COLLECT_AND_USE = pattern("purposes.collect_and_use")
_USE_LEAD = pattern("purposes.use_lead")
_USE_LEAD_INLINE = pattern("purposes.use_lead_inline")
# Where one item of a list run on in its lead-in's sentence ends: "; ", or the enumerator of
# the next ("1. ", "b) ", "(iii) ", "* ").
_INLINE_ITEM_END = re.compile(r";\s*|\s(?:\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]|[*\u2022-])\s+")
_USE_OF_GROUP = pattern("purposes.use_of_group")
_COLLECT_OF_GROUP = pattern("purposes.collect_of_group")
_PASSIVE_USE_OF_GROUP = pattern("purposes.passive_use_of_group")
_ITEM_OPENER = pattern("purposes.item_opener")
_INLINE_ITEM_OPENER = pattern("purposes.inline_item_opener")
_PASSIVE_AGENT = pattern("purposes.passive_agent")
_POINTS_BACK = pattern("context.points_back")
_AGENT_MEMBERS = pattern("purposes.agent_members")
_FIRST_PARTY_AGENT = pattern("purposes.first_party_agent")
_COLLECTED_DATA = pattern("purposes.collected_data")
_YOUR_DATA = pattern("purposes.your_data")
_GENERAL_DATA = pattern("purposes.general_data")
_ALL_DATA_PAIR = pattern("purposes.all_data_pair")
_THIRD_PARTY = pattern("party.third_party")
_DATA_RESTRICTION = pattern("purposes.data_restriction")
_PREVIOUS_DATA = pattern("purposes.previous_data")
_EXCLUSIVE = pattern("purposes.exclusive")
_FIRST_PARTY_USE = pattern("purposes.first_party_use")
_FIRST_PARTY_ACTOR = pattern("purposes.first_party_actor")
# A list item or short line is a purpose as a whole ("Perform analytics and conduct customer
# research"); in a longer sentence only its purpose clauses are.
_WHOLE_ITEM_WORDS = 30


_TITLE_LOWER_CASE = frozenset(cues().words.title_lower_case)
_RUN_IN_TITLE_WORDS = 12
_RUN_IN_BODY_WORDS = 3


def _initial(word: str) -> str:
    """The first letter of a word ("" for "3." or "&")."""
    return next((c for c in word if c.isalpha()), "")


def run_in_title(text: str) -> str | None:
    """The title a heading that lost its line break runs into the first sentence of its
    paragraph ("How We Use Your Information We use ..." → "How We Use Your Information"),
    or None: the words in Title Case before the capitalised word that opens the sentence."""
    words = text.split()
    # The first word in lower case that a title would have capitalised.
    lower = next(
        (
            n
            for n, word in enumerate(words)
            if _initial(word).islower() and word.lower().strip("(),") not in _TITLE_LOWER_CASE
        ),
        None,
    )
    if lower is None:
        return None
    opener = next((n for n in range(lower - 1, -1, -1) if _initial(words[n]).isupper()), 0)
    if not 2 <= opener <= _RUN_IN_TITLE_WORDS or len(words) - opener < _RUN_IN_BODY_WORDS:
        return None
    return bare_label(" ".join(words[:opener])) or None


def _is_use_title(title: str) -> bool:
    return bool(_USE_HEADING.search(title)) and not _COLLECT_AND_USE.search(title)


def use_reference(sentence: Sentence) -> UseReference | None:
    """Whether `sentence` states uses of data named elsewhere (see references.py)."""
    text = sentence.text.strip()
    if sentence.heading:
        if _is_use_title(bare_label(text)):
            return UseReference(Extent.SECTION, Reach.ALL)
        return None
    title = run_in_title(text)
    # The words of a heading run into the sentence name no group ("Information We").
    body_start = text.find(title) + len(title) if title and title in text else 0
    if title is not None and _is_use_title(title):
        # "How We Use Your Information We use ...": the heading of a use section whose line
        # break the text lost (scraped policies often run headings into their paragraphs).
        # A group the policy defines, named in its first sentence ("We will use your Personal
        # Information to: ..."), is what the section is about.
        body = _USE_OF_GROUP.search(text, body_start)
        named = (body.group("group") or body.group("passive")) if body else None
        defined = named if named and named[0].isupper() else None
        return UseReference(Extent.PARAGRAPH, Reach.ALL, _specific(defined))
    group = _USE_OF_GROUP.search(text, body_start)
    name = (group.group("group") or group.group("passive")) if group else None
    lead = _USE_LEAD.search(text)
    if lead is not None:
        if _third_party_use(text, lead.start()) or _third_party_agent(text, _word_end(lead)):
            # "Our partners may use your Personal Information for the following purposes:":
            # their uses, not ours.
            return None
        return UseReference(Extent.LIST, _reach(text), _specific(name))
    inline = _USE_LEAD_INLINE.search(text)
    if inline is not None:
        if _third_party_use(text, inline.start()) or _third_party_agent(text, _word_end(inline)):
            # "Google may use the data to: personalize ads; ...": the data it collected.
            return None
        # Its list is the rest of the sentence, so nothing on a line of its own marks it as
        # a lead-in of the information in general: a name the policy may define ("PII is
        # used for the following purposes: ...") reaches only the group it labels, or what
        # the name stands for.
        if name and name[0].isupper() and _specific(name):
            return UseReference(Extent.LIST, Reach.GROUP, name, named_nodes(name))
        return UseReference(Extent.LIST, _reach(text), _specific(name))
    passive = _PASSIVE_USE_OF_GROUP.match(text)
    if passive is not None:
        # Matched where the sentence opens, as one that opens with its data and a use verb is
        # no heading run into its paragraph ("Your Personal Information is used by ...").
        return _passive_reference(text, passive)
    pair = _ALL_DATA_PAIR.search(text, body_start)
    if (
        pair is not None
        and not _THIRD_PARTY.search(text, 0, pair.start())
        and not _DATA_RESTRICTION.match(text, pair.end())
    ):
        # "Imangi may use personal and non-personal data ... for purposes of ...": all of it,
        # unless another party is the one using it or it is what came one way.
        return UseReference(Extent.SENTENCE, Reach.ALL, None)
    if group is not None and group.group("passive") and _third_party_agent(text, group.end()):
        # "Cookies are used by our advertising partners to ...": their use.
        return None
    if group is None or name is None:
        collected = _COLLECT_OF_GROUP.search(text, body_start)
        if (
            collected is None
            or named_nodes(collected.group("group"))
            or _third_party_use(text, collected.start())
        ):
            # Collecting data in general or under an umbrella ("we collect personal
            # information you provide if you contact support") says why that collection
            # happens, not what the data is for; another party's collecting it ("Our
            # partners collect Device Data to serve ads"), why theirs does.
            return None
        # Collecting a group the policy defines for stated purposes ("To solve problems in
        # products, we may collect non-personal information such as ..."): its purposes.
        return UseReference(Extent.SENTENCE, Reach.GROUP, collected.group("group"))
    if _third_party_use(text, group.start()):
        # "These third parties will use Personal Information to serve ads": a purpose is the
        # vendor's use (SPEC §2), whatever the data is called; theirs gives our data none.
        return None
    if name[0].isupper() and _specific(name):
        # A name the policy may define ("uses your Service Data to ..."): the group it labels
        # or defines, else what the name stands for ("Personal Information").
        return UseReference(Extent.SENTENCE, Reach.GROUP, name, named_nodes(name))
    if not _FIRST_PARTY_USE.search(text):
        # "Google may also use the data collected to personalize its ads": the data its
        # own cookies collect.
        return None
    if _COLLECTED_DATA.search(text) and not _PREVIOUS_DATA.search(text):
        # "We use the information we collect to provide and improve the Services."
        return UseReference(Extent.SENTENCE, Reach.ALL, _specific(name))
    if _GENERAL_DATA.match(name):
        if _DATA_RESTRICTION.match(text, group.end()):
            # "the information collected through activation": some of it, which we cannot
            # tell.
            return None
        # "We may use your information to contact you", "We use this data to ...": a use of
        # information in general covers all disclosed data (benchmarks/gold/README.md,
        # "Purposes").
        return UseReference(Extent.SENTENCE, Reach.ALL, None)
    nodes = named_nodes(name)
    if nodes:
        # A named group ("we use personal information to ...", "device information"): the
        # categories under the umbrella it names.
        return UseReference(Extent.SENTENCE, Reach.GROUP, name, nodes)
    # Any other name ("non-personal information"): the group, where the policy defines it.
    return UseReference(Extent.SENTENCE, Reach.GROUP, name)


def _specific(name: str | None) -> str | None:
    """A group's name, or None for the general word: "We may use your Data to: ...", "How
    We Use Your Information" (capitalised as the policy's term for all it collects: 'personal
    information that it collects from you (the "Data")') are uses of information in general,
    as the passive reads them ("Your Data may be used to ..."), whatever its definition names
    or leaves out."""
    return None if name is None or _GENERAL_DATA.match(name) else name


def _passive_reference(text: str, passive: re.Match[str]) -> UseReference | None:
    """What a use in the passive refers to ("Your information may be used to ...", "The
    information we collect is used to ...", "Device Data is processed for ..."): as the
    active use of the same name by the vendor, since a policy's passive states its own
    practice; nothing when the agent is another party ("is used by our advertising partners
    to ..."), as their active use gives none."""
    agent = passive.group("agent")
    if agent is not None and _third_parties_only(agent):
        return None
    name = passive.group("group")
    if _POINTS_BACK.match(name):
        # "This information is used to serve ads", after "We allow third-party companies to
        # collect certain information": the data and the user of the sentence before, whose
        # purposes its neighbour reads (`disclosure_purposes`); no actor says it is ours.
        return None
    if name[0].isupper() and not _GENERAL_DATA.match(name):
        return UseReference(Extent.SENTENCE, Reach.GROUP, name, named_nodes(name))
    if _COLLECTED_DATA.search(passive.group(0)):
        return UseReference(Extent.SENTENCE, Reach.ALL, _specific(name))
    if _GENERAL_DATA.match(name):
        if _DATA_RESTRICTION.match(text, passive.end("group")):
            # "The information collected through activation is used to ...": some of it.
            return None
        return UseReference(Extent.SENTENCE, Reach.ALL, name)
    return UseReference(Extent.SENTENCE, Reach.GROUP, name, named_nodes(name))


def _word_end(match: re.Match[str]) -> int:
    """Where the first word of a match (its verb) ends."""
    return match.start() + len(match.group(0).split(maxsplit=1)[0])


def _third_party_agent(text: str, verb_end: int) -> bool:
    """Whether the passive use that ends at `verb_end` names another party as its agent."""
    agent = _PASSIVE_AGENT.match(text, verb_end)
    return agent is not None and _third_parties_only(agent.group("agent"))


def _third_parties_only(agent: str) -> bool:
    """Whether every party an agent names is another party ("our advertising partners",
    "Google or its partners"), not the vendor ("us", "Sygic", "Apple and our partners",
    "service providers on our behalf")."""
    if _FIRST_PARTY_AGENT.search(agent):
        return False
    members = [m for m in _AGENT_MEMBERS.split(agent) if m.strip()]
    return bool(members) and all(_THIRD_PARTY.search(m) for m in members)


def _third_party_use(text: str, verb: int) -> bool:
    """Whether the use (or collection) whose verb starts at `verb` is another party's: one is
    named before it ("These third parties will use ...", "Google may use ...") and neither
    the sentence states a use of ours ("we may use") nor the vendor stands among the users
    ("we, or our vendors on our behalf, may use")."""
    return (
        bool(_THIRD_PARTY.search(text, 0, verb))
        and not _FIRST_PARTY_USE.search(text)
        and not _FIRST_PARTY_ACTOR.search(text, 0, verb)
    )


def next_item(previous: str, text: str) -> bool:
    """Whether a paragraph opening with the infinitive of purpose ("To improve our website")
    is the next item of a use list whose lead-in ends with its colon, runs its first item on
    in the same form ("... in one of the following ways: To personalize your experience"),
    or whose last item opens so too (see Language.next_item)."""
    if not _ITEM_OPENER.match(text.lstrip()):
        return False
    before = previous.strip()
    return bool(
        _ITEM_OPENER.match(before) or _INLINE_ITEM_OPENER.search(before) or before.endswith(":")
    )


def opens_with_name(opening: str, name: str) -> bool:
    """Whether a sentence opens with a group's name (see Language.opens_with_name)."""
    if len(name.split()) < _MIN_OPENING_WORDS:
        # One word opens too many sentences ("In the course of ...", "Services are ...").
        return False
    return opening.startswith(name) and not opening[len(name) : len(name) + 1].isalnum()


def same_name(label: str, name: str) -> bool:
    """Whether a label names a use's group (see Language.same_name): a final "s" makes the
    plural."""
    return label == name or label.rstrip("s") == name.rstrip("s")


@lru_cache(maxsize=4096)
def named_nodes(name: str) -> tuple[str, ...]:
    """The ontology nodes a group's whole name names ("Device Information": device_information;
    "Contact Information", "Non-Personal Information": none, no term spans them)."""
    lowered = name.lower()
    return tuple(
        sorted(
            {
                match.node
                for matches in lexicon().matches(lowered).values()
                for match in matches
                if match.start == 0 and match.end == len(lowered)
            }
        )
    )


def _reach(text: str) -> str:
    if _COLLECTED_DATA.search(text) or _YOUR_DATA.search(text):
        return Reach.ALL
    if _PREVIOUS_DATA.search(text):
        return Reach.PREVIOUS
    # "We use information to:" names no data of its own: all the policy collects.
    return Reach.ALL


def exclusive_purposes(sentences: Sequence[Sentence], numbers: Sequence[int]) -> bool:
    """Whether a disclosing sentence restricts its data to the purposes it states."""
    return any(
        _EXCLUSIVE.search(sentences[n].text) and _states_purpose(purpose_clauses(sentences[n].text))
        for n in numbers
    )


def _outside(text: str, clauses: Sequence[str]) -> str:
    """The words of `text` outside its purpose clauses (each clause once, where it stands)."""
    rest = _fold(text)
    for clause in clauses:
        rest = rest.replace(clause, " ", 1)
    return rest


def item_purposes(sentence: Sentence) -> list[Purpose]:
    """Purposes a sentence of a use section or list states: its purpose clauses, or for a
    list item or short line that has none, all of it."""
    text = sentence.text
    clauses = list(purpose_clauses(text))
    if NEGATION.search(_outside(text, clauses)):
        # "We do not use your camera video for advertising": a limit states no use. A
        # negation inside a purpose clause is that purpose's own ("to send you offers (reply
        # stop in order not to receive them)", "to ensure that no one opens a second account").
        return []
    inline = _USE_LEAD_INLINE.search(text)
    if inline is not None:
        # The items after the lead-in's colon are a list: each is a purpose as a whole, as
        # it would be on a line of its own.
        clauses += [
            _fold(_WHEN.sub("", item))
            for item in _INLINE_ITEM_END.split(inline.group("items"))
            if item.strip()
        ]
    found = map_purposes(clauses)
    if found:
        return found
    if is_list_item(text) or len(text.split()) <= _WHOLE_ITEM_WORDS:
        # A situation is no purpose here either: the whole item, less its condition.
        return map_purposes([_fold(_WHEN.sub("", text))])
    return []
