"""A Chinese-vendor camera app (tests/fixtures/src/cncam, built with smali) audited against
its Chinese policy (tests/fixtures/policies/cncam_zh.txt), in every output format.

What a person reading the policy expects: it discloses the camera (QR binding), microphone
(intercom), location and Wi-Fi (provisioning), storage (saving clips), device identifiers,
each with a purpose; it says 我们不会读取您的通讯录 while the app requests READ_CONTACTS and
reads the address book: contacts contradicted, quoting that sentence. And at data-type level
(SPEC §1b) it names the Wi-Fi name, the Wi-Fi list and the network state, not the devices on
the local network that the provisioning code discovers through a multicast lock: a warning.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from tests.cli_support import APKS, ROOT, assert_error_line, run_cli

CNCAM = APKS / "cncam.apk"
POLICY = ROOT / "tests" / "fixtures" / "policies" / "cncam_zh.txt"
DENIAL = "我们不会读取您的通讯录，也不会收集您的短信和通话记录。"
SARIF_SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"


def _audit(*extra: str) -> tuple[int, str]:
    result = run_cli("audit", CNCAM, "--policy", POLICY, *extra)
    return result.exit_code, result.stdout


def test_json_has_exactly_the_expected_findings() -> None:
    code, out = _audit("--format", "json")
    assert code == 1
    report = json.loads(out)
    assert report["policy"]["language"] == "zh"
    findings = [
        (f["rule"], f["severity"], f["category"], f["data_type"]) for f in report["findings"]
    ]
    assert findings == [
        ("contradicted", "error", "contacts", None),
        ("data_type_undisclosed", "warning", "local_network", "lan_devices"),
    ]
    finding = report["findings"][0]
    assert finding["permissions"] == ["android.permission.READ_CONTACTS"]
    assert [e["quote"] for e in finding["policy_evidence"]] == [DENIAL]
    categories = report["policy"]["categories"]
    statuses = {c: v["status"] for c, v in categories.items()}
    assert statuses == {
        "camera": "explicit",
        "microphone": "explicit",
        "location": "explicit",
        "local_network": "explicit",
        "device_id": "explicit",
        "bluetooth": "absent",
        "storage": "explicit",
        "contacts": "denied",
        "calendar": "absent",
        "phone": "denied",
        "sms": "denied",
        "health": "absent",
        "sensors": "absent",
        "notifications": "absent",
        "installed_apps": "absent",
    }
    purposes = {c: [p["id"] for p in v["purposes"]] for c, v in categories.items()}
    assert "device_setup" in purposes["camera"]
    assert purposes["microphone"] == ["intercom"]
    assert purposes["location"] == ["wifi_provisioning"]
    assert "wifi_provisioning" in purposes["local_network"]
    assert categories["location"]["scope"] == {"precision": "unspecified", "background": False}
    assert categories["local_network"]["data_types"]["wifi_network"]["status"] == "explicit"
    assert categories["device_id"]["data_types"]["imei"]["status"] == "vague"


def test_terminal_markdown_html_sarif_render_the_chinese_quote() -> None:
    code, terminal = _audit()
    assert code == 1 and "[contradicted] contacts" in terminal
    assert "我们不会读取您的通讯录" in terminal
    code, markdown = _audit("--format", "markdown")
    assert code == 1 and DENIAL in markdown
    code, html = _audit("--format", "html")
    assert code == 1 and DENIAL in html and 'charset="utf-8"' in html.lower()
    code, sarif = _audit("--format", "sarif")
    assert code == 1
    log = json.loads(sarif)
    result, lan = log["runs"][0]["results"]
    assert result["ruleId"].endswith("contradicted")
    assert lan["properties"]["data_type"] == "lan_devices"
    assert DENIAL in json.dumps(log, ensure_ascii=False)
    if SARIF_SCHEMA.is_file():
        jsonschema.validate(log, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))


def test_policy_language_override_reads_the_text_as_told() -> None:
    # Read as English, the Chinese policy states no data practice at all: the override is the
    # user's call, and the answer is an error, not "everything absent".
    result = run_cli("policy", POLICY, "--format", "json", "--policy-language", "en")
    assert_error_line(result, POLICY, "privacy policy")


def test_a_language_no_analyzer_reads_is_exit_2(tmp_path: Path) -> None:
    french = tmp_path / "politique.txt"
    french.write_text(
        "Nous collectons votre position et les images de la caméra pour configurer "
        "l'appareil. Nous ne vendons jamais vos données personnelles à des tiers. " * 4,
        encoding="utf-8",
    )
    result = run_cli("policy", french)
    assert_error_line(result, french, "policy language fr is not supported")


def test_a_bilingual_policy_is_read_in_both_halves(tmp_path: Path) -> None:
    bilingual = tmp_path / "bilingual.txt"
    bilingual.write_text(
        POLICY.read_text(encoding="utf-8") + "\nEnglish version\n\n"
        "This policy explains how the app collects, uses and protects your personal "
        "information. When you add a camera by scanning its QR code, we need the camera "
        "permission. When you use two-way talk, we need the microphone permission. To set up "
        "the camera's Wi-Fi we collect the name of the Wi-Fi network your phone is connected "
        "to. We access your calendar to schedule recordings at the times you choose. We do "
        "not read your contacts, and we do not collect your text messages or call logs. If "
        "you have any questions about this policy, please contact us by e-mail.\n",
        encoding="utf-8",
    )
    result = run_cli("policy", bilingual, "--format", "json")
    assert result.exit_code == 0, result.stderr
    categories = json.loads(result.stdout)["categories"]
    assert categories["camera"]["evidence"][0]["quote"].startswith("1. 当您通过扫码添加设备时")
    assert categories["calendar"]["status"] == "explicit"
    assert "calendar" in categories["calendar"]["evidence"][0]["quote"]


def test_override_reads_a_chinese_policy_in_chinese() -> None:
    result = run_cli("policy", POLICY, "--format", "json", "--policy-language", "zh")
    assert result.exit_code == 0 and json.loads(result.stdout)["language"] == "zh"


def test_the_policy_in_traditional_chinese_reads_the_same(tmp_path: Path) -> None:
    import opencc

    traditional = tmp_path / "cncam_zh_hant.txt"
    traditional.write_text(
        opencc.OpenCC("s2twp").convert(POLICY.read_text(encoding="utf-8")), encoding="utf-8"
    )
    statuses = {}
    for path in (POLICY, traditional):
        result = run_cli("policy", path, "--format", "json")
        assert result.exit_code == 0, result.stderr
        data = json.loads(result.stdout)
        assert data["language"] == "zh"
        statuses[path] = {c: v["status"] for c, v in data["categories"].items()}
    assert statuses[traditional] == statuses[POLICY]
    # The quotes are the Traditional text's own words.
    result = run_cli("policy", traditional, "--format", "json")
    quote = json.loads(result.stdout)["categories"]["contacts"]["evidence"][0]["quote"]
    assert quote.startswith("我們不會讀取您的通訊錄")
