"""A denial is as narrow as the datum it names: an account's profile picture is vague for camera
and storage when disclosed, as photos the user supplies are (test_policy_user_photos.py), but
"we do not collect your profile picture" denies neither the camera nor the phone's gallery,
which reach an app by other ways (the ontology's `denies: false` on its profile_photo node).
Photos in general, the camera, the gallery and the phone's own photos still deny."""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from tests.policy.policy_support import facts

V, A, E, D = Status.VAGUE, Status.ABSENT, Status.EXPLICIT, Status.DENIED


@pytest.mark.parametrize(
    ("text", "camera", "storage"),
    [
        # a photo the policy does not take: a denial of that photo only
        ("For example, we do not collect your name, email address, and profile picture.", A, A),
        (
            "We will not collect or record the following information: your name, locale, "
            "birth date, email address, profile picture or its URL.",
            A,
            A,
        ),
        ("We never collect your profile photo.", A, A),
        ("Your user pictures are not collected by us.", A, A),
        # photos in general: every photo, whatever its source, is denied
        ("We never collect your photos.", D, D),
        ("We do not collect pictures that you use to create avatars through the app.", D, D),
        (
            "Personal Information also includes information about you that may be accessed by "
            "our system directly from your Device, including from your address book, location, "
            "photos or contacts folder. We do NOT collect Personal Information.",
            D,
            D,
        ),
        # the same photos disclosed are vague for both (the umbrella discloses)
        ("We collect your name, email address, and profile picture.", V, V),
        # the category's own words, or the phone's photos, still deny
        ("We do not access your camera.", D, A),
        ("We do not access your device's photos.", A, D),
        ("We do not collect your profile picture. We do not access your camera.", D, A),
        # a denial of the photo beside a disclosure of the camera leaves the disclosure
        ("We do not collect your profile picture. You can take photos with the app.", E, A),
    ],
)
def test_a_photo_denied_denies_no_source(text: str, camera: Status, storage: Status) -> None:
    found = facts(text)
    assert (found.status(Category.CAMERA), found.status(Category.STORAGE)) == (camera, storage)
