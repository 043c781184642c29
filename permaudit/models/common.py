"""Building blocks shared by app, policy and finding models."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict

SCHEMA_VERSION = "1"


class Frozen(BaseModel):
    """Base of every value object: immutable, and strict about unknown fields."""

    # Schemas are built on first use: a command pays only for the models it uses (`extract`
    # never builds the policy, finding and report models, a tenth of its start-up).
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


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


class DataType(StrEnum):
    """Data types of SPEC §1b: which datum of a category. Values are public JSON contract."""

    IMEI = "imei"
    IMSI = "imsi"
    SIM_SERIAL = "sim_serial"
    PHONE_NUMBER = "phone_number"
    SERIAL_NUMBER = "serial_number"
    ANDROID_ID = "android_id"
    AD_ID = "ad_id"
    MAC_ADDRESS = "mac_address"
    WIFI_NETWORK = "wifi_network"
    WIFI_SCAN = "wifi_scan"
    LAN_DEVICES = "lan_devices"
    NETWORK_STATE = "network_state"
    ADDRESS_BOOK = "address_book"
    ACCOUNTS = "accounts"

    @property
    def category(self) -> Category:
        return DATA_TYPE_CATEGORY[self]


# SPEC §1b fixes which category each data type belongs to; it is contract, not tunable data.
DATA_TYPE_CATEGORY: dict[DataType, Category] = {
    **dict.fromkeys(
        (
            DataType.IMEI,
            DataType.IMSI,
            DataType.SIM_SERIAL,
            DataType.PHONE_NUMBER,
            DataType.SERIAL_NUMBER,
            DataType.ANDROID_ID,
            DataType.AD_ID,
            DataType.MAC_ADDRESS,
        ),
        Category.DEVICE_ID,
    ),
    **dict.fromkeys(
        (
            DataType.WIFI_NETWORK,
            DataType.WIFI_SCAN,
            DataType.LAN_DEVICES,
            DataType.NETWORK_STATE,
        ),
        Category.LOCAL_NETWORK,
    ),
    DataType.ADDRESS_BOOK: Category.CONTACTS,
    DataType.ACCOUNTS: Category.CONTACTS,
}


def data_types_of(category: Category) -> tuple[DataType, ...]:
    """The SPEC §1b data types of `category`, in contract order (empty for most categories)."""
    return tuple(data_type for data_type in DataType if data_type.category is category)


# How findings and reports name each category and data type: one wording for every format.
CATEGORY_LABELS: dict[Category, str] = {
    Category.CAMERA: "camera",
    Category.MICROPHONE: "microphone",
    Category.LOCATION: "location",
    Category.LOCAL_NETWORK: "local network (Wi-Fi)",
    Category.DEVICE_ID: "device identifiers",
    Category.BLUETOOTH: "Bluetooth",
    Category.STORAGE: "storage (photos, media, files)",
    Category.CONTACTS: "contacts",
    Category.CALENDAR: "calendar",
    Category.PHONE: "phone calls",
    Category.SMS: "SMS",
    Category.HEALTH: "health data (body sensors, activity)",
    Category.SENSORS: "motion sensors",
    Category.NOTIFICATIONS: "notification content",
    Category.INSTALLED_APPS: "installed apps",
}

DATA_TYPE_LABELS: dict[DataType, str] = {
    DataType.IMEI: "IMEI",
    DataType.IMSI: "IMSI",
    DataType.SIM_SERIAL: "SIM serial number",
    DataType.PHONE_NUMBER: "phone number",
    DataType.SERIAL_NUMBER: "hardware serial number",
    DataType.ANDROID_ID: "Android ID",
    DataType.AD_ID: "advertising ID",
    DataType.MAC_ADDRESS: "MAC address",
    DataType.WIFI_NETWORK: "Wi-Fi network name (SSID/BSSID)",
    DataType.WIFI_SCAN: "nearby Wi-Fi networks",
    DataType.LAN_DEVICES: "devices on the local network",
    DataType.NETWORK_STATE: "network state",
    DataType.ADDRESS_BOOK: "address book",
    DataType.ACCOUNTS: "accounts on the device",
}


def category_label(category: Category | None) -> str:
    """`Category.DEVICE_ID` → "device identifiers"; None (a finding about the app) → "app"."""
    return CATEGORY_LABELS[category] if category is not None else "app"


def data_type_label(data_type: DataType) -> str:
    return DATA_TYPE_LABELS[data_type]


class Party(StrEnum):
    FIRST_PARTY = "first_party"
    THIRD_PARTY = "third_party"
    UNKNOWN = "unknown"
