"""Bare "messages" are the phone's inbox (sms) as a member of a list of the phone's own stores:
"we may access other personal information on your device, such as your phone book, calendar or
messages", "the app reads your contacts, messages and call logs". Alone, or beside what a user
types into a form or sends to support, a message is anyone's: no sms disclosure."""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from tests.policy.policy_support import status


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "With your permission, we may also access other personal information on your"
            " device, such as your phone book, calendar or messages, in order to provide"
            " services to you.",
            Status.EXPLICIT,
        ),
        ("The app reads your contacts, messages and call logs.", Status.EXPLICIT),
        ("We may access your address book, photos and messages.", Status.EXPLICIT),
        ("The app may read your call history and messages.", Status.EXPLICIT),
        # a message by itself, or one a user writes to the vendor
        ("We read the messages you send to our support team.", Status.ABSENT),
        ("You can delete your messages at any time.", Status.ABSENT),
        ("We collect your name, email address and messages to answer you.", Status.ABSENT),
        ("We store messages and comments you post in the forum.", Status.ABSENT),
    ],
)
def test_phone_messages_lists(text: str, expected: Status) -> None:
    assert status(text, Category.SMS) is expected


@pytest.mark.parametrize(
    "text",
    [
        # a modifier names another kind of message, listed with the vendor's channels or
        # with what users create
        "We may also send promotional e-mail messages and promotional SMS messages directly.",
        "You may create content such as text and audio messages, photos and videos.",
        "We store your contacts, instant messages and photos you share in the chat.",
        # what a user shares in a chat app, listed with photos and account data
        "Nothing you share on WhatsApp, including your messages, photos, and account"
        " information, will be shared onto Facebook for others to see.",
    ],
)
def test_modified_messages_are_no_inbox(text: str) -> None:
    assert status(text, Category.SMS) is Status.ABSENT
