"""Building blocks shared by app, policy and finding models."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, GetCoreSchemaHandler
from pydantic_core import core_schema

if TYPE_CHECKING:
    from permaudit.catalog.ontology import DataTypeContract

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


class DataType(str):
    """A data type of SPEC §1b (which datum of a category): its id, e.g. "imei".

    Which ids exist, in which order, and each one's category, label and severity are data: the
    `kind: data_type` nodes of permaudit/catalog/ontology.yaml, read when a value is first
    made or validated (never at import, so start-up does not load the ontology). Making one
    of an id the ontology does not hold fails, in code (`DataType("imeii")`, ValueError) and
    in validation (a pydantic field of this type refuses it). There is one value per id, so
    `is` compares as the enum it replaces did; the values are public JSON contract.
    """

    __slots__ = ()

    def __new__(cls, value: str) -> DataType:
        known = _data_types().get(value)
        if known is None:
            raise ValueError(
                f"{value!r} is no data type (SPEC §1b; the ontology's data_type nodes)"
            )
        return known

    @property
    def value(self) -> str:
        return str.__str__(self)

    @property
    def category(self) -> Category:
        return _contract(self).category

    @property
    def label(self) -> str:
        """How findings and reports name it: "IMEI", "Wi-Fi network name (SSID/BSSID)"."""
        return _contract(self).label

    @property
    def severity(self) -> Literal["error", "warning"]:
        """Severity of its data_type_undisclosed finding (SPEC §3): "error" or "warning"."""
        return _contract(self).severity

    def __repr__(self) -> str:
        return f"DataType({str.__repr__(self)})"

    def __reduce__(self) -> tuple[type[DataType], tuple[str]]:
        # Unpickled (a batch worker's result) through __new__, so to the one value of its id.
        return (DataType, (self.value,))

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        from_id = core_schema.no_info_after_validator_function(cls, core_schema.str_schema())
        return core_schema.json_or_python_schema(
            json_schema=from_id,
            # A value already made is valid as it is: the ontology's own validation makes
            # them before the ontology can be looked up.
            python_schema=core_schema.union_schema([core_schema.is_instance_schema(cls), from_id]),
            # JSON gets the id; Python dumps keep the value, as they kept the enum member.
            serialization=core_schema.to_string_ser_schema(when_used="json"),
        )


def known_data_type(data_type_id: str) -> DataType:
    """The value of an id the ontology holds, made without asking the ontology; only the
    ontology's loader calls it, for each of its data_type nodes."""
    return str.__new__(DataType, data_type_id)


def _data_types() -> dict[str, DataType]:
    # Deferred: the catalog builds on these models, and loading it belongs to first use.
    from permaudit.catalog.ontology import ontology

    return ontology().data_types


def _contract(data_type: DataType) -> DataTypeContract:
    from permaudit.catalog.ontology import ontology

    return ontology().data_type_contracts[data_type]


def all_data_types() -> tuple[DataType, ...]:
    """Every data type of SPEC §1b, in contract order."""
    return tuple(_data_types().values())


def data_types_of(category: Category) -> tuple[DataType, ...]:
    """The SPEC §1b data types of `category`, in contract order (empty for most categories)."""
    return tuple(data_type for data_type in all_data_types() if data_type.category is category)


# How findings and reports name each category: one wording for every format (a data type's
# is its `label`, from the ontology).
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


def category_label(category: Category | None) -> str:
    """`Category.DEVICE_ID` → "device identifiers"; None (a finding about the app) → "app"."""
    return CATEGORY_LABELS[category] if category is not None else "app"


def data_type_label(data_type: DataType) -> str:
    return data_type.label


class Party(StrEnum):
    FIRST_PARTY = "first_party"
    THIRD_PARTY = "third_party"
    UNKNOWN = "unknown"
