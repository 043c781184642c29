"""Data types end to end (SPEC §1b, §3): the fixture app datatypes_cam reads every data type
from its own code (com.vendor.bindcam) and from a P2P SDK of another organisation that no SDK
entry names (cn.hikvideo.p2p); obfuscated code (a.b.c) reads the IMEI.

The policy is tests/fixtures/audit/datatypes_policy.txt; its reviewed map (data types
included) is tests/fixtures/policy_maps/datatypes_policy.yaml. The policy names the IMEI, the
Android ID, the SSID and the device's accounts, denies the advertising ID, covers the rest of
the network's state only with "network information" (no Wi-Fi scan, no LAN devices), and says
device identifiers go to a third party.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from permaudit.apk import load_app
from permaudit.audit import audit
from permaudit.models import (
    AppFacts,
    Category,
    CategoryDisclosure,
    DataType,
    Party,
    PolicyFacts,
    Rule,
    Severity,
    all_data_types,
)
from permaudit.policy import load_policy
from tests.cli_support import run_cli
from tests.shared_data import SARIF_SCHEMA, needs_sarif_schema

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "tests" / "fixtures" / "apk" / "datatypes_cam.apk"
OLD_APP = ROOT / "tests" / "fixtures" / "apk" / "datatypes_cam_old.apk"
POLICY_TEXT = ROOT / "tests" / "fixtures" / "audit" / "datatypes_policy.txt"
POLICY_MAP = ROOT / "tests" / "fixtures" / "policy_maps" / "datatypes_policy.yaml"
P = "android.permission."
OWN = "com.vendor.bindcam.device.Bind"
P2P = "cn.hikvideo.p2p.P2PSession"

FIRST, THIRD, UNKNOWN = Party.FIRST_PARTY, Party.THIRD_PARTY, Party.UNKNOWN

# (rule, category, data type, severity, permissions): every finding, nothing else.
EXPECTED = {
    # Denied by "We do not collect your advertising ID.", read anyway (AD_ID held).
    ("contradicted", "device_id", "ad_id", "error", ("com.google.android.gms.permission.AD_ID",)),
    # The policy names the IMEI and the Android ID: every other identifier is an error.
    ("data_type_undisclosed", "device_id", "imsi", "error", (P + "READ_PHONE_STATE",)),
    ("data_type_undisclosed", "device_id", "sim_serial", "error", (P + "READ_PHONE_STATE",)),
    (
        "data_type_undisclosed",
        "device_id",
        "phone_number",
        "error",
        (P + "READ_PHONE_NUMBERS", P + "READ_PHONE_STATE"),
    ),
    # Build.SERIAL needs no permission, Build.getSerial READ_PHONE_STATE.
    ("data_type_undisclosed", "device_id", "serial_number", "error", (P + "READ_PHONE_STATE",)),
    # NetworkInterface.getHardwareAddress needs none, BluetoothAdapter.getAddress CONNECT.
    ("data_type_undisclosed", "device_id", "mac_address", "error", (P + "BLUETOOTH_CONNECT",)),
    # The SSID is named; "network information" covers the network's state, but no Wi-Fi scan
    # and no devices on the LAN (the ontology's umbrella edge).
    (
        "data_type_undisclosed",
        "local_network",
        "wifi_scan",
        "warning",
        (P + "ACCESS_FINE_LOCATION", P + "ACCESS_WIFI_STATE"),
    ),
    ("data_type_undisclosed", "local_network", "lan_devices", "warning", ()),
    ("vague", "local_network", "network_state", "warning", (P + "ACCESS_NETWORK_STATE",)),
    # The accounts are named, the address book is not (SPEC §3: a warning).
    ("data_type_undisclosed", "contacts", "address_book", "warning", (P + "READ_CONTACTS",)),
    # The P2P SDK reads location, Wi-Fi and contacts data; only device IDs go to a third party.
    ("third_party_undisclosed", "location", None, "warning", (P + "ACCESS_FINE_LOCATION",)),
    (
        "third_party_undisclosed",
        "local_network",
        None,
        "warning",
        (P + "ACCESS_NETWORK_STATE", P + "ACCESS_WIFI_STATE"),
    ),
    (
        "third_party_undisclosed",
        "contacts",
        None,
        "warning",
        (P + "GET_ACCOUNTS", P + "READ_CONTACTS"),
    ),
}

# Each data type: the methods of the SDK that read it (the app's own code has the same ones,
# and for the MAC address also the Bluetooth adapter's), and the APIs.
READS: dict[str, tuple[set[str], tuple[str, ...]]] = {
    "ad_id": ({"adId"}, ("AdvertisingIdClient;->getAdvertisingIdInfo",)),
    "imsi": ({"imsi"}, ("TelephonyManager;->getSubscriberId",)),
    "sim_serial": ({"simSerial"}, ("TelephonyManager;->getSimSerialNumber",)),
    "phone_number": ({"phoneNumber"}, ("TelephonyManager;->getLine1Number",)),
    "serial_number": ({"serialNumber", "serialField"}, ("Build;->getSerial", "Build;->SERIAL")),
    "mac_address": (
        {"macAddress"},
        ("NetworkInterface;->getHardwareAddress", "BluetoothAdapter;->getAddress"),
    ),
    "wifi_scan": ({"wifiScan"}, ("WifiManager;->getScanResults",)),
    "lan_devices": ({"lanDevices"}, ("NsdManager;->discoverServices",)),
    "network_state": ({"networkState"}, ("ConnectivityManager;->getActiveNetworkInfo",)),
    "address_book": ({"addressBook"}, ('"content://com.android.contacts/contacts"',)),
}
OWN_EXTRA = {"mac_address": {"bluetoothAddress"}}


@cache
def app_facts() -> AppFacts:
    return load_app(APP, evidence=True)


@cache
def report(policy: Path = POLICY_MAP) -> dict[str, Any]:
    result = run_cli("audit", APP, "--policy", policy, "--format", "json")
    assert result.exit_code == 1, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _key(finding: dict[str, Any]) -> tuple[Any, ...]:
    return (
        finding["rule"],
        finding["category"],
        finding["data_type"],
        finding["severity"],
        tuple(finding["permissions"]),
    )


def test_every_data_type_is_read_by_the_app_and_by_the_unknown_sdk() -> None:
    evidence = app_facts().api_evidence or ()
    readers: dict[DataType, set[tuple[str, Party, str | None, str | None]]] = {}
    for record in evidence:
        if record.data_type is not None:
            readers.setdefault(record.data_type, set()).add(
                (record.caller_class, record.party, record.sdk, record.organisation)
            )
    assert set(readers) == set(all_data_types())
    for data_type, who in readers.items():
        assert (OWN, FIRST, None, None) in who, data_type
        # Another organisation's package: third party, no SDK name, its organisation recorded.
        assert (P2P, THIRD, None, "cn.hikvideo") in who, data_type
    assert readers[DataType("imei")] == {
        (OWN, FIRST, None, None),
        (P2P, THIRD, None, "cn.hikvideo"),
        ("a.b.c", UNKNOWN, None, None),
    }


def test_look_alikes_of_the_android_id_read_nothing() -> None:
    """A preference key "android_id" and Settings.Secure.getString of another key."""
    methods = {
        record.caller_method.split("(")[0]
        for record in app_facts().api_evidence or ()
        if record.caller_class == OWN
    }
    assert "androidId" in methods
    assert {"savedDeviceKey", "bluetoothName"} & methods == set()


def test_exact_findings_against_the_reviewed_map() -> None:
    assert {_key(f) for f in report()["findings"]} == EXPECTED
    assert len(report()["findings"]) == len(EXPECTED)
    assert report()["summary"]["error"] == 6
    assert report()["summary"]["warning"] == 7


def test_data_type_findings_carry_both_sides_evidence_and_the_party() -> None:
    by_type = {f["data_type"]: f for f in report()["findings"] if f["data_type"]}
    assert set(by_type) == set(READS)
    for data_type, (methods, apis) in READS.items():
        finding = by_type[data_type]
        assert finding["party"] == "first_party"
        callers = {
            (e["caller_class"], e["caller_method"].split("(")[0], e["party"])
            for e in finding["code_evidence"]
        }
        own = methods | OWN_EXTRA.get(data_type, set())
        assert callers == {(OWN, m, "first_party") for m in own} | {
            (P2P, m, "third_party") for m in methods
        }, data_type
        for evidence in finding["code_evidence"]:
            assert any(api in evidence["api"] for api in apis), evidence["api"]
        assert {e["data_type"] for e in finding["code_evidence"]} == {data_type}
        assert finding["policy_evidence"], data_type
    # The policy side: what the policy names instead, or the datum's own sentence.
    imsi = by_type["imsi"]
    assert [e["quote"] for e in imsi["policy_evidence"]] == [
        "When you bind a camera to your account, we collect your phone's IMEI and its Android "
        "ID so that the camera accepts commands only from your phone."
    ]
    assert [e["line"] for e in imsi["policy_evidence"]] == [5]
    assert [e["quote"] for e in by_type["ad_id"]["policy_evidence"]] == [
        "We do not collect your advertising ID."
    ]
    assert [e["quote"] for e in by_type["wifi_scan"]["policy_evidence"]] == [
        "We read the name of the Wi-Fi network (SSID) your phone is connected to, to configure "
        "the camera during setup."
    ]
    assert [e["quote"] for e in by_type["address_book"]["policy_evidence"]] == [
        "We read the accounts on your device so that you can sign in with one tap."
    ]


def test_messages_name_the_datum_the_api_the_caller_and_what_the_policy_names() -> None:
    messages = {f["data_type"]: f["message"] for f in report()["findings"] if f["data_type"]}
    assert messages["imsi"] == (
        f"{OWN}.imsi and 1 more, including cn.hikvideo, read the IMSI "
        "(TelephonyManager.getSubscriberId); the policy names the IMEI and the Android ID, "
        "not the IMSI"
    )
    assert messages["serial_number"] == (
        f"{OWN}.serialField and 3 more, including cn.hikvideo, read the hardware serial number "
        "(Build.SERIAL, Build.getSerial); the policy names the IMEI and the Android ID, not the "
        "hardware serial number"
    )
    assert messages["ad_id"].endswith("; the policy says the advertising ID is not collected")
    assert messages["network_state"].endswith(
        "; the policy names the Wi-Fi network name (SSID/BSSID), and covers the network state "
        "only with an umbrella term"
    )
    assert messages["address_book"].endswith(
        '("content://com.android.contacts/contacts"); the policy names the accounts on the '
        "device, not the address book"
    )
    third = [f["message"] for f in report()["findings"] if f["rule"] == "third_party_undisclosed"]
    assert all(m.startswith("Third-party SDK code (cn.hikvideo) uses ") for m in third)


def test_data_type_is_in_the_fingerprint() -> None:
    fingerprints = [f["fingerprint"] for f in report()["findings"]]
    assert len(set(fingerprints)) == len(fingerprints)
    # Same rule, category and permission, two data types: two identities.
    imsi, sim = (
        next(f for f in report()["findings"] if f["data_type"] == name)
        for name in ("imsi", "sim_serial")
    )
    assert imsi["permissions"] == sim["permissions"]
    assert imsi["fingerprint"] != sim["fingerprint"]


def test_every_finding_has_a_data_type_key() -> None:
    for finding in report()["findings"]:
        assert "data_type" in finding
        assert finding["data_type"] is None or finding["data_type"] in {
            d.value for d in all_data_types()
        }


def test_the_raw_text_policy_gives_the_same_data_type_findings_as_its_reviewed_map() -> None:
    """End to end on the policy as written: the analyzer reads the data types (the IMEI and
    the Android ID named, the advertising ID denied, "network information" an umbrella, the
    accounts named) as the reviewed map does, so every data-type finding is the map's.
    Category-level findings may differ where the analyzer reads the text otherwise (it takes
    "bind a camera" for the phone's camera and finds no purpose for Bluetooth or accounts)."""
    facts = load_policy(POLICY_TEXT)
    device_id = facts.categories[Category.DEVICE_ID].data_types
    assert {d.value: said.status.value for d, said in device_id.items()} == {
        "imei": "explicit",
        "imsi": "absent",
        "sim_serial": "absent",
        "phone_number": "absent",
        "serial_number": "absent",
        "android_id": "explicit",
        "ad_id": "denied",
        "mac_address": "absent",
    }

    def data_type_keys(data: dict[str, Any]) -> set[tuple[Any, ...]]:
        return {
            (*_key(f), f["party"], tuple(e["caller_class"] for e in f["code_evidence"]))
            for f in data["findings"]
            if f["data_type"] is not None
        }

    from_text = data_type_keys(report(POLICY_TEXT))
    assert from_text == data_type_keys(report(POLICY_MAP))
    assert {k[:5] for k in from_text} == {k for k in EXPECTED if k[2] is not None}


def test_every_format_shows_the_data_type() -> None:
    terminal = run_cli("audit", APP, "--policy", POLICY_MAP).stdout
    assert "[data_type_undisclosed] device identifiers: IMSI" in terminal
    assert "read by     the app's own code and third-party code (cn.hikvideo)" in terminal
    markdown = run_cli("audit", APP, "--policy", POLICY_MAP, "--format", "markdown").stdout
    assert "| device identifiers: SIM serial number |" in markdown
    assert "Read by: the app's own code and third-party code (cn.hikvideo)" in markdown
    html = run_cli("audit", APP, "--policy", POLICY_MAP, "--format", "html").stdout
    assert "<code>data_type_undisclosed</code> device identifiers: hardware serial number" in html
    assert "↳ IMSI</td>\n<td>read by the app's code</td>" in html
    sarif = json.loads(run_cli("audit", APP, "--policy", POLICY_MAP, "--format", "sarif").stdout)
    run = sarif["runs"][0]
    rule = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "data_type_undisclosed")
    assert "IMEI" in rule["help"]["text"] and rule["defaultConfiguration"]["level"] == "error"
    results = [r for r in run["results"] if r["ruleId"] == "data_type_undisclosed"]
    assert {r["properties"]["data_type"] for r in results} == {
        "imsi",
        "sim_serial",
        "phone_number",
        "serial_number",
        "mac_address",
        "wifi_scan",
        "lan_devices",
        "address_book",
    }


