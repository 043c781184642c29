"""Behaviour table: a use lead-in "to:" whose items run on in its sentence (en/cues.yaml).

Scraped policies run a use list into its lead-in's sentence, the items ended by semicolons:
"We may use your information to: operate and improve our Apps; understand you and your
preferences; ..." (APP-350 TRAINING policy_115, 123, 192, 230, 233, 255, 277, 308, 314). Each
item is a purpose as a whole, as it would be on a line of its own, and the lead-in reaches
what it names, as a lead-in on a line of its own does. Not the user's consent to a list ("By
using the Service, you are consenting to: the use of cookies; ..."), not another party's use,
and not a colon with no list after it.
"""

from __future__ import annotations

import pytest

from tests.policy.policy_support import location_purposes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Long enough that the sentence is no short line taken as a whole.
        ("We may use your information to: respond to your support requests and the comments "
         "you send us by e-mail or through the forms of our website; detect fraud; comply "
         "with legal obligations that apply to us in the countries where we operate.",
         {"customer_support", "fraud_prevention", "legal_compliance"}),
        ("We process and may use information about you to: respond to your questions about "
         "our products or the services of our partners and the orders you place with them "
         "through the App; detect fraud and abuse of the accounts of our users.",
         {"customer_support", "fraud_prevention"}),
    ],
)  # fmt: skip
def test_items_after_to_colon_are_purposes(text: str, expected: set[str]) -> None:
    assert location_purposes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # The user's consent, not a use of ours.
        "By using the Service, you are consenting to: the use of cookies and similar "
        "technologies on the devices you use to reach the Service; the detection of fraud and "
        "abuse by the systems we run for that.",
        # Another party's use of what it collected.
        "Google may use the data it collects through the cookies it sets on the pages of our "
        "website and of other websites to: detect fraud and abuse; comply with the legal "
        "obligations that apply to it.",
    ],
)
def test_no_inline_to_list(text: str) -> None:
    assert location_purposes(text) == set()
