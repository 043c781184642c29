"""A phone number is read by the list it stands in (its conjuncts in the parse): in a list of
the phone's identifiers or automatically collected device data it is the phone's own number
(SPEC §1b phone_number, explicit); in a list that also holds the user's name, e-mail or postal
address it is what a user types into a registration or contact form, contact data, however
many device identifiers stand beside it; alone it is no datum of the phone."""

from __future__ import annotations

import pytest

from permaudit.models import Category, DataType, Status
from tests.policy.policy_support import facts

PHONE_NUMBER = DataType("phone_number")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # beside an identifier of the phone, before or after it
        (
            "If you use the Find My Phone feature, the software may access your phone number"
            " and device IDs.",
            Status.EXPLICIT,
        ),
        (
            "We collect your account username, your phone number, your device's IMEI number"
            " and the location of your device.",
            Status.EXPLICIT,
        ),
        ("We collect your IMEI, phone number and operating system version.", Status.EXPLICIT),
        (
            "Once you log in, we collect your phone number, mobile user identification"
            " information and mobile devices unique identifier.",
            Status.EXPLICIT,
        ),
        # among device data collected automatically
        (
            "When you access the app through a mobile device, we may collect the unique"
            " identification numbers associated with your device, mobile carrier, device type"
            " and manufacturer, phone number, and your geographical location.",
            Status.EXPLICIT,
        ),
        (
            "We automatically collect device data such as device type, phone number, IMEI and"
            " operating system.",
            Status.EXPLICIT,
        ),
        (
            "When you log in, your mobile user identification information and phone number"
            " will be sent to the server.",
            Status.EXPLICIT,
        ),
        # typed into a registration or contact form: contact data, no phone_number
        ("We collect your name, email address and phone number.", Status.ABSENT),
        (
            "When you register an account, we ask for your name, email address, phone number"
            " and password.",
            Status.ABSENT,
        ),
        ("Please send us your name and phone number so we can contact you.", Status.ABSENT),
        (
            "We may collect contact details such as your telephone number and e-mail address.",
            Status.ABSENT,
        ),
        # the user's own contact details in the same list make it a form's, identifiers
        # beside it or not (adjacency would count "phone number and device ID"); a device ID
        # named leaves the phone's number vague, as every identifier it does not name
        ("We collect your name, phone number and device ID.", Status.VAGUE),
        ("We collect your e-mail address, phone number and IMEI.", Status.ABSENT),
        (
            "We collect your phone number, postal address, operating system and device ID.",
            Status.VAGUE,
        ),
        # a device's name is device data, not the user's; nor is any name of the phone's
        # ("carrier name"), though the user's own name, full or first, is
        ("We collect the device name, phone number and IMEI.", Status.EXPLICIT),
        ("We collect your carrier name, phone number and operating system.", Status.EXPLICIT),
        ("We collect your full name, phone number and IMEI.", Status.ABSENT),
        ("We collect your first name, phone number and operating system.", Status.ABSENT),
        # the list decides, not the next word: identifiers further along still count
        (
            "We collect your phone number, your time zone and your device identifiers.",
            Status.EXPLICIT,
        ),
        # an identity card is the person's, not the phone's
        ("We collect your name, phone number and ID card number.", Status.ABSENT),
        # a number that only follows a device word is no list of device data
        ("Enter the phone number you use on this device to sign in.", Status.ABSENT),
    ],
)
def test_phone_number_read_by_its_list(text: str, expected: Status) -> None:
    assert facts(text).data_type_status(PHONE_NUMBER) is expected


def test_the_form_list_leaves_the_identifiers_beside_it_read() -> None:
    """The name makes the number a form's, not the IMEI beside it."""
    policy = facts("We collect your name, phone number and IMEI.")
    assert policy.data_type_status(PHONE_NUMBER) is Status.ABSENT
    assert policy.data_type_status(DataType("imei")) is Status.EXPLICIT
    assert policy.status(Category.DEVICE_ID) is Status.EXPLICIT


def test_a_listed_identifier_still_reads() -> None:
    """Only "phone number" is the match: the IMEI beside it keeps its own verdict."""
    policy = facts("We collect your phone number, your device's IMEI number and your location.")
    assert policy.data_type_status(DataType("imei")) is Status.EXPLICIT
    assert policy.data_type_status(PHONE_NUMBER) is Status.EXPLICIT
