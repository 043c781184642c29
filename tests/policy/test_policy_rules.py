"""Focused checks of each trap and denial form of SPEC §2 on short policies."""

from __future__ import annotations

import pytest

from permaudit.errors import InputError
from permaudit.models import Category, Party, Status
from permaudit.policy import analyze_text, normalised_text
from permaudit.policy.languages.en import LANGUAGE as ENGLISH
from permaudit.policy.normalise import normalise
from tests.policy.policy_support import INTRO, status

C = Category


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        # product names, "contact us", own contact information, retention, channels, boilerplate
        ("Welcome to our IP cameras and wireless network cameras.", C.CAMERA, Status.ABSENT),
        ("This policy covers the Smart Watch and its app.", C.HEALTH, Status.ABSENT),
        ("If you have questions, contact us at help@example.com.", C.CONTACTS, Status.ABSENT),
        ("We collect your email address or other contact information.", C.CONTACTS, Status.ABSENT),
        ("We keep data in secure storage for 6 months.", C.STORAGE, Status.ABSENT),
        (
            "We will inform you by email, letter, phone calls, push notifications.",
            C.NOTIFICATIONS,
            Status.ABSENT,
        ),
        (
            "We will inform you by email, letter, phone calls, push notifications.",
            C.PHONE,
            Status.ABSENT,
        ),
        ("Matters related to public safety, public health are exempt.", C.HEALTH, Status.ABSENT),
        # where a VPN connects from is a place the user picks, not where the user is
        (
            "Use the VPN tunnel to reach the Internet through preferred servers and geo locations.",
            C.LOCATION,
            Status.ABSENT,
        ),
        ("Choose a virtual location to browse privately.", C.LOCATION, Status.ABSENT),
        ("We collect your location to pick the nearest VPN server.", C.LOCATION, Status.EXPLICIT),
        # explicit wording
        ("We access your address book to invite friends.", C.CONTACTS, Status.EXPLICIT),
        (
            "We read the Wi-Fi name (SSID) to configure the device.",
            C.LOCAL_NETWORK,
            Status.EXPLICIT,
        ),
        (
            "We need the storage permission to save photos to your gallery.",
            C.STORAGE,
            Status.EXPLICIT,
        ),
        ("The watch measures your heart rate and sleep data.", C.HEALTH, Status.EXPLICIT),
        ("We read the IMEI of your phone.", C.DEVICE_ID, Status.EXPLICIT),
        ("We use the camera to scan QR codes.", C.CAMERA, Status.EXPLICIT),
        # umbrella terms
        # (an umbrella the sentence defines is resolved: tests/policy/test_policy_umbrella_lists.py)
        ("We collect device information to improve the app.", C.DEVICE_ID, Status.VAGUE),
        # SPEC §1b's wording of network_state names the datum
        ("We collect network status (WiFi) and time zone.", C.LOCAL_NETWORK, Status.EXPLICIT),
        ("We collect sensor data to improve the app.", C.SENSORS, Status.VAGUE),
    ],
)
def test_traps_and_wording(text: str, category: Category, expected: Status) -> None:
    assert status(text, category) is expected


@pytest.mark.parametrize(
    "text",
    [
        "We do not collect your location.",
        "The app does not access your contacts or address book.",
        "We never collect precise location data.",
        "Your location is not collected.",
        "We have no access to your contacts.",
        "We no longer collect your location.",
    ],
)
def test_direct_denials(text: str) -> None:
    category = C.LOCATION if "location" in text else C.CONTACTS
    assert status(text, category) is Status.DENIED


def test_denial_through_definition() -> None:
    text = (
        "Sensitive information includes racial origin, biometric data and health information. "
        "We do not collect and process sensitive personal information."
    )
    assert status(text, C.HEALTH) is Status.DENIED
    # The reader sees both halves of the argument: the definition and the denial.
    quotes = [e.quote for e in analyze_text(text, source="p.txt").categories[C.HEALTH].evidence]
    assert quotes == [
        "Sensitive information includes racial origin, biometric data and health information.",
        "We do not collect and process sensitive personal information.",
    ]


