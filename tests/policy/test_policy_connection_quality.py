"""How well a connection works (signal strength, speed, bandwidth) is the connection's state:
an umbrella over network_state alone. The Wi-Fi word inside ("Wi-Fi signal strength") is the
connection measured, not the network's identity nor a scan of the networks around, but it names
Wi-Fi: local_network is explicit there (gold ring.com), network_state still only vague."""

from __future__ import annotations

import pytest

from permaudit.models import Category, DataType, Status
from tests.policy.policy_support import facts

V, A, E = Status.VAGUE, Status.ABSENT, Status.EXPLICIT


@pytest.mark.parametrize(
    ("text", "category", "network_state", "wifi_network"),
    [
        ("We may record technical information such as Wi-Fi signal strength.", E, V, A),
        ("We measure your WiFi speed to troubleshoot the camera.", E, V, A),
        # no Wi-Fi named: the connection's quality only
        ("We collect battery and signal strength.", V, V, A),
        ("We collect wireless signal strength.", V, V, A),
        ("The things we look at include Internet speed and voltage information.", V, V, A),
        ("We measure the bandwidth and RSSI of the camera's connection.", V, V, A),
        # the network named beside its quality stays the network's identity
        ("We collect your Wi-Fi network name and its signal strength.", E, V, E),
    ],
)
def test_connection_quality_is_connection_state(
    text: str, category: Status, network_state: Status, wifi_network: Status
) -> None:
    found = facts(text)
    assert found.status(Category.LOCAL_NETWORK) is category
    assert found.data_type_status(DataType("network_state")) is network_state
    assert found.data_type_status(DataType("wifi_network")) is wifi_network
    assert found.data_type_status(DataType("wifi_scan")) is Status.ABSENT
