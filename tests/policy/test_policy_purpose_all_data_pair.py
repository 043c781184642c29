"""Behaviour table: a use of personal and non-personal information together (en/purposes.py).

Two complementary groups named together are all the information: every datum is one or the
other ("We may also use personal and non-personal information, both individually and combined
together, to better understand ...": APP-350 TRAINING policy_161; "Imangi may use personal and
non-personal data ... for purposes of analyzing usage": policy_240). Such a use gives its
purposes to every category the policy discloses, as "the information we collect" does: a use
statement about information in general covers all disclosed data (benchmarks/gold/README.md,
"Purposes"). Not when another party is the one using it, nor for what came one way.
"""

from __future__ import annotations

import pytest

from permaudit.models import Category
from tests.policy.policy_support import purpose_ids

C = Category

COLLECTED = (
    "We collect your precise location.\n\n"
    "The app reads your Wi-Fi network name (SSID) to connect the camera.\n\n"
)


def purposes(sentence: str, category: Category) -> set[str]:
    return purpose_ids(COLLECTED + sentence, category)


@pytest.mark.parametrize(
    ("sentence", "category", "expected"),
    [
        ("We may also use personal and non-personal information, both individually and "
         "combined together, to prevent fraud.", C.LOCATION, {"fraud_prevention"}),
        ("Acme may use personal and non-personal data for purposes of analyzing usage of the "
         "Services.", C.LOCAL_NETWORK, {"device_setup", "analytics"}),
        ("We use non-personal and personal information to prevent fraud.", C.LOCATION,
         {"fraud_prevention"}),
    ],
)  # fmt: skip
def test_both_groups_are_all_information(
    sentence: str, category: Category, expected: set[str]
) -> None:
    assert purposes(sentence, category) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # Another party's use.
        "Our advertising partners may use personal and non-personal information to prevent fraud.",
        # What came one way.
        "We use personal and non-personal information collected through our website to prevent "
        "fraud.",
        # One group alone is no pair ("non-personal information" is what the policy defines).
        "We use non-personal information to prevent fraud.",
        # A limit, not a use.
        "We do not use personal and non-personal information to prevent fraud.",
    ],
)
def test_no_pair_use(sentence: str) -> None:
    assert purposes(sentence, C.LOCATION) == set()
