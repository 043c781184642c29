"""An umbrella term the policy defines in place covers only what its definition lists."""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from tests.policy.policy_support import status

C = Category


@pytest.mark.parametrize(
    "text",
    [
        "We collect device information (such as device model, operating system version and "
        "language).",
        "We collect device information, including model and OS.",
        "We collect device information (model, OS version, screen size).",
        "We may collect device-specific information, such as your hardware model and operating "
        "system version.",
        "Collected items: mobile device information: model name and OS version.",
        # a label resolved by the paragraph it introduces
        "Device information. We may collect device-specific information, such as your hardware "
        "model and operating system version.",
    ],
)
def test_device_information_defined_without_identifiers_is_no_device_id(text: str) -> None:
    assert status(text, C.DEVICE_ID) is Status.ABSENT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the definition names an identifier (a bare "IDs" keeps the umbrella)
        (
            "We collect device information such as model and unique device identifiers.",
            Status.EXPLICIT,
        ),
        ("We collect device information (model, IMEI).", Status.EXPLICIT),
        ("We collect device information, such as model and other IDs.", Status.VAGUE),
        # no definition, an open one, or a parenthesis that is no list
        ("We collect device information to improve the app.", Status.VAGUE),
        ("We collect device information such as model, OS, etc.", Status.VAGUE),
        ("We collect device information, including but not limited to model and OS.", Status.VAGUE),
        ("We collect device information (see Section 3).", Status.VAGUE),
        ('We collect device information (collectively, "Device Data").', Status.VAGUE),
        ("We collect device information, which is used to fix crashes.", Status.VAGUE),
        ("We collect device-specific information when you use the app.", Status.VAGUE),
        # a label whose paragraph does not define it stays an umbrella
        ("Device information. We collect it to fix crashes.", Status.VAGUE),
    ],
)
def test_device_information_that_stays_or_names_an_identifier(text: str, expected: Status) -> None:
    assert status(text, C.DEVICE_ID) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # SPEC §1b: network_state is "connection type and status", so the list names it
        ("We collect network information such as connection type and carrier.", Status.EXPLICIT),
        ("We collect network information such as carrier and signal bars.", Status.ABSENT),
        ("We collect network information (such as IP address).", Status.ABSENT),
        ("We collect network information, such as the Wi-Fi name.", Status.EXPLICIT),
        ("We collect network information to keep the stream stable.", Status.VAGUE),
        # SPEC §1b's wording of network_state names the datum: no umbrella
        ("We collect network status (WiFi) and time zone.", Status.EXPLICIT),
        # an abbreviation in parentheses is no definition; CPNI is telephone records anyway
        ("Customer Proprietary Network Information (CPNI) is protected by law.", Status.ABSENT),
    ],
)
def test_network_information_definitions(text: str, expected: Status) -> None:
    assert status(text, C.LOCAL_NETWORK) is expected


def test_precise_location_is_location_not_local_network() -> None:
    text = "We collect your precise location (such as GPS coordinates)."
    assert status(text, C.LOCATION) is Status.EXPLICIT
    assert status(text, C.LOCAL_NETWORK) is Status.ABSENT
