"""Exact facts the extractor must keep for each fixture app (SPEC §1, §4)."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path
from typing import Any

from permaudit.apk import load_app
from permaudit.catalog import categories_for_feature
from permaudit.models import Category
from tests.apk.apk_helpers import FIXTURES, extract_json
from tests.cli_support import run_cli


def _by_name(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {p["name"].removeprefix("android.permission."): p for p in data["permissions"]}


def test_ipcam_manifest_facts() -> None:
    data = extract_json(FIXTURES / "ipcam.apk")
    assert (data["package"], data["version_name"], data["version_code"]) == (
        "com.vendor.ipcam",
        "4.2.1",
        4021,
    )
    assert (data["min_sdk"], data["target_sdk"]) == (21, 33)
    perms = _by_name(data)
    assert perms["ACCESS_FINE_LOCATION"]["sdk23"] is True
    assert [n for n, p in perms.items() if p["sdk23"]] == ["ACCESS_FINE_LOCATION"]
    assert perms["WRITE_EXTERNAL_STORAGE"]["max_sdk_version"] == 28
    assert perms["CAMERA"]["max_sdk_version"] is None
    assert perms["NEARBY_WIFI_DEVICES"]["uses_permission_flags"] == "neverForLocation"
    assert perms["NEARBY_WIFI_DEVICES"]["protection_level"] == "dangerous"
    assert perms["CAMERA"]["uses_permission_flags"] is None
    assert perms["ACCESS_WIFI_STATE"]["protection_level"] == "normal"
    # Outside the category catalog: level from the platform definitions (framework-res 29).
    assert perms["INTERNET"]["protection_level"] == "normal|instant"
    assert perms["INTERNET"]["categories"] == []
    assert perms["READ_PHONE_STATE"]["categories"] == ["device_id"]
    assert perms["CHANGE_WIFI_MULTICAST_STATE"]["categories"] == ["local_network"]
    assert perms["RECORD_AUDIO"]["categories"] == ["microphone"]
    assert perms["ACCESS_COARSE_LOCATION"]["categories"] == ["location"]
    assert data["features"] == [
        {"name": "android.hardware.camera", "required": False},
        {"name": "android.hardware.camera.autofocus", "required": False},
        {"name": "android.hardware.wifi", "required": True},
    ]
    assert data["components"] == [
        {
            "kind": "queries",
            "name": "com.tencent.mm",
            "permission": None,
            "categories": ["installed_apps"],
        },
        {
            "kind": "queries",
            "name": "intent:android.intent.action.SEND",
            "permission": None,
            "categories": ["installed_apps"],
        },
    ]
    assert data["declared_permissions"] == []
    assert "api_evidence" not in data


def test_camera_features_map_to_camera_category() -> None:
    assert categories_for_feature("android.hardware.camera.autofocus") == (Category.CAMERA,)
    assert categories_for_feature("android.hardware.camera") == (Category.CAMERA,)
    assert categories_for_feature("android.hardware.wifi") == ()


def test_watch_manifest_facts() -> None:
    data = extract_json(FIXTURES / "watch.apk")
    # versionName is @string/app_version: resolved through resources.arsc.
    assert data["version_name"] == "2.8.0-release"
    assert data["warnings"] == []
    assert (data["min_sdk"], data["target_sdk"]) == (23, 34)
    perms = _by_name(data)
    assert perms["BLUETOOTH"]["max_sdk_version"] == 30
    assert perms["BLUETOOTH_ADMIN"]["max_sdk_version"] == 30
    assert perms["BLUETOOTH_SCAN"]["uses_permission_flags"] == "neverForLocation"
    assert perms["BLUETOOTH_SCAN"]["max_sdk_version"] is None
    assert perms["BLUETOOTH_CONNECT"]["uses_permission_flags"] is None
    assert perms["BLUETOOTH"]["protection_level"] == "normal"
    assert perms["BLUETOOTH_CONNECT"]["protection_level"] == "dangerous"
    expected = {
        "ACCESS_BACKGROUND_LOCATION": ["location"],
        "READ_CONTACTS": ["contacts"],
        "READ_CALL_LOG": ["phone"],
        "READ_SMS": ["sms"],
        "RECEIVE_SMS": ["sms"],
        "BODY_SENSORS": ["health"],
        "ACTIVITY_RECOGNITION": ["health"],
        "QUERY_ALL_PACKAGES": ["installed_apps"],
    }
    for name, categories in expected.items():
        assert perms[name]["categories"] == categories, name
    assert perms["QUERY_ALL_PACKAGES"]["protection_level"] == "normal"
    # POST_NOTIFICATIONS is API 33: level from the hand-kept AOSP additions.
    assert perms["POST_NOTIFICATIONS"]["protection_level"] == "dangerous"
    custom = perms["com.vendor.fitwatch.permission.SYNC_DATA"]
    assert custom["protection_level"] == "signature"
    assert custom["categories"] == []
    assert data["declared_permissions"] == [
        {"name": "com.vendor.fitwatch.permission.SYNC_DATA", "protection_level": "signature"}
    ]
    assert data["components"] == [
        {
            "kind": "notification_listener",
            "name": "com.vendor.fitwatch.notify.NotificationMirrorService",
            "permission": "android.permission.BIND_NOTIFICATION_LISTENER_SERVICE",
            "categories": ["notifications"],
        }
    ]
    assert [f["name"] for f in data["features"]] == [
        "android.hardware.bluetooth_le",
        "android.hardware.sensor.stepcounter",
    ]


def test_minimal_app() -> None:
    data = extract_json(FIXTURES / "minimal.apk")
    assert [p["name"] for p in data["permissions"]] == ["android.permission.INTERNET"]
    assert data["components"] == data["features"] == data["declared_permissions"] == []
    assert (data["min_sdk"], data["target_sdk"]) == (24, 34)


def test_bundles_read_their_base() -> None:
    assert (
        extract_json(FIXTURES / "watch.apks")["permissions"]
        == (extract_json(FIXTURES / "watch.apk")["permissions"])
    )
    xapk = extract_json(FIXTURES / "ipcam.xapk")
    apk = extract_json(FIXTURES / "ipcam.apk")
    assert {k: v for k, v in xapk.items() if k != "source"} == {
        k: v for k, v in apk.items() if k != "source"
    }


def test_bundles_are_detected_by_content(tmp_path: Path) -> None:
    renamed = tmp_path / "download.zip"
    shutil.copyfile(FIXTURES / "watch.apks", renamed)
    assert load_app(renamed).package == "com.vendor.fitwatch"
    # A base under an unusual name is still found: the split is known by its manifest.
    odd = tmp_path / "odd.apks"
    with zipfile.ZipFile(odd, "w") as bundle:
        bundle.write(FIXTURES / "watch_split_arm64.apk", "base.apk")
        bundle.write(FIXTURES / "watch.apk", "fitwatch-2.8.0.apk")
    facts = load_app(odd)
    assert facts.package == "com.vendor.fitwatch"
    assert facts.permission("android.permission.READ_SMS") is not None


def test_unresolvable_reference_is_null_and_said(tmp_path: Path) -> None:
    stripped = tmp_path / "no-resources.apk"
    with (
        zipfile.ZipFile(FIXTURES / "watch.apk") as source,
        zipfile.ZipFile(stripped, "w") as target,
    ):
        for info in source.infolist():
            if info.filename != "resources.arsc":
                target.writestr(info, source.read(info))
    facts = load_app(stripped)
    assert facts.version_name is None
    assert len(facts.warnings) == 1
    assert "unresolved" in facts.warnings[0]


def test_json_is_deterministic_and_written_to_file(tmp_path: Path) -> None:
    out = tmp_path / "ipcam.json"
    first = run_cli("extract", FIXTURES / "ipcam.apk", "--format", "json", "-o", out)
    assert first.exit_code == 0 and first.stdout == ""
    second = run_cli("extract", FIXTURES / "ipcam.apk", "--format", "json")
    assert out.read_text(encoding="utf-8") == second.stdout


def test_table_groups_by_category_and_lists_components() -> None:
    result = run_cli("extract", FIXTURES / "watch.apks")
    assert result.exit_code == 0
    text = result.stdout
    assert "com.vendor.fitwatch" in text
    for heading in ("Requested permissions", "Sensitive components", "Permissions the app"):
        assert heading in text
    # Category groups appear in SPEC §1 order, each once.
    order = [text.index(f"│ {c}") for c in ("location", "bluetooth", "contacts", "sms", "health")]
    assert order == sorted(order)
    assert text.count("│ sms ") == 1
    assert "neverForLocation" in text and "maxSdk 30" in text


def test_nested_apk_inflated_in_memory(tmp_path: Path) -> None:
    # ipcam.xapk stores its base deflated; the same bytes stored give the same facts.
    stored = tmp_path / "stored.xapk"
    with (
        zipfile.ZipFile(FIXTURES / "ipcam.xapk") as source,
        zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as target,
    ):
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
    assert load_app(stored).permissions == load_app(FIXTURES / "ipcam.xapk").permissions
