"""Messages whose own clause says the user receives them are the vendor's messages to the user,
whatever verb governs the phrase: "we provide features such as text messages you have chosen to
receive", "we keep a record of the SMS you receive from us": received from the vendor, or by
the user's choice. No sms disclosure; messages the user chose to do anything else with, and messages
another party receives, are the phone's."""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from tests.policy.policy_support import status


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "These technologies also enable us to provide features such as storage of items in"
            " your cart between visits and text messages you have chosen to receive.",
            Status.ABSENT,
        ),
        ("We keep a record of the SMS messages you receive from us.", Status.ABSENT),
        ("We store the text messages that you agreed to receive.", Status.ABSENT),
        ("We log the text messages users have opted in to receive.", Status.ABSENT),
        # the phone's messages, or what someone other than the user receives
        ("Our app reads the SMS messages you have chosen to back up.", Status.EXPLICIT),
        ("We collect the text messages you have chosen to share with us.", Status.EXPLICIT),
        ("The app reads the text messages on your device.", Status.EXPLICIT),
        ("We collect the text messages that our servers receive from your phone.", Status.EXPLICIT),
    ],
)
def test_received_messages(text: str, expected: Status) -> None:
    assert status(text, Category.SMS) is expected
