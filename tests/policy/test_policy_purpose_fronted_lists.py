"""Behaviour table: a purpose fronted at the start of a sentence that lists several (en).

"To have a better understanding of our users, solve problems in our products and improve our
advertising, we may collect your location": the fronted purpose runs to the comma before the
main clause's subject ("we", "you", "the app"), past the commas of its own list, so every
purpose of the list is the datum's. Without such a subject after a comma, the fronted purpose
ends at its first comma as before ("To connect a new camera, the camera's owner ...").
"""

from __future__ import annotations

import pytest

from permaudit.models import Category
from tests.policy.policy_support import purpose_ids

C = Category


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        (
            "To have a better understanding of our users, solve problems in our products and "
            "improve our advertising, we may collect your precise location.",
            C.LOCATION,
            {"analytics", "troubleshooting", "advertising"},
        ),
        (
            "In order to operate the Services, prevent fraud, and comply with the law, the app "
            "reads your IMEI.",
            C.DEVICE_ID,
            {"fraud_prevention", "legal_compliance", "service_provision"},
        ),
        # No main-clause subject after a comma: the first comma ends the purpose.
        (
            "To connect a new camera to the internet, Acme reads your Wi-Fi network name "
            "(SSID), and stores it for troubleshooting.",
            C.LOCAL_NETWORK,
            {"wifi_provisioning", "device_setup", "troubleshooting"},
        ),
        # The main clause starts at the first comma already: nothing after it is fronted.
        (
            "To find nearby devices, we scan for Bluetooth signals, advertising identifiers aside.",
            C.BLUETOOTH,
            {"device_discovery"},
        ),
    ],
)
def test_fronted_purpose_ends_at_the_main_clause(
    text: str, category: Category, expected: set[str]
) -> None:
    assert purpose_ids(text, category) == expected
