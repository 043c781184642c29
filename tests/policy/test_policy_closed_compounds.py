"""A compound written as one word names what its spaced form names: a lexicon term's optional
space (`address ?book`) matches no space too ("phonebook", "addressbook")."""

from __future__ import annotations

import pytest

from permaudit.models import Category, DataType, Status
from tests.policy.policy_support import facts

C = Category


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one word, two words and a hyphen name the same address book
        ("We may collect information from your device's phonebook.", Status.EXPLICIT),
        (
            "We may-with your consent-collect information from your device's Phonebook.",
            Status.EXPLICIT,
        ),
        ("We may access your addressbook to find your friends.", Status.EXPLICIT),
        ("We may access your address book to find your friends.", Status.EXPLICIT),
        ("We may access your address-book to find your friends.", Status.EXPLICIT),
        ("Waze will collect all of the phone numbers stored in your phonebook.", Status.EXPLICIT),
        # and deny it alike
        ("We do not read your phonebook.", Status.DENIED),
        ("Your addressbook is never uploaded to our servers.", Status.DENIED),
        # a word that only begins like the compound is no match
        ("Phonebooking a table is not a feature of this app.", Status.ABSENT),
    ],
)
def test_one_word_address_book(text: str, expected: Status) -> None:
    policy = facts(text)
    assert policy.status(C.CONTACTS) is expected
    assert policy.categories[C.CONTACTS].data_types[DataType("address_book")].status is expected
