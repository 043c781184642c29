"""Behaviour table: a use sentence about information in general (references.py, en/purposes.py).

The rule (benchmarks/gold/README.md, "Purposes"): a use statement about information in
general ("we use (the) information (we collect)", "your information", "this data", "all
information") gives its purposes to every category the policy discloses, in a sentence of its
own as under a use heading; one about a named group ("personal information", "device
information") to the categories under the umbrella the name names. Only the first party's use
counts, and not information restricted to what came one way ("the information collected
through activation") or is about one thing ("information about your device"): that is some of
the information, which the sentence does not say. Two complementary groups named together are
all the information too, every datum being one or the other ("We may also use personal and
non-personal information, both individually and combined together, to ...": APP-350 TRAINING
policy_161; "Imangi may use personal and non-personal data ... for purposes of analyzing
usage": policy_240).
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
        ("We may use your information to respond to your support requests.", C.LOCATION,
         {"customer_support"}),
        ("We use information to prevent fraud.", C.LOCATION, {"fraud_prevention"}),
        # "This data" is the information in general too.
        ("We use this data to prevent fraud.", C.LOCATION, {"fraud_prevention"}),
        ("We may use all information to comply with legal obligations.", C.LOCATION,
         {"legal_compliance"}),
        # Every disclosed category, the Wi-Fi network too.
        ("We may use your information to prevent fraud.", C.LOCAL_NETWORK,
         {"device_setup", "fraud_prevention"}),
        # A named group: the categories under its umbrella. Personal information holds the
        # location, and the Wi-Fi network's name too (wifi_network ⊂ network_information ⊂
        # technical_information ⊂ personal_information): the sentence names no narrower part.
        ("We use personal information to prevent fraud.", C.LOCATION, {"fraud_prevention"}),
        ("We use personal information to prevent fraud.", C.LOCAL_NETWORK,
         {"device_setup", "fraud_prevention"}),
        # Technical information holds the network's identity through the data type's
        # category (an umbrella of data types only), not the location.
        ("We use technical information to prevent fraud.", C.LOCAL_NETWORK,
         {"device_setup", "fraud_prevention"}),
        ("We use technical information to prevent fraud.", C.LOCATION, set()),
        # Device information holds the phone's identifiers, not its network.
        ("We use device information to prevent fraud.", C.LOCAL_NETWORK, {"device_setup"}),
    ],
)  # fmt: skip
def test_general_use_reaches_disclosed_data(
    sentence: str, category: Category, expected: set[str]
) -> None:
    assert purposes(sentence, category) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # Another party's use.
        "Google may use the data to prevent fraud.",
        # Some of the information: what came one way, or what is about one thing.
        "We may use the information collected through activation to prevent fraud.",
        "We may use information you provide when you register to prevent fraud.",
        "We use information about your purchases to prevent fraud.",
        # A named group that is no umbrella of any category.
        "We use your contact information to prevent fraud.",
        # A limit, not a use.
        "We do not use your information to prevent fraud.",
    ],
)
def test_no_general_use(sentence: str) -> None:
    assert purposes(sentence, C.LOCATION) == set()


# Personal and non-personal information named together (en/purposes.py, all_data_pair).
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
