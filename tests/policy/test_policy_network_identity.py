"""A network's name and password are the Wi-Fi network's identity even where Wi-Fi is not
named (a product joins the network: "the app sends your network name and password to the
hub"); the home network is the Wi-Fi network generically. A social network's name or
credentials are no network data."""

from __future__ import annotations

import pytest

from permaudit.models import DataType, Status
from tests.policy.policy_support import facts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("During setup the app sends your network name and password to the hub.", Status.EXPLICIT),
        ("We store the network credentials you enter for the camera.", Status.EXPLICIT),
        ("We collect information about your home network.", Status.VAGUE),
        ("Connect the hub to your home network.", Status.ABSENT),
        ("We collect your social network name.", Status.ABSENT),
        ("You may log in to the Site using certain social network credentials.", Status.ABSENT),
    ],
)
def test_network_name_and_password(text: str, expected: Status) -> None:
    assert facts(text).data_type_status(DataType("wifi_network")) is expected
