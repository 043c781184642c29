"""Fixture apps × reviewed policy maps: the findings a careful human auditor would report.

Each expectation below was written by reading the policy and the fixture's manifest and smali
sources, then checked against `permaudit audit APP --policy MAP --format json`. The policies
come as their reviewed maps (policy_maps/*.yaml, the human truth about each policy), so these
tests check the audit rules end to end, not the accuracy of the policy analyzer.

Sets are exact: a finding too many is as wrong as one too few.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from permaudit.cli import main

ROOT = Path(__file__).resolve().parents[1]
APKS = ROOT / "tests" / "fixtures" / "apk"
MAPS = ROOT / "policy_maps"
IPCAM = APKS / "ipcam.apk"
WATCH = APKS / "watch.apk"
DEMO = ROOT / "samples" / "ipcam-demo.apk"
# Reviewed by hand for these tests: the demo policy has no map under policy_maps/.
DEMO_MAP = ROOT / "tests" / "fixtures" / "policy_maps" / "luminacam_privacy_policy.yaml"

UNDISCLOSED = "undisclosed"
CONTRADICTED = "contradicted"
VAGUE = "vague"
PURPOSE_MISSING = "purpose_missing"
SCOPE_EXCEEDED = "scope_exceeded"
UNREQUESTED = "unrequested_disclosure"
UNUSED = "unused_permission"
THIRD_PARTY = "third_party_undisclosed"
DATA_TYPE = "data_type_undisclosed"


@dataclass(frozen=True)
class Expected:
    rule: str
    category: str
    severity: str
    permissions: tuple[str, ...] = ()
    # "Class.method" of every caller in the finding's code evidence (short class name).
    code: frozenset[str] = frozenset()
    sdk: str | None = None  # third-party findings: the SDK named in the evidence
    data_type: str | None = None  # SPEC §1b datum of a data-type finding
    party: str | None = None  # data-type findings: whose code reads it

    @property
    def key(self) -> tuple[str, str, str | None, str, tuple[str, ...]]:
        full = tuple(
            sorted(
                p if "." in p or p.startswith("<") else "android.permission." + p
                for p in self.permissions
            )
        )
        return (self.rule, self.category, self.data_type, self.severity, full)


def calls(*names: str) -> frozenset[str]:
    return frozenset(names)


# --- what the fixture code does (tests/fixtures/src/*/smali) -------------------------------

IPCAM_CAMERA = calls("LiveViewActivity.startLocalPreview", "AddDeviceActivity.scanQrCode")
IPCAM_MIC = calls("IntercomManager.startTalk")
IPCAM_LOCATION = calls(
    "LocationHelper.lastLocation",
    "AddDeviceActivity.currentSsid",
    "WifiProvisioner.scanNearbyCameras",
)
IPCAM_NETWORK = calls(
    "AddDeviceActivity.currentSsid",
    "WifiProvisioner.scanNearbyCameras",
    "WifiProvisioner.discoverOnLan",
    "WifiProvisioner.joinCameraHotspot",
    "DeviceInfo.macAddress",
    "NetworkChangeReceiver.onReceive",
)
# Umeng analytics, bundled: reads the Wi-Fi connection (MAC) and network state ...
UMENG_NETWORK = calls("DeviceInfo.macAddress", "NetworkChangeReceiver.onReceive")
# ... and the IMEI/IMSI (READ_PHONE_STATE) and MAC address.
UMENG_DEVICE_ID = calls("DeviceInfo.imei", "DeviceInfo.macAddress")
IPCAM_STORAGE = calls("AlbumSaver.snapshotDir")
IPCAM_NET_PERMS = (
    "ACCESS_NETWORK_STATE",
    "ACCESS_WIFI_STATE",
    "CHANGE_WIFI_MULTICAST_STATE",
    "CHANGE_WIFI_STATE",
    "NEARBY_WIFI_DEVICES",  # dangerous: the undisclosed finding is an error
)
LOCATION_BOTH = ("ACCESS_COARSE_LOCATION", "ACCESS_FINE_LOCATION")

WATCH_LOCATION = calls("BleScanner.startScan", "RouteTracker.start")
WATCH_BT = ("BLUETOOTH", "BLUETOOTH_ADMIN", "BLUETOOTH_CONNECT", "BLUETOOTH_SCAN")
WATCH_BT_CODE = calls("BleScanner.connect", "BleScanner.startScan")
WATCH_CONTACTS = calls("ContactSync.readFavourites")
WATCH_SMS = calls("SmsReceiver.onReceive", "SmsReceiver.unread")
WATCH_HEALTH = calls("HeartRateMonitor.start", "StepCounter.stepSensor")
WATCH_APPS = calls("AppNotifySettingsActivity.installedApps")
# Tencent Bugly, bundled: reads the Android ID (no permission needed). Its IMEI call needs
# READ_PHONE_STATE, which the watch app does not request, so it collects nothing.
BUGLY_ANDROID_ID = calls("DeviceInfo.collect")
NOTIFY = ("android.permission.BIND_NOTIFICATION_LISTENER_SERVICE",)


def _ipcam_camera_mic_storage() -> list[Expected]:
    """A policy that never mentions the phone's camera, microphone or storage."""
    return [
        Expected(UNDISCLOSED, "camera", "error", ("CAMERA",), IPCAM_CAMERA),
        Expected(UNDISCLOSED, "microphone", "error", ("RECORD_AUDIO",), IPCAM_MIC),
        Expected(UNDISCLOSED, "storage", "error", ("WRITE_EXTERNAL_STORAGE",), IPCAM_STORAGE),
    ]


