"""Behaviour table: purposes stated apart from the disclosure (permaudit/policy/references.py).

A use section or list that refers back to the collected information gives its purposes to
every category the policy discloses; one about a named group ("Service Data") to the data
disclosed under that group's label; one about "this information" to the paragraph before.
Never to a category the policy does not disclose, and a sentence about data of its own keeps
its purposes to that data.
"""

from __future__ import annotations

import pytest

from permaudit.models import Category, CategoryDisclosure, Status
from tests.policy.policy_support import facts

C = Category

COLLECTED = (
    "## Information we collect\n\n"
    "The App uses your phone's camera to scan the QR code of the device.\n\n"
    "We collect your precise location.\n\n"
)


def categories(text: str) -> dict[Category, CategoryDisclosure]:
    # A paragraph of its own: the policy's first line is the helpers' introduction.
    return facts("\n\n" + text).categories


def purposes(text: str, category: Category) -> set[str]:
    return {p.id for p in categories(text)[category].purposes}


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        # A use section about the information in general: all of it, wherever disclosed.
        (
            COLLECTED + "## How we use your information\n\n"
            "- Perform analytics and conduct customer research;\n"
            "- Send you notifications through the app.\n",
            C.LOCATION,
            {"analytics", "notifications"},
        ),
        (
            COLLECTED + "## How we use your information\n\n"
            "- Perform analytics and conduct customer research;\n",
            C.CAMERA,
            {"device_setup", "analytics"},
        ),
        # A lead-in and its list, under any heading.
        (
            COLLECTED + "## More\n\n"
            "We collect the information identified above and use it for the following "
            "purposes:\n\n"
            "- Record log entries and troubleshoot issues with your device.\n"
            "- Respond to your questions and provide customer support.\n",
            C.LOCATION,
            {"troubleshooting", "customer_support"},
        ),
        # One sentence about all the information collected.
        (
            COLLECTED + "We use the information we collect to prevent fraud.",
            C.LOCATION,
            {"fraud_prevention"},
        ),
        # "Your information" in a sentence of its own is the information in general too,
        # which covers all disclosed data (test_policy_purpose_general_data.py has the rest).
        (
            COLLECTED + "If you send us a request, we may use your information to contact you.",
            C.LOCATION,
            {"communication"},
        ),
        # A named group: the data disclosed under its label.
        (
            "**Service Data.** We may collect the following Service Data:\n\n"
            "- Heart rate and body temperature measured by the ring\n\n"
            "**Other Data.** We collect your precise location.\n\n"
            "We use your Service Data to provide customer support.",
            C.HEALTH,
            {"customer_support"},
        ),
        # "This information" in a lead-in: the paragraph before.
        (
            "We collect your precise location.\n\n"
            "We use this information to:\n\n"
            "- show you the local weather.\n",
            C.LOCATION,
            {"location_services"},
        ),
    ],
)
def test_reference_gives_its_purposes(text: str, category: Category, expected: set[str]) -> None:
    assert purposes(text, category) == expected


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # The group reaches only its own label's data: location is under "Other Data".
        (
            "**Service Data.** We may collect the following Service Data:\n\n"
            "- Heart rate and body temperature measured by the ring\n\n"
            "**Other Data.** We collect your precise location.\n\n"
            "We use your Service Data to provide customer support.",
            C.LOCATION,
        ),
        # A group the policy defines with no category in it reaches none ("Personal Data"
        # is names and e-mail addresses), though its words look general.
        (
            "**Personal Data.** We collect your name and e-mail address.\n\n"
            "**Service Data.** We collect your precise location.\n\n"
            "We may use your Personal Data for the following purposes:\n\n"
            "- for marketing purposes;\n",
            C.LOCATION,
        ),
        # "This information" is what was just said, not the location two paragraphs up.
        (
            "We collect your precise location.\n\n"
            "## Contact details\n\n"
            "We collect your e-mail address.\n\n"
            "We use this information to:\n\n"
            "- send you newsletters.\n",
            C.LOCATION,
        ),
        # A third party's use of "the data collected" is of what it collected itself.
        (
            "We collect your precise location.\n\n"
            "Google Analytics uses cookies. Google may also use the data collected to "
            "personalize the ads of its own advertising network.",
            C.LOCATION,
        ),
        # What came one way is a group, not all the information.
        (
            "We collect your precise location.\n\n"
            "We may use the information collected through activation to validate your licence "
            "and prevent fraud.",
            C.LOCATION,
        ),
        (
            "We collect your precise location.\n\n"
            "We use public information collected to assist advertisers in targeting ads.",
            C.LOCATION,
        ),
        # A question opens the next topic when the policy's headings lost their lines.
        (
            "We collect your precise location.\n\n"
            "How do we use your information?\n\n"
            "Does the company share your information? Service providers deliver customer "
            "support on our behalf.",
            C.LOCATION,
        ),
        # A section about the user's own use of others' information.
        (
            "We collect your precise location.\n\n"
            "## How you should use the information you receive\n\n"
            "- Only for transaction-related purposes, such as shipping and fraud complaints.\n",
            C.LOCATION,
        ),
        # A heading about collecting and using is no use section: each sentence under it
        # keeps its own purposes.
        (
            "## How we collect and use your information\n\n"
            "We collect your precise location.\n\n"
            "We collect your e-mail address to send you newsletters.",
            C.LOCATION,
        ),
    ],
)
def test_reference_does_not_reach(text: str, category: Category) -> None:
    disclosure = categories(text)[category]
    assert disclosure.status in (Status.EXPLICIT, Status.VAGUE)
    assert disclosure.purposes == ()


def test_sentence_about_its_own_data_keeps_its_purposes() -> None:
    text = (
        COLLECTED + "## How we use your information\n\n"
        "We use your location to show you the local weather.\n\n"
        "We do not use your camera video for advertising.\n"
    )
    assert purposes(text, C.CAMERA) == {"device_setup"}
    assert purposes(text, C.LOCATION) == {"location_services"}


def test_never_to_a_category_the_policy_does_not_disclose() -> None:
    text = (
        COLLECTED + "We do not access your contacts.\n\n"
        "## How we use your information\n\n"
        "- Perform analytics and conduct customer research;\n"
    )
    found = categories(text)
    assert found[C.CONTACTS].status is Status.DENIED
    assert found[C.CONTACTS].purposes == ()
    assert found[C.MICROPHONE].purposes == ()


def test_a_use_restricted_to_its_own_purposes_takes_no_general_one() -> None:
    text = (
        "The App can use Bluetooth to find the camera; the Bluetooth identifier is used only "
        "to complete pairing.\n\n"
        "We collect your precise location to show you the local weather.\n\n"
        "## How we use your information\n\n"
        "- Perform analytics and conduct customer research;\n"
    )
    assert "analytics" not in purposes(text, C.BLUETOOTH)
    assert purposes(text, C.LOCATION) == {"location_services", "analytics"}


def test_only_after_the_purpose_restricts_too() -> None:
    text = (
        "We use location information to retrieve local weather information only.\n\n"
        "## How we use information we collect\n\n"
        "We use the information we collect from you to improve our product.\n"
    )
    assert purposes(text, C.LOCATION) == {"location_services"}
