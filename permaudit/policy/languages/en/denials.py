"""Polarity of a category mention: a disclosure, a denial (SPEC §2), or neither.

SPEC §2 is strict about what counts as a denial: only a statement that the data is not
collected / accessed / recorded. Limits on use ("we will not use this to track your
location"), on sharing ("we will not disclose X to third parties"), user choices ("you can
choose not to grant this permission"), conditionals and consequences ("if you refuse ...",
"... without your consent") and statements about another datum ("sensor data doesn't involve
any location information") are not denials. The first group is `NEUTRAL` (the sentence neither
discloses nor denies); conditionals and choices still disclose the datum (it is collected when
the user agrees), so they are `DISCLOSE`.

Which verbs deny. Collect, gather, obtain, access, read, record, request, ask for, receive,
capture, process (and their passives) deny: each says the app never gets the data. "store",
"save", "keep", "share", "disclose", "sell" do not: they limit what happens to data the app
may well have ("Audio ... is not stored after it has been played").

"not use" is decided by its object and what follows it, after SPEC's example of a use limit,
"we will not use this information to track your location": a use limit names data already in
hand ("this", "it", "such information") or the purpose it will not serve ("to track", "for
advertising"). A bare "The App does not use your phone's health or fitness data" has neither:
it says the app has nothing to do with the data at all, which includes never collecting it,
so it is a denial. "We do not use your location for advertising" stays a limit.

A negation distributes over a list: "We do not read your text messages or your call history"
denies sms and phone alike, because the negated verb governs every item of its object.
"""

from __future__ import annotations

import re
from enum import Enum


class Polarity(Enum):
    DISCLOSE = "disclose"
    DENY = "deny"
    NEUTRAL = "neutral"


NEGATION = re.compile(r"\b(?:not|never|no|none|neither|nor|cannot|without)\b|n't\b", re.IGNORECASE)

# Verbs whose negation denies collection. "use", "share", "sell", "store", "track" are left out
# on purpose: their negation limits use or sharing (SPEC §2), it does not deny collection.
_COLLECT_VERB = (
    r"(?:collect|gather|obtain|access|acquire|record|request|ask(?: you)? for|read|receive|"
    r"retrieve|require|need|capture|harvest|scan|log|monitor|get|process|know|ascertain|import)"
)
_COLLECT_FORMS = rf"{_COLLECT_VERB}(?:s|es|ed|ing)?"
_COLLECT_PASSIVE = (
    r"(?:collected|gathered|obtained|accessed|acquired|recorded|requested|read|received|"
    r"retrieved|required|needed|captured|harvested|scanned|logged|monitored|processed|imported)"
)

