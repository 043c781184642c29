""" "Other apps" as the data a verb governs is a vague disclosure of installed apps (which apps
the phone has, the list not named). As the source of data ("information from other apps")
or as the actor ("other apps may collect ...") it is none. Governed terms in general: the
object of "from" is a source, the subject of a data verb an actor."""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from tests.policy.policy_support import facts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We may obtain or receive information about your device, our apps, or other apps.",
            Status.VAGUE,
        ),
        ("We receive information from other apps you connect, such as Strava.", Status.ABSENT),
        ("Other apps may collect your data under their own policies.", Status.ABSENT),
        ("We read the list of installed apps.", Status.EXPLICIT),
    ],
)
def test_other_apps(text: str, expected: Status) -> None:
    assert facts(text).status(Category.INSTALLED_APPS) is expected


def test_footage_from_the_camera_still_counts() -> None:
    assert facts("We collect footage from your camera.").status(Category.CAMERA) is Status.EXPLICIT
