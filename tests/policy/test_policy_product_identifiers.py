"""The connected product's own identifiers are not the phone's (SPEC §1b, gold README rule).

An identifier a product has too (serial number, MAC address, device ID) is the product's when
its owner is the product ("the camera's serial number"), when it is named after the product
("the unique Tile device identifier"), or when it is listed under information about the
product ("information about your DJI device (including the serial number of your device)").
An owner that is the phone, a phone platform or the user keeps it the phone's.
"""

from __future__ import annotations

import pytest

from permaudit.models import Category, DataType, Status
from tests.policy.policy_support import facts


@pytest.mark.parametrize(
    ("text", "data_type", "expected"),
    [
        # the product owns it
        ("We collect the serial number of the camera.", DataType("serial_number"), Status.ABSENT),
        ("We collect the doorbell's MAC address.", DataType("mac_address"), Status.ABSENT),
        (
            "We collect information from your camera, including its serial number.",
            DataType("serial_number"),
            Status.ABSENT,
        ),
        ("We collect the camera serial number.", DataType("serial_number"), Status.ABSENT),
        ("We collect the robot's MAC address.", DataType("mac_address"), Status.ABSENT),
        (
            "We collect the serial numbers of the wearables.",
            DataType("serial_number"),
            Status.ABSENT,
        ),
        # a device the user adds, or a smart / IoT device, is the product
        (
            "We collect the MAC address of devices you add to the app.",
            DataType("mac_address"),
            Status.ABSENT,
        ),
        (
            "We collect the serial number of your smart device.",
            DataType("serial_number"),
            Status.ABSENT,
        ),
        # "your device" inside a list about the product is the product
        (
            "We collect information about your DJI device (including the model and serial"
            " number of your device).",
            DataType("serial_number"),
            Status.ABSENT,
        ),
        # the phone, a phone platform or the user owns it
        ("We collect your phone's MAC address.", DataType("mac_address"), Status.EXPLICIT),
        (
            "We collect the serial number of your device.",
            DataType("serial_number"),
            Status.EXPLICIT,
        ),
        (
            "We collect the MAC address of your Android device.",
            DataType("mac_address"),
            Status.EXPLICIT,
        ),
        # list members are siblings, not owners
        (
            "We collect camera, microphone and MAC address.",
            DataType("mac_address"),
            Status.EXPLICIT,
        ),
        (
            "Device information: such as your device model, IP Address, MAC Address and IMEI.",
            DataType("mac_address"),
            Status.EXPLICIT,
        ),
    ],
)
def test_whose_identifier(text: str, data_type: DataType, expected: Status) -> None:
    assert facts(text).data_type_status(data_type) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # named after the product: a brand before a lower-case "device"
        (
            "We link the unique Tile device identifier with the account information.",
            Status.ABSENT,
        ),
        # not the product: a platform, the phone, a negated brand, or Title Case
        ("We collect your Android device ID.", Status.EXPLICIT),
        ("We collect the unique identifier of your mobile device.", Status.EXPLICIT),
        (
            "We collect information about your non-DJI device (including your device ID).",
            Status.EXPLICIT,
        ),
        ("We collect your Unique Device ID.", Status.EXPLICIT),
    ],
)
def test_device_named_after_the_product(text: str, expected: Status) -> None:
    assert facts(text).status(Category.DEVICE_ID) is expected
