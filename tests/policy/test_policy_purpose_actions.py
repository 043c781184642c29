"""Behaviour table: a sentence that uses the data for the user states the purpose in its verb.

"We retain your video recordings for the duration of your subscription" is no collection with
a purpose clause, but keeping recordings for the user is saving media (purposes.yaml,
`actions`). Counter-examples: the same data words with no such use, and the use negated.
"""

from __future__ import annotations

import pytest

from permaudit.models import Category
from tests.policy.policy_support import facts

C = Category


def purposes(text: str, category: Category) -> set[str]:
    return {p.id for p in facts(text).categories[category].purposes}


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        (
            "If you have the recording features enabled, we will capture, process and retain "
            "video and audio data recordings from your device for the duration of your "
            "recording subscription period.",
            C.CAMERA,
            {"media_storage"},
        ),
        (
            "If you have the recording features enabled, we will capture, process and retain "
            "video and audio data recordings from your device for the duration of your "
            "recording subscription period.",
            C.MICROPHONE,
            {"media_storage"},
        ),
        (
            "Video clips recorded by your doorbell camera are stored in the cloud.",
            C.CAMERA,
            {"media_storage"},
        ),
        (
            "We process video from your camera and send you alerts when motion is detected.",
            C.CAMERA,
            {"notifications"},
        ),
        (
            "We record video from your camera and stream it as live video to the App.",
            C.CAMERA,
            {"live_view"},
        ),
    ],
)
def test_the_use_is_the_purpose(text: str, category: Category, expected: set[str]) -> None:
    assert purposes(text, category) == expected


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # Data words with no use of them for the user.
        ("We collect video recordings and audio clips captured by your camera.", C.CAMERA),
        # The use negated: no purpose is stated for what is kept.
        (
            "Your camera records video clips; we do not store recordings on our servers.",
            C.CAMERA,
        ),
    ],
)
def test_no_use_no_purpose(text: str, category: Category) -> None:
    disclosure = facts(text).categories[category]
    assert disclosure.status.value in ("explicit", "vague")
    assert "media_storage" not in {p.id for p in disclosure.purposes}
