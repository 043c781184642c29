"""`permaudit extract --format json` agrees with the recorded `aapt dump` of every fixture."""

from __future__ import annotations

import pytest

from tests.apk.apk_helpers import APPS, FIXTURES, extract_json, read_recording


def test_every_fixture_has_a_recording() -> None:
    assert {"ipcam.apk", "watch.apk", "minimal.apk", "watch.apks", "ipcam.xapk"} <= set(APPS)
    for app in APPS:
        assert (FIXTURES / f"{app.removesuffix('.apk')}.aapt.txt").is_file() or (
            FIXTURES / f"{app}.aapt.txt"
        ).is_file(), app


def _recording_name(app: str) -> str:
    return app.removesuffix(".apk") if app.endswith(".apk") else app


@pytest.mark.parametrize("app", APPS)
def test_permissions_match_aapt(app: str) -> None:
    recording = read_recording(_recording_name(app))
    data = extract_json(FIXTURES / app)
    extracted = {(p["name"], p["sdk23"], p["max_sdk_version"]) for p in data["permissions"]}
    assert extracted == recording.uses
    assert len(data["permissions"]) == len(recording.uses)
    assert {d["name"] for d in data["declared_permissions"]} == recording.declared
    assert data["package"] == recording.package


@pytest.mark.parametrize("app", APPS)
def test_versions_match_aapt_badging(app: str) -> None:
    badging = read_recording(_recording_name(app)).badging
    data = extract_json(FIXTURES / app)
    assert data["package"] == badging["name"]
    assert str(data["version_code"]) == badging["versionCode"]
    assert data["version_name"] == (badging.get("versionName") or None)
    if "sdkVersion" in badging:
        assert str(data["min_sdk"]) == badging["sdkVersion"]
    else:
        assert data["min_sdk"] is None
    if "targetSdkVersion" in badging and "sdkVersion" in badging:
        assert str(data["target_sdk"]) == badging["targetSdkVersion"]


def test_every_fixture_source_is_built() -> None:
    sources = FIXTURES.parent / "src"
    for app_dir in sources.iterdir():
        assert (FIXTURES / f"{app_dir.name}.apk").is_file(), f"unbuilt: {app_dir}"
