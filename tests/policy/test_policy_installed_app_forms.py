"""The phone's installed apps are named however "installed" is conjugated ("apps you have
installed", "what other apps have been installed", "applications that were installed") and
however the phone's holding them is said ("other apps included on your device", "apps you have
on your device"). Apps that only act, the vendor's own apps and the app being installed are no
list."""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from tests.policy.policy_support import status

E, A = Status.EXPLICIT, Status.ABSENT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Some of our apps may read your device to see what other apps have been installed.",
            E,
        ),
        ("We collect a list of applications that were installed.", E),
        ("We record which apps you have installed.", E),
        ("We collect the identity of other apps included on your device.", E),
        ("We collect information about the apps you have on your device.", E),
        ("Third parties may see which programs are installed on your phone.", E),
        # the vendor's own apps, apps that act, apps as a place or the app being installed
        ("We may collect information about our apps on your device.", A),
        ("Other apps may collect your data.", A),
        ("By installing the apps on your mobile device, you agree to this policy.", A),
    ],
)
def test_installed_apps_in_any_form(text: str, expected: Status) -> None:
    assert status(text, Category.INSTALLED_APPS) is expected
