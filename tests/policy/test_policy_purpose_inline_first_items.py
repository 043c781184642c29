"""Behaviour table: a use lead-in whose first item runs on in its sentence, the others on
paragraphs of their own (references.py, `_items`).

Scraped policies keep a use list's first item in its lead-in's sentence and give each later
item a paragraph of its own, with no bullet: "For example, we may use your information to:
Create game accounts and allow users to play our Games;" / "Identify and suggest connections
with other users;" / "Respond to your comments and questions and provide customer service;"
(APP-350 TRAINING policy_115, 134, 135, 255, 308). The lead-in ends as an item does, with a
semicolon, so the next paragraph is its second item; the list goes on item by item while
each ends so, and ends after the first item that does not (its last). A question after the
list is the next topic, not an item. A lead-in whose first item ends with a full stop has no
second item.
"""

from __future__ import annotations

import pytest

from tests.policy.policy_support import location_purposes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("For example, we may use your information to: Create game accounts and allow users "
         "to play our Games;\n\nRespond to your comments and questions;\n\nPrevent "
         "potentially prohibited or illegal activities.",
         {"customer_support", "fraud_prevention"}),
        ("In general, the information we collect is used in the following ways: to enable "
         "your access to the Services;\n\nto communicate with you, including via email;\n\n"
         "and to diagnose problems with the app.",
         {"communication", "troubleshooting"}),
        # The last item ends the list, though the paragraph goes on.
        ("We may use your information to: Respond to your comments and questions;\n\n"
         "Prevent fraud. Our partners may use cookies to serve ads.",
         {"customer_support", "fraud_prevention"}),
        # A question after the last item is the next topic's heading.
        ("We may use your information to: Respond to your comments and questions;\n\n"
         "Send you newsletters;\n\n4. Who do we share your information with to prevent "
         "fraud?",
         {"customer_support", "communication"}),
    ],
)  # fmt: skip
def test_items_after_an_inline_first_item(text: str, expected: set[str]) -> None:
    assert location_purposes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The first item ends with a full stop: the next paragraph is the policy's own.
        ("We use the information we collect for the following purposes: To verify your "
         "identity.\n\nOur partners may use cookies to prevent fraud.", {"account_security"}),
        # Another party's list: none of its items.
        ("Our partners may use your information to: serve you ads;\n\nPrevent fraud.", set()),
    ],
)  # fmt: skip
def test_no_items_after_an_ended_first_item(text: str, expected: set[str]) -> None:
    assert location_purposes(text) == expected
