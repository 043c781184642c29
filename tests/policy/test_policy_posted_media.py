"""What the user posts or adds is data the user gives the app: "post a video", "add your photo
to your profile" are data verbs (share, provide) like "upload" and "submit", and posted media are
the poster's own photos and videos, vague for camera and storage (gold README: a photo or video
the user gives the app from the phone). A capture stays a capture, and posting nothing that is
data names nothing."""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from tests.policy.policy_support import facts

V, A, E = Status.VAGUE, Status.ABSENT, Status.EXPLICIT


@pytest.mark.parametrize(
    ("text", "camera", "storage"),
    [
        # posted or added media: the user's own, either source
        ("If you post a video, image or photo through a Service, others may see it.", V, V),
        ("Allow you to apply for a job, post a video or sign up for special offers.", V, V),
        ("Photographs or any video clips that you post on Mico may reveal sensitive data.", V, V),
        (
            "You may also optionally add to your profile certain demographic information, such "
            "as your country, zip code and gender, as well as your photo.",
            V,
            V,
        ),
        ("You can add a profile picture to your account.", V, V),
        # a capture stays a capture; the camera named stays explicit
        ("Video clips recorded by the doorbell are stored in the cloud.", E, A),
        ("You can post photos you take with the camera of your phone.", E, V),
        # nothing of the category posted or added
        ("We post changes to this policy on this page.", A, A),
        ("You can add a device to your account in the app.", A, A),
    ],
)
def test_posted_media_are_the_users(text: str, camera: Status, storage: Status) -> None:
    found = facts(text)
    assert (found.status(Category.CAMERA), found.status(Category.STORAGE)) == (camera, storage)
