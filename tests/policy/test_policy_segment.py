"""Segmentation: whole sentences across hard wraps, and the right section for each."""

from __future__ import annotations

import pytest

from permaudit.policy.languages.en import LANGUAGE as ENGLISH
from permaudit.policy.normalise import normalise


def _sentences(text: str, headings: tuple[str, ...] = ()) -> list[tuple[str, str | None]]:
    normalised = normalise(text)
    result = []
    for sentence in ENGLISH.segment(normalised, headings):
        # Offsets index the normalised text; the text folds line breaks but keeps its length.
        assert normalised[sentence.start : sentence.end].replace("\n", " ") == sentence.text
        result.append((sentence.text, sentence.section))
    return result


WRAPPED = """\
2.2 Microphone

The App uses your phone's microphone for the two-way talk (intercom) feature: when you press
and hold the talk button in live view, the App records your voice and streams it to the
camera's speaker so you can speak to a visitor. Audio from your phone is not recorded or
stored by us after it has been played on the camera.
"""


def test_hard_wrapped_paragraph_gives_whole_sentences() -> None:
    sentences = _sentences(WRAPPED)
    assert sentences[0] == ("2.2 Microphone", "2.2 Microphone")
    texts = [text for text, _ in sentences]
    assert texts[1].startswith("The App uses your phone's microphone")
    assert texts[1].endswith("so you can speak to a visitor.")
    assert "when you press and hold the talk button" in texts[1]
    assert texts[2] == (
        "Audio from your phone is not recorded or stored by us after it has been played on "
        "the camera."
    )
    assert all(section == "2.2 Microphone" for _, section in sentences)


def test_sentence_line_is_where_it_starts() -> None:
    normalised = normalise(WRAPPED)
    sentences = ENGLISH.segment(normalised, ())
    assert [s.line for s in sentences] == [1, 3, 5]


def test_list_items_and_lead_in_stay_apart() -> None:
    text = (
        "We use the information described in this policy to:\n"
        "- set up your cameras and bind them to your account;\n"
        "- provide live view, playback, two-way talk and event alerts;\n"
        "1. Keep your account secure.\n"
        "2. Deliver firmware updates.\n"
    )
    texts = [t for t, _ in _sentences(text)]
    assert texts == [
        "We use the information described in this policy to:",
        "- set up your cameras and bind them to your account;",
        "- provide live view, playback, two-way talk and event alerts;",
        "1. Keep your account secure.",
        "2. Deliver firmware updates.",
    ]


def test_list_items_without_markers_split_at_semicolons() -> None:
    text = "set up your cameras;\nprovide live view and two-way talk;\nanswer your questions."
    assert [t for t, _ in _sentences(text)] == [
        "set up your cameras;",
        "provide live view and two-way talk;",
        "answer your questions.",
    ]


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("## 3. Information we do not collect", "3. Information we do not collect"),
        ("### 2.2 Microphone", "2.2 Microphone"),
        ("1.3. Troubleshooting", "1.3. Troubleshooting"),
        ("II. How We Share Information", "II. How We Share Information"),
        ("(I) Account registration", "(I) Account registration"),
        ("Collection of personal information", "Collection of personal information"),
        ("COLLECTION AND USE OF INFORMATION.", "COLLECTION AND USE OF INFORMATION."),
        ("Information we collect:", "Information we collect:"),
        ("第三条 信息的使用", "第三条 信息的使用"),
    ],
)
def test_heading_forms(heading: str, section: str) -> None:
    sentences = _sentences(f"{heading}\n\nWe collect your location to set up the camera.")
    assert sentences[-1] == ("We collect your location to set up the camera.", section)


@pytest.mark.parametrize(
    "line",
    [
        "We share information only in these cases:",
        "Our partners include:",
        "Last updated: 3 March 2025",
        "Registered Address: 3rd Floor, C Block, Huafeng Park",
        "- Cookie policy.",
        "(4) Other uses permitted by your consent.",
        "You provide the above letter we sell a variety of appliances",
    ],
)
def test_lines_that_are_not_headings(line: str) -> None:
    sentences = _sentences(
        f"## 6. Sharing\n\n{line}\n\nThe App can use Bluetooth to find the camera."
    )
    assert sentences[-1][1] == "6. Sharing"


def test_known_headings_from_the_loader() -> None:
    text = "Wi-Fi and you\nThe App reads the Wi-Fi name. It sends it to the camera."
    sentences = _sentences(text, headings=("Wi-Fi and you",))
    assert sentences[-1] == ("It sends it to the camera.", "Wi-Fi and you")


def test_first_line_of_a_wrapped_paragraph_is_not_a_heading() -> None:
    text = (
        "Intro\n\n"
        "We only use approximate location, and only during setup, to\n"
        "list the Wi-Fi networks around you and to suggest the time zone.\n"
    )
    sentences = _sentences(text)
    assert sentences[-1] == (
        "We only use approximate location, and only during setup, to list the Wi-Fi networks "
        "around you and to suggest the time zone.",
        "Intro",
    )


def test_body_after_a_table_of_contents_is_not_in_its_last_entry() -> None:
    text = (
        "This policy covers the following: 1. How we collect data? 2. How we share data? "
        "3. How we protect data?\nWe understand the importance of your data. We collect your "
        "IMEI."
    )
    sentences = _sentences(text)
    assert sentences[-1] == ("We collect your IMEI.", None)


def test_nested_headings_are_not_a_table_of_contents() -> None:
    text = "I. Collection\n1. Account\n1.1 Registration\nWe collect your phone number."
    assert _sentences(text)[-1] == ("We collect your phone number.", "1.1 Registration")


def test_a_long_line_starting_with_hash_is_not_a_heading() -> None:
    text = "# Privacy Policy " + "We collect your location to set up the camera. " * 20
    sentences = _sentences(text)
    assert len(sentences) == 20
    assert sentences[-1][0] == "We collect your location to set up the camera."


def test_text_without_punctuation_is_cut_into_bounded_pieces() -> None:
    text = "we collect your location and contacts " * 500
    normalised = normalise(text)
    pieces = ENGLISH.segment(normalised, ())
    assert len(pieces) > 1
    assert all(s.end - s.start <= 1000 for s in pieces)
    assert all(normalised[s.start : s.end] == s.text for s in pieces)


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        # a table row keeps one tab between cells, whatever blanks pad them
        ("CAMERA \t\t Scan the QR code", "CAMERA\tScan the QR code"),
        ("友盟SDK\t设备标识符\t统计分析", "友盟SDK\t设备标识符\t统计分析"),
        # a tab at either end of a line is padding, not a cell
        ("\tWe collect your location. \t\nNext line", "We collect your location.\nNext line"),
        # other runs of blanks are still one space
        ("We  collect\u3000your location.", "We collect your location."),
    ],
)
def test_tabs_between_table_cells_survive_normalisation(text: str, normalised: str) -> None:
    assert normalise(text) == normalised
