"""The analyzer reproduces the reviewed maps of the five seed policies (policy_maps/*.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from permaudit.models import Category, Status
from permaudit.policy import analyze_text, load_policy, normalised_text
from tests.shared_data import SEEDS, needs_seeds

ROOT = Path(__file__).resolve().parents[2]
MAPS = ROOT / "policy_maps"
SEED_NAMES = sorted(p.stem for p in MAPS.glob("*.yaml"))

# Purposes a reader of each policy must find (a subset of the reviewed maps' purposes).
KEY_PURPOSES = {
    ("smartbt_camera", Category.CAMERA): {"device_setup", "media_capture", "face_recognition"},
    ("smartbt_camera", Category.MICROPHONE): {"intercom"},
    ("smartbt_camera", Category.LOCATION): {"wifi_provisioning"},
    ("smartbt_camera", Category.LOCAL_NETWORK): {"wifi_provisioning", "device_discovery"},
    ("smartbt_camera", Category.DEVICE_ID): {"account_security"},
    ("smartbt_camera", Category.SENSORS): {"device_orientation"},
    ("smartmi", Category.LOCATION): {"device_setup"},
    ("smartmi", Category.DEVICE_ID): {"device_setup", "troubleshooting"},
    ("smart_clean_home", Category.DEVICE_ID): {"analytics"},
}


# Where the reviewed maps follow SPEC §1b and the analyzer, which does not read data types,
# cannot: a data type named explicitly makes its category explicit.
DATA_TYPE_LEVEL = {
    # "network status (WiFi)" is SPEC §1b's wording of network_state.
    ("smart_clean_home", Category.LOCAL_NETWORK): Status.VAGUE,
}


def _text(name: str) -> str:
    return (SEEDS / f"{name}.txt").read_text(encoding="utf-8")


def test_all_five_seeds_have_reviewed_maps() -> None:
    assert SEED_NAMES == [
        "ismarthomeq_watch",
        "ismartviewpro_ipcam",
        "smart_clean_home",
        "smartbt_camera",
        "smartmi",
    ]


@needs_seeds
@pytest.mark.parametrize("name", SEED_NAMES)
def test_analyzer_reproduces_reviewed_map(name: str) -> None:
    reviewed = load_policy(MAPS / f"{name}.yaml")
    assert reviewed.from_map
    facts = analyze_text(_text(name), source=f"{name}.txt")
    got = {c.value: d.status.value for c, d in facts.categories.items()}
    want = {
        c.value: DATA_TYPE_LEVEL.get((name, c), d.status).value
        for c, d in reviewed.categories.items()
    }
    assert got == want
    for category, disclosure in reviewed.categories.items():
        analyzed = facts.categories[category]
        assert analyzed.scope == disclosure.scope
        # The reviewed quotes lead; statements the analyzer reads beyond them (media the
        # connected camera captures, issue 9) may follow within the evidence cap.
        reviewed_starts = [e.start for e in disclosure.evidence]
        analyzed_starts = [e.start for e in analyzed.evidence]
        assert reviewed_starts[:1] == analyzed_starts[:1]
        assert len(set(reviewed_starts) & set(analyzed_starts)) * 2 >= len(reviewed_starts)
        key = KEY_PURPOSES.get((name, category), set())
        assert key <= {p.id for p in analyzed.purposes}


@needs_seeds
@pytest.mark.parametrize("name", SEED_NAMES)
def test_reviewed_data_types_quote_the_policy_and_agree_with_their_category(name: str) -> None:
    """Every seed map reviews its data types (SPEC §1b); their quotes are the policy's words."""
    reviewed = load_policy(MAPS / f"{name}.yaml")
    text = normalised_text(_text(name))
    reviewed_types = 0
    for category, disclosure in reviewed.categories.items():
        statuses = {said.status for said in disclosure.data_types.values()}
        if Status.EXPLICIT in statuses:
            assert disclosure.status is Status.EXPLICIT, category
        if disclosure.status is Status.ABSENT:
            assert statuses <= {Status.ABSENT}, category
        for said in disclosure.data_types.values():
            reviewed_types += said.status is not Status.ABSENT
            for evidence in said.evidence:
                assert text[evidence.start : evidence.end] == evidence.quote
    assert reviewed_types >= 5


@needs_seeds
@pytest.mark.parametrize("name", SEED_NAMES)
def test_evidence_offsets_index_the_normalised_text_and_lines_the_file(name: str) -> None:
    text = normalised_text(_text(name))
    facts = analyze_text(_text(name), source=name)
    file_lines = _text(name).split("\n")
    for disclosure in facts.categories.values():
        for evidence in disclosure.evidence:
            assert text[evidence.start : evidence.end] == evidence.quote
            assert evidence.line is not None
            assert evidence.quote.split()[0] in file_lines[evidence.line - 1]


@needs_seeds
def test_seed_specifics() -> None:
    smartmi = analyze_text(_text("smartmi"), source="smartmi.txt")
    location = smartmi.categories[Category.LOCATION]
    assert location.scope is not None and location.scope.precision == "approximate"
    ipcam = analyze_text(_text("ismartviewpro_ipcam"), source="x")
    assert ipcam.status(Category.HEALTH) is Status.DENIED
    assert ipcam.status(Category.CAMERA) is Status.ABSENT
    assert "health information" in ipcam.categories[Category.HEALTH].evidence[0].quote
    smartbt = analyze_text(_text("smartbt_camera"), source="x")
    assert smartbt.categories[Category.CAMERA].evidence[0].section == (
        "1.4. Collection of Personal Information for Specific Features You Use:"
    )
