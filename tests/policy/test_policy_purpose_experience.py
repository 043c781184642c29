"""Behaviour table: the experience of the service as a purpose (languages/en/purposes.yaml,
`service_provision`).

Providing, delivering or personalising the user's experience of the service is providing the
service ("to personalize your experience", "to provide a tailored experience for you");
improving it stays analytics, as improving the products is. The counter-examples hold the
same words where the experience is what the user tells about, not what the service gives.
"""

from __future__ import annotations

import pytest

from permaudit.models import Category
from tests.policy.policy_support import purpose_ids

C = Category


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        (
            "We use your location to provide a tailored experience for you.",
            C.LOCATION,
            {"service_provision"},
        ),
        (
            "We collect your device ID to personalize your Flipboard experience.",
            C.DEVICE_ID,
            {"service_provision"},
        ),
        (
            "We collect your device ID so we can deliver a better experience.",
            C.DEVICE_ID,
            {"service_provision"},
        ),
        (
            "To provide you with a better keyboard experience, we collect your contacts.",
            C.CONTACTS,
            {"service_provision"},
        ),
        # Improving the experience is analytics, personalising it providing the service.
        (
            "We use your location to improve and personalize your experience.",
            C.LOCATION,
            {"analytics", "service_provision"},
        ),
        ("We use your location to improve your experience.", C.LOCATION, {"analytics"}),
        # Counter-examples: the experience is what the user reports.
        (
            "We collect your device ID when you provide feedback on your experience.",
            C.DEVICE_ID,
            set(),
        ),
        (
            "We use your location to provide information about your experience to our partners.",
            C.LOCATION,
            set(),
        ),
    ],
)
def test_the_experience_provided_or_personalised_is_the_service(
    text: str, category: Category, expected: set[str]
) -> None:
    assert purpose_ids(text, category) == expected