# `<queries>` (WeChat, the share intent) is the only installed-apps request of the IP-camera
# apps: a normal-level request, so undisclosed is a warning.
QUERIES_UNDISCLOSED = Expected(UNDISCLOSED, "installed_apps", "warning", ("<queries>",))
UMENG_IDS = Expected(
    THIRD_PARTY, "device_id", "warning", ("READ_PHONE_STATE",), UMENG_DEVICE_ID, "Umeng"
)
UMENG_NET = Expected(
    THIRD_PARTY, "local_network", "warning", IPCAM_NET_PERMS, UMENG_NETWORK, "Umeng"
)
FIRST, THIRD = "first_party", "third_party"
FINE = ("ACCESS_FINE_LOCATION",)
SCAN_PERMS = (
    "ACCESS_FINE_LOCATION",
    "ACCESS_WIFI_STATE",
    "CHANGE_WIFI_STATE",
    "NEARBY_WIFI_DEVICES",
)
MULTICAST = ("CHANGE_WIFI_MULTICAST_STATE",)
SSID_READ = calls("AddDeviceActivity.currentSsid")
SCAN_READ = calls("WifiProvisioner.scanNearbyCameras")
LAN_READ = calls("WifiProvisioner.discoverOnLan")


def data_type(
    rule: str,
    category: str,
    datum: str,
    severity: str,
    permissions: tuple[str, ...],
    code: frozenset[str],
    party: str,
) -> Expected:
    return Expected(rule, category, severity, permissions, code, data_type=datum, party=party)


# Umeng reads the IMSI (READ_PHONE_STATE) and the Wi-Fi MAC address (no permission).
UMENG_IMSI_VAGUE = data_type(
    VAGUE, "device_id", "imsi", "warning", ("READ_PHONE_STATE",), calls("DeviceInfo.imei"), THIRD
)
UMENG_MAC_VAGUE = data_type(
    VAGUE, "device_id", "mac_address", "warning", (), calls("DeviceInfo.macAddress"), THIRD
)

