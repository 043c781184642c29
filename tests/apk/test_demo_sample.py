"""samples/ holds what `make demo` runs on: keep the demo APK and policy telling one story."""

from __future__ import annotations

from pathlib import Path

from tests.apk.apk_helpers import FIXTURES, extract_json

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_demo_apk_is_the_built_fixture() -> None:
    assert (SAMPLES / "ipcam-demo.apk").read_bytes() == (FIXTURES / "ipcam_demo.apk").read_bytes()


def test_demo_policy_discloses_some_requests_and_denies_one() -> None:
    data = extract_json(SAMPLES / "ipcam-demo.apk")
    categories = {c for p in data["permissions"] for c in p["categories"]}
    assert {"camera", "microphone", "location", "local_network", "device_id", "storage"} <= (
        categories
    )
    assert "contacts" in categories
    policy = (SAMPLES / "privacy-policy.md").read_text(encoding="utf-8")
    assert 1200 <= len(policy.split()) <= 2000
    # Disclosed clearly, with purposes.
    for phrase in ("two-way talk", "QR code", "Wi-Fi provisioning", "approximate location"):
        assert phrase in policy
    # Denied although the demo app requests READ_CONTACTS: the demo's contradicted finding.
    assert "We do not access or collect your contacts" in policy
    # Never mentioned: device identifiers (READ_PHONE_STATE) and storage (WRITE_EXTERNAL_STORAGE).
    for absent in ("IMEI", "phone state", "device ID", "identifier of your phone", "gallery"):
        assert absent not in policy
