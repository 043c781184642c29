"""The English of Chinese IoT vendors' policies ("call the camera", "mobile phone status")."""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from permaudit.policy import analyze_text
from tests.policy.policy_support import INTRO, status

C = Category


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("We will obtain your location permission to find nearby Wi-Fi.", C.LOCATION),
        ("When you add a device, we need to obtain your positioning permission.", C.LOCATION),
        ("We collect the base station information.", C.LOCATION),
        ("We will call the camera to scan the QR code.", C.CAMERA),
        ("When you use the scan function, we will call the camera of the mobile phone.", C.CAMERA),
        ("We will apply for the permission to read and write storage.", C.STORAGE),
        ("We will read the mobile phone status to identify your device.", C.DEVICE_ID),
        ("We collect the OAID of your device.", C.DEVICE_ID),
        ("We will collect your mobile phone's unique identifier.", C.DEVICE_ID),
        ("We will get the list of applications installed on your phone.", C.INSTALLED_APPS),
        ("The SDK collects the application installation list.", C.INSTALLED_APPS),
        ("We need the audio permission for voice intercom.", C.MICROPHONE),
        ("We collect the number of steps.", C.HEALTH),
        ("We read the mobile phone address book.", C.CONTACTS),
        ("We obtain your WLAN status and WiFi name.", C.LOCAL_NETWORK),
    ],
)
def test_vendor_wording_is_explicit(text: str, category: Category) -> None:
    assert status(text, category) is Status.EXPLICIT


def test_base_stations_are_approximate_location() -> None:
    facts = analyze_text(INTRO + "We collect nearby base stations to locate you.", source="t")
    scope = facts.categories[C.LOCATION].scope
    assert scope is not None and scope.precision == "approximate"


def test_configuring_the_connected_camera_is_not_the_phone_camera() -> None:
    assert status("We read the Wi-Fi name to configure the camera.", C.CAMERA) is Status.ABSENT
