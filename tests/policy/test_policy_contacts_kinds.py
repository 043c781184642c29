"""Which "contacts" are the phone's address book (contacts), and which are not."""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from permaudit.policy import analyze_text
from tests.policy.policy_support import INTRO as LEAD

# The lead sentence as a paragraph of its own: labels and headings below stay units.
INTRO = LEAD.strip() + "\n\n"


def contacts(text: str) -> Status:
    return analyze_text(INTRO + text, source="t").status(Category.CONTACTS)


@pytest.mark.parametrize(
    "text",
    [
        # a service's own contact list: people one reaches inside that service
        "Your profile may be shared with your Tango contacts.",
        "You can chat with your WeChat contacts and all users of WeChat.",
        "To keep your list of Tango contacts up to date when new users join.",
        # contacts as the audience of what the user shares
        "Your status is visible to your contacts.",
        "Posts you make are shared publicly to your contacts.",
        "Your contacts can see your profile picture.",
        # a title or label that only names the topic
        "Contacts\n\nIf you have any questions, write to privacy@example.com.",
        "7. Contacts\n\nOur office is in Berlin.",
        "Your Contacts.\n\nWe care about the people you know.",
        # a purpose or service named as a topic: the vendor's own list of people to write to
        "Personal Data is collected for: Analytics, Managing contacts and sending messages.",
        "Managing contacts and sending messages\n\nMailchimp sends our newsletter.",
        "1. Managing contacts",
        "We process your data for: account management; contacts management; marketing.",
        "This service makes it possible to manage a database of email contacts, phone contacts "
        "or any other contact information to communicate with the User.",
        # a social network's friends, however its name is written
        "If you sign in with Google+, we receive your contacts on Google+.",
        "We may receive the contacts of your Google Plus account.",
    ],
)
def test_not_the_address_book(text: str) -> None:
    assert contacts(text) is Status.ABSENT


@pytest.mark.parametrize(
    "text",
    [
        "You can import your Gmail contacts to invite friends.",
        "You can import the contacts from your Google account to invite friends.",
        "We access your contacts to help you find friends.",
        "The app may read your phone contacts.",
        "We collect photos, contacts and calendar entries stored on your phone.",
        # a label over a paragraph that discloses: the paragraph is the evidence
        "Contacts\n\nWith your permission we read your address book to find friends.",
        "Your Tango contacts come from your address book.",
        # managing the user's own contacts, or a database filled from the phone
        "Our app lets you manage your contacts.",
        "We import your phone contacts into a database of contacts you can share.",
        "Contacts permission: used for accessing contacts on the User's device.",
    ],
)
def test_the_address_book(text: str) -> None:
    assert contacts(text) is Status.EXPLICIT
