"""Photos by themselves are vague for camera and storage: the policy does not say whether
they were taken with the camera or picked from the phone's media (gold README, "profile
photo" and "pictures uploaded by you"). They count only where a data verb governs them,
what the user provides included; a photo of a thing, a figure of speech, and the camera's
or the gallery's own wording keep their statuses."""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from tests.policy.policy_support import facts

V, A, E = Status.VAGUE, Status.ABSENT, Status.EXPLICIT


@pytest.mark.parametrize(
    ("text", "camera", "storage"),
    [
        ("We collect your name, telephone number, email address, and profile photo.", V, V),
        ("We store information uploaded by you such as location, route, pictures etc.", V, V),
        ("You can provide a profile photo.", V, V),
        # no data verb over them, a photo of a thing, a figure of speech
        ("Photos: see our gallery of installation examples below.", A, A),
        ("Our website shows photos of our products.", A, A),
        ("This gives us a picture of how the app is used.", A, A),
        # the category's own wording stays explicit; videos listed with photos are the user's
        # media too (test_policy_user_videos.py), the gallery names the storage
        ("We take photos of the serial number label when you ask us.", E, A),
        ("The app can save photos and videos to your gallery.", V, E),
    ],
)
def test_photos_are_vague_for_camera_and_storage(
    text: str, camera: Status, storage: Status
) -> None:
    found = facts(text)
    assert (found.status(Category.CAMERA), found.status(Category.STORAGE)) == (camera, storage)
