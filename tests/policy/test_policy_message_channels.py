"""SMS and text messages are also a way of writing to someone. Sent to the user ("we send you a
welcoming SMS"), received by the user ("you agree to receive text messages") or the means of a
message ("via emails, notifications, text messages"), the verb of writing itself ("SMS us"), a
channel the user uses ("when you use features such as text messages"), what the vendor sends in
a list of its channels ("promotional e-mail messages and promotional SMS messages") or what the
user sends or shares, they are messages between people, not data the app reads: no sms
disclosure; so is a message sent to the user's phone or number ("to the phone number you
provide"). An article alone ("an SMS") says nothing of who sends it to whom. The phone's
messages read, accessed, collected or used by the app still are one."""

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
        # a channel the user uses
        (
            "When you use some features and functionalities on our Sites (for example video"
            " communications, voice communications, text messages), the content you share may be"
            " visible to other users.",
            Status.ABSENT,
        ),
        ("If you use SMS to verify your account, your number is kept.", Status.ABSENT),
        ("You can use text messages to chat with friends.", Status.ABSENT),
        # what the vendor sends, to whoever it is, and what the user sends or shares
        (
            "We may also send promotional e-mail messages and promotional SMS messages (e.g."
            " text messages) directly or in partnership with other parties.",
            Status.ABSENT,
        ),
        ("We send e-mail newsletters and SMS messages about our offers.", Status.ABSENT),
        (
            "The Service allows you to share text messages, photos, videos and other"
            " communications with other users.",
            Status.ABSENT,
        ),
        ("You can send text messages to other users through the Service.", Status.ABSENT),
        # sent to the user's phone or number, or received ("an SMS" by itself is no channel)
        ("If you agree, we will send a text message to your phone.", Status.ABSENT),
        ("We may send a text message to the phone number you provide.", Status.ABSENT),
        ("You can withhold your consent to receive an SMS.", Status.ABSENT),
        ("The app sends an SMS to your emergency contacts.", Status.EXPLICIT),
        ("The app can send a text message to a contact you choose.", Status.EXPLICIT),
        # ... unless it is the user's own, which the vendor then has, or may leave the phone
        ("We send your SMS messages to our servers for spam detection.", Status.EXPLICIT),
        # the user sending or sharing their own messages with the vendor, not with others
        ("You can send us your SMS messages for spam analysis.", Status.EXPLICIT),
        ("You may share your text messages with us so we can filter spam.", Status.EXPLICIT),
        ("You can send your text messages to friends.", Status.ABSENT),
        (
            "When you insert or replace the SIM card, we will automatically send the"
            " verification SMS and store your new phone number in the server.",
            Status.EXPLICIT,
        ),
        ("Our app may access your SMS messages and send them to our servers.", Status.EXPLICIT),
        # the app using or reading the phone's messages
        ("We use your SMS messages to learn your wording.", Status.EXPLICIT),
        ("You may use the app to read your text messages.", Status.EXPLICIT),
        ("If you use SMS backup, we store your text messages.", Status.EXPLICIT),
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
