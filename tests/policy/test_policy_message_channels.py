"""SMS and text messages are also a way of writing to someone. Sent to the user ("we send you a
welcoming SMS"), received by the user ("you agree to receive text messages") or the means of a
message ("via emails, notifications, text messages"), or the verb of writing itself ("SMS us"),
they are messages between the user and the vendor: no sms disclosure. The phone's messages read,
accessed or collected still are one."""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from tests.policy.policy_support import status


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We will use your contact details to send you a welcoming SMS to verify your phone"
            " number.",
            Status.ABSENT,
        ),
        (
            "We use your information to send you notifications (SMS, push, remote, or local) on"
            " your mobile device.",
            Status.ABSENT,
        ),
        (
            "We use your data to communicate with you for Service-related purposes via emails,"
            " notifications, text messages, or other messages.",
            Status.ABSENT,
        ),
        (
            "With your permission, we use your mobile phone number to send you informational,"
            " marketing and promotional text messages.",
            Status.ABSENT,
        ),
        ("You agree to receive text messages with codes to register.", Status.ABSENT),
        (
            "If you are required to SMS us to complete the registration, standard SMS charges"
            " may apply.",
            Status.ABSENT,
        ),
        ("The app reads the SMS messages on your phone to fill in the code.", Status.EXPLICIT),
        ("We collect your text messages to back them up.", Status.EXPLICIT),
        (
            "Hike will require permission to read from and write to your phone's SMS inbox.",
            Status.EXPLICIT,
        ),
    ],
)
def test_message_channel(text: str, expected: Status) -> None:
    assert status(text, Category.SMS) is expected
