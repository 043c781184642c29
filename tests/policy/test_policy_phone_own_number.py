"""The phone's own number and its SIM's serial, by the names no form field has (SPEC §1b).

A phone number the user types in is contact information, not the phone_number data type;
the operator's MSISDN, a mobile subscription number, or the number of the SIM or handset is
the phone's own. "SIM card number" is the SIM serial, not a payment card's number."""

from __future__ import annotations

import pytest

from permaudit.models import DataType, Status
from tests.policy.policy_support import facts


@pytest.mark.parametrize(
    ("text", "data_type", "expected"),
    [
        (
            "Additional information, such as your mobile subscription number, may be sent to us"
            " by the telecommunications operator.",
            DataType("phone_number"),
            Status.EXPLICIT,
        ),
        ("We read the phone number of your SIM card.", DataType("phone_number"), Status.EXPLICIT),
        (
            "The app reads the device's phone number (MSISDN).",
            DataType("phone_number"),
            Status.EXPLICIT,
        ),
        # typed into a form: contact information
        (
            "We collect your name, email address and phone number.",
            DataType("phone_number"),
            Status.ABSENT,
        ),
        # the SIM's number is its serial; a payment card's is no identifier of the phone
        ("We collect the SIM card number.", DataType("sim_serial"), Status.EXPLICIT),
        ("We collect your credit card number.", DataType("sim_serial"), Status.ABSENT),
    ],
)
def test_the_phones_own_number(text: str, data_type: DataType, expected: Status) -> None:
    assert facts(text).data_type_status(data_type) is expected
