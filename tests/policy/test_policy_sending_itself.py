"""The act of sending messages, by nobody named, inside a clause is a way of writing to others,
not the phone's messages: "standard charges apply for sending SMS", "sending text messages,
photos or videos through the Service is your decision". A gerund with no subject that stands as
its own heading ("Sending SMS messages", an item of a permission list), the user's own messages
("sending your SMS") and messages sent somewhere ("sending SMS to our servers") stay data."""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from tests.policy.policy_support import status


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Please note that standard operator SMS charges apply for sending SMS.", Status.ABSENT),
        (
            "Sending text messages, photos, videos or other communications through the Service"
            " is your decision.",
            Status.ABSENT,
        ),
        ("Message rates may apply when sending text messages to friends.", Status.ABSENT),
        ("You are responsible for any fees for sharing text messages.", Status.ABSENT),
        # a heading of its own, the user's messages, messages sent somewhere, someone sending
        ("Sending SMS messages", Status.EXPLICIT),
        ("The app may upload data by sending your SMS messages.", Status.EXPLICIT),
        ("We improve spam filters by sending SMS messages to our servers.", Status.EXPLICIT),
        ("The app is sending SMS messages on your behalf.", Status.EXPLICIT),
    ],
)
def test_sending_itself(text: str, expected: Status) -> None:
    assert status(text, Category.SMS) is expected
