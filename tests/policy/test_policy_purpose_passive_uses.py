"""Behaviour table: a use stated in the passive refers to data as the active use does
(references.py, read through the English use_reference).

"Your information may be used to notify others" is the vendor's use of the information in
general, as "We may use your information to notify others" is: a policy's passive states its
own practice. Named with its agent, another party's use gives the vendor's data no purpose
("The information is used by our advertising partners to serve ads"), as the active form
gives none; the vendor among the agents keeps it ours. A name that points back ("This
information is used to ...") is left to the sentence before it, whose data and actor it means.
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
        # The vendor's passive use of information in general, or of a named group.
        (DEVICE + "Your information is used to serve you ads.", C.DEVICE_ID, {"advertising"}),
        (DEVICE + "The information we collect may be used to diagnose problems with the app.",
         C.DEVICE_ID, {"troubleshooting"}),
        (DEVICE + "In addition, your personal information may be used to serve you ads.",
         C.DEVICE_ID, {"advertising"}),
        (DEVICE + "The information that is collected will be exclusively used to diagnose "
         "problems with the app.", C.DEVICE_ID, {"troubleshooting"}),
        (DEVICE + "Any information collected is used to diagnose problems with the app.",
         C.DEVICE_ID, {"troubleshooting"}),
        (DEVICE + "Your Personal Information is used by Acme to serve you ads.", C.DEVICE_ID,
         {"advertising"}),
        (DEVICE + "Your information may be used by us or our service providers to serve you "
         "ads.", C.DEVICE_ID, {"advertising"}),
        (DEVICE + "Your information may be used by Acme and its partners to serve you ads.",
         C.DEVICE_ID, {"advertising"}),
        # Another party is the agent: no purpose, however the data is named.
        (DEVICE + "The information is used by our advertising partners to serve you ads.",
         C.DEVICE_ID, set()),
        (DEVICE + "Personal Information is used by our advertising partners to serve you ads.",
         C.DEVICE_ID, set()),
        (DEVICE + "Your information may be used by third parties to serve you ads.",
         C.DEVICE_ID, set()),
        (DEVICE + "Your information may be used by Google or its partners for the following "
         "purposes:\n\n- to serve you targeted ads", C.DEVICE_ID, set()),
        # Not all of the information, or not said to be ours.
        (DEVICE + "The information collected through cookies is used to serve you ads.",
         C.DEVICE_ID, set()),
        (DEVICE + "The information collected by these third parties may be used to serve you "
         "ads.", C.DEVICE_ID, set()),
        (DEVICE + "Information collected during your use of the app is used to serve you ads.",
         C.DEVICE_ID, set()),
        (DEVICE + "Contact information is used to serve you ads.", C.DEVICE_ID, set()),
        ("We allow third-party companies to collect certain information when you use our "
         "app.\n\nWe collect your device ID.\n\nThis information is used to serve you ads.",
         C.DEVICE_ID, set()),
    ],
)  # fmt: skip
def test_passive_uses_refer_as_active_ones(
    text: str, category: Category, expected: set[str]
) -> None:
    assert purpose_ids(text, category) == expected
