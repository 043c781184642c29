"""Behaviour table: a use lead-in whose list runs on in its own sentence (references.py).

Policies scraped from the web often lost their lines, so the list of a lead-in follows its
colon in the same sentence ("... for the following purposes: to provide the Services; to
respond to your questions") and its numbered items run on as paragraphs of their own ("2. to
..."). It is the same lead-in as one whose colon ends the line: its items are purposes of the
information it refers to, each item as a whole. A colon that opens no list of uses (the user's
choices, a list of products) gives no purposes.
"""

from __future__ import annotations

import pytest

from permaudit.models import Category, CategoryDisclosure, Status
from tests.policy.policy_support import facts

C = Category

COLLECTED = "We collect your precise location.\n\n"


def categories(text: str) -> dict[Category, CategoryDisclosure]:
    # A paragraph of its own: the policy's first line is the helpers' introduction.
    return facts("\n\n" + text).categories


def purposes(text: str, category: Category) -> set[str]:
    return {p.id for p in categories(text)[category].purposes}


@pytest.mark.parametrize(
    ("lead_in", "expected"),
    [
        # The list after the colon, items split by semicolons.
        (
            "We use the information we collect for the following purposes: providing "
            "customer support; preventing fraud.",
            {"fraud_prevention", "customer_support"},
        ),
        # Numbered items run on in the lead-in's sentence, and as paragraphs after it.
        (
            "The Company uses the information it collects in the following ways: 1. to "
            "conduct research;\n\n2. to respond to your questions;\n\n3. to prevent fraud.",
            {"fraud_prevention", "analytics", "customer_support"},
        ),
        # A third-person vendor, "your information", and "including".
        (
            "Acme may use your information in the following ways, including: a) troubleshoot "
            "issues b) send you newsletters",
            {"troubleshooting", "communication"},
        ),
        # "In a number of ways, such as:", and items that lost even their separators but
        # for the enumerators.
        (
            "Acme uses the information we collect about you in a number of ways, such as: "
            "(a) conducting research (b) diagnosing problems in our apps",
            {"analytics", "troubleshooting"},
        ),
        # "Any of" / "one or more of" the following purposes or ways.
        (
            "We may use your information for any of the following purposes: to conduct "
            "research; to prevent fraud.",
            {"analytics", "fraud_prevention"},
        ),
        (
            "Any of the information we collect from you may be used in one or more of the "
            "following ways: * To respond to your questions * To prevent fraud",
            {"customer_support", "fraud_prevention"},
        ),
        # A passive lead-in, and an item with no "to" that is a purpose as a whole.
        (
            "Your data may be used for the following purposes: improving our products and "
            "services, and marketing.",
            {"analytics", "advertising"},
        ),
    ],
)
def test_inline_list_gives_its_purposes(lead_in: str, expected: set[str]) -> None:
    assert purposes(COLLECTED + lead_in, C.LOCATION) == expected


@pytest.mark.parametrize(
    "text",
    [
        # The user's choice about the use, not a use.
        "You may restrict the use of your information in the following ways: opt out of "
        "marketing e-mails.",
        # "As follows" opening a list of products, not of uses.
        "The products, and the information they collect when you use them, are as follows: "
        "Acme Antivirus, Acme Cleaner.",
        # A name the policy may define reaches only the group it labels, and none labels
        # "PII" here.
        "PII is used for the following purposes: (i) to provide our Services, (ii) to "
        "prevent fraud.",
        # A limit of the use states none.
        "We do not use your information for the following purposes: marketing.",
    ],
)
def test_colon_that_opens_no_list_of_uses_gives_no_purpose(text: str) -> None:
    disclosure = categories(COLLECTED + text)[C.LOCATION]
    assert disclosure.status in (Status.EXPLICIT, Status.VAGUE)
    assert disclosure.purposes == ()


def test_inline_list_never_discloses_a_category() -> None:
    text = (
        COLLECTED + "We use the information we collect for the following purposes: to "
        "prevent fraud; to show you the weather."
    )
    assert categories(text)[C.CAMERA].status == Status.ABSENT
    assert categories(text)[C.CAMERA].purposes == ()
