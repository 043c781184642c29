"""Behaviour table: what reads like a purpose but is none (languages/en/purposes.py, cues.yaml).

A condition says when its own sentence's collection happens, so it is no purpose of the data
in the next sentence; a purpose stated for one datum of a sentence is not the purpose of the
user's data listed after it. Each case has a counter-example that must keep its purpose.
"""

from __future__ import annotations

import pytest

from permaudit.models import Category
from tests.policy.policy_support import facts

C = Category


def purposes(text: str, category: Category) -> set[str]:
    return {p.id for p in facts(text).categories[category].purposes}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # The neighbour's condition: when the other information is collected.
        (
            "We also collect information when you register a product or complete a survey. "
            "We store the videos that you take with your cameras.",
            C.CAMERA,
        ),
        (
            "You can import your contacts and calendar to your other devices. When you turn "
            'on the "Find Device" feature, you will be asked to upload information.',
            C.CONTACTS,
        ),
        # The account is the purpose; the list of the user's data after it states none.
        (
            "During this process, we ask for information necessary to establish and use your "
            "account, including your name, telephone number and profile photo.",
            C.CAMERA,
        ),
    ],
)
def test_no_purpose(text: str, category: Category) -> None:
    disclosure = facts(text).categories[category]
    assert disclosure.status.value in ("explicit", "vague")
    assert disclosure.purposes == ()


def test_data_joined_after_the_clause_is_not_its_purpose() -> None:
    # "photos" is data joined to the list, not the media_capture purpose of the clause.
    text = (
        "We use your e-mail address to communicate with you, as well as information you "
        "upload such as photos from your camera."
    )
    assert "media_capture" not in purposes(text, C.CAMERA)


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        # The sentence's own condition is the situation its data serves.
        (
            "When you add a camera, the App accesses your location.",
            C.LOCATION,
            {"device_setup"},
        ),
        # The neighbour's purpose clause (not its condition) still explains the data.
        (
            "The App asks for your location. This is needed to scan for nearby Wi-Fi networks.",
            C.LOCATION,
            {"wifi_provisioning"},
        ),
        # Examples of a purpose are purposes; only a list of the user's data ends the clause.
        (
            "We collect your location for purposes such as weather forecasts.",
            C.LOCATION,
            {"location_services"},
        ),
        (
            "We use your photos to create albums, as well as to suggest photos to share "
            "with friends.",
            C.STORAGE,
            {"social_features"},
        ),
    ],
)
def test_purpose_kept(text: str, category: Category, expected: set[str]) -> None:
    assert expected <= purposes(text, category)
