"""Behaviour table: list items that lost their bullets (references.py).

Scraped policies often keep a use list's items as paragraphs of their own with no bullet or
number ("... as follows: To verify your identity;" / "To share your profile with your
contacts;" / "For internal operations, including troubleshooting problems."). An item that
ends with a semicolon says another item follows: the next paragraph is still in the list,
bullet or not. A paragraph after an item that ends with a full stop is not, and neither is
one after a lead-in with no item yet (a colon opens a list, it does not say how the list is
written).
"""

from __future__ import annotations

import pytest

from tests.policy.policy_support import location_purposes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A numbered first item, then items that are paragraphs of their own.
        (
            "We use the information we collect for the following purposes:\n\n"
            "1. To verify your identity;\n\n"
            "To respond to your questions and provide customer support;\n\n"
            "For internal operations, including troubleshooting problems.",
            {"account_security", "customer_support", "troubleshooting"},
        ),
        # A run-in use heading whose paragraph ends with the first item.
        (
            "How We Use Information We use your information as follows: To verify your "
            "identity;\n\n"
            "To send you newsletters;\n\n"
            "To prevent fraud.",
            {"account_security", "communication", "fraud_prevention"},
        ),
    ],
)
def test_items_after_a_semicolon_stay_in_the_list(text: str, expected: set[str]) -> None:
    assert location_purposes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The last item ends with a full stop: the paragraph after it is the policy's own.
        (
            "We use the information we collect for the following purposes:\n\n"
            "- To verify your identity.\n\n"
            "Our partners may use cookies to prevent fraud.",
            {"account_security"},
        ),
        # No item yet: a plain paragraph after the colon is not read as one.
        (
            "We use the information we collect for the following purposes:\n\n"
            "Our partners may use cookies to prevent fraud;\n\n"
            "- To verify your identity.",
            set(),
        ),
    ],
)
def test_a_list_ends_where_its_items_do(text: str, expected: set[str]) -> None:
    assert location_purposes(text) == expected
