"""Wi-Fi as the modifier of a locating means listed with location terms ("GPS, Bluetooth, or
WiFi signals", "GPS and Wi-Fi networks") is Wi-Fi positioning, as bare Wi-Fi in that list is:
the list member is the data noun the Wi-Fi word modifies. Outside such a list the same noun
stays what it was: the channel a product connects by, or connection quality."""

from __future__ import annotations

import pytest

from permaudit.models import Category, DataType, Status
from tests.policy.policy_support import facts


@pytest.mark.parametrize(
    "text",
    [
        "Device locations, including specific geographic locations, such as through GPS,"
        " Bluetooth, or WiFi signals.",
        "We collect your location through GPS, Bluetooth or Wi-Fi signals.",
        "We use GPS, cell towers or Wi-Fi networks to find your location.",
        "Your location is derived from GPS and WiFi signals.",
    ],
)
def test_wifi_signals_listed_with_location_terms_are_positioning(text: str) -> None:
    disclosure = facts(text).categories[Category.LOCAL_NETWORK]
    assert disclosure.status is Status.EXPLICIT
    assert disclosure.data_types[DataType("wifi_network")].status is Status.VAGUE
    assert disclosure.data_types[DataType("wifi_scan")].status is Status.VAGUE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no location term in the list: the channel a product connects by
        ("The hub talks to your phone through Bluetooth or Wi-Fi signals.", Status.ABSENT),
        ("Our products include GPS trackers, Bluetooth speakers and Wi-Fi routers.", Status.ABSENT),
        # connection quality stays connection quality beside location
        ("We collect GPS coordinates and the signal strength.", Status.VAGUE),
    ],
)
def test_wifi_signals_elsewhere_are_unchanged(text: str, expected: Status) -> None:
    assert facts(text).status(Category.LOCAL_NETWORK) is expected
