"""A governed term that is the object of a preposition of place is where something is shown or
done, not a datum: "ads in this app or on other apps or websites", "a floating window on other
apps", "data collected on your home network". Hung on a data noun the same preposition says
what the data are about ("information on other apps"), and a term the verb governs directly
stays a datum."""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from tests.policy.policy_support import facts


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        # where: no datum
        (
            "We may provide you with advertisements for products in this app or on other apps"
            " or websites based on your location.",
            Category.INSTALLED_APPS,
            Status.ABSENT,
        ),
        ("Ads may be displayed on websites or other apps.", Category.INSTALLED_APPS, Status.ABSENT),
        (
            "This permission allows the tab to be displayed as a floating window on other apps.",
            Category.INSTALLED_APPS,
            Status.ABSENT,
        ),
        ("Data is collected on your home network.", Category.LOCAL_NETWORK, Status.ABSENT),
        # about: a datum
        ("We collect information on other apps you use.", Category.INSTALLED_APPS, Status.VAGUE),
        (
            "We collect information about other apps on your device.",
            Category.INSTALLED_APPS,
            Status.EXPLICIT,
        ),
        # governed directly: a datum
        ("We collect data about your home network.", Category.LOCAL_NETWORK, Status.EXPLICIT),
        ("We access your photos to let you share them.", Category.CAMERA, Status.VAGUE),
    ],
)
def test_a_place_is_no_datum(text: str, category: Category, expected: Status) -> None:
    assert facts(text).status(category) is expected