MATRIX: dict[str, tuple[Path, Path, list[Expected]]] = {
    # Smart-watch policy: device info (IMEI, MAC, Android ID, software list) only, no purpose
    # for it, no third party for it. Nothing about camera, microphone, location, Wi-Fi, storage.
    "ipcam x ismarthomeq_watch": (
        IPCAM,
        MAPS / "ismarthomeq_watch.yaml",
        [
            *_ipcam_camera_mic_storage(),
            Expected(UNDISCLOSED, "location", "error", LOCATION_BOTH, IPCAM_LOCATION),
            Expected(UNDISCLOSED, "local_network", "error", IPCAM_NET_PERMS, IPCAM_NETWORK),
            Expected(
                PURPOSE_MISSING, "device_id", "warning", ("READ_PHONE_STATE",), UMENG_DEVICE_ID
            ),
            Expected(PURPOSE_MISSING, "installed_apps", "warning", ("<queries>",)),
            UMENG_IDS,
        ],
    ),
    # IP-camera policy: "IP cameras" is the product, never the phone's camera. Location
    # (unspecified precision) and the phone's Wi-Fi are disclosed with a purpose; device ID only
    # in server logs, its purposes those of the use list that covers all collected information;
    # no third party for either. Health is denied, but the camera app does not request it:
    # nothing to contradict.
    "ipcam x ismartviewpro_ipcam": (
        IPCAM,
        MAPS / "ismartviewpro_ipcam.yaml",
        [
            *_ipcam_camera_mic_storage(),
            QUERIES_UNDISCLOSED,
            UMENG_IDS,
            UMENG_NET,
            # The 2.4/5 GHz connection (network state) is the one Wi-Fi datum named: the rest
            # the code reads only "WiFi information" covers. Device identifiers are only the
            # generic "Device ID information", which speaks for all of them alike.
            data_type(VAGUE, "local_network", "wifi_network", "warning", FINE, SSID_READ, FIRST),
            data_type(VAGUE, "local_network", "wifi_scan", "warning", SCAN_PERMS, SCAN_READ, FIRST),
            data_type(VAGUE, "local_network", "lan_devices", "warning", MULTICAST, LAN_READ, FIRST),
        ],
    ),
    # Cleaning-appliance policy: device identifiers (advertising ID, MAC, IMEI) shared with
    # third-party SDK statistics, "network status (WiFi)" (SPEC §1b network_state) and no other
    # datum of the Wi-Fi; "language location" is not location. The IMSI only "identifier"
    # covers; the SSID the setup screen reads is an error (SPEC §3).
    "ipcam x smart_clean_home": (
        IPCAM,
        MAPS / "smart_clean_home.yaml",
        [
            *_ipcam_camera_mic_storage(),
            Expected(UNDISCLOSED, "location", "error", LOCATION_BOTH, IPCAM_LOCATION),
            QUERIES_UNDISCLOSED,
            data_type(DATA_TYPE, "local_network", "wifi_network", "error", FINE, SSID_READ, FIRST),
            data_type(
                DATA_TYPE, "local_network", "wifi_scan", "warning", SCAN_PERMS, SCAN_READ, FIRST
            ),
            data_type(
                DATA_TYPE, "local_network", "lan_devices", "warning", MULTICAST, LAN_READ, FIRST
            ),
            UMENG_IMSI_VAGUE,
        ],
    ),
    # Security-camera policy that describes an IP-camera app well: camera, microphone,
    # location for Wi-Fi lists, SSID and local network, IMEI with third parties, gallery.
    # Left: the <queries> and the Umeng SDK reading Wi-Fi/network state (no third party named
    # for it). The gyroscope it discloses needs no permission, so it is not a stale disclosure.
    "ipcam x smartbt_camera": (
        IPCAM,
        MAPS / "smartbt_camera.yaml",
        [
            QUERIES_UNDISCLOSED,
            UMENG_NET,
            # IMEI and MAC named; the IMSI Umeng reads only "device identification number".
            UMENG_IMSI_VAGUE,
        ],
    ),
    # Smart-home policy: only *approximate* location on activation, so the precise location
    # request exceeds it; IMEI and device ID disclosed with purposes but first party only.
    "ipcam x smartmi": (
        IPCAM,
        MAPS / "smartmi.yaml",
        [
            *_ipcam_camera_mic_storage(),
            Expected(UNDISCLOSED, "local_network", "error", IPCAM_NET_PERMS, IPCAM_NETWORK),
            QUERIES_UNDISCLOSED,
            Expected(
                SCOPE_EXCEEDED, "location", "warning", ("ACCESS_FINE_LOCATION",), IPCAM_LOCATION
            ),
            UMENG_IDS,
            # The IMEI is named; the IMSI and MAC address Umeng reads are not.
            UMENG_IMSI_VAGUE,
            UMENG_MAC_VAGUE,
        ],
    ),
    # The watch against its own policy: it names none of the watch's real data (location,
    # Bluetooth, contacts, calls, SMS, heart rate/steps, notifications). READ_CALL_LOG is
    # requested but no code reads the call log.
    "watch x ismarthomeq_watch": (
        WATCH,
        MAPS / "ismarthomeq_watch.yaml",
        [
            Expected(
                UNDISCLOSED,
                "location",
                "error",
                ("ACCESS_BACKGROUND_LOCATION", *LOCATION_BOTH),
                WATCH_LOCATION,
            ),
            Expected(UNDISCLOSED, "bluetooth", "error", WATCH_BT, WATCH_BT_CODE),
            Expected(UNDISCLOSED, "contacts", "error", ("READ_CONTACTS",), WATCH_CONTACTS),
            Expected(UNDISCLOSED, "phone", "error", ("READ_CALL_LOG",)),
            Expected(UNDISCLOSED, "sms", "error", ("READ_SMS", "RECEIVE_SMS"), WATCH_SMS),
            Expected(
                UNDISCLOSED,
                "health",
                "error",
                ("ACTIVITY_RECOGNITION", "BODY_SENSORS"),
                WATCH_HEALTH,
            ),
            Expected(UNDISCLOSED, "notifications", "error", NOTIFY),
            Expected(
                PURPOSE_MISSING, "installed_apps", "warning", ("QUERY_ALL_PACKAGES",), WATCH_APPS
            ),
            # The policy names the Android ID, first party only; Bugly reads it.
            Expected(THIRD_PARTY, "device_id", "warning", (), BUGLY_ANDROID_ID, "Tencent Bugly"),
            Expected(UNUSED, "phone", "note", ("READ_CALL_LOG",)),
        ],
    ),
    # The watch against a camera policy: location is disclosed (Wi-Fi lists) but not in the
    # background; device identifiers are disclosed with third parties, so Bugly is covered.
    "watch x smartbt_camera": (
        WATCH,
        MAPS / "smartbt_camera.yaml",
        [
            Expected(UNDISCLOSED, "bluetooth", "error", WATCH_BT, WATCH_BT_CODE),
            Expected(UNDISCLOSED, "contacts", "error", ("READ_CONTACTS",), WATCH_CONTACTS),
            Expected(UNDISCLOSED, "phone", "error", ("READ_CALL_LOG",)),
            Expected(UNDISCLOSED, "sms", "error", ("READ_SMS", "RECEIVE_SMS"), WATCH_SMS),
            Expected(
                UNDISCLOSED,
                "health",
                "error",
                ("ACTIVITY_RECOGNITION", "BODY_SENSORS"),
                WATCH_HEALTH,
            ),
            Expected(UNDISCLOSED, "notifications", "error", NOTIFY),
            Expected(UNDISCLOSED, "installed_apps", "warning", ("QUERY_ALL_PACKAGES",), WATCH_APPS),
            Expected(
                SCOPE_EXCEEDED,
                "location",
                "warning",
                ("ACCESS_BACKGROUND_LOCATION",),
                WATCH_LOCATION,
            ),
            Expected(UNREQUESTED, "camera", "note"),
            Expected(UNREQUESTED, "microphone", "note"),
            Expected(UNREQUESTED, "local_network", "note"),
            Expected(UNREQUESTED, "storage", "note"),
            Expected(UNUSED, "phone", "note", ("READ_CALL_LOG",)),
            # IMEI and MAC named; the Android ID Bugly reads only the umbrella covers.
            data_type(VAGUE, "device_id", "android_id", "warning", (), BUGLY_ANDROID_ID, THIRD),
        ],
    ),
    # The watch against the policy that denies health data through its definition of
    # sensitive information: heart rate and steps contradict it.
    "watch x ismartviewpro_ipcam": (
        WATCH,
        MAPS / "ismartviewpro_ipcam.yaml",
        [
            Expected(UNDISCLOSED, "bluetooth", "error", WATCH_BT, WATCH_BT_CODE),
            Expected(UNDISCLOSED, "contacts", "error", ("READ_CONTACTS",), WATCH_CONTACTS),
            Expected(UNDISCLOSED, "phone", "error", ("READ_CALL_LOG",)),
            Expected(UNDISCLOSED, "sms", "error", ("READ_SMS", "RECEIVE_SMS"), WATCH_SMS),
            Expected(UNDISCLOSED, "notifications", "error", NOTIFY),
            Expected(
                CONTRADICTED,
                "health",
                "error",
                ("ACTIVITY_RECOGNITION", "BODY_SENSORS"),
                WATCH_HEALTH,
            ),
            Expected(UNDISCLOSED, "installed_apps", "warning", ("QUERY_ALL_PACKAGES",), WATCH_APPS),
            Expected(
                SCOPE_EXCEEDED,
                "location",
                "warning",
                ("ACCESS_BACKGROUND_LOCATION",),
                WATCH_LOCATION,
            ),
            Expected(THIRD_PARTY, "device_id", "warning", (), BUGLY_ANDROID_ID, "Tencent Bugly"),
            Expected(UNREQUESTED, "local_network", "note"),
            Expected(UNUSED, "phone", "note", ("READ_CALL_LOG",)),
        ],
    ),
    # The demo: camera, microphone, Wi-Fi, approximate location well disclosed; the address
    # book explicitly denied although "share with family" reads it; precise location
    # explicitly not collected; the phone's identifiers and storage never mentioned;
    # Bluetooth pairing described for a feature this app does not have.
    "demo x privacy-policy.md (reviewed)": (
        DEMO,
        DEMO_MAP,
        [
            Expected(UNDISCLOSED, "device_id", "error", ("READ_PHONE_STATE",), UMENG_DEVICE_ID),
            Expected(UNDISCLOSED, "storage", "error", ("WRITE_EXTERNAL_STORAGE",), IPCAM_STORAGE),
            Expected(
                CONTRADICTED,
                "contacts",
                "error",
                ("READ_CONTACTS",),
                calls("FamilyShareActivity.loadContacts"),
            ),
            QUERIES_UNDISCLOSED,
            Expected(
                SCOPE_EXCEEDED, "location", "warning", ("ACCESS_FINE_LOCATION",), IPCAM_LOCATION
            ),
            UMENG_NET,
            Expected(UNREQUESTED, "bluetooth", "note"),
        ],
    ),
}

