"""A way of writing that stands between two words of one proper name is part of a product's
name, not the phone's messages: "GO SMS Pro" in a menu of a vendor's apps, "Chomp SMS Pro".
A word of the name on each side decides; a data verb ("READ SMS"), a phone platform ("Android
SMS permission"), a data noun ("SMS Inbox"), another way of writing ("SMS Notifications") or
the user's messages ("your SMS Messages") keep the messages the phone's."""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from tests.policy.policy_support import status


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a product's name, in a menu or a sentence
        (
            "GO Weather EX The most friendly weather app GO SMS Pro The best experience of"
            " messaging BLOG HOME APPS GO Launcher EX Most popular Launcher on Android",
            Status.ABSENT,
        ),
        ("Download GO SMS Pro from the store to try our themes.", Status.ABSENT),
        ("We also publish Chomp SMS Pro and other apps.", Status.ABSENT),
        # the phone's messages, however capitalised
        ("READ SMS MESSAGES: the app reads your inbox.", Status.EXPLICIT),
        ("We read your SMS Messages to fill in the code.", Status.EXPLICIT),
        ("The app may access SMS Inbox data.", Status.EXPLICIT),
        ("Android SMS Permission: the app reads your SMS messages.", Status.EXPLICIT),
        ("GO SMS Pro reads your SMS messages to back them up.", Status.EXPLICIT),
    ],
)
def test_channel_in_product_name(text: str, expected: Status) -> None:
    assert status(text, Category.SMS) is expected
