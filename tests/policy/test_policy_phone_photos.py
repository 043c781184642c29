"""Photos the user's phone possesses ("your device's photos", "your phone's camera and photos")
are the photos on the phone, explicit storage, as "photos on your device" are. Photos the user
has, or a product's photos, stay the photos umbrella (vague) or the camera's."""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from tests.policy.policy_support import facts

V, A, E = Status.VAGUE, Status.ABSENT, Status.EXPLICIT


@pytest.mark.parametrize(
    ("text", "camera", "storage"),
    [
        ("Many of our services require us to collect images and other information from your "
         "device's camera and photos.", E, E),
        ("We may access your phone's photos to let you pick a profile picture.", A, E),
        ("The app reads your smartphone's photos to back them up.", A, E),
        # no phone possesses them
        ("We'll access your camera and photos only after you give us your consent.", E, V),
        ("We collect the photos you upload.", V, V),
        ("We store your profile photo and your device's model.", V, V),
    ],
)  # fmt: skip
def test_photos_of_the_phone(text: str, camera: Status, storage: Status) -> None:
    found = facts(text)
    assert (found.status(Category.CAMERA), found.status(Category.STORAGE)) == (camera, storage)
