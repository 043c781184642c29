""" "Beacon" is a homonym: in a sentence about cookies, pixels, browsers, web pages or e-mails it
is a tracking pixel, whatever it is called there, and names no Bluetooth; a sentence that names
Bluetooth (or BLE) keeps it, and a beacon with no web context stays the Bluetooth one."""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from tests.policy.policy_support import status


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Some information may be collected automatically through cookies, beacons and other"
            " tracking technologies.",
            Status.ABSENT,
        ),
        (
            "Third-party advertising companies may provide us with pixel tags (also called"
            ' "clear gifs" or "beacons") to help manage our online advertising.',
            Status.ABSENT,
        ),
        (
            "Beacons enable us to recognize a browser's cookie when a browser visits the site on"
            " which the beacon is located.",
            Status.ABSENT,
        ),
        (
            "Beacons can be embedded in online content, videos, and emails, and can allow a"
            " server to read certain types of information from your device.",
            Status.ABSENT,
        ),
        (
            "When you visit our stores, we may detect your phone with Bluetooth beacons and send"
            " you offers by email.",
            Status.EXPLICIT,
        ),
        (
            "We use cookies on our website and collect Bluetooth signals from nearby devices.",
            Status.EXPLICIT,
        ),
        ("Our app detects beacons in our stores to tell you about offers nearby.", Status.EXPLICIT),
    ],
)
def test_beacon(text: str, expected: Status) -> None:
    assert status(text, Category.BLUETOOTH) is expected
