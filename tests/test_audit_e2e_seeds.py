"""The headline findings on the RAW seed policies, as a user runs them: APK + policy text.

Unlike test_audit_e2e_matrix.py (reviewed maps), these go through the policy analyzer too,
so they hold the cases a user must never miss, on the real published wording: a camera app
against a policy that never mentions the phone's camera, precise location against a policy
that discloses only approximate location, a requested category the policy denies.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from permaudit.cli import main
from tests.shared_data import SEEDS, needs_seeds

pytestmark = needs_seeds
ROOT = Path(__file__).resolve().parents[1]
APKS = ROOT / "tests" / "fixtures" / "apk"
IPCAM = APKS / "ipcam.apk"
WATCH = APKS / "watch.apk"
P = "android.permission."


@cache
def audit(app: Path, policy: str) -> tuple[int, dict[str, Any]]:
    path = policy if policy.startswith("samples/") else f"{SEEDS}/{policy}"
    result = CliRunner().invoke(
        main,
        ["audit", str(app), "--policy", str(ROOT / path), "--format", "json"],
        catch_exceptions=False,
    )
    assert result.exit_code in (0, 1), result.stderr
    return result.exit_code, json.loads(result.stdout)


def findings(app: Path, policy: str, category: str) -> dict[str, dict[str, Any]]:
    """rule → finding, for one category (each rule appears at most once per category here)."""
    _, data = audit(app, policy)
    found = [f for f in data["findings"] if f["category"] == category]
    return {f["rule"]: f for f in found if f["rule"] != "scope_exceeded"} | {
        f"scope_exceeded:{','.join(f['permissions'])}": f
        for f in found
        if f["rule"] == "scope_exceeded"
    }


def test_camera_app_vs_ip_camera_policy_that_never_mentions_the_phone_camera() -> None:
    # "IP cameras", "network cameras": the product, not the phone's camera.
    exit_code, _ = audit(IPCAM, "ismartviewpro_ipcam.txt")
    camera = findings(IPCAM, "ismartviewpro_ipcam.txt", "camera")
    assert set(camera) == {"undisclosed"}
    finding = camera["undisclosed"]
    assert (finding["severity"], finding["permissions"]) == ("error", [P + "CAMERA"])
    assert finding["policy_evidence"] == []
    assert {e["caller_class"] for e in finding["code_evidence"]} == {
        "com.vendor.ipcam.live.LiveViewActivity",
        "com.vendor.ipcam.setup.AddDeviceActivity",
    }
    assert exit_code == 1


def test_camera_app_vs_smart_watch_policy() -> None:
    # "Smart Watch" in the policy is a product name.
    assert set(findings(IPCAM, "ismarthomeq_watch.txt", "camera")) == {"undisclosed"}
    assert set(findings(IPCAM, "ismarthomeq_watch.txt", "microphone")) == {"undisclosed"}


def test_precise_location_vs_policy_disclosing_only_approximate_location() -> None:
    location = findings(IPCAM, "smartmi.txt", "location")
    # "we will not use this information to track your location" limits use: not a denial.
    assert set(location) == {f"scope_exceeded:{P}ACCESS_FINE_LOCATION"}
    finding = location[f"scope_exceeded:{P}ACCESS_FINE_LOCATION"]
    assert finding["severity"] == "warning"
    assert any("approximate geographic location" in e["quote"] for e in finding["policy_evidence"])
    assert {e["caller_class"].rsplit(".", 1)[-1] for e in finding["code_evidence"]} >= {
        "LocationHelper"
    }


def test_background_location_vs_policy_without_background_access() -> None:
    location = findings(WATCH, "smartbt_camera.txt", "location")
    # "sensor data doesn't involve any personal location information" is about another datum.
    assert set(location) == {f"scope_exceeded:{P}ACCESS_BACKGROUND_LOCATION"}


def test_health_sensors_vs_policy_that_denies_sensitive_information() -> None:
    # "Sensitive information includes ... health information ... We do not collect and
    # process sensitive personal information."
    health = findings(WATCH, "ismartviewpro_ipcam.txt", "health")
    assert set(health) == {"contradicted"}
    finding = health["contradicted"]
    assert finding["severity"] == "error"
    assert finding["permissions"] == [P + "ACTIVITY_RECOGNITION", P + "BODY_SENSORS"]
    assert any("health information" in e["quote"] for e in finding["policy_evidence"])
    assert {e["caller_class"].rsplit(".", 1)[-1] for e in finding["code_evidence"]} == {
        "HeartRateMonitor",
        "StepCounter",
    }


def test_health_sensors_vs_policy_whose_health_is_legal_boilerplate() -> None:
    # "physical or mental health", "public health": not a disclosure, not a denial.
    assert set(findings(WATCH, "ismarthomeq_watch.txt", "health")) == {"undisclosed"}


def test_camera_app_vs_policy_that_describes_it_passes_the_gate() -> None:
    exit_code, data = audit(IPCAM, "smartbt_camera.txt")
    assert data["summary"]["error"] == 0
    assert exit_code == 0
    for category in ("camera", "microphone", "location", "storage"):
        assert findings(IPCAM, "smartbt_camera.txt", category) == {}, category
    # The policy names the IMEI and the MAC address; the IMSI that Umeng also reads only its
    # "device identification number" covers: a warning at data-type level (SPEC §1b), as
    # with the reviewed map (tests/test_audit_e2e_matrix.py).
    device_id = findings(IPCAM, "smartbt_camera.txt", "device_id")
    assert set(device_id) == {"vague"}
    assert device_id["vague"]["data_type"] == "imsi"
    assert device_id["vague"]["severity"] == "warning"


def test_demo_contacts_denied_but_requested_is_contradicted() -> None:
    # What `make demo` shows: "We do not access or collect your contacts" vs READ_CONTACTS.
    exit_code, _ = audit(ROOT / "samples" / "ipcam-demo.apk", "samples/privacy-policy.md")
    contacts = findings(
        ROOT / "samples" / "ipcam-demo.apk", "samples/privacy-policy.md", "contacts"
    )
    assert set(contacts) == {"contradicted"}
    assert [e["quote"] for e in contacts["contradicted"]["policy_evidence"]] == [
        "We do not access or collect your contacts or your address book."
    ]
    location = findings(
        ROOT / "samples" / "ipcam-demo.apk", "samples/privacy-policy.md", "location"
    )
    assert f"scope_exceeded:{P}ACCESS_FINE_LOCATION" in location
    assert exit_code == 1
