"""Photos that come from a social network or sign-in account (the profile picture a login
provider passes on, "photos" on a Facebook account) are that account's data: they reach the
vendor through neither the phone's camera nor its media, so they disclose neither camera nor
storage. A sentence that also names the camera, taking or uploading pictures, or the phone's
gallery keeps them; photos with no such source stay the vague umbrella over both."""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from tests.policy.policy_support import status


@pytest.mark.parametrize(
    ("text", "camera", "storage"),
    [
        (
            "When you sign in with Facebook or Google, we gather from that provider your basic"
            " profile information such as your name, your profile photo and friends list.",
            Status.ABSENT,
            Status.ABSENT,
        ),
        (
            "Facebook will share with us the information available on your Facebook account,"
            " including your profile information, friends' names and photos.",
            Status.ABSENT,
            Status.ABSENT,
        ),
        (
            "If you use your Google+ account to log in, we show your nickname and photo to your"
            " Google+ friends.",
            Status.ABSENT,
            Status.ABSENT,
        ),
        (
            "If you log in with Facebook, the app may access your camera so that you can take a"
            " new profile photo.",
            Status.EXPLICIT,
            Status.ABSENT,
        ),
        (
            "If you log in with Facebook, you can also upload pictures from your gallery.",
            Status.VAGUE,
            Status.EXPLICIT,
        ),
        ("We collect the profile photo you add to your account.", Status.VAGUE, Status.VAGUE),
    ],
)
def test_photos_by_their_source(text: str, camera: Status, storage: Status) -> None:
    assert (status(text, Category.CAMERA), status(text, Category.STORAGE)) == (camera, storage)
