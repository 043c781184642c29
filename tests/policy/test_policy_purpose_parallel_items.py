"""Behaviour table: use list items written as purposes, with no bullet (references.py,
`_items`, and the English next_item).

Scraped policies lose a use list's bullets and keep each item as a sentence or paragraph of
its own that opens with the infinitive of purpose: "We may use the information held about you
for a number of purposes, including: To create your profile ..." / "To respond to your
queries and to provide technical support." / "To notify you of game updates ..." (APP-350
TRAINING policy_162, 248). An item written as the lead-in's run-on first item, or as the item
before it, is the list's next item, in the lead-in's paragraph or one of its own; so is one
after a lead-in that ends with its colon. The list ends at the first paragraph that is no item.
"""

from __future__ import annotations

import pytest

from tests.policy.policy_support import location_purposes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The items in the lead-in's paragraph.
        ("We may use the information held about you for a number of purposes, including: To "
         "create your profile. To respond to your queries and to provide technical support. "
         "To notify you of game updates and changes to our service.",
         {"troubleshooting", "notifications"}),
        # Each item a paragraph of its own.
        ("Any of the information we collect from you may be used in one of the following "
         "ways: To personalize your experience.\n\nTo respond to your queries and to "
         "provide technical support.\n\nTo prevent fraud.",
         {"service_provision", "troubleshooting", "fraud_prevention"}),
        # After a lead-in that ends with its colon.
        ("We use the information we collect for the following purposes:\n\nTo verify your "
         "identity.\n\nTo prevent fraud.", {"account_security", "fraud_prevention"}),
    ],
)  # fmt: skip
def test_items_written_as_purposes(text: str, expected: set[str]) -> None:
    assert location_purposes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A paragraph that opens otherwise ends the list.
        ("We use the information we collect for the following purposes: To verify your "
         "identity.\n\nOur partners may use cookies to prevent fraud.", {"account_security"}),
        ("We use the information we collect for the following purposes:\n\nOur partners may "
         "use cookies to prevent fraud.\n\nTo verify your identity.", set()),
        # "to" before a noun is no infinitive.
        ("We use the information we collect for the following purposes:\n\nTo our partners, "
         "for fraud prevention.", set()),
    ],
)  # fmt: skip
def test_lists_end_where_no_item_follows(text: str, expected: set[str]) -> None:
    assert location_purposes(text) == expected
