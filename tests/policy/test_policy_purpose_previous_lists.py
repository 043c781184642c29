"""Behaviour table: a lead-in that points back ("We use this information to:") reaches the
whole list before it (references.py, `_previous`).

"This information" is what was just said: the nearest paragraph before the lead-in that
discloses data. When that paragraph is an item of a list, each item a paragraph of its own
("We collect the following information:" / "- your location" / "- your device ID"), what was
just said is the whole list, up to its lead-in; not the paragraphs before the list, nor what
lies across a heading.
"""

from __future__ import annotations

import pytest

from permaudit.models import Category
from tests.policy.policy_support import purpose_ids

C = Category

LIST = (
    "Information we collect\n\n"
    "We collect the following information:\n\n"
    "- your precise location\n\n"
    "- your device ID\n\n"
)
USE = "We use this information to:\n\n- diagnose problems with the app"


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        # Every item of the list, not only the last.
        (LIST + USE, C.LOCATION, {"troubleshooting"}),
        (LIST + USE, C.DEVICE_ID, {"troubleshooting"}),
        # The lead-in of the list names data too.
        ("We collect your contacts and the following information:\n\n- your precise "
         "location\n\n- your device ID\n\n" + USE, C.CONTACTS, {"troubleshooting"}),
        # Counter-examples: the paragraph before the list, and data across a heading.
        ("We access your camera to scan QR codes.\n\n" + LIST + USE, C.CAMERA,
         {"device_setup"}),
        ("Camera\n\nWe access your camera.\n\n" + LIST + USE, C.CAMERA, set()),
        # A paragraph, not a list, before the lead-in: that paragraph only, as before.
        ("We access your camera.\n\nWe collect your precise location.\n\n" + USE, C.CAMERA,
         set()),
        ("We access your camera.\n\nWe collect your precise location.\n\n" + USE,
         C.LOCATION, {"troubleshooting"}),
    ],
)  # fmt: skip
def test_a_lead_in_pointing_back_reaches_the_list(
    text: str, category: Category, expected: set[str]
) -> None:
    assert purpose_ids(text, category) == expected