@needs_sarif_schema
def test_sarif_with_data_types_is_valid() -> None:
    sarif = json.loads(run_cli("audit", APP, "--policy", POLICY_MAP, "--format", "sarif").stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    assert not list(validator.iter_errors(sarif))


# --- diff: a data type the new build reads and the old did not -----------------------------


@cache
def diff_report(*extra: str) -> tuple[int, dict[str, Any], str]:
    result = run_cli("diff", OLD_APP, APP, "--policy", POLICY_MAP, "--format", "json", *extra)
    return result.exit_code, json.loads(result.stdout), result.stderr


def test_diff_lists_the_data_types_the_release_adds() -> None:
    _, data, stderr = diff_report()
    changes = data["changes"]
    assert changes["added_permissions"] == []  # same manifest: only the code changed
    assert changes["added_data_types"] == [
        d.value
        for d in all_data_types()
        if d not in (DataType("imei"), DataType("android_id"), DataType("wifi_network"))
    ]
    assert changes["removed_data_types"] == []
    assert changes["warnings"] == [] and stderr == ""


def test_diff_reports_new_data_types_even_where_the_category_was_requested() -> None:
    exit_code, data, _ = diff_report()
    new = {f["data_type"] for f in data["findings"] if f["baseline"] == "new" and f["data_type"]}
    assert new == set(READS)
    # The old build requested every permission already: no category finding is new.
    assert {f["rule"] for f in data["findings"] if f["baseline"] == "new"} <= {
        "contradicted",
        "data_type_undisclosed",
        "vague",
        "third_party_undisclosed",
    }
    assert exit_code == 1


def test_diff_of_a_release_reading_nothing_new_passes() -> None:
    result = run_cli("diff", APP, APP, "--policy", POLICY_MAP, "--format", "json")
    assert result.exit_code == 0, result.stdout
    data = json.loads(result.stdout)
    assert data["changes"]["added_data_types"] == []
    assert all(f["baseline"] == "known" for f in data["findings"])


def test_diff_with_versions_going_backwards_says_so() -> None:
    result = run_cli("diff", APP, OLD_APP, "--policy", POLICY_MAP, "--format", "json")
    data = json.loads(result.stdout)
    (warning,) = data["changes"]["warnings"]
    assert "com.vendor.bindcam goes backwards" in warning
    assert "1.0 (version code 1)" in warning and "2.0 (version code 2)" in warning
    assert result.stderr.startswith("permaudit: warning: com.vendor.bindcam goes backwards")


def test_diff_of_two_different_apps_says_so_naming_both_packages() -> None:
    watch = ROOT / "tests" / "fixtures" / "apk" / "watch.apk"
    for fmt in ("terminal", "markdown", "html", "json"):
        result = run_cli("diff", watch, APP, "--policy", POLICY_MAP, "--format", fmt)
        assert "different apps: com.vendor.fitwatch" in result.stdout, fmt
        assert "and com.vendor.bindcam" in result.stdout, fmt
    assert "different apps: com.vendor.fitwatch" in result.stderr


def test_release_data_types_bypass_the_category_finding_that_covers_them() -> None:
    """In `audit`, a category-level finding (here: contacts undisclosed) speaks for its data
    types; in `diff`, an address book read that is new in the release is a finding of its own."""
    policy = load_policy(POLICY_MAP)
    silent = PolicyFacts(
        source=policy.source,
        categories={**policy.categories, Category.CONTACTS: CategoryDisclosure()},
    )
    plain = audit(app_facts(), silent)
    assert [f.rule for f in plain if f.category and f.category.value == "contacts"] == [
        Rule.UNDISCLOSED
    ]
    release = audit(app_facts(), silent, release_data_types=(DataType("address_book"),))
    address = [f for f in release if f.data_type is DataType("address_book")]
    assert [(f.rule, f.severity) for f in address] == [
        (Rule.DATA_TYPE_UNDISCLOSED, Severity.WARNING)
    ]
    assert address[0].message.endswith("the policy never mentions the address book")


def test_the_policy_command_shows_the_reviewed_data_types() -> None:
    table = run_cli("policy", POLICY_MAP).stdout
    assert "└ imei " in table and "└ ad_id " in table and "└ accounts " in table
    data = json.loads(run_cli("policy", POLICY_MAP, "--format", "json").stdout)
    device_id = data["categories"]["device_id"]["data_types"]
    # SPEC §4: every data type of the category is a key.
    assert set(device_id) == {d.value for d in all_data_types() if d.category is Category.DEVICE_ID}
    assert device_id["ad_id"]["status"] == "denied"
    assert device_id["imsi"] == {"status": "absent", "evidence": []}
