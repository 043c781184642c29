"""A list of media kinds ("photos and videos", "videos, images or photos") names photos, not
where they come from: the user's photos are vague for storage (and camera), as every photo is.
Storage is explicit only where the phone's storage is named: its gallery, photo library, files
on the device, the storage permission."""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from tests.policy.policy_support import status


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We collect the photos and videos you post through the Service.", Status.VAGUE),
        ("We store the videos, images or photos that you submit to our sites.", Status.VAGUE),
        ("The app reads photos and videos stored on your device to back them up.", Status.EXPLICIT),
        ("With your permission, the app accesses your photo library.", Status.EXPLICIT),
    ],
)
def test_media_list(text: str, expected: Status) -> None:
    assert status(text, Category.STORAGE) is expected
