"""samples/privacy-policy.md read as a careful human reads it: statuses, purposes, scope."""

from __future__ import annotations

from pathlib import Path

import pytest

from permaudit.models import Category, PolicyFacts, Status
from permaudit.policy import analyze_text, load_policy, normalised_text
from permaudit.policy.loader import load_policy_text

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "privacy-policy.md"
C = Category

# category → (status, purposes) as the demo policy states them.
# Section 5, "How we use information": set up, live view, two-way talk, playback and event
# alerts, troubleshooting, firmware updates, support, legal duties.
USES = {
    "device_setup",
    "live_view",
    "intercom",
    "media_storage",
    "notifications",
    "troubleshooting",
    "firmware_update",
    "customer_support",
    "legal_compliance",
}
EXPECTED: dict[Category, tuple[Status, set[str]]] = {
    # QR code that binds the camera; "snapshot" photos; and section 5, "We use the
    # information described in this policy to:" and its list, for all the information.
    C.CAMERA: (Status.EXPLICIT, {"device_setup", "media_capture", *USES}),
    C.MICROPHONE: (Status.EXPLICIT, {"intercom", *USES}),
    # Approximate location to list Wi-Fi networks while adding a camera ("only during
    # setup": section 5's uses do not reach it, nor the Wi-Fi networks listed so).
    C.LOCATION: (Status.EXPLICIT, {"wifi_provisioning", "device_setup"}),
    # SSID to connect a new camera; multicast for device discovery.
    C.LOCAL_NETWORK: (Status.EXPLICIT, {"device_setup", "wifi_provisioning", "device_discovery"}),
    # "used only to complete pairing".
    C.BLUETOOTH: (Status.EXPLICIT, {"device_setup", "device_discovery"}),
    # "We do not access or collect your contacts or your address book."
    C.CONTACTS: (Status.DENIED, set()),
    # "We do not read your text messages or your call history."
    C.SMS: (Status.DENIED, set()),
    C.PHONE: (Status.DENIED, set()),
    # "The App does not use your phone's health or fitness data." (see denials.py)
    C.HEALTH: (Status.DENIED, set()),
    # The device serial read from the QR code is the camera's, not the phone's.
    C.DEVICE_ID: (Status.ABSENT, set()),
    # The microSD card is inside the camera; "storage plan" is retention.
    C.STORAGE: (Status.ABSENT, set()),
    # Push notifications are a channel.
    C.NOTIFICATIONS: (Status.ABSENT, set()),
    C.CALENDAR: (Status.ABSENT, set()),
    C.SENSORS: (Status.ABSENT, set()),
    C.INSTALLED_APPS: (Status.ABSENT, set()),
}


@pytest.fixture(scope="module")
def facts() -> PolicyFacts:
    return load_policy(SAMPLE)


def test_every_category_is_expected() -> None:
    assert set(EXPECTED) == set(Category)


@pytest.mark.parametrize("category", list(EXPECTED), ids=lambda c: c.value)
def test_status_and_purposes(facts: PolicyFacts, category: Category) -> None:
    status, purposes = EXPECTED[category]
    disclosure = facts.categories[category]
    assert disclosure.status is status
    assert {p.id for p in disclosure.purposes} == purposes


def test_location_scope(facts: PolicyFacts) -> None:
    scope = facts.categories[C.LOCATION].scope
    assert scope is not None
    # "we do not collect your precise location"; setup only, never in the background.
    assert (scope.precision, scope.background) == ("approximate", False)


def test_evidence_is_whole_sentences_in_their_sections(facts: PolicyFacts) -> None:
    text = normalised_text(load_policy_text(SAMPLE).text)
    for disclosure in facts.categories.values():
        for evidence in disclosure.evidence:
            assert evidence.section is not None
            assert "#" not in evidence.section
            assert text[evidence.start : evidence.end] == evidence.quote
            # A quote starts where a sentence or a list item starts, and ends where it ends.
            before = text[: evidence.start].rstrip(" ")
            assert not before or before[-1] in ".!?:;\n", evidence.quote
            assert evidence.quote[-1] in ".;:" or evidence.quote == evidence.section
    location = facts.categories[C.LOCATION].evidence
    assert {e.section for e in location} == {"2.4 Location"}
    assert location[0].quote == (
        "Android requires apps to hold a location permission before they can scan for nearby "
        "Wi-Fi networks."
    )
    microphone = facts.categories[C.MICROPHONE].evidence[0]
    assert microphone.quote.endswith("so you can speak to a visitor or a family member.")
    assert facts.categories[C.BLUETOOTH].evidence[0].section == "6. Sharing"
    assert facts.categories[C.HEALTH].evidence[0].section == "3. Information we do not collect"


def test_raw_markdown_text_reads_the_same(facts: PolicyFacts) -> None:
    raw = analyze_text(SAMPLE.read_text(encoding="utf-8"), source=str(SAMPLE))
    for category, disclosure in facts.categories.items():
        assert raw.categories[category].status is disclosure.status, category
        for evidence in raw.categories[category].evidence:
            assert evidence.section is None or not evidence.section.startswith("#")
    location = raw.categories[C.LOCATION]
    scope, rendered = location.scope, facts.categories[C.LOCATION].scope
    assert scope is not None and rendered is not None
    assert (scope.precision, scope.background) == (rendered.precision, rendered.background)
    # The same sentence states the scope; offsets differ between raw and rendered Markdown.
    assert [" ".join(e.quote.split()) for e in scope.evidence] == [
        " ".join(e.quote.split()) for e in rendered.evidence
    ]
    # Hard-wrapped lines are joined into whole sentences, with offsets into the text.
    assert any(
        " ".join(e.quote.split()).startswith("We only use approximate location, and only during")
        for e in location.evidence
    )
