"""A single picture the user has or gives is a photo ("such as a short biography, a picture",
"your picture and name"), vague for camera and storage as photos are; a picture of a state of
affairs ("a picture of how the app is used") is a figure of speech and names nothing."""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from tests.policy.policy_support import facts

V, A = Status.VAGUE, Status.ABSENT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "You may provide us with profile information to make public, such as a short "
            "biography, location, website, a picture, information to customize your account.",
            V,
        ),
        ("Public profile information, such as your picture and name, is shown to others.", V),
        ("You can upload a picture to your profile.", V),
        # figures of speech
        ("This gives us a picture of how the app is used.", A),
        ("Statistics give us a picture of what our users like.", A),
        ("To paint a picture of our users, we collect statistics.", A),
    ],
)
def test_a_single_picture(text: str, expected: Status) -> None:
    found = facts(text)
    assert (found.status(Category.CAMERA), found.status(Category.STORAGE)) == (expected, expected)
