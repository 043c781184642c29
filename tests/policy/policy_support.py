"""Helpers shared by the policy analyzer's sentence-level tests."""

from __future__ import annotations

from permaudit.models import Category, PolicyFacts, Status
from permaudit.policy import analyze_text

# One neutral sentence in front: a lone test sentence is below the minimum of recognisable
# text, and real sentences never stand alone in a policy.
INTRO = "This privacy policy explains what personal information our app collects and why. "


def facts(text: str) -> PolicyFacts:
    """The analyzer's facts of a policy made of `text`."""
    return analyze_text(INTRO + text, source="t")


def status(text: str, category: Category) -> Status:
    """The analyzer's status of `category` for a policy made of `text`."""
    return facts(text).status(category)


def purpose_ids(text: str, category: Category) -> set[str]:
    """The purpose ids the analyzer states for `category` in a policy made of `text`, which
    starts a paragraph of its own (the helpers' introduction is the policy's first line)."""
    return {p.id for p in facts("\n\n" + text).categories[category].purposes}


# A disclosure of location on a paragraph of its own, for tables about where the purposes of
# a use statement or list after it reach.
COLLECTED_LOCATION = "We collect your precise location.\n\n"


def location_purposes(text: str) -> set[str]:
    """The purpose ids of location when the policy collects it and then says `text`."""
    return purpose_ids(COLLECTED_LOCATION + text, Category.LOCATION)