# "we do not collect ...", "we never collect ...", "the app will not access ...",
# "we don't have access to ...", "we have no access to ...", "we are not collecting ...".
_ACTIVE_DENIAL = re.compile(
    rf"(?:\b(?:do|does|did|will|shall|would|can|could|may|must|are|is|am)\s*(?:not|n't)\s+"
    rf"(?:\w+ly\s+|ever\s+|in any way\s+|any(?:more)?\s+)?(?:\w+\s+(?:or|and|,|and/or)\s+)?"
    rf"{_COLLECT_FORMS}\b"
    rf"|\b(?:never|no longer)\s+(?:\w+ly\s+)?(?:\w+\s+(?:or|and|and/or)\s+)?{_COLLECT_FORMS}\b"
    rf"|\b(?:do|does|did|will|shall)\s*(?:not|n't)\s+(?:have|has|need|get|gain|require)\s+"
    rf"(?:any\s+)?(?:access|permission)\b"
    rf"|\b(?:has|have|with|need|needs|require|requires)\s+no\s+(?:\w+\s+)?(?:access|permission)\b"
    rf"|\bno\s+(?:\w+\s+){{0,2}}(?:is|are|will be|shall be|gets|get)\s+{_COLLECT_PASSIVE}\b"
    # "No third-party service provider collects ...": the negated subject denies the verb.
    rf"|\bno\s+(?!matter\b|one\s+(?:but|except|other))(?:[\w-]+\s+){{0,3}}"
    rf"(?:{_COLLECT_VERB}(?:s|es)|(?:will|shall|can|may)\s+{_COLLECT_VERB})\b"
    # "does not offer you the opportunity to import your contacts": no feature that takes it.
    rf"|\b(?:do|does|did|will|shall)\s*(?:not|n't)\s+(?:offer|provide|give|have)\s+(?:you\s+|users\s+)?"
    rf"(?:the|an|any)\s+(?:opportunity|ability|option|possibility|feature|functionality|means)\s+"
    rf"to\s+(?:{_COLLECT_VERB}|upload|sync|synchroni[sz]e)\b"
    rf"|\bnot\s+(?:\w+\s+)?(?:be\s+)?{_COLLECT_PASSIVE}\b)",
    re.IGNORECASE,
)
# "... is not collected", "... will never be accessed", "... are neither collected nor ...".
_PASSIVE_DENIAL = re.compile(
    rf"\b(?:is|are|was|were|be|been|will|shall|would|gets?)\s+(?:not|never|neither)\s+"
    rf"(?:be\s+|being\s+|been\s+)?(?:\w+ly\s+)?(?:\w+\s+(?:or|and|nor)\s+)?{_COLLECT_PASSIVE}\b"
    rf"|\b(?:is|are)n't\s+(?:being\s+)?{_COLLECT_PASSIVE}\b",
    re.IGNORECASE,
)

# Clauses where a negation leaves the datum collected (choice, condition, consent).
CONDITIONAL = re.compile(
    r"\b(?:unless|until|except|other than|only (?:if|when|with)|without (?:first )?"
    r"(?:obtaining |getting |asking |receiving |seeking )?(?:your |the user's |users' |their |"
    r"prior |explicit |express |affirmative |opt-in |first )*(?:consent|permission|"
    r"authori[sz]ation|approval|agreement|knowledge)|"
    r"(?:choose|chose|elect|decide|opt|prefer|want|wish) (?:not|to not)|"
    r"if you (?:do not|don't|refuse|decline|deny|disable|turn off|choose|opt|withdraw|revoke)|"
    r"(?:can|may|could) (?:refuse|decline|deny|disable|turn off|withdraw|revoke|opt out)|"
    r"(?:refuse|refusing|refusal|denying|decline|declining) (?:to provide|to grant|this|the|"
    r"these|such|permission|access)|opt(?:-| )out|"
    r"not (?:be able|able) to|will not (?:be able|work)|may not (?:work|function)|"
    r"(?:when|while|even when|even if|whether or not) (?:you|users?|the user)(?:'re| are| is)? "
    r"not (?:using|running|actively|in)|"
    r"not (?:mandatory|required|obligatory) (?:for you )?to (?:provide|grant|give))",
    re.IGNORECASE,
)
_CHOICE = re.compile(
    r"\b(?:choose|chose|elect|decide|opt|prefer|want|wish|refus|declin|deny|denying|disable|"
    r"turn off|withdraw|revoke|opt out|opt-out)",
    re.IGNORECASE,
)


def choice(condition: str) -> bool:
    """Whether a conditional clause is the user's choice ("you can choose not to grant")."""
    return bool(_CHOICE.search(condition))


# Negated verbs that limit use or sharing, or say a datum is not part of another one.
LIMIT = re.compile(
    r"(?:\b(?:not|never|no)|n't)\s+(?:\w+ly\s+)?(?:any\s+)?(?:\w+\s+(?:or|and)\s+)?"
    r"(?:use|used|using|share|shared|sharing|sell|sold|selling|rent|disclose|disclosed|"
    r"transfer|transferred|provide|provided|give|pass|passed|track|tracked|store|stored|"
    r"save|saved|upload|uploaded|keep|retain|retained|send|sent|display|publish|link|"
    r"linked|combine|combined|associate|associated|identify|involve|involves|include|"
    r"includes|included|contain|contains|reveal|view|look at)\b",
    re.IGNORECASE,
)

