"""A list of data that runs on past semicolons is governed by the verb before it, however long
it is: "We do not collect sensitive data like passwords; financial details; health conditions
or medical records" denies every item, as the same list with commas does. A clause after the
semicolon with its own verb is its own statement, and a list the verb discloses stays
disclosed."""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from tests.policy.policy_support import facts


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        (
            "We do not collect sensitive personal data like passwords; financial information"
            " such as bank details; health conditions or medical records; biometric information.",
            Category.HEALTH,
            Status.DENIED,
        ),
        (
            "We do not collect sensitive personal data or information of users like password of"
            " your e mail account; password of your account, financial information such as Bank"
            " Account details or Credit Card or Debit Card or other payment related details;"
            " physical and mental or other health conditions or medical records and history;"
            " Biometric information such as finger prints.",
            Category.HEALTH,
            Status.DENIED,
        ),
        (
            "We do not collect information such as your contacts; your call history; your"
            " calendar entries.",
            Category.CALENDAR,
            Status.DENIED,
        ),
        (
            "We will never collect sensitive information, including passwords; payment details;"
            " medical records; your calendar.",
            Category.HEALTH,
            Status.DENIED,
        ),
        # the same list with commas, which was already denied
        (
            "We do not collect sensitive personal data like passwords, health conditions or"
            " medical records.",
            Category.HEALTH,
            Status.DENIED,
        ),
        # a list the verb discloses stays disclosed
        (
            "We collect the following: your name; your heart rate; your sleep data.",
            Category.HEALTH,
            Status.EXPLICIT,
        ),
        (
            "We may collect: device identifiers; usage data; your calendar events; crash logs.",
            Category.CALENDAR,
            Status.EXPLICIT,
        ),
        # a clause with its own verb after the semicolon is its own statement
        (
            "We do not sell your data; we collect your heart rate to show trends.",
            Category.HEALTH,
            Status.EXPLICIT,
        ),
        (
            "We do not collect your contacts; however, the app reads your calendar events.",
            Category.CALENDAR,
            Status.EXPLICIT,
        ),
    ],
)
def test_a_list_past_semicolons_has_its_verbs_polarity(
    text: str, category: Category, expected: Status
) -> None:
    assert facts(text).status(category) is expected