def test_sensitive_definition_alone_is_not_a_disclosure() -> None:
    text = "Sensitive information includes health information and political beliefs."
    assert status(text, C.HEALTH) is Status.ABSENT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # limits on use or sharing: neither disclosure nor denial
        ("We will not use this information to track your location.", Status.ABSENT),
        ("We will not share your location with third parties.", Status.ABSENT),
        # statement about another datum
        ("Sensor data doesn't involve any personal location information.", Status.ABSENT),
        # user choices and conditionals still disclose
        (
            "We use your location. You can choose not to grant the location permission.",
            Status.EXPLICIT,
        ),
        ("We will not collect your location without your consent.", Status.EXPLICIT),
        ("If you refuse, location features will not work.", Status.EXPLICIT),
        # denied only if nowhere disclosed
        (
            "We collect your GPS location. We do not collect your location in the background.",
            Status.EXPLICIT,
        ),
        # a question states nothing
        ("Does the app collect your precise location?", Status.ABSENT),
    ],
)
def test_negations_that_are_not_denials(text: str, expected: Status) -> None:
    assert status(text, C.LOCATION) is expected


def test_location_scope_and_party() -> None:
    facts = analyze_text(
        INTRO + "Our advertising partners may collect your precise location in the background.",
        source="t",
    )
    location = facts.categories[C.LOCATION]
    assert location.scope is not None
    assert (location.scope.precision, location.scope.background) == ("precise", True)
    assert Party.THIRD_PARTY in location.parties
    approx = analyze_text(INTRO + "We collect your approximate location.", source="t")
    assert approx.categories[C.LOCATION].scope is not None
    assert approx.categories[C.LOCATION].scope.precision == "approximate"


def test_purposes_keep_their_text() -> None:
    facts = analyze_text(
        INTRO + "When you use Wi-Fi-related functions, we access your location permission "
        "to obtain the Wi-Fi name (SSID) during device network configuration.",
        source="t",
    )
    purposes = {p.id: p.text for p in facts.categories[C.LOCATION].purposes}
    assert "wifi_provisioning" in purposes
    assert "SSID" in purposes["wifi_provisioning"]


def test_no_recognisable_text_is_an_input_error() -> None:
    with pytest.raises(InputError):
        analyze_text("  \n 12 34 \n", source="empty.txt")


MARKED = (
    "{bullet list}.\n{list item} COLLECTION OF DATA.\nWe help you: 1. How we collect "
    "data 2. How we use it. (I) Registration. (1) We collect your phone number."
)


def test_normalise_inline_numbering_and_scraping_markers() -> None:
    text = normalised_text(MARKED)
    assert "{" not in text
    assert "\n1. How we collect" in text
    assert "\n(I) Registration." in text
    assert "\n(1) We collect" in text
    sentences = ENGLISH.segment(text, ())
    assert sentences[0].text == "COLLECTION OF DATA."
    assert sentences[0].section == "COLLECTION OF DATA."
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_corpus_markers_and_bare_items_are_the_english_cues_of_normalisation() -> None:
    """The rules of every language keep them; English (its cues.yaml) drops the markers of
    English corpora and breaks before "6. How ..." in a one-paragraph policy."""
    bare = "We keep your data as the law says 6. How we protect your data"
    assert "{bullet list}" in normalise(MARKED)
    assert normalise(bare) == bare
    english = [ENGLISH.text_cues]
    assert normalise(MARKED, english) == normalised_text(MARKED)
    assert "{" not in normalise(MARKED, english)
    assert (
        normalise(bare, english) == "We keep your data as the law says\n6. How we protect your data"
    )
    # A number before a word no item opens with stays where it is.
    prose = "We keep it for 2. Then we delete it"
    assert normalise(prose, english) == prose


