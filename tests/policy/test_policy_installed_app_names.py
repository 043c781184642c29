"""The name of an installed app is the app list's datum: "installed application name" names
installed_apps though the category term only modifies "name" there (a name is no data noun for
other terms: "camera name" is a product's)."""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from tests.policy.policy_support import facts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We may collect non-personal information such as installed application name and"
            " Android version, the data of install, frequency of use, country.",
            Status.EXPLICIT,
        ),
        ("Our servers receive installed software names and file paths.", Status.EXPLICIT),
        ("We collect installed app names to recommend games.", Status.EXPLICIT),
        ("We do not collect installed application names.", Status.DENIED),
        # a name of something else stays nothing of the kind
        ("You can change the app name shown on the home screen.", Status.ABSENT),
    ],
)
def test_installed_app_names(text: str, expected: Status) -> None:
    assert facts(text).status(Category.INSTALLED_APPS) is expected


def test_a_camera_name_stays_product_metadata() -> None:
    assert facts("We collect the camera name and description.").status(Category.CAMERA) is (
        Status.ABSENT
    )
