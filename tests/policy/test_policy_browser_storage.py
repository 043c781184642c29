"""A browser's storage is no disclosure of the phone's: "HTML5 local storage", "browser local
storage", "Local storage." as the label of web storage, cookies and local storage listed
together. "Local storage" names the phone's storage only where a data verb governs it and no
web technology names it; the phone's storage named by Android's own words ("USB storage",
"external storage") stays explicit wherever it stands in a list."""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from tests.policy.policy_support import status

A, E = Status.ABSENT, Status.EXPLICIT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a browser mechanism
        ("To learn how to manage privacy and storage settings for HTML5 local storage, please "
         "refer to the end user documentation for your browser.", A),
        ("Local storage. We may collect and store information locally on your device using "
         "mechanisms such as browser web storage and application data caches.", A),
        ("We may use browser local storage to keep your preferences.", A),
        ("We use cookies, pixels and local storage to remember you.", A),
        ("Partners may use Flash cookies and HTML5 local storage to recognise your browser.", A),
        # storing, not the storage
        ("We ensure the secure storage and processing of your data.", A),
        ("The storage of your personal data is limited to 12 months.", A),
        # the phone's storage
        ("The app saves your recordings to local storage on your phone.", E),
        ("The app may access your local storage to upload the files you choose.", E),
        ("We may read, modify or delete content on your USB storage.", E),
        ("We may read, modify or delete content on your USB storage and enable your device to "
         "take pictures.", E),
        ("The app needs access to external storage and the camera to save photos.", E),
    ],
)  # fmt: skip
def test_browser_storage_is_not_the_phones(text: str, expected: Status) -> None:
    assert status(text, Category.STORAGE) is expected
