"""Modifiers listed before one head noun share it: "device and usage information" is device
information and usage information, so the first member names an umbrella (or a category) as
much as if the head stood beside it. A list of nouns ("your device and other information")
shares nothing."""

from __future__ import annotations

import pytest

from permaudit.models import Category, DataType, Status
from tests.policy.policy_support import facts

C = Category
V, A, E, D = Status.VAGUE, Status.ABSENT, Status.EXPLICIT, Status.DENIED


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        # the first members of a list share the last one's head
        ("We collect device and usage information when you use the app.", C.DEVICE_ID, V),
        ("We collect Device and Technical Information.", C.DEVICE_ID, V),
        ("We collect device and app-related information.", C.DEVICE_ID, V),
        ("We collect mobile device and usage information.", C.DEVICE_ID, V),
        ("We collect device, usage and location information.", C.DEVICE_ID, V),
        ("We collect device, usage and location information.", C.LOCATION, E),
        (
            "Equipment, Performance, Websites Usage, Viewing and other Technical Information "
            "about your use of our network.",
            C.DEVICE_ID,
            V,
        ),
        ("The app requests storage and camera permissions.", C.STORAGE, E),
        # the list's verb decides its polarity for every member
        ("We do not collect device or usage information.", C.DEVICE_ID, D),
        # a head beside the member was read already: nothing changes
        ("We collect usage and device information.", C.DEVICE_ID, V),
        # nouns, not modifiers: the last member is only "other"; a clause ends the list
        ("We collect your device and other information.", C.DEVICE_ID, A),
        ("You may use any device. Usage information is kept for a year.", C.DEVICE_ID, A),
        # a member and the head that make no term name nothing
        ("We collect your name, e-mail address and account information.", C.CONTACTS, A),
        ("We limit data storage and access to our staff.", C.STORAGE, A),
        # a later member with an article, a preposition or a verb's "to": nouns or clauses
        ("Write to Sony Network, or to delete Personal Information, to us.", C.LOCAL_NETWORK, A),
        ("We have taken steps and followed standards to secure all personal data.", C.HEALTH, A),
        # the head is a list member itself, no shared head
        (
            "Cookies simplify your re-login steps, store your preferences or data in your cart.",
            C.HEALTH,
            A,
        ),
    ],
)
def test_modifiers_share_the_head(text: str, category: Category, expected: Status) -> None:
    assert facts(text).status(category) is expected


def test_a_noun_list_makes_no_term_with_its_head() -> None:
    # "an advertisement" is what is viewed: no "advertisement identifiers" (the advertising ID)
    text = (
        "Ads use age and gender, number views of an advertisement, device unique identity or "
        "other device identifiers."
    )
    disclosure = facts(text).categories[C.DEVICE_ID]
    assert disclosure.status is E
    assert disclosure.data_types[DataType("ad_id")].status is V
