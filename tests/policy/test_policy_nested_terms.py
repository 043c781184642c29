"""A word that only modifies a longer term of another datum is that datum's, not its own:
"camera" in "camera roll" and "photo" in "photo library" name the phone's storage, not the
camera. Where the nested word is the head ("location" in "wireless location") it is a datum
of its own too. Devices on a network named by its router or product are LAN devices."""

from __future__ import annotations

import pytest

from permaudit.models import Category, DataType, Status
from tests.policy.policy_support import facts


@pytest.mark.parametrize(
    ("text", "camera", "storage"),
    [
        ("We do not access your camera roll.", Status.ABSENT, Status.DENIED),
        ("We access your photo library to let you pick a file.", Status.ABSENT, Status.EXPLICIT),
        ("We collect your name and profile photo.", Status.VAGUE, Status.VAGUE),
    ],
)
def test_word_inside_another_datums_term(text: str, camera: Status, storage: Status) -> None:
    found = facts(text)
    assert (found.status(Category.CAMERA), found.status(Category.STORAGE)) == (camera, storage)


def test_nested_head_is_a_datum_too() -> None:
    found = facts("We collect your wireless location.")
    assert found.status(Category.LOCATION) is Status.EXPLICIT
    assert found.status(Category.LOCAL_NETWORK) is Status.EXPLICIT


@pytest.mark.parametrize(
    "text",
    [
        "We collect the names of devices connected to your eero network.",
        "We collect information about devices on your Wi-Fi network.",
    ],
)
def test_devices_on_a_named_network_are_lan_devices(text: str) -> None:
    assert facts(text).data_type_status(DataType("lan_devices")) is Status.EXPLICIT
