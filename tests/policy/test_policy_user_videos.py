"""Videos the user posts, submits or keeps with photos are the user's media, not a capture:
like photos they are vague for camera and storage (the review conventions: shared photos and
videos make camera vague unless the camera or a capture is named). A capturing verb over the
videos or their list ("recorded", "captured", "that you take"), the connected camera doing the
recording, or videos by themselves keep camera explicit (what a camera product records)."""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from tests.policy.policy_support import facts

V, A, E = Status.VAGUE, Status.ABSENT, Status.EXPLICIT


@pytest.mark.parametrize(
    ("text", "camera", "storage"),
    [
        # listed with photos
        ("We may access and store your photos and videos.", V, V),
        ("We collect their username, password, date of birth, photo, video and country.", V, V),
        ("We transmit your messages, including your chats, photos, videos and files.", V, V),
        # a long list the small model splits in two: the verb over the photos is the one
        ("You are responsible for all contents that you upload, transmit, share or display "
         "through the app, (collectively the \"Contents\") including but not limited to any "
         "photos, profiles (including your name and image), messages, information, text, video, "
         "music and links.", V, V),
        # posted, submitted or shared by the user, or named by the user's own clause
        ("We collect the videos you upload.", V, V),
        ("You can share videos with your friends.", V, V),
        ("As an account holder you may submit content to the Service, including videos and "
         "comments.", V, V),
        # a capture named: the videos stay the camera's
        ("We store the photos and videos captured by your camera.", E, V),
        ("We collect information about any photo or video recorded, including the name of "
         "the video file.", E, V),
        ("We store the videos that you take with your cameras.", E, A),
        ("The camera records videos when it detects motion.", E, A),
        ("Your videos are stored in the cloud for 30 days.", E, A),
        # the phone's storage named keeps storage explicit
        ("The app reads photos and videos stored on your device to back them up.", V, E),
    ],
)  # fmt: skip
def test_users_videos_are_vague_unless_a_capture_is_named(
    text: str, camera: Status, storage: Status
) -> None:
    found = facts(text)
    assert (found.status(Category.CAMERA), found.status(Category.STORAGE)) == (camera, storage)
