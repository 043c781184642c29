"""A negated upload (SPEC §2). "Your contacts will not be uploaded" says the vendor never gets
them: it is a denial of collection, like "not collected", unlike "not stored" or "not shared",
which limit data in hand. Naming another recipient ("not uploaded to third parties") makes it
a sharing limit, and a disclosure elsewhere ("we access your contacts") still wins, since a
category is denied only where nothing discloses it."""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from tests.policy.policy_support import status


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Your contacts will not be uploaded.", Status.DENIED),
        ("Your contacts will never be uploaded to our servers.", Status.DENIED),
        ("We do not upload your address book.", Status.DENIED),
        ("The app never transmits your contacts.", Status.DENIED),
        ("Your contacts will not be uploaded to third parties.", Status.ABSENT),
        (
            "We access your contacts to find your friends; your contacts will not be uploaded"
            " to our servers.",
            Status.EXPLICIT,
        ),
        ("We upload your contacts to find your friends.", Status.EXPLICIT),
    ],
)
def test_negated_upload(text: str, expected: Status) -> None:
    assert status(text, Category.CONTACTS) is expected
