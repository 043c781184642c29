"""The model's attribute ruler, with the matches of its one-token rules reused per kind of token.

en_core_web_sm's attribute_ruler sets POS, morphology and some lemmas by 179 Matcher rules: the
tag map (one rule per tag) and exceptions by word and tag ("us" as PRP: PRON, lemma "we").
spaCy's Matcher tries every rule at every token, which made the ruler a sixth of the parse.
171 of the rules read one token only, by its tag, dependency label, form or whitespace flag:
whether such a rule matches a token depends on those values alone, and on a value only where
some rule names it (a token whose form no rule names matches as any other such token). So the
Matcher runs those rules once for each such kind of token, on the first token of the kind, and
its matches are reused for the later ones; the other rules (two tokens, a regular expression)
run through a Matcher of their own on every document. The ruler itself applies both sets of
matches, in its own order (AttributeRuler.set_annotations), so every token ends as the ruler
leaves it.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.matcher import Matcher
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc, Token

# The token attributes a one-token rule may test and still be reused per kind of token: each
# is the token's own (no position, no neighbour), read as the Matcher reads it.
_LOCAL_ATTRIBUTES = {
    "TAG": "tag_",
    "POS": "pos_",
    "DEP": "dep_",
    "LOWER": "lower_",
    "ORTH": "orth_",
    "NORM": "norm_",
    "IS_SPACE": "is_space",
}
_UNNAMED = object()


def _named_values(token_pattern: dict[str, Any]) -> dict[str, frozenset[Any]] | None:
    """Attribute → the values a one-token pattern accepts, or None for a pattern that tests
    anything else (an operator, a regular expression, an extension)."""
    named: dict[str, frozenset[Any]] = {}
    for attribute, value in token_pattern.items():
        if attribute not in _LOCAL_ATTRIBUTES:
            return None
        if isinstance(value, dict):
            # A set test (IN, NOT_IN) depends on which of its values the token has, if any.
            if not value or set(value) - {"IN", "NOT_IN"}:
                return None
            named[attribute] = frozenset(v for values in value.values() for v in values)
        elif isinstance(value, str | bool):
            named[attribute] = frozenset([value])
        else:
            return None
    return named


class MemoisedAttributeRuler:
    """Callable on a parsed Doc: the model's attribute ruler (see the module docstring)."""

    def __init__(self, ruler: AttributeRuler) -> None:
        from spacy.matcher import Matcher

        # spaCy types set_annotations loosely, and a rule's patterns as one of several shapes.
        self._ruler: Any = ruler
        rules: list[dict[str, Any]] = list(ruler.patterns)
        strings = ruler.vocab.strings
        self._one_token: Matcher = Matcher(ruler.vocab, validate=ruler.validate)
        self._others: Matcher = Matcher(ruler.vocab, validate=ruler.validate)
        named: dict[str, set[Any]] = {}
        for number, rule in enumerate(rules):
            patterns = rule["patterns"]
            values = [_named_values(p[0]) if len(p) == 1 else None for p in patterns]
            # The ruler keys rule n by the string "n" (AttributeRuler.add).
            key = str(number)
            if all(v is not None for v in values):
                self._one_token.add(key, patterns)
                for accepted in values:
                    for attribute, found in (accepted or {}).items():
                        named.setdefault(attribute, set()).update(found)
            else:
                self._others.add(key, patterns)
        self._read = [(_LOCAL_ATTRIBUTES[a], frozenset(v)) for a, v in sorted(named.items())]
        self._rule_of = {strings[str(n)]: n for n in range(len(rules))}
        self._matches: dict[Hashable, list[tuple[int, int]]] = {}

    def _kind(self, token: Token) -> Hashable:
        """The values of the token that decide which one-token rules match it."""
        kind = []
        for attribute, named in self._read:
            value = getattr(token, attribute)
            kind.append(value if value in named else _UNNAMED)
        return tuple(kind)

    def __call__(self, doc: Doc) -> Doc:
        # (rule number, match id, start, end), as AttributeRuler.match gives them.
        matches: list[tuple[int, int, int, int]] = []
        if len(self._one_token):
            for token in doc:
                kind = self._kind(token)
                found = self._matches.get(kind)
                if found is None:
                    found = [
                        (self._rule_of[match_id], match_id)
                        for match_id, _, _ in self._one_token(
                            doc[token.i : token.i + 1], allow_missing=True
                        )
                    ]
                    self._matches[kind] = found
                matches += [(rule, match_id, token.i, token.i + 1) for rule, match_id in found]
        if len(self._others):
            matches += [
                (self._rule_of[match_id], match_id, start, end)
                for match_id, start, end in self._others(doc, allow_missing=True)
            ]
        # Later rules take precedence: the ruler applies its matches in rule order.
        matches.sort()
        self._ruler.set_annotations(doc, matches)
        return doc