def test_evidence_offsets_index_the_text_normalised_with_the_english_cues() -> None:
    text = "Privacy Policy {list item} We collect your   IMEI.{table} 2. Your choices"
    facts = analyze_text(text, source="marked.txt")
    normalised = normalised_text(text)
    (quote,) = facts.categories[C.DEVICE_ID].evidence
    assert normalised[quote.start : quote.end] == quote.quote
    assert "{" not in normalised


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        # every verb that says the app never gets the data, not only "collect"
        ("We do not read your text messages or your call history.", {C.SMS, C.PHONE}),
        ("We do not request, read or store your SMS messages.", {C.SMS}),
        ("We never ask for access to your contacts.", {C.CONTACTS}),
        ("The App does not need the calendar permission.", {C.CALENDAR}),
        ("Your contacts are never uploaded or accessed.", {C.CONTACTS}),
        ("We do not read information from your address book.", {C.CONTACTS}),
        # the negation distributes over a list
        (
            "We do not collect your location, contacts or call logs.",
            {C.LOCATION, C.CONTACTS, C.PHONE},
        ),
        # a bare "does not use X" (no reference to collected data, no purpose) is a denial
        ("The App does not use your phone's health or fitness data.", {C.HEALTH}),
        ("We do not use your heart rate data at all.", {C.HEALTH}),
    ],
)
def test_denial_verbs_and_lists(text: str, denied: set[Category]) -> None:
    facts = analyze_text(INTRO + text, source="t")
    got = {c for c, d in facts.categories.items() if d.status is Status.DENIED}
    assert got == denied
    assert all(d.status is Status.ABSENT for c, d in facts.categories.items() if c not in denied)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # precise location is location, not the local network (issue 9: the rule that read
        # APP-350's annotation habit into SPEC's local_network is gone)
        ("We may collect your precise geographic location.", Status.ABSENT),
        ("We collect precise information about the location of your device.", Status.ABSENT),
        ("Partners may collect your specific geolocation.", Status.ABSENT),
        # Wi-Fi positioning named: explicit
        ("We locate you using GPS, Wi-Fi access points and cell towers.", Status.EXPLICIT),
        ("We collect information about nearby wireless networks.", Status.EXPLICIT),
        # not precise, or not the user's whereabouts
        ("Partners obtain your non-precise location information.", Status.ABSENT),
        ("Partners obtain your non- precise location information.", Status.ABSENT),
        ("We share your approximate location, but not your exact location.", Status.ABSENT),
        ("Locale (specific location where a given language is spoken).", Status.ABSENT),
        ("Tell us the exact location where such material may be found.", Status.ABSENT),
        ("We offer specific location-based services.", Status.ABSENT),
        # a denial of precise location says nothing of the local network
        ("This app does not collect precise information about your location.", Status.ABSENT),
    ],
)
def test_local_network_wifi_location_wording(text: str, expected: Status) -> None:
    assert status(text, C.LOCAL_NETWORK) is expected


@pytest.mark.parametrize(
    "text",
    [
        # use limits: a purpose, or data already in hand
        "We do not use your location for advertising.",
        "We will not use this information to track your location.",
        # retention limits
        "Your contacts are not stored on our servers.",
        # the mention is in an adverbial of another datum's denial
        "Audio from your phone is not recorded or stored by us after it has been played "
        "on the camera.",
    ],
)
def test_limits_are_neither_disclosure_nor_denial(text: str) -> None:
    facts = analyze_text(INTRO + text, source="t")
    assert all(d.status is Status.ABSENT for d in facts.categories.values())


@pytest.mark.parametrize(
    "text",
    [
        "Our systems may automatically collect your unique User Device number.",
        "We collect your mobile device unique ID and IP address.",
        "Providers collect cookies and devices' unique identifiers.",
        "This data may include your mobile carrier, device and application IDs.",
        "We will create and assign to your device an identifier similar to an account number.",
        "There may be times where the serial numbers etc., of devices are collected.",
        "The app may store a unique identifier of their device for analytics.",
        "Partners use hardware-based identifiers to measure advertising.",
        "We may collect your email address and ID for advertising.",
    ],
)
def test_device_id_variants_are_explicit(text: str) -> None:
    assert status(text, C.DEVICE_ID) is Status.EXPLICIT


@pytest.mark.parametrize(
    "text",
    [
        "Please quote your order number or customer ID.",
        "We use a session identifier to keep you signed in.",
        "We collect the telephone number you give us.",
    ],
)
def test_other_numbers_are_not_device_ids(text: str) -> None:
    assert status(text, C.DEVICE_ID) is Status.ABSENT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # contacts of a social network or sign-in account are not the phone's address book
        (
            "Linking your Facebook account lets us obtain information from your Facebook "
            "account, such as your friends or contacts and profile picture.",
            Status.ABSENT,
        ),
        ("You may invite your contacts from a Sign-in Service to play.", Status.ABSENT),
        (
            "You grant us permission to compile information from such social networks. "
            "This information may include friends or contact lists and photos.",
            Status.ABSENT,
        ),
        ("Data may include your contacts on that service and your age.", Status.ABSENT),
        ("Use the app to meet new friends and make new contacts!", Status.ABSENT),
        # ... unless the sentence points at the device's address book
        (
            "We may send invitations to your social networking friends or contacts in your "
            "address book.",
            Status.EXPLICIT,
        ),
        (
            "If you log in with Facebook, we read the contacts stored on your phone.",
            Status.EXPLICIT,
        ),
        # the address book named by where it lives
        ("We only read the contact numbers on your device to block spam.", Status.EXPLICIT),
    ],
)
def test_contacts_source_context(text: str, expected: Status) -> None:
    assert status(text, C.CONTACTS) is expected


def test_denial_then_definition_in_one_sentence() -> None:
    text = (
        "We do NOT collect any Personal Information about you, which means personally "
        "identifiable information, such as your name, calendar entries, contact entries, etc."
    )
    assert status(text, C.CONTACTS) is Status.DENIED


