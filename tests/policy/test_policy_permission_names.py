"""A policy that names an Android permission verbatim discloses that permission's category."""

from __future__ import annotations

import pytest

from permaudit.catalog import CatalogPermission, permission_catalog
from permaudit.models import Category, Status
from tests.policy.policy_support import facts

PERMISSIONS = list(permission_catalog().permissions)


@pytest.mark.parametrize("entry", PERMISSIONS, ids=[e.name for e in PERMISSIONS])
def test_every_catalog_permission_named_in_full_is_explicit(entry: CatalogPermission) -> None:
    got = facts(f"The app requests {entry.name} for its features.")
    assert got.status(entry.category) is Status.EXPLICIT


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The app requests READ_CONTACTS to invite friends.", Category.CONTACTS),
        ("We use ACCESS_WIFI_STATE to read the network the phone is on.", Category.LOCAL_NETWORK),
        ("CHANGE_WIFI_MULTICAST_STATE: receive the camera's broadcast.", Category.LOCAL_NETWORK),
        ("READ_EXTERNAL_STORAGE, WRITE_EXTERNAL_STORAGE: to save photos.", Category.STORAGE),
        ("The com.google.android.gms.permission.AD_ID permission.", Category.DEVICE_ID),
        (
            "android.permission.health.READ_HEART_RATE lets the app read heart rate.",
            Category.HEALTH,
        ),
        (
            "BIND_NOTIFICATION_LISTENER_SERVICE lets the watch show messages.",
            Category.NOTIFICATIONS,
        ),
        ("read_phone_state", Category.DEVICE_ID),
        # a permission name is unambiguous: the context rule for social-network friends
        # does not apply to it
        ("We use READ_CONTACTS to find friends from your Facebook account.", Category.CONTACTS),
    ],
)
def test_short_permission_names(text: str, category: Category) -> None:
    assert facts(text).status(category) is Status.EXPLICIT


def test_the_words_of_a_permission_name_are_not_other_categories() -> None:
    # "LOCATION" inside NEARBY_WIFI_DEVICES' neighbours, "PHONE" inside READ_PHONE_STATE: the
    # name is one word, not a mention of its parts.
    got = facts("The app requests READ_PHONE_STATE and ACCESS_NETWORK_STATE.")
    assert got.status(Category.PHONE) is Status.ABSENT
    assert got.status(Category.DEVICE_ID) is Status.EXPLICIT
    assert got.status(Category.LOCAL_NETWORK) is Status.EXPLICIT


def test_a_denied_permission_is_denied() -> None:
    assert facts("We do not request READ_CONTACTS.").status(Category.CONTACTS) is Status.DENIED


@pytest.mark.parametrize(
    ("text", "precision", "background"),
    [
        ("We request android.permission.ACCESS_FINE_LOCATION.", "precise", False),
        ("We request android.permission.ACCESS_COARSE_LOCATION.", "approximate", False),
        ("The app uses ACCESS_BACKGROUND_LOCATION to record routes.", "unspecified", True),
        (
            "We never request ACCESS_BACKGROUND_LOCATION; ACCESS_COARSE_LOCATION finds the camera.",
            "approximate",
            False,
        ),
    ],
)
def test_location_scope_from_the_permission_name(
    text: str, precision: str, background: bool
) -> None:
    location = facts(text).categories[Category.LOCATION]
    assert location.status is Status.EXPLICIT
    assert location.scope is not None
    assert (location.scope.precision, location.scope.background) == (precision, background)


def test_background_body_sensors_is_background_health() -> None:
    health = facts("The watch requests BODY_SENSORS_BACKGROUND.").categories[Category.HEALTH]
    assert health.status is Status.EXPLICIT
    assert health.scope is not None and health.scope.background
