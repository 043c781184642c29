"""A definition of "non-personal information" lists what is not the defined term: a policy
that denies collecting personal information has not denied what its non-personal information
holds, which stays disclosed. A definition of personal information itself, denied, still
denies what it lists (SPEC §2)."""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from tests.policy.policy_support import facts

C = Category
V, A, E, D = Status.VAGUE, Status.ABSENT, Status.EXPLICIT, Status.DENIED


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        # the complement's definition, however written, is no definition of the denied term
        (
            "Non-Personal Information may include the list of installed apps on your devices. "
            "We do not collect Personal Information.",
            C.INSTALLED_APPS,
            E,
        ),
        (
            "We collect your non-personal information when you visit our website, including "
            "your device information, operation system, logs. We do not collect Personal "
            "Information.",
            C.DEVICE_ID,
            V,
        ),
        (
            "Non personal data means data such as your calendar entries. "
            "We do not collect personal data.",
            C.CALENDAR,
            E,
        ),
        (
            "Non-personally identifiable information includes your precise location. "
            "We do not collect personally identifiable information.",
            C.LOCATION,
            E,
        ),
        # the term's own definition, denied, denies what it lists
        (
            "Personal Information includes your name, calendar entries and contact entries "
            "stored within your device. We do NOT collect Personal Information.",
            C.CALENDAR,
            D,
        ),
        (
            "Personal Information includes your name, calendar entries and contact entries "
            "stored within your device. We do NOT collect Personal Information.",
            C.CONTACTS,
            D,
        ),
        # a denial of the complement is no denial of the term's list
        (
            "Personal information includes your contact list. "
            "We do not collect non-personal information.",
            C.CONTACTS,
            E,
        ),
    ],
)
def test_the_complement_is_not_the_term(text: str, category: Category, expected: Status) -> None:
    assert facts(text).status(category) is expected
