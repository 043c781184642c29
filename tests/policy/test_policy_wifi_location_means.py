"""Wi-Fi named as the means of a location fix ("Wi-Fi triangulation", "WiFi-based location",
"GPS-based, WiFi-based, or cell-based location information") is Wi-Fi positioning: local_network
is explicit, the network and the scan vague (which of them the fix reads is not said). Wi-Fi as
the way a product is set up ("Wi-Fi based setup") names no datum."""

from __future__ import annotations

import pytest

from permaudit.models import Category, DataType, Status
from tests.policy.policy_support import facts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "With your consent, we may use precise geolocation technology such as GPS or Wi-Fi"
            " triangulation to collect information about the exact location of your device.",
            Status.EXPLICIT,
        ),
        (
            "Location data includes data regarding your device's geolocation, including but not"
            " limited to GPS-based, WiFi-based, or cell-based location information.",
            Status.EXPLICIT,
        ),
        ("We use Wi-Fi-based location to find your phone.", Status.EXPLICIT),
        ("Our camera supports Wi-Fi based setup.", Status.ABSENT),
    ],
)
def test_wifi_as_location_means(text: str, expected: Status) -> None:
    disclosure = facts(text).categories[Category.LOCAL_NETWORK]
    assert disclosure.status is expected
    if expected is Status.EXPLICIT:
        assert disclosure.data_types[DataType("wifi_network")].status is Status.VAGUE
        assert disclosure.data_types[DataType("wifi_scan")].status is Status.VAGUE