# "The App does not use your ... X" with nothing after X: see the module docstring.
_BARE_USE = re.compile(
    r"\b(?:do|does|did|will|shall|would|can|could|may)\s*(?:not|n't)\s+(?:\w+ly\s+|ever\s+)?"
    r"(?:use|utili[sz]e|make use of)\s+(?P<object>[^,;:.]{0,80})$",
    re.IGNORECASE,
)
# What may stand between the negated "use" and the mention: determiners, possessives and
# the earlier items of a list ("your phone's health or fitness data").
_USE_OBJECT = re.compile(
    r"^(?:(?:any|all|your|the|our|their|users'|user's|personal|or|and|nor|of|[\w-]+'s?|"
    r"[\w-]+)\s+){0,8}$",
    re.IGNORECASE,
)
_USE_OBJECT_REFERENCE = re.compile(
    r"\b(?:this|that|these|those|it|them|such|said|collected|above|aforementioned)\b",
    re.IGNORECASE,
)
_USE_PURPOSE = re.compile(r"\b(?:to|for|in order|so|when|if|unless|as)\b", re.IGNORECASE)
# After the mention: nothing, or words that do not introduce a purpose or a condition.
_USE_TAIL = re.compile(
    r"^\s*(?:(?:data|information|info|details|at all|in any way|whatsoever|"
    r"on your (?:phone|device)|from your (?:phone|device)|stored on your (?:phone|device))"
    r"\s*)*(?:[.;!]|$)",
    re.IGNORECASE,
)
# Temporal limits: the datum is handled, only not kept afterwards ("not stored after it has
# been played", "not collected once setup ends").
_AFTER_LIMIT = re.compile(
    r"\b(?:after|once|beyond|longer than|more than|outside of|apart from)\b", re.IGNORECASE
)

_PASSIVE_AUXILIARY = re.compile(r"^not\b|\b(?:is|are|was|were|be|been|being)\b", re.IGNORECASE)
# Between a negated passive verb and a later mention: the mention is not what is denied.
_ADVERBIAL = re.compile(
    r"(?:\s+\w+)*?\s+(?:after|once|before|by|on|onto|from|in|into|at|to|with|via|through)\s",
    re.IGNORECASE,
)

# Clause boundaries inside a sentence: a negation on one side says nothing about the other.
_CLAUSE_BREAK = re.compile(
    r";|\s(?:but|however|whereas|while|although)\s|,\s*(?:but|however|and we|although)\b"
    r"|\sand we (?:only|also|do|may|will|can)\b"
    # "We use location ... and will not store your location": the second predicate's negation
    # is its own; it never reaches back to the disclosure before it.
    r"|\sand(?=\s+(?:(?:will|shall|would|do|does|did|can|may|must)\s*(?:not|n't)|never)\b)"
)


def clause_bounds(sentence: str, position: int) -> tuple[int, int]:
    """Start/end (within `sentence`) of the clause around character `position`."""
    start, end = 0, len(sentence)
    for match in _CLAUSE_BREAK.finditer(sentence):
        if match.end() <= position:
            start = match.end()
        elif match.start() >= position:
            end = match.start()
            break
    return start, end


def polarity(sentence: str, mention_start: int, mention_end: int) -> Polarity:
    """Polarity of a category mention at [mention_start, mention_end) within `sentence`."""
    if sentence.rstrip().endswith("?"):
        # A question ("Does the app collect your location?") states nothing; its answer does.
        return Polarity.NEUTRAL
    start, end = clause_bounds(sentence, mention_start)
    clause = sentence[start:end]
    if not NEGATION.search(clause):
        return Polarity.DISCLOSE
    if CONDITIONAL.search(clause):
        return Polarity.DISCLOSE
    # The mention may start with its own verb ("access your contacts"), so the denial is
    # looked for up to the end of the mention.
    before = sentence[start:mention_end]
    after = sentence[mention_end:end]
    if _bare_use_denial(sentence[start:mention_start], after):
        return Polarity.DENY
    denial_before = _ACTIVE_DENIAL.search(before)
    if (
        denial_before
        and _PASSIVE_AUXILIARY.search(denial_before.group(0))
        and _ADVERBIAL.match(before, denial_before.end())
    ):
        # "Audio ... is not recorded after it has been played on the camera": the mention
        # sits in an adverbial of the negated verb, not in its object.
        denial_before = None
    if denial_before and not LIMIT.search(before, denial_before.end()):
        return Polarity.DENY
    passive = _PASSIVE_DENIAL.search(after[:160])
    if passive:
        if _AFTER_LIMIT.search(after, passive.end(), passive.end() + 60):
            return Polarity.NEUTRAL
        return Polarity.DENY
    if LIMIT.search(clause):
        return Polarity.NEUTRAL
    if denial_before:
        return Polarity.DENY
    return Polarity.DISCLOSE


