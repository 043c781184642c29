"""Purpose clauses of a disclosure and the purpose ids they map to (purposes.yaml)."""

from __future__ import annotations

import re

from permaudit.models import Purpose
from permaudit.policy.lexicon import purpose_patterns

_PURPOSE_VERBS = (
    r"provide|help|improve|ensure|enable|identify|verify|protect|prevent|detect|deliver|offer|"
    r"analy[sz]e|personali[sz]e|customi[sz]e|understand|operate|maintain|support|facilitate|"
    r"send|show|display|serve|allow|make|complete|process|comply|respond|locate|find|connect|"
    r"bind|add|activate|scan|take|save|record|recogni[sz]e|notify|remind|track|monitor|"
    r"measure|calculate|determine|communicate|contact|invite|share|fulfil|fulfill|secure|"
    r"troubleshoot|diagnose|fix|update|upgrade|authenticate|populate|obtain|optimi[sz]e|"
    r"create|manage|enhance|develop|perform|run|keep|assist|estimate|recommend|reconnect|"
    r"discover|view|use|present|tailor|measure|investigate|combat|fight|debug|repair"
)
# Where a purpose clause starts: "in order to", "so that", "for the purpose of", "to <verb>",
# "for <gerund>", "used for", "this helps ...".
_MARKER = re.compile(
    r"\b(?:in order (?:to|for)|so as to|so that|for the purposes? of|for purposes (?:of|such as|"
    r"including)|purposes? (?:such as|including|of)|(?:is|are|be) used (?:to|for)|we use "
    r"(?:it|this|them|these|this information|such information|the information) (?:to|for)|"
    r"(?:helps?|allows?|enables?|facilitates?|ensures?) (?:us |you )?(?:to )?|"
    rf"to (?:(?:better|help|further|automatically|continuously|properly) )?(?:{_PURPOSE_VERBS})\b|"
    r"(?:function|feature|permission|information)s? (?:for|to)\b|for (?=\w+ing\b)|"
    r"for (?:the )?(?:security|safety|analytics|advertising|marketing|"
    r"troubleshooting|statistic(?:s|al)|research|analysis|authentication|verification|"
    r"identification|warranty|binding|diagnostic|customer)\b)",
    re.IGNORECASE,
)
# "When you use Wi-Fi-related functions, we ..." — the situation is the purpose.
_WHEN = re.compile(
    r"\b(?:when|if|once|whenever|where) you (?:\w+ ){0,2}?(?:use|enable|select|bind|add|"
    r"install|activate|manage|create|register|scan|choose|turn on|access|share|purchase|buy|"
    r"participate|first use)\b[^,;.]{0,160}",
    re.IGNORECASE,
)
# A following sentence that explains why: "This facilitates automatic population during ...".
_FOLLOW_UP = re.compile(
    r"^(?:this|these|such|the above|the information|this information|it|they)\b[^.]{0,40}?\b"
    r"(?:facilitates?|helps?|enables?|allows?|ensures?|is used|are used|is necessary|are "
    r"necessary|is required|are required|is collected|are collected|constitutes?|identif(?:y|ies)|"
    r"serves?)\b",
    re.IGNORECASE,
)
_MAX_CLAUSE = 220


def purpose_clauses(sentence: str, follow_up: str | None = None) -> list[str]:
    """Texts of the purpose clauses in `sentence` (and in an explaining follow-up sentence)."""
    clauses: list[str] = []
    when = _WHEN.search(sentence)
    if when:
        clauses.append(when.group(0).strip())
    for match in _MARKER.finditer(sentence):
        clause = sentence[match.start() : match.start() + _MAX_CLAUSE]
        clause = re.split(r"(?<=[.;])\s", clause, maxsplit=1)[0]
        clauses.append(clause.strip())
        if len(clauses) >= 4:
            break
    if follow_up and _FOLLOW_UP.search(follow_up):
        clauses.append(follow_up[:_MAX_CLAUSE].strip())
    return clauses


def map_purposes(clauses: list[str]) -> list[Purpose]:
    """Purpose ids (with the text that gave each) for a list of clauses, in table order."""
    found: dict[str, str] = {}
    for clause in clauses:
        for purpose_id, pattern in purpose_patterns():
            if purpose_id not in found and pattern.search(clause):
                found[purpose_id] = clause
    order = {purpose_id: n for n, (purpose_id, _) in enumerate(purpose_patterns())}
    return [
        Purpose(id=pid, text=text) for pid, text in sorted(found.items(), key=lambda i: order[i[0]])
    ]
