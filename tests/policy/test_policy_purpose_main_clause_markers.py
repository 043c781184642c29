"""Behaviour table: a purpose marker that opens the sentence with its main clause (en/purposes.py).

A purpose fronted before the main clause ends at its comma ("To prevent fraud, we collect
..."). A marker that opens the sentence with the main clause's own subject and verb ("We use
this information to ...", "This helps us to ...") is no fronted purpose: its clause runs on
past the commas of its list ("We use this information to operate, maintain, and provide ...":
APP-350 TRAINING policy_317, policy_335, policy_338).
"""

from __future__ import annotations

import pytest

from permaudit.models import Category
from tests.policy.policy_support import purpose_ids

C = Category


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        ("We collect your precise location. We use this information to operate, maintain, and "
         "provide the features of the App.", C.LOCATION, {"service_provision"}),
        ("We collect your IMEI. We use it to maintain, operate, and continually improve the "
         "Services.", C.DEVICE_ID, {"service_provision", "analytics"}),
        ("We collect your IMEI. This helps us to operate, maintain and improve our Services.",
         C.DEVICE_ID, {"service_provision", "analytics"}),
    ],
)  # fmt: skip
def test_main_clause_marker_runs_past_its_commas(
    text: str, category: Category, expected: set[str]
) -> None:
    assert purpose_ids(text, category) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Fronted purposes still end at their comma: the main clause's words are no purpose.
        ("To prevent fraud, we collect your IMEI and share it with advertisers.",
         {"fraud_prevention"}),
        ("- To improve our apps, we collect your IMEI and share it with advertisers.",
         {"analytics"}),
        ("In order to prevent fraud, we collect your IMEI and share it with advertisers.",
         {"fraud_prevention"}),
    ],
)  # fmt: skip
def test_fronted_purpose_ends_at_its_comma(text: str, expected: set[str]) -> None:
    assert purpose_ids(text, C.DEVICE_ID) == expected
