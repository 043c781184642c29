"""Security advice about networks the user joins is not Wi-Fi data the app reads."""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from tests.policy.policy_support import status


def local_network(text: str) -> Status:
    return status(text, Category.LOCAL_NETWORK)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SecureMe hides you from hackers on public WiFi.", Status.ABSENT),
        ("Be careful when you use open Wi-Fi hotspots or unsecured networks.", Status.ABSENT),
        ("The finder lists free hotspots near you.", Status.ABSENT),
        # the app reading the network it is on stays a disclosure
        ("We read the name of the Wi-Fi network you are connected to.", Status.EXPLICIT),
        (
            "We collect information about public Wi-Fi networks and the router you use.",
            Status.EXPLICIT,
        ),
    ],
)
def test_public_wifi_advice(text: str, expected: Status) -> None:
    assert local_network(text) is expected
