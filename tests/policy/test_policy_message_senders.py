"""A message with a sender that is neither the user nor the phone ("marketing text messages
from us", "an SMS message sent through a third-party service provider", "text messages sent
from our short code") is that sender's message to the user: a way of writing, not the phone's
messages. The sender hangs on the message or on the verb of its clause. Where the vendor reads,
collects or keeps such messages, or the sender is the user, the phone or the app on it, they
are the phone's messages: an sms disclosure."""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from tests.policy.policy_support import status


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "For example, for certain Services, Zedge may require you to verify your phone number"
            " and consent to a one-time SMS message sent through a third-party service provider,"
            " Digits by Twitter.",
            Status.ABSENT,
        ),
        ("You can stop future marketing text messages from us at any time.", Status.ABSENT),
        ("Text messages sent from our short code 12345 say when your order ships.", Status.ABSENT),
        ("SMS messages delivered by our partners include a link to the survey.", Status.ABSENT),
        # the vendor reading or collecting messages, whoever sent them
        (
            "We read SMS messages sent from our verification service to fill in the code.",
            Status.EXPLICIT,
        ),
        ("We collect text messages sent by your contacts.", Status.EXPLICIT),
        # a sender that is the phone, the user or the app on the phone
        ("We collect text messages from your device.", Status.EXPLICIT),
        ("We may collect SMS from you.", Status.EXPLICIT),
        (
            "SMS messages sent by our app to your emergency contacts say where you are.",
            Status.EXPLICIT,
        ),
        # no sender named
        ("We read your SMS.", Status.EXPLICIT),
        ("The app needs access to your text messages.", Status.EXPLICIT),
    ],
)
def test_message_sender(text: str, expected: Status) -> None:
    assert status(text, Category.SMS) is expected
