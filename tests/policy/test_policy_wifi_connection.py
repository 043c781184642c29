"""Wi-Fi named as the connection a product uses or a setup step is no Wi-Fi datum.

Bare Wi-Fi wording ("Wi-Fi", "wireless network", "WLAN") counts only where a data verb governs
it. Connecting to a network, sending data over it, or the user operating Wi-Fi names the
channel, not data the app reads; the same words as the object of a data verb, or as the means
of finding the user's location (Wi-Fi positioning), stay a disclosure.
"""

from __future__ import annotations

import pytest

from permaudit.models import Category, DataType, Status
from tests.policy.policy_support import facts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a setup step: the verb that governs the network does nothing to data, and the data
        # verb above it ("need") governs the clause, not the network
        (
            "To use the thermostat remotely, you will need to connect it to your Wi-Fi network.",
            Status.ABSENT,
        ),
        ("Once connected to your Wi-Fi network, the hub uploads its settings.", Status.ABSENT),
        # the channel data travel by
        ("The camera sends footage over your wireless network to our servers.", Status.ABSENT),
        ("Firmware updates are delivered via Wi-Fi.", Status.ABSENT),
        # security boilerplate: the networks data cross, not data (the masks that listed
        # these phrases are gone)
        (
            "No data transmission over the Internet or any wireless network can be guaranteed"
            " to be 100% secure.",
            Status.ABSENT,
        ),
        ("No computer system or wireless connection is completely secure.", Status.ABSENT),
        (
            "We cannot guarantee that information sent over wireless networks is secure.",
            Status.ABSENT,
        ),
        # the user operating Wi-Fi (the relative pronoun stands for the users)
        (
            "This serves users who choose not to use the Wi-Fi functionality during setup.",
            Status.ABSENT,
        ),
        # governed by a data verb: Wi-Fi data
        ("We collect technical information such as your Wi-Fi connection.", Status.EXPLICIT),
        ("We collect information about your Wi-Fi network.", Status.EXPLICIT),
        ("We may access your Wi-Fi connection to set up the camera.", Status.EXPLICIT),
        ("Data we collect: IP address, Wi-Fi, operating system.", Status.EXPLICIT),
        ("The app needs to access your Wi-Fi network name.", Status.EXPLICIT),
        # a means of locating the user is Wi-Fi positioning
        ("We collect your location via Wi-Fi and GPS.", Status.EXPLICIT),
        ("If your location is collected through Wi-Fi or Bluetooth sensors, ...", Status.EXPLICIT),
    ],
)
def test_wifi_as_connection_or_datum(text: str, expected: Status) -> None:
    assert facts(text).status(Category.LOCAL_NETWORK) is expected


def test_a_setup_step_makes_no_wifi_data_type_vague() -> None:
    found = facts("You will need to connect the doorbell to your Wi-Fi network.")
    for data_type in (DataType("wifi_network"), DataType("wifi_scan"), DataType("network_state")):
        assert found.data_type_status(data_type) is Status.ABSENT
