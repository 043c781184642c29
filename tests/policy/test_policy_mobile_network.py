"""The mobile (cellular) network named as data is the connection's state (SPEC §1b
network_state, "network status (Wi-Fi/4G)"): "mobile network information" is an umbrella
over network_state alone, never the Wi-Fi network's identity, its scans or the LAN. A social
network's or the telephone operator's records are no network data at all."""

from __future__ import annotations

import pytest

from permaudit.models import Category, DataType, Status
from tests.policy.policy_support import facts

V, A, E = Status.VAGUE, Status.ABSENT, Status.EXPLICIT


@pytest.mark.parametrize(
    ("text", "category", "network_state", "wifi_network"),
    [
        ("We may also collect your mobile network information for routing.", V, V, A),
        ("We collect cellular network data to diagnose dropped streams.", V, V, A),
        ("We collect the cellular network type and your IP address.", E, E, A),
        ("We collect the mobile network status of your phone.", E, E, A),
        ("We collect social network information when you log in with Facebook.", A, A, A),
    ],
)
def test_mobile_network_is_connection_state(
    text: str, category: Status, network_state: Status, wifi_network: Status
) -> None:
    found = facts(text)
    assert found.status(Category.LOCAL_NETWORK) is category
    assert found.data_type_status(DataType("network_state")) is network_state
    assert found.data_type_status(DataType("wifi_network")) is wifi_network
    assert found.data_type_status(DataType("wifi_scan")) is Status.ABSENT
