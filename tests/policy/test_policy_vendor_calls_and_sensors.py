"""Two umbrellas of a security or smart-home vendor that name none of the phone's data.

- "Sensor data" defined by the policy's own list of the product's sensors ("such as door and
  window events and motion detection") covers none of the phone's sensors; a list that names
  one (accelerometer) or the phone keeps it.
- Calls with the vendor (recorded for quality) are not the phone's calls or call log.
"""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from tests.policy.policy_support import facts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We collect sensor data, such as door and window open/close events and motion"
            " detection.",
            Status.ABSENT,
        ),
        ("We collect sensor data, such as accelerometer readings.", Status.EXPLICIT),
        ("We collect sensor data from your phone.", Status.VAGUE),
    ],
)
def test_sensor_data_defined_by_the_products_sensors(text: str, expected: Status) -> None:
    assert facts(text).status(Category.SENSORS) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We record calls with our customer service for quality purposes.", Status.ABSENT),
        ("Customer service calls may be recorded.", Status.ABSENT),
        ("We may record phone calls to our support line.", Status.ABSENT),
        ("The app reads your call log and incoming calls.", Status.EXPLICIT),
    ],
)
def test_calls_with_the_vendor_are_no_phone_calls(text: str, expected: Status) -> None:
    assert facts(text).status(Category.PHONE) is expected
