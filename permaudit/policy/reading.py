"""Which language package reads a policy, and reading a bilingual one (SPEC §5).

The document's languages are identified from its text (`--policy-language` overrides). A
language no analyzer reads is an InputError ("policy language fr is not supported"), never
"everything absent". A bilingual document (a Chinese half and an English half) is read by
both: each language reads its own lines, with the other lines blanked to spaces so that every
offset still indexes the normalised text, and the disclosures of the halves are merged, so
evidence may come from either half.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from permaudit.errors import InputError
from permaudit.models import Category, CategoryDisclosure, DataTypeDisclosure, Evidence, Status
from permaudit.models.policy import Scope
from permaudit.policy.languages import UnsupportedLanguage
from permaudit.policy.languages import language as language_package
from permaudit.policy.languages.identify import identify, is_chinese_line

# English is still read by the analyzer of permaudit/policy/detect.py (passed in by the
# caller) until its package lands behind the protocol; Chinese by languages/zh.
_PROTOCOL_LANGUAGES = ("zh",)
SUPPORTED = ("en", "zh")
_RANK = {Status.EXPLICIT: 3, Status.VAGUE: 2, Status.DENIED: 1, Status.ABSENT: 0}
_MAX_EVIDENCE = 8

Categories = dict[Category, CategoryDisclosure]
EnglishReader = Callable[[str, Sequence[str]], Categories]


def policy_languages(text: str, source: str, override: str | None) -> tuple[str, ...]:
    """The languages to read `text` in: the override, or the ones identified in the text."""
    if override is not None:
        code = override.strip().lower()
        if code not in SUPPORTED:
            raise InputError(source, f"policy language {code} is not supported")
        return (code,)
    identified = identify(text)
    # A part in a language no analyzer reads (a pasted block, a garbled one) does not make
    # the rest unreadable: the error is for a document with no part any analyzer reads.
    readable = tuple(code for code in identified.languages if code in SUPPORTED)
    if not readable:
        raise InputError(source, f"policy language {identified.language} is not supported")
    return readable


def read_categories(
    text: str,
    headings: Sequence[str],
    languages: Sequence[str],
    english: EnglishReader,
    source: str,
) -> Categories:
    """Per-category disclosure of normalised `text`, read in each of `languages`."""
    if len(languages) == 1:
        return _read_one(text, headings, languages[0], english, source)
    halves = [
        _read_one(_own_lines(text, code), headings, code, english, source) for code in languages
    ]
    merged = halves[0]
    for half in halves[1:]:
        merged = {category: _merge(merged[category], half[category]) for category in Category}
    return merged


def _read_one(
    text: str, headings: Sequence[str], code: str, english: EnglishReader, source: str
) -> Categories:
    if code not in _PROTOCOL_LANGUAGES:
        return english(text, headings)
    from permaudit.policy.derive import disclosures
    from permaudit.policy.statements import read_statements

    try:
        package = language_package(code)
    except UnsupportedLanguage as error:
        raise InputError(source, str(error)) from None
    sentences = package.segment(text, headings)
    statements = read_statements(package, text, sentences)
    return disclosures(package, text, sentences, statements)


def _own_lines(text: str, code: str) -> str:
    """`text` with the lines of other languages blanked (same length, line breaks kept)."""
    kept: list[str] = []
    for line in text.split("\n"):
        chinese = is_chinese_line(line)
        mine = chinese if code == "zh" else not chinese
        kept.append(line if mine else " " * len(line))
    return "\n".join(kept)


def _merge(first: CategoryDisclosure, second: CategoryDisclosure) -> CategoryDisclosure:
    status = max(first.status, second.status, key=lambda s: _RANK[s])
    evidence = _evidence(first, second, status)
    purposes = {p.id: p for p in (*first.purposes, *second.purposes)}
    parties = sorted({*first.parties, *second.parties}, key=lambda p: p.value)
    scope = _scope(first.scope, second.scope)
    # A reader may leave out absent data types (PolicyFacts fills them in).
    data_types = {
        data_type: _merge_data_type(
            first.data_types.get(data_type, DataTypeDisclosure()),
            second.data_types.get(data_type, DataTypeDisclosure()),
        )
        for data_type in {*first.data_types, *second.data_types}
    }
    return CategoryDisclosure(
        status=status,
        purposes=tuple(purposes.values()) if status in (Status.EXPLICIT, Status.VAGUE) else (),
        evidence=evidence,
        parties=tuple(parties),
        scope=scope,
        data_types=data_types,
    )


def _evidence(
    first: CategoryDisclosure | DataTypeDisclosure,
    second: CategoryDisclosure | DataTypeDisclosure,
    status: Status,
) -> tuple[Evidence, ...]:
    # Evidence of the half whose status won; both halves when they agree.
    chosen = [half for half in (first, second) if half.status is status]
    quotes = sorted({e for half in chosen for e in half.evidence}, key=lambda e: (e.start, e.end))
    return tuple(quotes[:_MAX_EVIDENCE])


def _merge_data_type(first: DataTypeDisclosure, second: DataTypeDisclosure) -> DataTypeDisclosure:
    status = max(first.status, second.status, key=lambda s: _RANK[s])
    return DataTypeDisclosure(status=status, evidence=_evidence(first, second, status))


def _scope(first: Scope | None, second: Scope | None) -> Scope | None:
    if first is None or second is None:
        return first or second
    order = ("unspecified", "approximate", "precise")
    precision = max(first.precision, second.precision, key=order.index)
    return Scope(precision=precision, background=first.background or second.background)
