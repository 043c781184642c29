"""Behaviour table: how English words a purpose (languages/en/purposes.yaml).

Sentence → the purposes of one category. The counter-examples hold the same data words in a
sentence that states no such purpose: vocabulary must name a use, not a data word.
"""

from __future__ import annotations

import pytest

from permaudit.models import Category
from tests.policy.policy_support import facts

C = Category


def purposes(text: str, category: Category) -> set[str]:
    return {p.id for p in facts(text).categories[category].purposes}


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        # Watching what a camera sees is live view.
        ("The App accesses the camera so that you can watch live video.", C.CAMERA, {"live_view"}),
        (
            "We collect video from your camera to offer online video access and viewing.",
            C.CAMERA,
            {"live_view"},
        ),
        # Keeping recordings to play them back later is saving media.
        (
            "Audio and video data is stored securely on our servers to ensure you can access it "
            "and playback footage.",
            C.CAMERA,
            {"media_storage"},
        ),
        (
            "We record audio from your device so that you can review recordings later.",
            C.MICROPHONE,
            {"media_storage"},
        ),
        # Diagnosing is troubleshooting.
        (
            "We collect your IMEI to diagnose and troubleshoot problems.",
            C.DEVICE_ID,
            {"troubleshooting"},
        ),
        # Misuse is what fraud prevention prevents.
        ("We collect your IMEI to prevent misuse.", C.DEVICE_ID, {"fraud_prevention"}),
        # Measuring the body is health tracking, also when the verb is not "track".
        (
            "Heart rate data is collected to gauge the quality of your sleep.",
            C.HEALTH,
            {"health_tracking"},
        ),
        # Sending alerts is notifications.
        (
            "We use your location to send you alerts when you leave home.",
            C.LOCATION,
            {"notifications"},
        ),
        (
            "We collect your location to help you with support related issues.",
            C.LOCATION,
            {"customer_support"},
        ),
        (
            "We collect your IMEI to deliver firmware updates to your cameras.",
            C.DEVICE_ID,
            {"firmware_update"},
        ),
        # Support given to the user, and complaints handled, are customer support.
        (
            "We collect your location to provide you with support.",
            C.LOCATION,
            {"customer_support"},
        ),
        ("We collect your IMEI to handle your complaints.", C.DEVICE_ID, {"customer_support"}),
        # Complying with the law, whatever the verb beside "comply".
        (
            "We collect your IMEI to comply and satisfy any applicable law.",
            C.DEVICE_ID,
            {"legal_compliance"},
        ),
        (
            "We collect your location for complying with legal obligations.",
            C.LOCATION,
            {"legal_compliance"},
        ),
        # Wrongdoing named as what the use is against is fraud prevention.
        (
            "We collect your IMEI for investigating illegal activities.",
            C.DEVICE_ID,
            {"fraud_prevention"},
        ),
        (
            "We collect your IMEI to prevent prohibited behavior.",
            C.DEVICE_ID,
            {"fraud_prevention"},
        ),
        # "Diagnosing", "analytical", "understanding how": the other forms of the words.
        ("We collect your IMEI for diagnosing problems.", C.DEVICE_ID, {"troubleshooting"}),
        (
            "We collect your IMEI to solve problems in our products.",
            C.DEVICE_ID,
            {"troubleshooting"},
        ),
        ("We collect your location for analytical purposes.", C.LOCATION, {"analytics"}),
        (
            "We collect your location to better understand your preferences.",
            C.LOCATION,
            {"analytics"},
        ),
        # Writing to the user is communication.
        (
            "We collect your IMEI to communicate directly with you.",
            C.DEVICE_ID,
            {"communication"},
        ),
        (
            "We collect your location to send you updates about the Services.",
            C.LOCATION,
            {"communication"},
        ),
        # E-mails the service sends, the user named or not (APP-350 TRAINING policy_130,
        # 162, 184, 202, 254, 322).
        ("We collect your IMEI to send periodic emails.", C.DEVICE_ID, {"communication"}),
        (
            "We use your location to send you e-mails with local offers.",
            C.LOCATION,
            {"communication"},
        ),
        # E-mails the user sends through the service are no message to the user.
        ("We access your contacts so that you can send emails to your friends.", C.CONTACTS, set()),
        ("We access your contacts to let you send e-mails.", C.CONTACTS, set()),
        # Customer and technical support in one phrase (APP-350 TRAINING policy_217, 240,
        # 255, 334): both purposes.
        (
            "We collect your IMEI for providing customer and technical support.",
            C.DEVICE_ID,
            {"customer_support", "troubleshooting"},
        ),
        # What the service shows depends on where the user is (APP-350 TRAINING policy_123,
        # 242, 317, 320, 322, 324, 330).
        (
            "We use your location to provide you with features, notifications, or other content "
            "that is influenced by your location.",
            C.LOCATION,
            {"location_services", "service_provision"},
        ),
        (
            "We collect your approximate location so that we can provide content that is more "
            "suitable to your location.",
            C.LOCATION,
            {"location_services"},
        ),
        # Location-based offers and services, in a list.
        (
            "We use your precise location to deliver location-based offers, products or services.",
            C.LOCATION,
            {"location_services"},
        ),
        (
            "We collect your IMEI to send you confirmations, technical notices and updates.",
            C.DEVICE_ID,
            {"communication"},
        ),
        # Operating the service is providing it.
        (
            "We collect your location to operate, improve and optimize our Services.",
            C.LOCATION,
            {"service_provision", "analytics"},
        ),
        ("We collect your IMEI to operate the app.", C.DEVICE_ID, {"service_provision"}),
        # Sharing through the service with the user's contacts or other users is social.
        (
            "We access your contacts to let you share your profile with your Tango contacts.",
            C.CONTACTS,
            {"social_features"},
        ),
    ],
)
def test_vocabulary_names_the_purpose(text: str, category: Category, expected: set[str]) -> None:
    assert purposes(text, category) == expected


def test_news_told_to_the_user_is_communication() -> None:
    # Telling the user about updates is communication; the updates are the news.
    text = (
        "We collect your precise location.\n\n"
        "We use the information we collect to keep you posted on our latest product "
        "announcements, software updates, and upcoming events."
    )
    assert purposes(text, C.LOCATION) == {"communication"}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # Data words, no use: "video", "footage", "recordings" alone are no purpose.
        ("We collect video footage recorded by your camera.", C.CAMERA),
        ("We collect audio recordings from your device.", C.MICROPHONE),
        ("We collect your heart rate and sleep data.", C.HEALTH),
        # The user's messages, the vendor's terms and support for a platform are no uses.
        ("We collect your location when you send us messages.", C.LOCATION),
        ("We collect your IMEI to comply with our Terms of Service.", C.DEVICE_ID),
        ("We collect your IMEI, and we provide support for Android devices.", C.DEVICE_ID),
        # Data kept according to where the user is says nothing the service shows there.
        ("We collect your precise location and store it according to your location.", C.LOCATION),
        # The phone's operating system is no operation of the service.
        ("We collect your IMEI, operating system and app version.", C.DEVICE_ID),
    ],
)
def test_data_words_alone_are_no_purpose(text: str, category: Category) -> None:
    found = facts(text).categories[category]
    assert found.status.value == "explicit"
    assert found.purposes == ()
