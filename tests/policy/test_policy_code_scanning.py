"""Scanning a QR code or a barcode is the phone's camera at work (SPEC §1: "scan QR code"),
whatever one word names the code's kind or owner ("a UPC barcode", "the device's QR code").
A code that is only named, with nobody scanning it, is no disclosure."""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from tests.policy.policy_support import status


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("You can scan a UPC barcode or QR code to add a product to your list.", Status.EXPLICIT),
        ("To add the camera, scan the device's QR code with the app.", Status.EXPLICIT),
        ("Scanning the product barcode shows its price.", Status.EXPLICIT),
        ("The app scans QR codes to pair the hub.", Status.EXPLICIT),
        ("The QR code on the label holds the serial number.", Status.ABSENT),
    ],
)
def test_scanning_a_code(text: str, expected: Status) -> None:
    assert status(text, Category.CAMERA) is expected