@pytest.mark.parametrize(
    "text",
    [
        # two masks overlap ("located at", "at any location"): the second still applies
        "We process data on servers which may be located at any location worldwide.",
        "We may transfer your information to locations around the world.",
        "Customer Data may be stored in locations other than your country.",
        "Laws may differ from those in the country where you are located.",
        "The location of the arbitration shall be set by the AAA Rules.",
        "We log application usage information, including in-game location.",
        "Ads are chosen by the advertisement's in game location and length.",
        "Links to other websites or locations are for your convenience.",
        "Anything you post in these locations can be read by anyone.",
        "Cookies remember your preferred language or location.",
        "We give no guarantees regarding positioning of ads.",
    ],
)
def test_places_that_are_not_the_users_location(text: str) -> None:
    assert status(text, C.LOCATION) is Status.ABSENT


def test_geo_locational_information_is_location() -> None:
    text = "We may collect your zip code of residence and other geo-locational information."
    assert status(text, C.LOCATION) is Status.EXPLICIT


@pytest.mark.parametrize(
    ("text", "precision", "background"),
    [
        (
            "We only use approximate location, and we do not collect your precise location.",
            "approximate",
            False,
        ),
        (
            "We collect your approximate location but not your precise location.",
            "approximate",
            False,
        ),
        ("We collect your precise location in the background.", "precise", True),
        ("We collect your location even when the app is closed.", "unspecified", True),
        ("We use your location when you are not using the app.", "unspecified", True),
        ("We collect GPS location all the time.", "unspecified", True),
        (
            "We collect your location only while you use the app, never in the background.",
            "unspecified",
            False,
        ),
        (
            "We collect your location only while you use the app. We do not collect location "
            "in the background.",
            "unspecified",
            False,
        ),
    ],
)
def test_location_scope_wording(text: str, precision: str, background: bool) -> None:
    location = analyze_text(INTRO + text, source="t").categories[C.LOCATION]
    assert location.status is Status.EXPLICIT
    assert location.scope is not None
    assert (location.scope.precision, location.scope.background) == (precision, background)


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        # the connected camera the app sets up is not the phone's camera
        ("When you add a camera, you may give it a name.", C.CAMERA, Status.ABSENT),
        ("The App streams your voice to the camera's speaker.", C.CAMERA, Status.ABSENT),
        ("Recordings are kept on the microSD card inside the camera.", C.CAMERA, Status.ABSENT),
        ("We send the Wi-Fi password to the camera over Bluetooth.", C.CAMERA, Status.ABSENT),
        ("We deliver firmware updates to your cameras.", C.CAMERA, Status.ABSENT),
        ("The App uses your phone's camera to scan the QR code.", C.CAMERA, Status.EXPLICIT),
        ("The App needs access to your camera.", C.CAMERA, Status.EXPLICIT),
        # the connected device's own identifiers are not the phone's device id
        (
            "The App only reads the device serial and binding code the QR code contains.",
            C.DEVICE_ID,
            Status.ABSENT,
        ),
        ("We record the serial number of the camera you add.", C.DEVICE_ID, Status.ABSENT),
        ("The App reads the watch's MAC address to pair with it.", C.DEVICE_ID, Status.ABSENT),
        ("We collect your device's serial number and IMEI.", C.DEVICE_ID, Status.EXPLICIT),
        ("We collect the serial number of your device.", C.DEVICE_ID, Status.EXPLICIT),
    ],
)
def test_connected_device_is_not_the_phone(text: str, category: Category, expected: Status) -> None:
    assert status(text, category) is expected


@pytest.mark.parametrize(
    "text",
    [
        "No transmission of data over the Internet or any wireless network can be guaranteed "
        "to be 100% secure.",
        "No app, website, Internet transmission, computer system or wireless connection is "
        "completely secure.",
    ],
)
def test_security_boilerplate_is_not_local_network(text: str) -> None:
    assert status(text, C.LOCAL_NETWORK) is Status.ABSENT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We collect the IMSI, MAC, Android ID and device model.", Status.EXPLICIT),
        ("Download our app for PC/Mac, Android and iPhone.", Status.ABSENT),
        ("Try Free Mac Security, the most trusted security for your Mac.", Status.ABSENT),
        ("We collect your device's Mac address.", Status.EXPLICIT),
    ],
)
def test_mac_in_capitals_is_a_hardware_address(text: str, expected: Status) -> None:
    assert status(text, C.DEVICE_ID) is expected


def test_and_we_starts_a_new_clause() -> None:
    text = (
        "We do not collect any contact information in your device and we only read the "
        "contact numbers on your device to block spam."
    )
    assert status(text, C.CONTACTS) is Status.EXPLICIT
