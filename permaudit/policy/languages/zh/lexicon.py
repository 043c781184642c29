"""The Chinese lexicon (lexicon.yaml) and cues (cues.yaml), loaded once, and the term matcher:
which ontology nodes a normalised sentence names, and where."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from permaudit.catalog.ontology import coverage, ontology
from permaudit.catalog.parsed_cache import parse_package_file
from permaudit.models import Category
from permaudit.policy.languages.zh import words
from permaudit.policy.languages.zh.text import for_matching

_LATIN = re.compile(r"[a-z0-9]")


@dataclass(frozen=True, slots=True)
class Mention:
    """A lexicon term found in a sentence: offsets index the sentence's matching form."""

    node: str  # ontology node id
    start: int
    end: int
    term: str

    @property
    def categories(self) -> frozenset[Category]:
        """The categories naming this node discloses (explicitly or vaguely)."""
        return coverage(self.node).categories()


@dataclass(frozen=True, slots=True)
class Trap:
    why: str
    categories: frozenset[Category]
    pattern: re.Pattern[str]


def _read(name: str) -> dict[str, Any]:
    data = parse_package_file(__package__, name)
    if not isinstance(data, dict):
        raise ValueError(f"{name}: not a mapping")
    return data


@lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    """cues.yaml as written: patterns are compiled by their users."""
    return _read("cues.yaml")


@cache
def cue(name: str) -> re.Pattern[str]:
    """One compiled cue of cues.yaml ("denial", "purposes.analytics", "actions.collect")."""
    value: Any = cues()
    for part in name.split("."):
        value = value[part]
    return re.compile(str(value))


@dataclass(frozen=True)
class Vocabulary:
    # First character → (term, nodes) with the longest term first.
    by_first: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]
    # Any term, longest first: where the next candidate starts.
    any_term: re.Pattern[str]
    traps: tuple[Trap, ...]
    # Umbrella node → the words that, inside its definition, keep it covering its categories.
    definable: dict[str, tuple[str, ...]]
    terms: frozenset[str]
    # Terms that name data only as the object of a data verb in their clause.
    governed_only: frozenset[str] = frozenset()
    # Node → terms that name it only beside the phone's identifiers or device information.
    with_device_data: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def mentions(self, text: str) -> list[Mention]:
        """Every term in `text` (normalised), longest first, each on word boundaries."""
        found: list[Mention] = []
        index = 0
        while (hit := self.any_term.search(text, index)) is not None:
            # The pattern finds where some term starts; which one, the longest on word
            # boundaries decides.
            index = hit.start()
            matched = 0
            for term, nodes in self.by_first.get(text[index], ()):
                end = index + len(term)
                if text.startswith(term, index) and _bounded(text, index, end, term):
                    found.extend(
                        Mention(node=node, start=index, end=end, term=term) for node in nodes
                    )
                    matched = len(term)
                    break
            index += matched or 1
        if self.with_device_data and any(_names_device_data(m.node) for m in found):
            found.extend(self._beside_device_data(text, found))
            found.sort(key=lambda m: (m.start, m.end))
        return self._untrapped(text, found)

    def _beside_device_data(self, text: str, found: list[Mention]) -> list[Mention]:
        taken = [(m.start, m.end) for m in found]
        extra: list[Mention] = []
        for node, terms in self.with_device_data:
            for term in terms:
                start = text.find(term)
                while start >= 0:
                    end = start + len(term)
                    if not any(s < end and start < e for s, e in taken):
                        extra.append(Mention(node=node, start=start, end=end, term=term))
                        taken.append((start, end))
                    start = text.find(term, end)
        return extra

    def _untrapped(self, text: str, found: list[Mention]) -> list[Mention]:
        if not found:
            return found
        spans: list[tuple[int, int, frozenset[Category]]] = [
            (hit.start(), hit.end(), trap.categories)
            for trap in self.traps
            for hit in trap.pattern.finditer(text)
            if hit.end() > hit.start()
        ]
        return [
            mention
            for mention in found
            if not any(
                start < mention.end
                and mention.start < end
                and (not categories or mention.categories & categories)
                for start, end, categories in spans
            )
        ]


def _regional_forms(term: str, variants: list[tuple[str, str]]) -> list[str]:
    """`term` and its regional forms: each variant put in, one after another."""
    forms = [term]
    for mainland, regional in variants:
        forms += [form.replace(mainland, regional) for form in forms if mainland in form]
    return list(dict.fromkeys(forms))