# Rules whose finding quotes the policy: everything but "the policy never mentions it" and
# "no code uses it".
QUOTES_POLICY = {CONTRADICTED, VAGUE, PURPOSE_MISSING, SCOPE_EXCEEDED, UNREQUESTED, THIRD_PARTY}


@cache
def audit_json(app: Path, policy: Path) -> tuple[int, dict[str, Any]]:
    result = CliRunner().invoke(
        main,
        ["audit", str(app), "--policy", str(policy), "--format", "json"],
        catch_exceptions=False,
    )
    assert result.exit_code in (0, 1), result.stderr
    return result.exit_code, json.loads(result.stdout)


@cache
def map_evidence(policy: Path) -> dict[str, list[str]]:
    data = yaml.safe_load(policy.read_text(encoding="utf-8"))
    return {
        category: [e["quote"] for e in entry.get("evidence", [])]
        for category, entry in data["categories"].items()
    }


@cache
def scope_evidence(policy: Path) -> list[str]:
    data = yaml.safe_load(policy.read_text(encoding="utf-8"))
    scope = data["categories"].get("location", {}).get("scope", {})
    return [e["quote"] for e in scope.get("evidence", [])]


@cache
def data_type_evidence(policy: Path) -> dict[str, set[str]]:
    data = yaml.safe_load(policy.read_text(encoding="utf-8"))
    return {
        category: {
            e["quote"] for said in entry.get("data_types", {}).values() for e in said["evidence"]
        }
        for category, entry in data["categories"].items()
    }


