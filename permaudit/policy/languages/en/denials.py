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

from enum import Enum

from permaudit.policy.languages.en.cues import pattern


class Polarity(Enum):
    DISCLOSE = "disclose"
    DENY = "deny"
    NEUTRAL = "neutral"


# The words of every rule below are in cues.yaml (`denials`); this module is the mechanism.
NEGATION = pattern("denials.negation")
# Negated collecting verbs deny (see cues.yaml for why "use", "share", "store" are not among
# them): active forms before the mention, passive ones after it.
_ACTIVE_DENIAL = pattern("denials.active_denial")
_PASSIVE_DENIAL = pattern("denials.passive_denial")
# A negated upload to the vendor denies collection; to someone else it limits sharing.
_UPLOAD_DENIAL = pattern("denials.upload_denial")
_UPLOAD_ELSEWHERE = pattern("denials.upload_elsewhere")
# Clauses where a negation leaves the datum collected (choice, condition, consent).
CONDITIONAL = pattern("denials.conditional")
_CHOICE = pattern("denials.choice")


def choice(condition: str) -> bool:
    """Whether a conditional clause is the user's choice ("you can choose not to grant")."""
    return bool(_CHOICE.search(condition))


# Negated verbs that limit use or sharing, or say a datum is not part of another one.
LIMIT = pattern("denials.limit")
# "The App does not use your ... X" with nothing after X: see the module docstring.
_BARE_USE = pattern("denials.bare_use")
_USE_OBJECT = pattern("denials.use_object")
_USE_OBJECT_REFERENCE = pattern("denials.use_object_reference")
_USE_PURPOSE = pattern("denials.use_purpose")
_USE_TAIL = pattern("denials.use_tail")
# Temporal limits: the datum is handled, only not kept afterwards.
_AFTER_LIMIT = pattern("denials.after_limit")
_PASSIVE_AUXILIARY = pattern("denials.passive_auxiliary")
# Between a negated passive verb and a later mention: the mention is not what is denied.
_ADVERBIAL = pattern("denials.adverbial")
# Clause boundaries inside a sentence, matched with case ("But" opening a sentence is no break
# inside it).
_CLAUSE_BREAK = pattern("denials.clause_break", 0)


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
    upload = _upload_polarity(before, after)
    if upload is not None:
        return upload
    if LIMIT.search(clause):
        return Polarity.NEUTRAL
    if denial_before:
        return Polarity.DENY
    return Polarity.DISCLOSE


def _upload_polarity(before: str, after: str) -> Polarity | None:
    """ "Your contacts will not be uploaded", "we do not upload your photos": the datum never
    reaches the vendor (a denial), unless the clause names another recipient ("not uploaded
    to third parties": a sharing limit). None where no upload is negated."""
    if not (_UPLOAD_DENIAL.search(after[:160]) or _UPLOAD_DENIAL.search(before)):
        return None
    if _UPLOAD_ELSEWHERE.search(before) or _UPLOAD_ELSEWHERE.search(after):
        return Polarity.NEUTRAL
    return Polarity.DENY


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

_DEFINED_TERM = pattern("denials.defined_term")
_TERM_DENIAL = pattern("denials.term_denial")
_SENSITIVE_TERM = pattern("denials.sensitive_term")


def term_key(term: str) -> str:
    """Kind of defined term: 'sensitive' or 'personal' (the two definitions policies use)."""
    return "sensitive" if _SENSITIVE_TERM.search(term) else "personal"


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
    match = _TERM_DENIAL.search(sentence)
    return term_key(match.group("term")) if match else None
