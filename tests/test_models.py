from permaudit.models import (
    AppFacts,
    Category,
    CategoryDisclosure,
    DataType,
    DataTypeDisclosure,
    PolicyFacts,
    Rule,
    Scope,
    Status,
    all_data_types,
    data_types_of,
    fingerprint,
)


def test_fingerprint_ignores_permission_order_and_duplicates() -> None:
    a = fingerprint(Rule.UNDISCLOSED, "com.x", Category.LOCATION, ("B", "A"))
    b = fingerprint(Rule.UNDISCLOSED, "com.x", Category.LOCATION, ("A", "B", "A"))
    assert a == b
    assert a != fingerprint(Rule.VAGUE, "com.x", Category.LOCATION, ("A", "B"))


def test_policy_facts_require_every_category() -> None:
    full = {c: CategoryDisclosure() for c in Category}
    facts = PolicyFacts(source="p.txt", categories=full)
    assert facts.status(Category.CAMERA) is Status.ABSENT
    partial = {Category.CAMERA: CategoryDisclosure()}
    try:
        PolicyFacts(source="p.txt", categories=partial)
    except ValueError as error:
        assert "location" in str(error)
    else:
        raise AssertionError("a policy missing categories must not validate")


def test_policy_json_has_scope_only_where_set() -> None:
    full = {c: CategoryDisclosure() for c in Category}
    full[Category.LOCATION] = CategoryDisclosure(status=Status.EXPLICIT, scope=Scope())
    data = PolicyFacts(source="p.txt", categories=full).to_json_dict()
    assert set(data["categories"]) == {c.value for c in Category}
    assert data["categories"]["location"]["scope"] == {
        "precision": "unspecified",
        "background": False,
    }
    assert "scope" not in data["categories"]["camera"]


def test_app_json_omits_evidence_unless_collected() -> None:
    app = AppFacts(source="a.apk", package="com.x")
    assert "api_evidence" not in app.to_json_dict()
    assert app.model_copy(update={"api_evidence": ()}).to_json_dict()["api_evidence"] == []


def test_policy_facts_carry_every_data_type_of_its_category_and_only_there() -> None:
    shared = CategoryDisclosure()
    named = CategoryDisclosure(
        status=Status.EXPLICIT,
        data_types={DataType("android_id"): DataTypeDisclosure(status=Status.EXPLICIT)},
    )
    categories = {c: shared for c in Category} | {Category.DEVICE_ID: named}
    facts = PolicyFacts(source="p.txt", categories=categories)
    assert facts.data_type_status(DataType("android_id")) is Status.EXPLICIT
    assert facts.data_type_status(DataType("imei")) is Status.ABSENT
    assert facts.data_type_status(DataType("address_book")) is Status.ABSENT
    data = facts.to_json_dict()
    assert list(data["categories"]["device_id"]["data_types"]) == [
        "imei", "imsi", "sim_serial", "phone_number", "serial_number", "android_id", "ad_id",
        "mac_address",
    ]  # fmt: skip
    assert list(data["categories"]["local_network"]["data_types"]) == [
        "wifi_network", "wifi_scan", "lan_devices", "network_state",
    ]  # fmt: skip
    assert list(data["categories"]["contacts"]["data_types"]) == ["address_book", "accounts"]
    assert "data_types" not in data["categories"]["camera"]
    assert data["language"] == "en"


def test_a_data_type_under_the_wrong_category_does_not_validate() -> None:
    wrong = CategoryDisclosure(data_types={DataType("imei"): DataTypeDisclosure()})
    categories = {c: CategoryDisclosure() for c in Category} | {Category.CONTACTS: wrong}
    try:
        PolicyFacts(source="p.txt", categories=categories)
    except ValueError as error:
        assert "imei" in str(error)
    else:
        raise AssertionError("imei is a device_id data type, not a contacts one")


def test_every_data_type_belongs_to_a_category() -> None:
    assert {d.category for d in all_data_types()} == {
        Category.DEVICE_ID,
        Category.LOCAL_NETWORK,
        Category.CONTACTS,
    }
    assert sum(len(data_types_of(c)) for c in Category) == len(all_data_types())