def _key(finding: dict[str, Any]) -> tuple[str, str, str | None, str, tuple[str, ...]]:
    return (
        finding["rule"],
        finding["category"],
        finding["data_type"],
        finding["severity"],
        tuple(sorted(finding["permissions"])),
    )


def _caller(evidence: dict[str, Any]) -> str:
    method = evidence["caller_method"].split("(", 1)[0]
    return f"{evidence['caller_class'].rsplit('.', 1)[-1]}.{method}"


PAIRS = sorted(MATRIX)


@pytest.mark.parametrize("pair", PAIRS)
def test_exact_findings(pair: str) -> None:
    app, policy, expected = MATRIX[pair]
    _, data = audit_json(app, policy)
    got = sorted(_key(f) for f in data["findings"])
    assert got == sorted(e.key for e in expected)


@pytest.mark.parametrize("pair", PAIRS)
def test_code_evidence_names_the_calling_methods(pair: str) -> None:
    app, policy, expected = MATRIX[pair]
    _, data = audit_json(app, policy)
    by_key = {_key(f): f for f in data["findings"]}
    for want in expected:
        finding = by_key[want.key]
        assert {_caller(e) for e in finding["code_evidence"]} == want.code, want
        for evidence in finding["code_evidence"]:
            assert evidence["api"] and evidence["caller_class"] and evidence["caller_method"]
            if want.data_type is None:
                assert evidence["category"] == want.category
            else:
                assert evidence["data_type"] == want.data_type
        if want.data_type is not None:
            assert finding["party"] == want.party, want
        if want.rule == THIRD_PARTY:
            assert {e["party"] for e in finding["code_evidence"]} == {"third_party"}
            assert {e["sdk"] for e in finding["code_evidence"]} == {want.sdk}
            assert want.sdk is not None and want.sdk in finding["message"]


