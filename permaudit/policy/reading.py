"""Which language package reads a policy, and reading a bilingual one (SPEC §5).

The document's languages are identified from its text (`--policy-language` overrides). A
language no analyzer reads is an InputError ("policy language fr is not supported"), never
"everything absent". A bilingual document (a Chinese half and an English half) is read by
both: each language reads its own lines, with the other lines blanked to spaces so that every
offset still indexes the normalised text, and the disclosures of the halves are merged, so
evidence may come from either half.
"""

from __future__ import annotations

from collections.abc import Sequence

from permaudit.errors import InputError
from permaudit.models import Category, CategoryDisclosure, DataTypeDisclosure, Evidence, Status
from permaudit.models.policy import Scope
from permaudit.policy.derive import disclosures
from permaudit.policy.languages import supported
from permaudit.policy.languages.base import Language
from permaudit.policy.languages.identify import identify, is_chinese_line
from permaudit.policy.statements import read_statements, states_data_practice

SUPPORTED = supported()
_RANK = {Status.EXPLICIT: 3, Status.VAGUE: 2, Status.DENIED: 1, Status.ABSENT: 0}
_MAX_EVIDENCE = 8

Categories = dict[Category, CategoryDisclosure]


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


def read_policy(
    text: str, headings: Sequence[str], languages: Sequence[Language]
) -> tuple[Categories, bool]:
    """Per-category disclosure of normalised `text` read in each of `languages`, and whether
    any statement states a data practice (a document with none is no privacy policy)."""
    halves: list[Categories] = []
    practice = False
    for reader in languages:
        own = text if len(languages) == 1 else _own_lines(text, reader.code)
        sentences = reader.segment(own, headings)
        statements = read_statements(reader, own, sentences)
        practice = practice or states_data_practice(statements)
        halves.append(disclosures(reader, own, sentences, statements))
    merged = halves[0]
    for half in halves[1:]:
        merged = {category: _merge(merged[category], half[category]) for category in Category}
    return merged, practice


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
