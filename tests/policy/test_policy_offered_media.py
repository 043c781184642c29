"""Media the service offers are not the user's data: what the user watches or browses ("watch
a video", "browse photos", "the videos you watch"), and what a party other than the user
provides or hosts ("stock photographs provided by us and our licensors", "videos hosted by a
third party"). The user's own media stay: provided by the user, uploaded, or the live video
of the user's camera."""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from tests.policy.policy_support import facts

V, A, E = Status.VAGUE, Status.ABSENT, Status.EXPLICIT


@pytest.mark.parametrize(
    ("text", "camera", "storage"),
    [
        # what the user watches or browses
        ("Find showtimes, watch trailers, browse photos, track your Watchlist and rate your "
         "favorite movies on your phone!", A, A),
        ("We collect information about the videos you watch.", A, A),
        ("When you watch a video, the provider may collect your IP address.", A, A),
        ("The provider may receive the requested transaction (e.g., your request to buy or "
         "rent the video).", A, A),
        # what another party provides or hosts
        ("Any stock photographs, images, graphics or similar assets that are provided by "
         "Goldenshores Technologies and/or its licensors are protected.", A, A),
        ("For example, you may be able to access videos hosted by a third party within the "
         "app.", A, A),
        # the user's own media
        ("We store the photos provided by you.", V, V),
        ("We may rent your photos to partners.", V, V),
        ("We store the videos you upload and share them with the people you choose.", V, V),
        ("You can view live video from your camera.", E, A),
        ("We store the videos recorded by your camera.", E, A),
    ],
)  # fmt: skip
def test_media_the_service_offers_are_not_the_users(
    text: str, camera: Status, storage: Status
) -> None:
    found = facts(text)
    assert (found.status(Category.CAMERA), found.status(Category.STORAGE)) == (camera, storage)