def _names_device_data(node: str) -> bool:
    # The phone's identifiers or its device information: a node under device_id, or an
    # umbrella over it (device information).
    return Category.DEVICE_ID in coverage(node).categories()


def _bounded(text: str, start: int, end: int, term: str) -> bool:
    # A Latin term must not continue a Latin word ("mac" in "macos", "ble" in "table"); a
    # Chinese one must start and end where jieba puts word boundaries.
    if _LATIN.match(term[0]) and start > 0 and _LATIN.match(text[start - 1]):
        return False
    if _LATIN.match(term[-1]) and end < len(text) and _LATIN.match(text[end]):
        return False
    han = sum(1 for char in term if "\u4e00" <= char <= "\u9fff")
    # A two-character term is often part of another word (日历 in 每日历史, 通话 in 普通话,
    # 定位 in 产品定位): it counts only where the segmenter puts word boundaries at both
    # ends. A longer term (位置信息, 通讯录权限) is a word wherever it stands, so most
    # sentences never need the segmenter, and a policy whose terms are all long never loads it.
    if han == 0 or len(term) > 2:
        return True
    return words.on_boundaries(text, start, end)


def _normal(term: object) -> str:
    return for_matching(str(term))


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The lexicon, checked against the ontology: every node it names exists, and every
    category and data type has words."""
    data = _read("lexicon.yaml")
    known = ontology().nodes
    unknown = sorted(set(data["nodes"]) - set(known))
    if unknown:
        raise ValueError(f"lexicon.yaml: nodes not in the ontology: {unknown}")
    required = {i for i, n in known.items() if n.category is not None or n.data_type is not None}
    missing = sorted(required - {i for i, terms in data["nodes"].items() if terms})
    if missing:
        raise ValueError(f"lexicon.yaml: no words for {missing}")
    variants = [(_normal(a), _normal(b)) for a, b in data.get("regional_variants") or ()]
    nodes: dict[str, list[str]] = {}
    for node, terms in data["nodes"].items():
        for term in terms or ():
            for form in _regional_forms(_normal(term), variants):
                nodes.setdefault(form, []).append(str(node))
    by_first: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for term, found in nodes.items():
        by_first.setdefault(term[0], []).append((term, tuple(dict.fromkeys(found))))
    traps = tuple(
        Trap(
            why=str(entry["why"]),
            categories=frozenset(Category(c) for c in entry.get("categories") or ()),
            pattern=re.compile(str(entry["pattern"])),
        )
        for entry in data.get("traps") or ()
    )
    definable = {
        str(node): tuple(_normal(keep) for keep in entry["keeps"])
        for node, entry in (data.get("definable") or {}).items()
    }
    words.register_words(nodes)
    return Vocabulary(
        by_first={
            first: tuple(sorted(entries, key=lambda item: -len(item[0])))
            for first, entries in by_first.items()
        },
        any_term=re.compile("|".join(re.escape(t) for t in sorted(nodes, key=lambda t: -len(t)))),
        traps=traps,
        definable=definable,
        terms=frozenset(nodes),
        governed_only=frozenset(_normal(t) for t in data.get("governed_only") or ()),
        with_device_data=tuple(
            (str(node), tuple(_normal(t) for t in terms))
            for node, terms in (data.get("with_device_data") or {}).items()
        ),
    )


_CLOSE = {"(": ")"}


def definition_after(text: str, end: int) -> str | None:
    """The definition that follows an umbrella ending at `end`: "(设备型号、系统版本)" or
    "，包括设备型号和系统版本", up to its closing bracket or the end of the clause."""
    opener = cue("definition_openers").match(text[end:])
    if opener is None:
        return None
    rest = text[end + opener.end() :]
    bracket = opener.group(0).strip()
    closer = _CLOSE.get(bracket[:1]) if bracket else None
    if closer is not None:
        closing = rest.find(closer)
        return rest[:closing] if closing >= 0 else None
    stop = re.search(r"[。;)]", rest)
    return rest[: stop.start()] if stop else rest


def umbrella_narrowed(text: str, mention: Mention, vocab: Vocabulary) -> bool:
    """True when an umbrella is followed by a closed definition that names nothing it
    covers: "设备信息(设备型号、操作系统版本)" is no vague device_id."""
    keeps = vocab.definable.get(mention.node)
    if keeps is None:
        return False
    definition = definition_after(text, mention.end)
    if not definition or cue("open_ended").search(definition):
        return False
    return not any(keep in definition for keep in keeps)
