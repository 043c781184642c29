"""Behaviour table: verbs listed with commas before the object they share
(languages/en/purposes.yaml, `service_provision` and `analytics`).

"to provide, analyze, administer, enhance and personalize our services": every verb of the
list governs "our services", the first one too, so providing the services is a purpose as
much as in "to provide our services". The counter-examples give the first verb an object of
its own before the comma ("to provide support, ..."), or no object the purpose names.
"""

from __future__ import annotations

import pytest

from permaudit.models import Category
from tests.policy.policy_support import purpose_ids

C = Category


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        # Providing the service, as the first of a list of verbs (the later "enhance" and
        # "improve" of the services are analytics, as they always were).
        (
            "We use your location to provide, analyze, administer, enhance and personalize our "
            "services.",
            C.LOCATION,
            {"service_provision", "analytics"},
        ),
        (
            "We collect your device ID to provide, maintain, protect, develop and improve the "
            "Services.",
            C.DEVICE_ID,
            {"service_provision", "analytics"},
        ),
        # Improving the products, as the first of a list of verbs.
        (
            "We use your location to analyze, improve, enhance and fine tune our products.",
            C.LOCATION,
            {"analytics"},
        ),
        (
            "We collect your device ID to improve, test, and monitor the quality of our products.",
            C.DEVICE_ID,
            {"analytics"},
        ),
        # Counter-examples: the first verb's own object comes before the comma, or the
        # shared object is none the purpose names.
        (
            "We use your location to provide support, improve our website.",
            C.LOCATION,
            set(),
        ),
        (
            "We collect your device ID to provide, at your request, a copy of your data.",
            C.DEVICE_ID,
            set(),
        ),
        (
            "We use your location to improve, refine and extend our search index.",
            C.LOCATION,
            set(),
        ),
    ],
)
def test_a_verb_listed_before_a_shared_object_governs_it(
    text: str, category: Category, expected: set[str]
) -> None:
    assert purpose_ids(text, category) == expected
