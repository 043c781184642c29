"""The categories a node's group holds (Ontology.categories_under): coverage's one walk of the
ontology, data types' categories included, also for umbrellas whose naming discloses nothing.

references.py reads it for a use statement about a named group ("We use technical information
to ..."), so a group reaches what the status rules say naming it covers, never less.
"""

from __future__ import annotations

import pytest

from permaudit.catalog.ontology import categories_under, coverage, ontology
from permaudit.models import Category

C = Category


@pytest.mark.parametrize(
    ("node", "expected"),
    [
        # Umbrellas over data types only: their category through the data types' rule.
        ("network_information", {C.LOCAL_NETWORK}),
        ("mobile_network_information", {C.LOCAL_NETWORK}),
        ("connection_quality", {C.LOCAL_NETWORK}),
        # A data type: its own category.
        ("imei", {C.DEVICE_ID}),
        ("wifi_network", {C.LOCAL_NETWORK}),
        # A narrower wording of a category: that category.
        ("precise_location", {C.LOCATION}),
        ("wifi_information", {C.LOCAL_NETWORK}),
        ("device_information", {C.DEVICE_ID}),
        # Umbrellas whose naming discloses nothing still hold what is under them: technical
        # information holds the Wi-Fi network (wifi_network ⊂ network_information).
        ("technical_information", {
            C.LOCAL_NETWORK, C.DEVICE_ID, C.BLUETOOTH, C.SENSORS, C.INSTALLED_APPS,
        }),
        ("personal_information", set(Category)),
        ("sensitive_information", {C.HEALTH}),
        # An umbrella over no category's data.
        ("usage_data", set()),
    ],
)  # fmt: skip
def test_categories_under_a_node(node: str, expected: set[Category]) -> None:
    assert categories_under(node) == expected


def test_a_disclosing_node_holds_what_naming_it_covers() -> None:
    for node_id, node in ontology().nodes.items():
        if node.discloses:
            assert categories_under(node_id) == coverage(node_id).categories(), node_id
        else:
            assert coverage(node_id).categories() == frozenset(), node_id
