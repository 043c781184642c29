"""Media listed in a clause of ownership whose owner is not the user are the owner's content
(an intellectual-property clause of terms of service), not the user's data: "X owns ... the
content, including pictures, video, sound", "all content, including images and audio clips,
is the exclusive property of X". Media the user owns stay the user's."""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from tests.policy.policy_support import facts

V, A, E = Status.VAGUE, Status.ABSENT, Status.EXPLICIT


@pytest.mark.parametrize(
    ("text", "camera", "microphone", "storage"),
    [
        ("All content related to Hike corporate and business activities included on the Site "
         "and embedded in the Application, including any text, graphics, logos, button icons, "
         "images, audio clips and software, is the exclusive property of hike or its content "
         "suppliers.", A, A, A),
        ("Com2uS owns, has licensed, or otherwise has the right to use all of the content and "
         "materials that appear in the Service, including, without limitation, designs, text, "
         "graphics, pictures, video, music, sound and other files.", A, A, A),
        # the user owns them
        ("You own the photos and videos you upload, and we store them for you.", V, A, V),
        ("We collect the voice recordings and photos you upload.", V, E, V),
    ],
)  # fmt: skip
def test_media_owned_by_another(
    text: str, camera: Status, microphone: Status, storage: Status
) -> None:
    found = facts(text)
    statuses = (Category.CAMERA, Category.MICROPHONE, Category.STORAGE)
    assert tuple(found.status(c) for c in statuses) == (camera, microphone, storage)
