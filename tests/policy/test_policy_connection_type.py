"""How the phone is connected — Wi-Fi, 3G, LTE — is the connection's state (SPEC §1b
network_state, "network status (Wi-Fi/4G)"), however a policy words it: "network connection
type", "connection type", "the type of internet connection". It names neither the Wi-Fi
network's identity nor the networks around; "in connection with" a sale is no network at all."""

from __future__ import annotations

import pytest

from permaudit.models import Category, DataType, Status
from tests.policy.policy_support import facts

A, E = Status.ABSENT, Status.EXPLICIT


@pytest.mark.parametrize(
    ("text", "network_state"),
    [
        ("We collect the unique device ID, network connection type (e.g., WiFi, 3G, LTE).", E),
        ("Device data, such as model, version, error data and connection type.", E),
        ("We log your IP address and the type of internet connection you use.", E),
        ("We collect the connection type (for example, Wi-Fi) of your phone.", E),
        ("We collect your connection type, e.g. Wi-Fi or mobile data, to pick a bitrate.", E),
        ("We collect your connection type (Wi-Fi or cellular) and carrier.", E),
        ("The app records the connection types of your phone to tune streaming.", E),
        ("We may share data in connection with a merger or sale of assets.", A),
        ("You can connect the camera to your phone by any type of cable.", A),
    ],
)
def test_connection_type_is_network_state(text: str, network_state: Status) -> None:
    found = facts(text)
    assert found.data_type_status(DataType("network_state")) is network_state
    assert found.status(Category.LOCAL_NETWORK) is network_state
    assert found.data_type_status(DataType("wifi_network")) is A
    assert found.data_type_status(DataType("wifi_scan")) is A
