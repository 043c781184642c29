"""Behaviour table: another party's use of data gives the vendor's data no purpose
(references.py, read through the English use_reference).

A purpose is the vendor's use of the data (SPEC §2: the party is part of each disclosure).
A use statement whose actor is a third party ("These third parties will use Personal
Information to serve ads") says what they do with what they hold, whatever the data is called:
a capitalised name the policy may define, a lead-in of a list, or a collection of a group. A
use the vendor states beside them ("We and ... / we may use") stays the vendor's.
"""

from __future__ import annotations

import pytest

from permaudit.models import Category
from tests.policy.policy_support import purpose_ids

C = Category

DEVICE = "We collect your device ID.\n\n"


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        # Another party is the actor: no purpose, however the data is named.
        (DEVICE + "These third parties will use Personal Information to serve ads.",
         C.DEVICE_ID, set()),
        ('We collect "Device Data", such as your device ID.\n\n'
         "Our advertising partners may use your Device Data to serve you targeted ads.",
         C.DEVICE_ID, set()),
        (DEVICE + "Our partners may use your Personal Information for the following purposes:"
         "\n\n- to serve you targeted ads", C.DEVICE_ID, set()),
        (DEVICE + "Our partners may use Device Information to: serve ads; measure "
         "campaigns.", C.DEVICE_ID, set()),
        ('We collect "Device Data", such as your device ID.\n\n'
         "Our analytics providers collect Device Data to analyze app usage.",
         C.DEVICE_ID, set()),
        # Counter-examples: the vendor is the actor, with the same names.
        (DEVICE + "We will use Personal Information to serve ads.", C.DEVICE_ID,
         {"advertising"}),
        (DEVICE + "We use Device Information to diagnose problems with the app.",
         C.DEVICE_ID, {"troubleshooting"}),
        (DEVICE + "We share data with partners, and we may use your Device Information to "
         "diagnose problems with the app.", C.DEVICE_ID, {"troubleshooting"}),
        # The vendor among the users: its use too.
        (DEVICE + "We, or our vendors on our behalf, may use Personal Information to serve "
         "ads.", C.DEVICE_ID, {"advertising"}),
        (DEVICE + "Service providers acting on our behalf may use Personal Information to "
         "serve ads.", C.DEVICE_ID, {"advertising"}),
        (DEVICE + "We may use your Personal Information for the following purposes:\n\n"
         "- to diagnose problems with the app", C.DEVICE_ID, {"troubleshooting"}),
    ],
)  # fmt: skip
def test_third_party_uses_give_no_purpose(
    text: str, category: Category, expected: set[str]
) -> None:
    assert purpose_ids(text, category) == expected
