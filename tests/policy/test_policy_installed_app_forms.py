"""The phone's installed apps are read by the parse: apps (applications, software, programs)
that a data verb governs and that their own clause or phrase places on the user's phone ("apps
on your device", "software installed on your phone", "applications that were installed",
"the apps you have on your device"), whatever the tense or the verb of holding. The vendor's
own apps, apps in a store, apps where ads are shown, apps that act and the app being
installed are no list of the phone's apps."""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from tests.policy.policy_support import status

E, V, A = Status.EXPLICIT, Status.VAGUE, Status.ABSENT


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
        ("The SDK collects the names of software installed on your device.", E),
        ("We may access the applications present on your mobile phone.", E),
        ("Our partners may collect the apps stored in your phone.", E),
        ("We may collect information about apps residing on your smartphone.", E),
        ("We collect the names and IDs of apps you have installed.", E),
        # installed, even where the parse reads the apps as a place (TRAINING policy_153)
        (
            "This permission allows the app to identify and display your location on map or"
            " apps installed by anonymous surrounding users.",
            E,
        ),
        # a list with no verb: the placing clause says which apps they are
        (
            "Your device type, time zone and the package IDs of software installed on your device;",
            E,
        ),
        # the vendor's own apps, apps that act, apps as a place or the app being installed
        ("Apps installed on your phone may collect your location.", A),
        ("We may collect information about our apps on your device.", A),
        ("Other apps may collect your data.", A),
        ("By installing the apps on your mobile device, you agree to this policy.", A),
        ("When you install our apps on your mobile device you can receive notifications.", A),
        ("We collect the apps you download from the app store.", A),
        ("We collect information about apps in the Google Play store.", A),
        ("Advertisers may show you ads in other apps on your device.", A),
        ("We collect your name and email address when you use our apps.", A),
    ],
)
def test_installed_apps_in_any_form(text: str, expected: Status) -> None:
    assert status(text, Category.INSTALLED_APPS) is expected