@pytest.mark.parametrize("pair", PAIRS)
def test_policy_quotes_where_the_policy_speaks_and_none_where_it_is_silent(pair: str) -> None:
    app, policy, _ = MATRIX[pair]
    _, data = audit_json(app, policy)
    quotes = map_evidence(policy)
    for finding in data["findings"]:
        got = [e["quote"] for e in finding["policy_evidence"]]
        if finding["data_type"] is not None:
            # The datum's own quote, or those of the data the policy names instead.
            said = data_type_evidence(policy)
            assert got and set(got) <= said[finding["category"]] | set(quotes[finding["category"]])
        elif finding["rule"] == SCOPE_EXCEEDED and scope_evidence(policy):
            # The sentence that states the disclosed scope, not every location quote.
            assert got == scope_evidence(policy), finding["message"]
        elif finding["rule"] in QUOTES_POLICY:
            assert got and got == quotes[finding["category"]], finding["message"]
        else:
            assert got == [], finding["message"]


@pytest.mark.parametrize("pair", PAIRS)
def test_summary_and_exit_code_follow_the_findings(pair: str) -> None:
    app, policy, expected = MATRIX[pair]
    exit_code, data = audit_json(app, policy)
    counts = {s: sum(1 for e in expected if e.severity == s) for s in ("error", "warning", "note")}
    summary = data["summary"]
    assert {s: summary[s] for s in counts} == counts
    assert summary["total"] == len(expected)
    # Default --fail-on error: exit 1 exactly when an error is reported.
    assert exit_code == (1 if counts["error"] else 0)
    assert summary["failing"] == counts["error"]


def test_every_finding_has_a_one_line_message_remediation_and_unique_fingerprint() -> None:
    for pair in PAIRS:
        app, policy, _ = MATRIX[pair]
        _, data = audit_json(app, policy)
        findings = data["findings"]
        for finding in findings:
            assert finding["message"] and "\n" not in finding["message"]
            assert finding["remediation"]
        assert len({f["fingerprint"] for f in findings}) == len(findings), pair


def test_the_same_finding_has_the_same_fingerprint_under_another_policy() -> None:
    # Camera undisclosed in ipcam: the fingerprint names rule, package, category, permissions,
    # not the policy, so a baseline survives a policy edit that does not touch the camera.
    def camera(policy: str) -> str:
        _, data = audit_json(IPCAM, MAPS / policy)
        (finding,) = [f for f in data["findings"] if f["category"] == "camera"]
        return str(finding["fingerprint"])

    assert camera("smartmi.yaml") == camera("ismarthomeq_watch.yaml")


def test_the_reviewed_maps_are_the_ones_audited() -> None:
    # The report says which policy it checked and that it came from a reviewed map.
    for pair in PAIRS:
        app, policy, _ = MATRIX[pair]
        _, data = audit_json(app, policy)
        assert Path(data["policy"]["source"]).name == policy.name
        assert yaml.safe_load(policy.read_text(encoding="utf-8"))["reviewed"] is True
