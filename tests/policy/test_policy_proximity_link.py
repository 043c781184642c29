"""The phone in wireless reach of the product, the link unnamed, is a vague Bluetooth
disclosure: "uploaded wirelessly to your phone", "trackers in reach of your mobile device".
Sent wirelessly elsewhere (to servers) is no link with the phone; Bluetooth named stays
explicit."""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from tests.policy.policy_support import facts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("That data is uploaded wirelessly to your mobile phone via our app.", Status.VAGUE),
        (
            "We collect location information about any tracker in reach of your mobile device.",
            Status.VAGUE,
        ),
        ("The lock must stay within range of your phone during setup.", Status.VAGUE),
        ("Footage is sent wirelessly to our servers.", Status.ABSENT),
        ("We pair the watch with your phone over Bluetooth.", Status.EXPLICIT),
    ],
)
def test_phone_in_wireless_reach_of_the_product(text: str, expected: Status) -> None:
    assert facts(text).status(Category.BLUETOOTH) is expected
