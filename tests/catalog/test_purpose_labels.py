"""Every purpose id the analyzer or a reviewed map can report has words in the catalog, and
the reports people read show those words, never the ids."""

from __future__ import annotations

import html

import yaml

from permaudit.catalog import purpose_label, purpose_labels
from permaudit.policy.languages.en.lexicon import purpose_patterns
from tests.cli_support import ROOT, run_cli

DEMO_APP = ROOT / "samples" / "ipcam-demo.apk"
DEMO_POLICY = ROOT / "samples" / "privacy-policy.md"


def _map_purpose_ids() -> set[str]:
    found: set[str] = set()
    for path in sorted((ROOT / "policy_maps").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for disclosure in data["categories"].values():
            found |= {p["id"] for p in disclosure.get("purposes", [])}
    return found


def test_every_purpose_id_has_a_label() -> None:
    analyzer_ids = {purpose_id for purpose_id, _ in purpose_patterns()}
    assert analyzer_ids, "the analyzer reports no purposes?"
    labelled = set(purpose_labels().purposes)
    assert analyzer_ids - labelled == set(), "purpose ids without a label"
    assert _map_purpose_ids() - labelled == set(), "reviewed maps use ids without a label"
    # No stale labels either: each names an id the analyzer reports.
    assert labelled - analyzer_ids == set()


def test_labels_are_words_not_ids() -> None:
    for purpose_id, label in purpose_labels().purposes.items():
        assert label.strip() and "_" not in label, purpose_id
    assert purpose_label("wifi_provisioning") == "Wi-Fi provisioning"
    # A hand-written map may use an id of its own: shown as written.
    assert purpose_label("vendor_specific") == "vendor_specific"


def test_policy_table_shows_labels() -> None:
    table = run_cli("policy", DEMO_POLICY).stdout
    assert "device setup and binding" in table and "intercom (two-way talk)" in table
    assert "device_setup" not in table and "wifi_provisioning" not in table


def test_html_report_shows_labels_with_the_id_as_a_tooltip() -> None:
    result = run_cli("audit", DEMO_APP, "--policy", DEMO_POLICY, "--format", "html")
    text = html.unescape(result.stdout)
    assert '<span title="wifi_provisioning">Wi-Fi provisioning</span>' in text
    visible = text.replace('title="', "\0")  # ids appear only inside title attributes
    assert ">wifi_provisioning<" not in visible and ", device_setup" not in visible


def test_json_keeps_the_ids() -> None:
    result = run_cli("policy", DEMO_POLICY, "--format", "json")
    assert '"id": "device_setup"' in result.stdout
