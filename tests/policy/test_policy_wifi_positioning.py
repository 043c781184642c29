"""Wi-Fi as a means of locating the user is Wi-Fi positioning: the access points around and
the network joined (vague wifi_scan and wifi_network), not the connection's state. A means of
the location (through/via Wi-Fi, with the location as the verb's object) or Wi-Fi listed with
location terms (GPS, cell towers) is positioning even where no data verb governs the Wi-Fi."""

from __future__ import annotations

import pytest

from permaudit.models import Category, DataType, Status
from tests.policy.policy_support import facts


@pytest.mark.parametrize(
    "text",
    [
        "We collect your location via Wi-Fi and GPS.",
        "If your location is collected through Wi-Fi or Bluetooth sensors, a partner helps.",
        "We determine your location using GPS, Wi-Fi and cell towers.",
        "Location data includes the location of your device, such as from the GPS, WiFi or"
        " compass in your mobile device.",
    ],
)
def test_wifi_as_means_of_location_is_positioning(text: str) -> None:
    found = facts(text)
    assert found.status(Category.LOCAL_NETWORK) is Status.EXPLICIT
    assert found.data_type_status(DataType("wifi_scan")) is Status.VAGUE
    assert found.data_type_status(DataType("wifi_network")) is Status.VAGUE
    assert found.data_type_status(DataType("network_state")) is Status.ABSENT


def test_wifi_data_otherwise_stays_generic() -> None:
    found = facts("We collect information about your Wi-Fi network.")
    assert found.data_type_status(DataType("network_state")) is Status.VAGUE
