"""The English cues (cues.yaml): loaded once, checked against a schema, compiled on demand.

cues.yaml holds the words and phrases the English rules read; the rules (denials.py,
purposes.py, the segmenter) hold only the mechanism. The schema names every cue a rule asks
for, so a missing or misspelt cue, an unknown `{fragment}`, a pattern that does not compile or
one that lost a group its rule reads fails when the file loads, not on the first policy.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator

from permaudit.catalog.parsed_cache import parse_package_file

# A cue is a regex, or a list of regexes read as one alternation.
Cue = str | tuple[str, ...]

_FRAGMENT = re.compile(r"\{([a-z_]+)\}")
# Fragments that use fragments: deeper than this is a cycle.
_MAX_NESTING = 8
# Fragments the code fills in from catalog data (permission names), not cues.yaml.
PROVIDED = frozenset({"precise_permissions", "approximate_permissions", "background_permissions"})
# Named groups the rules read from a cue's match.
_GROUPS: dict[str, frozenset[str]] = {
    "denials.bare_use": frozenset({"object"}),
    "denials.defined_term": frozenset({"term", "verb"}),
    "denials.term_denial": frozenset({"term"}),
    "purposes.use_of_group": frozenset({"group"}),
    "purposes.collect_of_group": frozenset({"group"}),
    "purposes.passive_use_of_group": frozenset({"group", "agent"}),
    "purposes.passive_agent": frozenset({"agent"}),
}


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class DenialCues(_Strict):
    negation: Cue
    active_denial: Cue
    passive_denial: Cue
    upload_denial: Cue
    upload_elsewhere: Cue
    conditional: Cue
    choice: Cue
    limit: Cue
    bare_use: Cue
    use_object: Cue
    use_object_reference: Cue
    use_purpose: Cue
    use_tail: Cue
    after_limit: Cue
    passive_auxiliary: Cue
    adverbial: Cue
    clause_break: Cue
    defined_term: Cue
    term_denial: Cue
    sensitive_term: Cue


class PurposeCues(_Strict):
    marker: Cue
    infinitive: Cue
    when: Cue
    clause_end: Cue
    news: Cue
    fronted_main: Cue
    fronted_opener: Cue
    action_negation: Cue
    use_heading: Cue
    collect_and_use: Cue
    use_lead: Cue
    use_lead_inline: Cue
    use_of_group: Cue
    collect_of_group: Cue
    item_opener: Cue
    inline_item_opener: Cue
    passive_use_of_group: Cue
    passive_agent: Cue
    agent_members: Cue
    first_party_agent: Cue
    collected_data: Cue
    your_data: Cue
    general_data: Cue
    all_data_pair: Cue
    data_restriction: Cue
    previous_data: Cue
    exclusive: Cue
    first_party_use: Cue
    first_party_actor: Cue


class SegmentCues(_Strict):
    meta_line: Cue
    lead_in: Cue
    corpus_marker: Cue
    bare_item: Cue


class PartyCues(_Strict):
    third_party: Cue
    first_party: Cue


class ScopeCues(_Strict):
    precise: Cue
    approximate: Cue
    background: Cue
    negated_before: Cue


class ContextCues(_Strict):
    points_back: Cue


class WordLists(_Strict):
    to_is_not_purpose: tuple[str, ...]
    title_lower_case: tuple[str, ...]
    abbreviations: tuple[str, ...]


def _source(cue: Cue) -> str:
    return cue if isinstance(cue, str) else "(?:" + "|".join(cue) + ")"


def expand(cue: Cue, fragments: dict[str, Cue], depth: int = 0) -> str:
    """The regex source of `cue` with every `{fragment}` replaced by its own source."""
    if depth > _MAX_NESTING:
        raise ValueError("fragments nest too deep (a fragment that uses itself?)")

    def replace(found: re.Match[str]) -> str:
        name = found.group(1)
        if name not in fragments:
            raise ValueError(f"unknown fragment {{{name}}}")
        return expand(fragments[name], fragments, depth + 1)

    return _FRAGMENT.sub(replace, _source(cue))


class Cues(_Strict):
    version: Literal[1]
    fragments: dict[str, Cue]
    denials: DenialCues
    purposes: PurposeCues
    segment: SegmentCues
    party: PartyCues
    scope: ScopeCues
    context: ContextCues
    words: WordLists

    @model_validator(mode="after")
    def _every_cue_compiles(self) -> Cues:
        shadowed = PROVIDED & set(self.fragments)
        if shadowed:
            raise ValueError(f"fragments: {', '.join(sorted(shadowed))} are filled in by the code")
        # A provided fragment is checked as a pattern that never matches.
        fragments: dict[str, Cue] = {**self.fragments, **dict.fromkeys(PROVIDED, "(?!)")}
        for section in ("denials", "purposes", "segment", "party", "scope", "context"):
            group: BaseModel = getattr(self, section)
            for field, cue in group:
                name = f"{section}.{field}"
                try:
                    compiled = re.compile(expand(cue, fragments), re.IGNORECASE)
                except (ValueError, re.error) as error:
                    raise ValueError(f"{name}: {error}") from error
                missing = _GROUPS.get(name, frozenset()) - set(compiled.groupindex)
                if missing:
                    raise ValueError(f"{name}: lacks the group(s) {', '.join(sorted(missing))}")
        return self

    def source(self, name: str, provided: dict[str, str] | None = None) -> str:
        """Regex source of a cue by its dotted name ("denials.negation"), with the provided
        fragments (PROVIDED) it uses filled in from `provided`."""
        section, field = name.split(".")
        cue: Cue = getattr(getattr(self, section), field)
        return expand(cue, {**self.fragments, **(provided or {})})


@cache
def cues() -> Cues:
    return Cues.model_validate(parse_package_file(__package__, "cues.yaml"))


@cache
def pattern(name: str, flags: int = re.IGNORECASE, **provided: str) -> re.Pattern[str]:
    """The compiled cue `name` ("denials.negation"), case-insensitive unless `flags` say, with
    its provided fragments (PROVIDED) given as keywords."""
    return re.compile(cues().source(name, provided), flags)
