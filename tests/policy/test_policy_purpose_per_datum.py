"""Behaviour table: in a sentence that names several data, a purpose clause belongs to the
datum the parse hangs it on (datum_purposes, syntax.purpose_strangers).

"We use your location to show nearby stores, and we use your contacts to invite friends"
states one purpose per datum: each purpose clause hangs on the verb whose object the datum
is, and the verbs are coordinated. A relative clause on a list member is that member's
("your location, which we use to ..., and your contacts, which ..."). Where the parse does not
separate them (one verb over the list, a clause after the whole list, the small model's
reading of a gapped "your location to X and your contacts to Y"), every datum keeps every
purpose of the sentence: a purpose missed costs less than one given to the wrong datum.
"""

from __future__ import annotations

import pytest

from permaudit.models import Category
from tests.policy.policy_support import purpose_ids

C = Category


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        # Coordinated verbs, each with its own datum and purpose.
        ("We use your location to show nearby stores, and we use your contacts to invite "
         "friends.", C.LOCATION, {"location_services"}),
        ("We use your location to show nearby stores, and we use your contacts to invite "
         "friends.", C.CONTACTS, {"social_features"}),
        ("To show nearby stores, we collect your location, and we access your contacts to "
         "invite friends.", C.CONTACTS, {"social_features"}),
        # A relative clause on each member of the list.
        ("We collect your location, which we use to show nearby stores, and your contacts, "
         "which we use to invite friends.", C.LOCATION, {"location_services"}),
        ("We collect your location, which we use to show nearby stores, and your contacts, "
         "which we use to invite friends.", C.CONTACTS, {"social_features"}),
        # Counter-examples: one verb, or one clause, over all of the data.
        ("We collect your location and your contacts to show nearby stores.", C.CONTACTS,
         {"location_services"}),
        ("We collect your location and contacts, which we use to show nearby stores.",
         C.CONTACTS, {"location_services"}),
        ("We collect your location, your contacts and your photos, which we use to show "
         "nearby stores.", C.LOCATION, {"location_services"}),
        ("To show nearby stores and invite friends, we collect your location and your "
         "contacts.", C.LOCATION, {"location_services", "social_features"}),
        # The parse does not separate them (the small model reads the second datum into the
        # first purpose): both keep both, as before.
        ("We collect your location to show nearby stores and your contacts to invite "
         "friends.", C.CONTACTS, {"location_services", "social_features"}),
        ("We collect your location to show nearby stores and your contacts to invite "
         "friends.", C.LOCATION, {"location_services", "social_features"}),
    ],
)  # fmt: skip
def test_purpose_clauses_belong_to_their_datum(
    text: str, category: Category, expected: set[str]
) -> None:
    assert purpose_ids(text, category) == expected
