"""Code evidence through load_app and `permaudit extract --evidence` on the fixture apps."""

from __future__ import annotations

import json
import shutil
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from permaudit.apk import ApkArchive, load_app
from permaudit.audit import audit
from permaudit.cli import main
from permaudit.models import AppFacts, Category, CategoryDisclosure, Party, PolicyFacts, Rule

APKS = Path(__file__).resolve().parents[1] / "fixtures" / "apk"
P = "android.permission."
GET_DEVICE_ID = "Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;"


@pytest.fixture(scope="module")
def watch() -> AppFacts:
    return load_app(APKS / "watch.apk", evidence=True)


def test_evidence_is_off_by_default() -> None:
    assert load_app(APKS / "minimal.apk").api_evidence is None


def test_app_without_sensitive_code_has_empty_evidence() -> None:
    assert load_app(APKS / "minimal.apk", evidence=True).api_evidence == ()


def test_third_party_sdk_reading_the_imei(watch: AppFacts) -> None:
    assert watch.api_evidence is not None
    device_id = {
        (e.permission, e.caller_class, e.caller_method, e.party, e.sdk, e.dex)
        for e in watch.api_evidence
        if e.api == GET_DEVICE_ID
    }
    assert device_id == {
        (
            permission,
            "com.tencent.bugly.crashreport.common.DeviceInfo",
            "collect(Landroid/content/Context;)V",
            Party.THIRD_PARTY,
            "Tencent Bugly",
            "classes2.dex",
        )
        for permission in (P + "READ_PHONE_STATE", P + "READ_PRIVILEGED_PHONE_STATE")
    }


def test_watch_callers_per_permission(watch: AppFacts) -> None:
    assert watch.api_evidence is not None
    callers: dict[str | None, set[str]] = {}
    for e in watch.api_evidence:
        callers.setdefault(e.permission, set()).add(f"{e.caller_class}.{e.caller_method}")
    assert {c.split("(")[0] for c in callers[P + "BODY_SENSORS"]} == {
        "com.vendor.fitwatch.health.HeartRateMonitor.start"
    }
    assert {c.split("(")[0] for c in callers[P + "ACTIVITY_RECOGNITION"]} == {
        "com.vendor.fitwatch.health.StepCounter.stepSensor"
    }
    assert {c.split("(")[0] for c in callers[P + "READ_SMS"]} == {
        "com.vendor.fitwatch.sms.SmsReceiver.unread"
    }
    assert {c.split("(")[0] for c in callers[P + "READ_CONTACTS"]} == {
        "com.vendor.fitwatch.contacts.ContactSync.readFavourites"
    }
    assert {e.party for e in watch.api_evidence if e.caller_class.startswith("com.vendor.")} == {
        Party.FIRST_PARTY
    }


def test_requested_permission_no_code_uses_raises_unused_permission(watch: AppFacts) -> None:
    """The watch asks for READ_CALL_LOG but no code reads the call log."""
    assert watch.permission(P + "READ_CALL_LOG") is not None
    assert P + "READ_CALL_LOG" not in {e.permission for e in watch.api_evidence or ()}
    silent = PolicyFacts(source="p.txt", categories={c: CategoryDisclosure() for c in Category})
    unused = {
        permission
        for finding in audit(watch, silent)
        if finding.rule is Rule.UNUSED_PERMISSION
        for permission in finding.permissions
    }
    assert unused == {P + "READ_CALL_LOG"}


def test_extract_json_carries_api_evidence() -> None:
    result = CliRunner().invoke(
        main, ["extract", str(APKS / "ipcam.apk"), "--evidence", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    umeng = {
        (e["api"], e["caller_class"], e["party"], e["sdk"])
        for e in data["api_evidence"]
        if e["permission"] == P + "READ_PHONE_STATE"
    }
    assert umeng == {
        (GET_DEVICE_ID, "com.umeng.analytics.DeviceInfo", "third_party", "Umeng"),
        (
            "Landroid/telephony/TelephonyManager;->getSubscriberId()Ljava/lang/String;",
            "com.umeng.analytics.DeviceInfo",
            "third_party",
            "Umeng",
        ),
    }
    assert set(data["api_evidence"][0]) == {
        "api",
        "permission",
        "category",
        "caller_class",
        "caller_method",
        "party",
        "sdk",
        "dex",
        "data_type",
        "organisation",
    }
    assert {e["data_type"] for e in data["api_evidence"] if e["api"] == GET_DEVICE_ID} == {"imei"}


def test_extract_json_without_evidence_has_no_key() -> None:
    result = CliRunner().invoke(main, ["extract", str(APKS / "ipcam.apk"), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "api_evidence" not in json.loads(result.output)


def test_extract_table_shows_the_evidence_section() -> None:
    result = CliRunner().invoke(main, ["extract", str(APKS / "watch.apk"), "--evidence"])
    assert result.exit_code == 0, result.output
    assert "Code evidence" in result.output
    assert "Tencent Bugly" in result.output
    empty = CliRunner().invoke(main, ["extract", str(APKS / "minimal.apk"), "--evidence"])
    assert "no code references a sensitive API" in empty.output


def test_each_dex_is_inflated_once_for_urls_and_evidence(monkeypatch: pytest.MonkeyPatch) -> None:
    """The policy-URL search and the code scan share one read of every DEX."""
    reads: Counter[str] = Counter()
    real_read = ApkArchive.read

    def counting_read(self: ApkArchive, name: str, *args: Any, **kwargs: Any) -> bytes:
        reads[name] += 1
        return real_read(self, name, *args, **kwargs)

    monkeypatch.setattr(ApkArchive, "read", counting_read)
    facts = load_app(APKS / "evidence_homecam.apk", evidence=True)
    assert facts.api_evidence  # both consumers ran
    assert {name: n for name, n in reads.items() if name.endswith(".dex")} == {
        "classes.dex": 1,
        "classes2.dex": 1,
    }


def test_unreadable_dex_warns_once_per_reader(tmp_path: Path) -> None:
    """A DEX that is not one: the URL search and the scan each say what they skipped."""
    app = tmp_path / "broken_dex.apk"
    shutil.copy(APKS / "evidence_homecam.apk", app)
    with zipfile.ZipFile(app, "a") as archive:
        archive.writestr("classes3.dex", b"PK\x03\x04 not a dex at all" * 10)
    facts = load_app(app, evidence=True)
    problem = "not a DEX file (bad magic)"
    assert [w for w in facts.warnings if w.startswith("classes3.dex")] == [
        f"classes3.dex: not searched for a privacy-policy URL ({problem})",
        f"classes3.dex: skipped, not a readable DEX file ({problem})",
    ]
    assert {e.dex for e in facts.api_evidence or ()} == {"classes.dex", "classes2.dex"}
    without = load_app(app)
    assert [w for w in without.warnings if w.startswith("classes3.dex")] == [
        f"classes3.dex: not searched for a privacy-policy URL ({problem})"
    ]
