"""A capitalised camera or microphone word after a name it compounds with is a product's name
("PIP Camera", "XFINITY Voice calls"), not the phone's camera or microphone. A heading's or
a list's capitalised word ("Camera and Photos.", "Photos and Camera:"), a phone platform's
name ("the Android Camera API") and lower-case wording keep their statuses."""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from tests.policy.policy_support import status

A, E = Status.ABSENT, Status.EXPLICIT


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        ("This privacy statement applies to its products, namely Fotoable, InstaMag, PIP Camera, "
         "Photo Editor and InstaVideo.", Category.CAMERA, A),
        ("Our apps include Beauty Camera, Video Editor and Flashlight.", Category.CAMERA, A),
        ("If you use the Web Services to place or receive XFINITY Voice calls, see the privacy "
         "policy that applies.", Category.MICROPHONE, A),
        # no product's name
        ("Camera and Photos. We'll access your camera and photos only after you give us your "
         "consent.", Category.CAMERA, E),
        ("In particular: Photos and Camera: we access your camera only with your permission.",
         Category.CAMERA, E),
        ("The app uses the Android Camera API to take photos of receipts.", Category.CAMERA, E),
        ("We record voice calls you make through the app to improve call quality.",
         Category.MICROPHONE, E),
    ],
)  # fmt: skip
def test_product_names(text: str, category: Category, expected: Status) -> None:
    assert status(text, category) is expected
