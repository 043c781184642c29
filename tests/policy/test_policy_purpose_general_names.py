"""Behaviour table: the general word as the policy's name for all it collects
(languages/en/purposes.py, `use_reference`).

A policy that calls all the personal information it collects 'the "Data"' or "Your
Information" and then says "We may use your Data to: ..." states uses of information in
general, which reach every category it discloses (benchmarks/gold/README.md, "Purposes"), as
the passive "Your Data may be used to ..." already did; the name's definition, which lists no
data, narrows nothing. The counter-examples: a specific name the policy defines still reaches
only its own group, and another party's use of the Data gives ours no purpose.
"""

from __future__ import annotations

import pytest

from permaudit.models import Category
from tests.policy.policy_support import purpose_ids

C = Category
DEFINED = (
    "This policy describes how we collect and use the personal information that we collect "
    'from you during your use of the Site (the "Data").\n\n'
    "We collect your precise location.\n\n"
)


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        (DEFINED + "We may use your Data to send you newsletters.", C.LOCATION, {"communication"}),
        (
            DEFINED + "We use your Data for the following purposes:\n\n- to send you newsletters",
            C.LOCATION,
            {"communication"},
        ),
        (
            DEFINED + "2. How We Use Your Data We may use your Data to: send you newsletters; "
            "answer your questions.",
            C.LOCATION,
            {"communication", "customer_support"},
        ),
        (
            'We collect your precise location.\n\nWe collect your IP address ("Information").\n\n'
            "We use the Information we collect to send you newsletters.",
            C.LOCATION,
            {"communication"},
        ),
        # Counter-examples: a specific name reaches its own group only; another party's use.
        (
            'We collect your device ID ("Device Data").\n\nWe collect your precise location.\n\n'
            "We use Device Data to send you newsletters.",
            C.LOCATION,
            set(),
        ),
        (
            DEFINED + "Our advertising partners may use your Data to send you newsletters.",
            C.LOCATION,
            set(),
        ),
    ],
)
def test_the_general_word_named_as_the_policys_term_is_information_in_general(
    text: str, category: Category, expected: set[str]
) -> None:
    assert purpose_ids(text, category) == expected
