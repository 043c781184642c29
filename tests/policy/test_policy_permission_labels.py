"""A permission list copied from the app store names Android permissions by their user-facing
labels ("View Wi-Fi connections" is ACCESS_WIFI_STATE); a label names its permission's category
as the permission's own name does. Wi-Fi's labels name Wi-Fi generically (the data types vague),
the network-state labels the connection's state; the platform's description of ACCESS_WIFI_STATE
("names of connected Wi-Fi devices") names the network's identity."""

from __future__ import annotations

import pytest

from permaudit.models import Category, DataType, Status
from tests.policy.policy_support import facts


@pytest.mark.parametrize(
    ("text", "explicit", "vague"),
    [
        (
            "View Wi-Fi connections\n\nThis permission is used in our settings and notification"
            " toolbar, in order to view Wi-Fi connections.",
            (),
            (DataType("wifi_network"), DataType("wifi_scan"), DataType("network_state")),
        ),
        (
            "Connect and disconnect from Wi-Fi\n\nUsed in the tool bar to turn Wi-Fi on and off.",
            (),
            (DataType("wifi_network"), DataType("wifi_scan"), DataType("network_state")),
        ),
        (
            "View network connections\n\nThis permission is used to check network connectivity.",
            (DataType("network_state"),),
            (),
        ),
        ("Change network connectivity: used to switch networks.", (DataType("network_state"),), ()),
    ],
)
def test_a_network_permission_label_names_local_network(
    text: str, explicit: tuple[DataType, ...], vague: tuple[DataType, ...]
) -> None:
    got = facts(text)
    assert got.status(Category.LOCAL_NETWORK) is Status.EXPLICIT
    for data_type in explicit:
        assert got.data_type_status(data_type) is Status.EXPLICIT
    for data_type in vague:
        assert got.data_type_status(data_type) is Status.VAGUE
    assert got.data_type_status(DataType("lan_devices")) is Status.ABSENT


@pytest.mark.parametrize(
    "text",
    [
        # the neighbouring labels of other permissions: no local_network datum
        "Full network access\n\nThis permission is used to receive update notifications.",
        # connecting a product to Wi-Fi is a setup step, not the label
        "You will need to connect the camera to your Wi-Fi network.",
        "You can disconnect the hub from Wi-Fi at any time.",
    ],
)
def test_other_network_wording_is_no_label(text: str) -> None:
    assert facts(text).status(Category.LOCAL_NETWORK) is Status.ABSENT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Wi-Fi connection information: Software may view information about your Wi-Fi"
            " networking, such as whether Wi-Fi is enabled and names of connected Wi-Fi devices.",
            Status.EXPLICIT,
        ),
        ("The app reads the name of the connected Wi-Fi network.", Status.EXPLICIT),
        ("We do not collect the names of connected Wi-Fi networks.", Status.DENIED),
        # devices on the network are not its name
        ("The app lists the devices connected to your Wi-Fi network.", Status.ABSENT),
    ],
)
def test_the_wifi_permission_description_names_the_network(text: str, expected: Status) -> None:
    assert facts(text).data_type_status(DataType("wifi_network")) is expected
