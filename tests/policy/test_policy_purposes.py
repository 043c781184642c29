"""Purposes come from the purpose clause of the disclosing sentence, or its context."""

from __future__ import annotations

import pytest

from permaudit.models import Category
from permaudit.policy import analyze_text

C = Category
INTRO = "This privacy policy explains what our app collects and why.\n\n"


def purposes(text: str, category: Category) -> dict[str, str]:
    facts = analyze_text(INTRO + text, source="t")
    return {p.id: p.text for p in facts.categories[category].purposes}


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        (
            "The App uses your phone's microphone for the two-way talk (intercom) feature: "
            "when you press and hold the talk button, the App records your voice.",
            C.MICROPHONE,
            {"intercom"},
        ),
        (
            "We only use approximate location, and only during setup, to list the Wi-Fi "
            "networks around you and to suggest the correct time zone for your camera.",
            C.LOCATION,
            {"wifi_provisioning", "device_setup"},
        ),
        (
            "To connect a new camera to the internet, the App reads the name (SSID) of the "
            "Wi-Fi network your phone is connected to.",
            C.LOCAL_NETWORK,
            {"wifi_provisioning", "device_setup"},
        ),
        (
            "The camera permission is needed to scan the QR code on the device.",
            C.CAMERA,
            {"device_setup"},
        ),
        (
            "We collect your location so that we can show the local weather.",
            C.LOCATION,
            {"location_services"},
        ),
        (
            "The App can use Bluetooth to find the camera during setup.",
            C.BLUETOOTH,
            {"device_discovery", "device_setup"},
        ),
        (
            "We access your contacts in order to invite friends.",
            C.CONTACTS,
            {"social_features"},
        ),
    ],
)
def test_purpose_clause_of_the_sentence(text: str, category: Category, expected: set[str]) -> None:
    assert set(purposes(text, category)) == expected


def test_purpose_text_is_the_clause_not_the_sentence() -> None:
    found = purposes(
        "To connect a new camera to the internet, the App reads the name (SSID) of the Wi-Fi "
        "network.",
        C.LOCAL_NETWORK,
    )
    assert found["wifi_provisioning"] == "To connect a new camera to the internet"


def test_neighbouring_sentence_of_the_same_paragraph() -> None:
    text = "The App asks for your location. This is needed to scan for nearby Wi-Fi networks."
    assert set(purposes(text, C.LOCATION)) == {"wifi_provisioning"}


def test_neighbour_in_another_paragraph_is_not_used() -> None:
    text = "The App asks for your location.\n\nWe use analytics to improve our products."
    assert purposes(text, C.LOCATION) == {}


def test_section_heading_when_the_paragraph_states_none() -> None:
    text = "(II) Troubleshooting and crash analysis\nWe collect your IMEI."
    assert set(purposes(text, C.DEVICE_ID)) == {"troubleshooting"}


def test_own_purpose_wins_over_the_heading() -> None:
    text = "(II) Troubleshooting and crash analysis\nWe collect your IMEI to verify your identity."
    assert set(purposes(text, C.DEVICE_ID)) == {"account_security"}


def test_data_words_outside_the_purpose_clause_are_not_purposes() -> None:
    # "Wi-Fi name" names data, not a purpose; the clause says why: analytics.
    text = "We collect the Wi-Fi name and your IMEI for analytics."
    assert set(purposes(text, C.DEVICE_ID)) == {"analytics"}


def test_to_after_need_is_the_collection_verb_not_a_purpose() -> None:
    text = "We need to access your photo library to identify the device type from the QR code."
    assert set(purposes(text, C.STORAGE)) == {"device_setup"}
