"""Behaviour tables of the statement reader (issue 9): sentence → expected statements.

One table per phenomenon of the language, not per policy: modifier vs head, passive, device
capture, a purpose for a whole list, definitions narrowing umbrellas, and denial vs limit vs
condition vs user choice. Each row names the ontology nodes a sentence's disclosing (or
denying) statements hold.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from permaudit.errors import InputError
from permaudit.models import Category, DataType, Status
from permaudit.policy import analyze_text, statements_of
from permaudit.policy.statement import Action, Actor, Modality
from tests.policy.policy_support import INTRO, facts


def nodes(text: str, modality: Modality = Modality.PERFORMED) -> set[str]:
    """Ontology nodes of the statements of `text` with `modality` (the intro excluded)."""
    found: set[str] = set()
    for statement in statements_of(INTRO + text):
        if statement.modality is modality:
            found.update(ref.node for ref in statement.data if ref.start >= len(INTRO))
    return found - {"personal_information"}


# --- a term that only modifies another noun is no datum ------------------------------------
@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("We disclosed no data in the preceding calendar year.", "calendar"),
        ("We store the camera name and description you enter.", "camera"),
        ("We record the voice prompt language of the device.", "microphone"),
        # phrases masks used to list one by one, now the parse's rule
        ("We send you an SMS verification code when you sign in.", "sms"),
        ("We collect the storage period you choose for your recordings.", "storage"),
        ("We record the camera's speaker volume.", "camera"),
        ("We collect the Mac OS version of your computer.", "mac_address"),
        ("We collect feedback about our camera products.", "camera"),
        ("We collect the location settings of your browser.", "location"),
        ("We collect the names of storage devices you attach.", "storage"),
        # a datum of a thing, not of the user; a browser mechanism listed with cookies
        ("We store the location of a no-go zone on the map you draw.", "location"),
        ("We use cookies, pixels and local storage to remember your settings.", "storage"),
    ],
)
def test_modifier_is_not_the_datum(text: str, absent: str) -> None:
    assert absent not in nodes(text)


@pytest.mark.parametrize(
    ("text", "node"),
    [
        ("We collect location data to show nearby stores.", "location"),
        ("The app requests the camera permission to scan QR codes.", "camera"),
        ("We read your contact list to find friends.", "address_book"),
        ("We collect your device's IMEI.", "imei"),
        # a list member the small model misparses as a modifier across a comma
        (
            "We collect information about the device you use to access the Service, for"
            " example, the device's unique device identifier, operating system.",
            "device_id",
        ),
    ],
)
def test_head_of_the_data_counts(text: str, node: str) -> None:
    assert node in nodes(text)


# --- passive and device capture: a data verb governs terms the lexicon only suspects ------
@pytest.mark.parametrize(
    ("text", "node", "actor"),
    [
        ("Your voice is captured by the speaker and sent to our servers.", "audio_capture", None),
        ("Face images recorded by the doorbell are uploaded.", "image_capture", None),
        ("The camera records footage when it detects motion.", "video_capture", None),
    ],
)
def test_passive_and_device_capture(text: str, node: str, actor: Actor | None) -> None:
    statements = [s for s in statements_of(INTRO + text) if s.start >= len(INTRO)]
    matching = [s for s in statements if node in {r.node for r in s.data}]
    assert matching, statements
    assert matching[0].action is not Action.MENTION
    if actor is not None:
        assert matching[0].actor is actor


@pytest.mark.parametrize(
    "text",
    [
        "Our speaker has a loud voice.",  # no data verb governs it
        "You can enter your weight goal in the app settings.",  # entered by the user: no capture
    ],
)
def test_governed_terms_need_a_data_verb(text: str) -> None:
    assert not nodes(text) & {"audio_capture", "health_measurement"}


def test_list_of_measurements_is_health() -> None:
    text = "The scale measures your weight, body fat and body temperature."
    assert status_of(text, Category.HEALTH) is Status.EXPLICIT


# --- a purpose stated for a list holds for each member ------------------------------------
def test_purpose_for_a_list() -> None:
    text = (
        "We collect your location, device ID and Wi-Fi name to connect your camera to the network."
    )
    policy = facts(text)
    for category in (Category.LOCATION, Category.DEVICE_ID, Category.LOCAL_NETWORK):
        assert "wifi_provisioning" in {p.id for p in policy.categories[category].purposes}


# --- definitions narrow their umbrella ----------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We collect device information (such as model and OS version).", Status.ABSENT),
        ("We collect device information (such as model, OS version and IMEI).", Status.EXPLICIT),
        ("We collect device information to fix crashes.", Status.VAGUE),
    ],
)
def test_definition_narrows_umbrella(text: str, expected: Status) -> None:
    assert status_of(text, Category.DEVICE_ID) is expected


# --- denial vs limit vs condition vs user choice ------------------------------------------
@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("We do not collect your location.", Modality.DENIED),
        ("We will not use your location for advertising.", Modality.LIMITED),
        ("We will not share your location with third parties.", Modality.LIMITED),
        ("We access your location unless you do not grant the permission.", Modality.CONDITIONAL),
        ("You can choose not to grant the location permission.", Modality.CHOICE),
        ("We collect your location.", Modality.PERFORMED),
        # a negation in a clause about something else leaves the list disclosed
        (
            "Non-identifying information means information that cannot identify you, such as"
            " your location.",
            Modality.PERFORMED,
        ),
        ("No advertiser will access your location.", Modality.DENIED),
        # a negated clause that does nothing to data describes its noun, however the list
        # below it nests (the parser hangs long lists on a later relative clause)
        (
            "Non-identifying information means information that alone cannot identify you,"
            " such as log data that records your visit, such as your browser type, unique"
            " device ID collected from your mobile devices, files that do not contain faces,"
            " and your location.",
            Modality.PERFORMED,
        ),
        ("We will not collect information that identifies your location.", Modality.DENIED),
    ],
)
def test_modality(text: str, modality: Modality) -> None:
    assert "location" in nodes(text, modality)


# --- data types (SPEC §1b) ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "data_type", "expected"),
    [
        ("We collect your Android ID.", DataType("android_id"), Status.EXPLICIT),
        ("We collect your Android ID.", DataType("imei"), Status.ABSENT),
        ("We collect unique device identifiers.", DataType("imei"), Status.VAGUE),
        ("We collect device information.", DataType("mac_address"), Status.VAGUE),
        (
            "We collect the SSID and BSSID of your router.",
            DataType("wifi_network"),
            Status.EXPLICIT,
        ),
        ("We do not collect your IMEI.", DataType("imei"), Status.DENIED),
        # Wi-Fi that is only a kind of connection names no network (issue 9's own example)
        (
            "We collect your connection type (Wi-Fi or cellular).",
            DataType("wifi_network"),
            Status.ABSENT,
        ),
        (
            "We collect your connection type (Wi-Fi or cellular).",
            DataType("network_state"),
            Status.EXPLICIT,
        ),
        ("We collect your connection type (Wi-Fi).", DataType("lan_devices"), Status.ABSENT),
        ("We read your address book.", DataType("address_book"), Status.EXPLICIT),
        # access points told apart by nearness are the ones around, not the connected one
        (
            "We use information about the Wi-Fi routers and cell towers closest to you.",
            DataType("wifi_scan"),
            Status.EXPLICIT,
        ),
        (
            "We use information about the Wi-Fi routers and cell towers closest to you.",
            DataType("wifi_network"),
            Status.ABSENT,
        ),
        ("We collect the access points near your device.", DataType("wifi_scan"), Status.EXPLICIT),
        ("We collect the name of your router.", DataType("wifi_scan"), Status.ABSENT),
        # the network a phone uses is the network's identity
        (
            "Partners collect your IP address and WiFi networks used.",
            DataType("wifi_network"),
            Status.EXPLICIT,
        ),
        ("We record the connected Wi-Fi network.", DataType("wifi_network"), Status.EXPLICIT),
        ("We record the connected Wi-Fi network.", DataType("wifi_scan"), Status.ABSENT),
        # a router by itself is hardware (a product menu); governed by a data verb, the network
        (
            "Networking: Wireless Routers, Modem Routers, Adapters.",
            DataType("wifi_network"),
            Status.ABSENT,
        ),
        ("We collect the name of your router.", DataType("wifi_network"), Status.EXPLICIT),
        (
            "The app reads the router you are connected to.",
            DataType("wifi_network"),
            Status.EXPLICIT,
        ),
    ],
)
def test_data_type_status(text: str, data_type: DataType, expected: Status) -> None:
    assert facts(text).data_type_status(data_type) is expected


# --- "network information": the network's identity and state, not the scan nor the LAN ------
NETWORK_INFORMATION = "We collect network information to keep the stream stable."


@pytest.mark.parametrize(
    ("data_type", "expected"),
    [
        (DataType("wifi_network"), Status.VAGUE),
        (DataType("network_state"), Status.VAGUE),
        (DataType("wifi_scan"), Status.ABSENT),
        (DataType("lan_devices"), Status.ABSENT),
    ],
)
def test_network_information_covers_identity_and_state(
    data_type: DataType, expected: Status
) -> None:
    assert facts(NETWORK_INFORMATION).data_type_status(data_type) is expected


def test_network_information_is_a_vague_local_network() -> None:
    assert facts(NETWORK_INFORMATION).status(Category.LOCAL_NETWORK) is Status.VAGUE


# --- sensors that are not the phone's: beacons around, the vendor's hardware in the room ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We locate you by detection of on-location Wi-Fi or Bluetooth sensors.", Status.ABSENT),
        ("We collect data from sensors built into some of our devices.", Status.ABSENT),
        (
            "These sensors collect data such as temperature, humidity and ambient light.",
            Status.ABSENT,
        ),
        # the phone's own sensors stay, whatever else the sentence holds
        ("We collect sensor data from your phone.", Status.VAGUE),
        ("We read the accelerometer and the ambient temperature.", Status.EXPLICIT),
        ("We collect data from your phone's sensors and the room temperature.", Status.VAGUE),
    ],
)
def test_sensors_of_other_things_are_not_the_phones(text: str, expected: Status) -> None:
    assert facts(text).status(Category.SENSORS) is expected


def status_of(text: str, category: Category) -> Status:
    return facts(text).status(category)


# --- documents that are no privacy policy (issue 13) --------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "404 Not Found\n\nThe page you requested could not be found. Return to the home page.",
        "Sign in\n\nEmail\n\nPassword\n\nForgot your password? Create an account.",
        "Privacy Policy\n\n[Company name]\n\n[Insert your policy text here.]",
    ],
)
def test_no_privacy_policy_is_an_input_error(text: str) -> None:
    with pytest.raises(InputError, match="does not read as a privacy policy"):
        analyze_text(text, source="page.html")


def test_headings_are_never_evidence() -> None:
    text = "\n\n2.1 Location\n\nWe collect your location to show the weather."
    location = facts(text).categories[Category.LOCATION]
    assert location.status is Status.EXPLICIT
    assert [e.quote for e in location.evidence] == ["We collect your location to show the weather."]
    assert (
        facts("\n\n2.1 Location\n\nWe collect your email address.").status(Category.LOCATION)
        is Status.ABSENT
    )


def test_language_is_in_the_facts() -> None:
    assert facts("We collect your location.").to_json_dict()["language"] == "en"


def test_version_and_help_never_import_the_parser() -> None:
    probe = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from permaudit.cli import main\n"
        "for args in (['--version'], ['--help'], ['policy', '--help']):\n"
        "    assert CliRunner().invoke(main, args).exit_code == 0\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_cached_facts_equal_fresh_ones() -> None:
    text = INTRO + "We collect your IMEI and your precise location."
    first = analyze_text(text, source="a.txt")
    again = analyze_text(text, source="b.txt")
    assert again.source == "b.txt"
    assert again.model_copy(update={"source": "a.txt"}) == first