def _bare_use_denial(before_mention: str, after_mention: str) -> bool:
    """True for "does not use [your ...] X" with no reference to collected data, no purpose."""
    match = _BARE_USE.search(before_mention)
    if match is None:
        return False
    between = match.group("object")
    if between and not _USE_OBJECT.match(between):
        return False
    if _USE_OBJECT_REFERENCE.search(between) or _USE_PURPOSE.search(between):
        return False
    return bool(_USE_TAIL.match(after_mention))


# --- denial through a definition ----------------------------------------------------------
#
# "Sensitive information includes ... health information ... We do not collect and process
# sensitive personal information." The definition names categories; the denial names the
# defined term. Mentions inside a definition are not disclosures by themselves when the
# defined term is sensitive information (legal boilerplate), and become denials when the
# policy denies collecting the defined term.

_DEFINED_TERM = re.compile(
    r"(?P<term>\b(?:(?:sensitive|special|personal|personally identifiable|private|"
    r"identifiable)\s+){1,3}(?:personal\s+)?(?:information|data|info)\b)"
    r"(?:\s*\([^)]{0,30}\))?[^.;:]{0,40}?\b(?P<verb>includes?|including|means|refers? to|"
    r"is defined as|consists? of|covers?|comprises?|may include|can include|also includes)\b",
    re.IGNORECASE,
)
_TERM_DENIAL = re.compile(
    rf"\b(?:do|does|will|shall)\s*(?:not|n't)\s+(?:\w+\s+(?:and|or|and/or)\s+)?"
    rf"{_COLLECT_FORMS}\s+(?:\w+\s+(?:and|or|and/or)\s+)?(?:any\s+)?(?:of\s+)?(?:your\s+)?"
    r"(?P<term>(?:(?:sensitive|special|personal|personally identifiable|private|identifiable)"
    r"\s+){1,3}(?:personal\s+)?(?:information|data|info))"
    r"\s*(?:at all|whatsoever|in any way|from you|about you|through (?:the|our|this) \w+)?"
    r"\s*(?:[.;]?\s*$|,\s*which (?:means|is|includes))",
    re.IGNORECASE,
)


def term_key(term: str) -> str:
    """Kind of defined term: 'sensitive' or 'personal' (the two definitions policies use)."""
    lowered = term.lower()
    return "sensitive" if ("sensitive" in lowered or "special" in lowered) else "personal"


def defined_term(sentence: str) -> tuple[str, int] | None:
    """(term kind, offset where the definition's list starts) when `sentence` defines a term."""
    # The term starts within 60 characters, so the definition ends well before 260.
    match = _DEFINED_TERM.search(sentence, 0, 260)
    if match is None:
        return None
    # A definition names the term near the start: "Sensitive information includes ...",
    # "The personal information involved in this policy includes: ...".
    if match.start() > 60:
        return None
    return term_key(match.group("term")), match.end()


def denied_term(sentence: str) -> str | None:
    """Kind of defined term this sentence denies collecting ("we do not collect PI.")."""
    lowered = sentence.lower()
    if "not" not in lowered and "n't" not in lowered:
        return None
    match = _TERM_DENIAL.search(sentence)
    return term_key(match.group("term")) if match else None
