"""Behaviour table: a use heading run into its paragraph (references.py, en/purposes.py).

Scraped policies often lost the line break after a heading, so the heading opens the first
sentence of its paragraph ("How We Use Your Information We use your information to ...").
Such a heading, in Title Case, is still the heading of a use section: its purposes reach every
category the policy discloses, as a heading on a line of its own does. Its section is its own
paragraph and the list items after it (the headings after it ran into their paragraphs too, so
none would end it). A sentence that only starts like a heading, a run-in heading about
collecting, or a paragraph after the section gives nothing.
"""

from __future__ import annotations

import pytest

from permaudit.models import Category
from permaudit.policy.languages.en.purposes import run_in_title
from tests.policy.policy_support import purpose_ids

C = Category

COLLECTED = (
    "Information We Collect We collect your precise location and the contacts in your "
    "address book.\n\n"
)


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        # The heading's own sentence states purposes for all the information.
        (
            COLLECTED + "How We Use Your Information We use your information to prevent fraud "
            "and to respond to your support requests.",
            C.LOCATION,
            {"fraud_prevention", "customer_support"},
        ),
        # A numbered heading, a third-person vendor, and the rest of its paragraph.
        (
            COLLECTED + "3. How Acme Uses Information We (or our vendors on our behalf) use "
            "information collected as described in this policy as follows: Perform analytics "
            "and conduct customer research; Send you reminders and security alerts.",
            C.CONTACTS,
            {"analytics", "notifications"},
        ),
        # The list items after the paragraph are in the section too.
        (
            COLLECTED + "Use of Information We may use information about you for various "
            "purposes, including:\n\n- to conduct research;\n\n- to comply with legal "
            "obligations.",
            C.LOCATION,
            {"analytics", "legal_compliance"},
        ),
    ],
)
def test_run_in_use_heading_gives_its_purposes(
    text: str, category: Category, expected: set[str]
) -> None:
    assert purpose_ids(text, category) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A sentence that starts like a heading, in sentence case: about its own subject.
        COLLECTED + "How we use cookies to prevent fraud is described in our Cookie Policy.",
        # A run-in heading about collecting and using: its sentences disclose data one by
        # one, each with its own purposes.
        COLLECTED + "How We Collect and Use Information We may use cookies to prevent fraud.",
        # The section is the heading's paragraph: the next paragraph is not in it.
        COLLECTED + "How We Use Your Information We use your information as this policy "
        "describes.\n\nOur partners may use cookies to prevent fraud.",
    ],
)
def test_no_purposes_outside_a_run_in_use_section(text: str) -> None:
    assert purpose_ids(text, C.LOCATION) == set()


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        (
            "How We Use the Information We Collect We primarily use it to",
            "How We Use the Information We Collect",
        ),
        (
            "How We Use Your Information The information we collect is used to",
            "How We Use Your Information",
        ),
        ("2. Use of Your Data We may use your Data to: Give you access", "Use of Your Data"),
        # A sentence, not a heading: its opening capital is its own first word.
        ("We use your information to provide the service.", None),
        # A name that opens a sentence is no title ("Google" before "Analytics uses").
        ("Google Analytics uses cookies.", None),
        # All Title Case: no sentence after it.
        ("How We Use Your Information", None),
    ],
)
def test_run_in_title(sentence: str, title: str | None) -> None:
    assert run_in_title(sentence) == title
