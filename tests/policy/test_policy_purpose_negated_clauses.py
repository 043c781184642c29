"""Behaviour table: a negation inside a purpose clause (en/purposes.py, `item_purposes`).

A sentence of a use section or list that negates its use states no purpose ("We do not use
your information for advertising"): a limit is no use. A negation inside one of its purpose
clauses is that purpose's own words, not a limit on the use: "to ensure that users do not
open a new account" (APP-350 TRAINING policy_116, policy_176), "to contact you by SMS (reply
stop in order not to receive future SMSs)" (policy_320), "to ensure that we do not collect
more information" (policy_105). Only a negation outside every purpose clause limits the use,
a fronted purpose's main clause included ("To prevent fraud, we do not share ...").
"""

from __future__ import annotations

import pytest

from tests.policy.policy_support import location_purposes

LEAD_IN = "We use the information we collect for the following purposes:\n\n"


def purposes(item: str) -> set[str]:
    return location_purposes(LEAD_IN + item)


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("- To contact you by SMS (reply stop in order not to receive future messages);",
         {"communication"}),
        ("- To ensure that users do not abuse the Services;", {"fraud_prevention"}),
        ("- To prevent fraud and to make sure you are not a robot;", {"fraud_prevention"}),
        # Without a negation, the same items as before.
        ("- To contact you by SMS;", {"communication"}),
    ],
)  # fmt: skip
def test_negation_inside_a_purpose_is_its_own(item: str, expected: set[str]) -> None:
    assert purposes(item) == expected


@pytest.mark.parametrize(
    "item",
    [
        # The use itself negated: a limit, no purpose.
        "- We do not use your information to contact you by SMS.",
        "- We never use your data for advertising.",
        # A fronted purpose whose main clause is negated.
        "- To prevent fraud, we do not share your information with advertisers.",
        # A list item with no purpose clause at all, negated.
        "- No advertising.",
    ],
)
def test_negated_use_states_no_purpose(item: str) -> None:
    assert purposes(item) == set()
