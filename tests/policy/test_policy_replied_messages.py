"""A message the user replies to ("reply STOP to the text message", "when a user responds to a
SMS") came to the user from someone: a way of writing, not the phone's messages. The small
model hangs the "to" phrase on a later word now and then; a reply word before it with no "to"
phrase of its own is the one it completes. A "to" phrase a data word holds ("access to your
text messages") and a reply to something else stay what they are."""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from tests.policy.policy_support import status


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Alternatively, click the "unsubscribe" link in the email or reply STOP (or as'
            " otherwise instructed) to the text message.",
            Status.ABSENT,
        ),
        ("You can reply to our text messages to opt out.", Status.ABSENT),
        ("When a user responds to a SMS, the reply shows the sender's number.", Status.ABSENT),
        # a data word holds the "to" phrase; a reply to something else
        ("We will respond to you and request access to your text messages.", Status.EXPLICIT),
        ("Users may reply to comments; the app needs access to your SMS.", Status.EXPLICIT),
        ("We read your SMS.", Status.EXPLICIT),
    ],
)
def test_replied_message(text: str, expected: Status) -> None:
    assert status(text, Category.SMS) is expected
