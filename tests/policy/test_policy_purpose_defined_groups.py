"""Behaviour table: the uses of a named group reach the data the group holds (references.py).

A use statement about a named group ("We may use your Non-Personal Information to ...")
gives its purposes to the data the group covers (benchmarks/gold/README.md, "Purposes"): the
categories the policy itself puts under the name, in the sentence that defines it in quotes
('"Non-Personal Information," which is ... such as your device ID') and the next one if it
goes on about the name ('("PII"). PII may include ...'), or in a sentence that opens with the
name ("Non-personal information is data ... such as your Android ID"), as under a label of
that name; the policy's collecting such a group for stated purposes counts too. Where the
policy defines no such group, the categories under the ontology umbrella the name names
("Device Information", "Personal Information"). A name that is no umbrella and that the policy
does not define ("Contact Information") reaches nothing.
"""

from __future__ import annotations

import pytest

from permaudit.models import Category
from tests.policy.policy_support import purpose_ids

C = Category

DEFINED = (
    'We collect "Personal Information," which is information that identifies you, such as '
    "your name and your precise location.\n\n"
    '"Non-Personal Information" means data that does not identify you, such as your '
    "device ID and your IMEI.\n\n"
)


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        # The group the policy defined in quotes: its own data.
        (
            DEFINED + "We may use your Non-Personal Information to prevent fraud.",
            C.DEVICE_ID,
            {"fraud_prevention"},
        ),
        (
            DEFINED + "We will use your Personal Information to respond to your support requests.",
            C.LOCATION,
            {"customer_support"},
        ),
        # A run-in use heading whose first sentence names a defined group: that group.
        (
            DEFINED + "Use of the Information We Collect We will use your Personal "
            "Information to: respond to your support requests.",
            C.LOCATION,
            {"customer_support"},
        ),
        # A definition that goes on in the next sentence, which opens with the name.
        (
            'We may collect information that identifies you ("Personally Identifying '
            'Information" or "PII"). PII may include your name and your device ID.\n\n'
            "We collect your precise location.\n\n"
            "PII is used for the following purposes: (i) to prevent fraud.",
            C.DEVICE_ID,
            {"fraud_prevention"},
        ),
        # A definition without quotes: a sentence that opens with the name; the use or
        # collection of the group for stated purposes reaches its data.
        (
            "Non-personal information is data that does not identify you, such as your "
            "device ID.\n\n"
            "We collect your precise location.\n\n"
            "We may use non-personal information to prevent fraud.",
            C.DEVICE_ID,
            {"fraud_prevention"},
        ),
        (
            "Non-personal information is data that does not identify you, such as your "
            "device ID.\n\n"
            "To prevent fraud, we may collect non-personal information.",
            C.DEVICE_ID,
            {"fraud_prevention"},
        ),
        # No definition: the umbrella the name names ("Device Information": device_id).
        (
            "We collect your device ID.\n\n"
            "We use Device Information to diagnose problems with the app.",
            C.DEVICE_ID,
            {"troubleshooting"},
        ),
    ],
)
def test_group_uses_reach_its_data(text: str, category: Category, expected: set[str]) -> None:
    assert purpose_ids(text, category) == expected


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # The other group's data: the location is Personal Information here.
        (DEFINED + "We may use your Non-Personal Information to prevent fraud.", C.LOCATION),
        (
            DEFINED + "Use of the Information We Collect We will use your Personal "
            "Information to: respond to your support requests.",
            C.DEVICE_ID,
        ),
        # The definition's next sentence holds the device ID, not the location.
        (
            'We may collect information that identifies you ("Personally Identifying '
            'Information" or "PII"). PII may include your name and your device ID.\n\n'
            "We collect your precise location.\n\n"
            "PII is used for the following purposes: (i) to prevent fraud.",
            C.LOCATION,
        ),
        # The group the opening sentence defines holds the device ID, not the location.
        (
            "Non-personal information is data that does not identify you, such as your "
            "device ID.\n\n"
            "We collect your precise location.\n\n"
            "We may use non-personal information to prevent fraud.",
            C.LOCATION,
        ),
        # One word is no group a sentence defines by opening with it ("use In the course of
        # ...": a heading run into its sentence).
        (
            "In the app, we read your device ID.\n\n"
            "1. Personal information we collect and use In the course of your use of our "
            "services, we may collect information to prevent fraud.",
            C.DEVICE_ID,
        ),
        # Undefined, and no umbrella: nothing.
        (
            "We collect your precise location.\n\n"
            "We may use non-personal information to prevent fraud.",
            C.LOCATION,
        ),
        # Collecting data under an umbrella says why it is collected, not what all of it is
        # for.
        (
            "We collect your precise location.\n\n"
            "We collect personal information you provide if you contact our customer support "
            "to respond to your requests.",
            C.LOCATION,
        ),
        # An umbrella that holds no location.
        (
            "We collect your precise location.\n\n"
            "We use Device Information to diagnose problems with the app.",
            C.LOCATION,
        ),
        # A name that is no umbrella, undefined: the user's own details, not the location.
        (
            "We collect your precise location.\n\n"
            "We use your Contact Information to send you newsletters.",
            C.LOCATION,
        ),
    ],
)
def test_group_uses_reach_no_other_data(text: str, category: Category) -> None:
    assert purpose_ids(text, category) == set()
