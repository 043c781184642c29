"""Building blocks shared by app, policy and finding models."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict

SCHEMA_VERSION = "1"


class Frozen(BaseModel):
    """Base of every value object: immutable, and strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Category(StrEnum):
    """Data categories of SPEC §1. The values are part of the public JSON contract."""

    CAMERA = "camera"
    MICROPHONE = "microphone"
    LOCATION = "location"
    LOCAL_NETWORK = "local_network"
    DEVICE_ID = "device_id"
    BLUETOOTH = "bluetooth"
    STORAGE = "storage"
    CONTACTS = "contacts"
    CALENDAR = "calendar"
    PHONE = "phone"
    SMS = "sms"
    HEALTH = "health"
    SENSORS = "sensors"
    NOTIFICATIONS = "notifications"
    INSTALLED_APPS = "installed_apps"


class Party(StrEnum):
    FIRST_PARTY = "first_party"
    THIRD_PARTY = "third_party"
    UNKNOWN = "unknown"
