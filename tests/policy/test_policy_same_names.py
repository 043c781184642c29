"""Behaviour table: when a label or defined term names the group a use statement names
(Language.same_name, read by references.py for "We use your Device Data to ..." under a
"Device Datas" label, or a "Device Identifiers" heading for "device identifier").

English writes a plural with a final "s", so singular and plural name one group; Chinese
writes no plural, so only the same name does. The Chinese package reads no use of a named
group yet (its use_reference states none): these rows fix how its names will count.
"""

from __future__ import annotations

import pytest

from permaudit.models import Category
from permaudit.policy.languages.base import Language
from permaudit.policy.languages.en import LANGUAGE as ENGLISH
from permaudit.policy.languages.zh import LANGUAGE as CHINESE
from tests.policy.policy_support import purpose_ids


@pytest.mark.parametrize(
    ("language", "label", "name", "expected"),
    [
        (ENGLISH, "device data", "device data", True),
        (ENGLISH, "device identifiers", "device identifier", True),
        (ENGLISH, "usage details", "usage detail", True),
        (ENGLISH, "device information", "usage information", False),
        (ENGLISH, "device data", "device", False),
        (CHINESE, "设备信息", "设备信息", True),
        # No plural to strip: a final Latin "s" is part of the name.
        (CHINESE, "设备信息s", "设备信息", False),
        (CHINESE, "设备信息", "个人信息", False),
    ],
)  # fmt: skip
def test_same_name(language: Language, label: str, name: str, expected: bool) -> None:
    assert language.same_name(label, name) is expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Service Record", {"fraud_prevention"}),
        ("Service Records", {"fraud_prevention"}),
        # Another name: the use reaches nothing (no umbrella stands for it).
        ("Service Entry", set()),
    ],
)
def test_plural_label_reaches_its_data(label: str, expected: set[str]) -> None:
    # A use of the plural name reaches the data under the singular label, and only that.
    text = (
        f"**{label}**\n\nWe collect your device ID.\n\n"
        "**Location**\n\nWe collect your precise location.\n\n"
        "We use your Service Records to prevent fraud."
    )
    assert purpose_ids(text, Category.DEVICE_ID) == expected
    assert purpose_ids(text, Category.LOCATION) == set()
