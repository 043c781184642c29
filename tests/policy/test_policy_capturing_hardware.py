"""Hardware that does the recording is no datum: a camera or microphone as the subject of a
data verb ("the camera detects motion and uploads events") or its agent ("recorded by the
camera") is the one capturing; what it captures names the data ("footage", "clips", "your
voice"). The phone's camera as an object stays the camera."""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from tests.policy.policy_support import facts


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        ("The camera sends an alert when it detects a person.", Category.CAMERA, Status.ABSENT),
        ("Your camera detects motion and uploads events.", Category.CAMERA, Status.ABSENT),
        # a list of hardware as the subject
        (
            "Your system's keypad, sensors and cameras send signals to our servers.",
            Category.CAMERA,
            Status.ABSENT,
        ),
        (
            "Your system's keypad, sensors and cameras send signals to our servers.",
            Category.SENSORS,
            Status.ABSENT,
        ),
        # what it captures discloses the category
        ("The camera records footage when it detects motion.", Category.CAMERA, Status.EXPLICIT),
        ("Clips recorded by the camera are stored for 30 days.", Category.CAMERA, Status.EXPLICIT),
        (
            "The microphone captures your voice when you press the button.",
            Category.MICROPHONE,
            Status.EXPLICIT,
        ),
        ("The app uses your phone's camera to scan QR codes.", Category.CAMERA, Status.EXPLICIT),
        # the phone's own hardware doing it is its use
        (
            "Your phone's camera captures the QR code on the hub.",
            Category.CAMERA,
            Status.EXPLICIT,
        ),
        ("Your phone's accelerometer measures your steps.", Category.SENSORS, Status.EXPLICIT),
    ],
)
def test_capturing_hardware_is_no_datum(text: str, category: Category, expected: Status) -> None:
    assert facts(text).status(category) is expected
