"""Denial forms found in real policies, and a limit that must not cancel a disclosure."""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from tests.policy.policy_support import status

C = Category


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a negated subject denies its verb
        ("No third-party service provider collects your precise location.", C.LOCATION),
        ("No advertiser will access your contacts.", C.CONTACTS),
        # no feature that takes the data: the app never gets it
        ("PikPok does not offer you the opportunity to import your contacts.", C.CONTACTS),
        ("We do not provide the ability to upload your address book.", C.CONTACTS),
        # importing is collecting
        ("We do not import your address book contacts.", C.CONTACTS),
    ],
)
def test_denial_forms(text: str, category: Category) -> None:
    assert status(text, category) is Status.DENIED


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("No matter which partner collects your location, this policy applies.", C.LOCATION),
        ("We offer you the opportunity to import your contacts.", C.CONTACTS),
    ],
)
def test_look_alikes_that_disclose(text: str, category: Category) -> None:
    assert status(text, category) is Status.EXPLICIT


@pytest.mark.parametrize(
    "text",
    [
        "We use location information to show local weather only and will not store your "
        "location information on our server.",
        "The app may use location data for ad serving and never shares it with others.",
    ],
)
def test_a_later_limit_does_not_cancel_the_disclosure(text: str) -> None:
    assert status(text, C.LOCATION) is Status.EXPLICIT


def test_the_limited_mention_itself_stays_a_limit() -> None:
    text = "We do not collect your name and will not store your location."
    assert status(text, C.LOCATION) is Status.ABSENT
