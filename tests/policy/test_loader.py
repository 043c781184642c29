"""load_policy_text on real content in every format and encoding users publish policies in."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from permaudit.errors import InputError
from permaudit.policy.loader import PolicyText, load_policy_text
from tests.shared_data import SEEDS, needs_seeds, seed_files

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "policies"

DEMO_SENTENCES = (
    "the app uses your phone's camera to scan the QR code shown on the device",
    "We use your approximate location only while you set up a device and do not store it.",
    "we read the name (SSID) of the Wi-Fi network your phone is connected to",
    "We do not collect your contacts, call logs or text messages.",
)
DEMO_HEADINGS = ("Privacy Policy of the HomeCam app", "1. Information we collect", "3. Contact us")

CHINESE = (
    "隐私政策\n\n"
    "我们会收集您的位置信息，用于设备配网和查找附近的摄像机。\n"
    "我们不会收集您的通讯录、通话记录或短信。"
)
WESTERN = (
    "Politique de confidentialité\n\n"
    "Nous collectons des données de localisation précises, à des fins d’analyse. "
    "Ça dépend de l’appareil… « caméra »."
)
ENGLISH = "Privacy Policy\n\nWe collect your location to find nearby cameras during setup."


def _load(tmp_path: Path, name: str, data: bytes) -> PolicyText:
    path = tmp_path / name
    path.write_bytes(data)
    return load_policy_text(path)


def _error(tmp_path: Path, name: str, data: bytes, **limits: int) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        load_policy_text(path, **limits)  # type: ignore[arg-type]
    assert caught.value.path == str(path)
    assert "\n" not in caught.value.problem
    return caught.value.problem


# --- formats ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected_format"),
    [
        ("demo_policy.txt", "text"),
        ("demo_policy.md", "markdown"),
        ("demo_policy.html", "html"),
        ("demo_policy.pdf", "pdf"),
    ],
)
def test_every_format_gives_the_same_visible_sentences(name: str, expected_format: str) -> None:
    path = FIXTURES / name
    policy = load_policy_text(path)
    assert policy.format == expected_format
    assert policy.source == str(path)
    assert policy.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    for sentence in DEMO_SENTENCES:
        assert sentence.replace("'", "’") in policy.text.replace("'", "’")
    assert "MUST-NOT-APPEAR" not in policy.text
    assert "<" not in policy.text and "**" not in policy.text and "](" not in policy.text
    if expected_format == "text":
        assert policy.headings == ()
    else:
        assert set(DEMO_HEADINGS) <= set(policy.headings)
        for heading in policy.headings:
            # Headings sit on a line of their own, set off from the paragraphs.
            assert f"\n\n{heading}\n" in f"\n\n{policy.text}\n"


def test_html_drops_scripts_styles_svg_and_hidden_parts() -> None:
    policy = load_policy_text(FIXTURES / "demo_policy.html")
    for invisible in ("SCRIPT", "STYLE", "SVG-TEXT", "SVG-TITLE", "NOSCRIPT", "TEMPLATE"):
        assert invisible not in policy.text
    assert "HIDDEN" not in policy.text and "COMMENT" not in policy.text
    assert "HEAD-TITLE" not in policy.text and "JSONLD" not in policy.text
    # Entities are decoded and table cells stay on their row.
    assert "phone’s camera" in policy.text and "HomeCam app" in policy.text
    assert "CAMERA\tScan the QR code of a device" in policy.text.splitlines()


def test_markdown_markup_is_stripped_to_text() -> None:
    policy = load_policy_text(FIXTURES / "demo_policy.md")
    lines = policy.text.splitlines()
    assert "Last updated: 1 March 2025" in lines
    # A hard-wrapped list item is one line; the link keeps its text, not its URL.
    assert any(
        line.startswith("Location: on Android") and "location permission." in line for line in lines
    )
    assert "developer.android.com" not in policy.text
    assert "Information we do not collect" in policy.headings  # setext heading
    assert "ACCESS_FINE_LOCATION\tFind nearby Wi-Fi networks during setup" in lines


def test_pdf_reflows_wrapped_lines_and_joins_hyphenated_words() -> None:
    policy = load_policy_text(FIXTURES / "demo_policy.pdf")
    assert policy.encoding is None
    assert "only for the duration of setup." in policy.text
    camera = next(line for line in policy.text.splitlines() if line.startswith("Camera:"))
    assert camera.endswith("so that the device can be bound to your account.")


def test_format_is_detected_from_content_not_extension(tmp_path: Path) -> None:
    html = (FIXTURES / "demo_policy.html").read_bytes()
    markdown = (FIXTURES / "demo_policy.md").read_bytes()
    pdf = (FIXTURES / "demo_policy.pdf").read_bytes()
    assert _load(tmp_path, "page.txt", html).format == "html"
    assert _load(tmp_path, "policy", markdown).format == "markdown"
    assert _load(tmp_path, "policy.html", pdf).format == "pdf"
    assert _load(tmp_path, "plain.html", ENGLISH.encode()).format == "text"
    fragment = b"<p>We collect your <b>location</b>.</p><p>And the SSID.</p><br>"
    assert (
        _load(tmp_path, "fragment.txt", fragment).text
        == "We collect your location.\n\nAnd the SSID."
    )


def test_plain_text_keeps_its_lines_and_numbering(tmp_path: Path) -> None:
    text = "1. We collect\r\n(1) location;\r\n(2) camera.\r\n\r\n\r\n\r\nII. Sharing\fPage two\n"
    policy = _load(tmp_path, "p.txt", text.encode())
    assert policy.text == "1. We collect\n(1) location;\n(2) camera.\n\nII. Sharing\n\nPage two"


def test_html_lists_headings_pre_and_line_breaks(tmp_path: Path) -> None:
    html = (
        "<html><body><h2>Data <em>we</em> collect</h2><ol start='3'><li>location<li>camera</ol>"
        "<p>first<br>second</p><pre>kept\n  as is\n\nblock</pre></body></html>"
    )
    policy = _load(tmp_path, "p.html", html.encode())
    assert policy.headings == ("Data we collect",)
    assert policy.text == (
        "Data we collect\n\n3. location\n4. camera\n\nfirst\nsecond\n\nkept\nas is\n\nblock"
    )


def test_deeply_nested_html_is_refused_not_truncated(tmp_path: Path) -> None:
    html = ("<div>" * 5000 + "deep" + "</div>" * 5000).encode()
    assert "nested too deeply" in _error(tmp_path, "deep.html", html)


# --- encodings -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "data", "encoding"),
    [
        (ENGLISH, ENGLISH.encode("utf-8"), "utf-8"),
        (CHINESE, CHINESE.encode("utf-8"), "utf-8"),
        (CHINESE, CHINESE.encode("utf-8-sig"), "utf-8-sig"),
        (CHINESE, CHINESE.encode("utf-16"), "utf-16-le"),  # BOM, native (little-endian) order
        (CHINESE, b"\xfe\xff" + CHINESE.encode("utf-16-be"), "utf-16-be"),
        (ENGLISH, ENGLISH.encode("utf-16-le"), "utf-16-le"),  # no BOM
        (ENGLISH, ENGLISH.encode("utf-16-be"), "utf-16-be"),  # no BOM
        (CHINESE, CHINESE.encode("utf-32"), "utf-32-le"),
        (CHINESE, CHINESE.encode("gbk"), "gb18030"),
        (CHINESE, CHINESE.encode("gb18030"), "gb18030"),
        (CHINESE, CHINESE.encode("gb2312"), "gb18030"),
        (WESTERN, WESTERN.encode("cp1252"), "cp1252"),
        (
            "Wir erheben Standortdaten für Größe über Äpfel.",
            "Wir erheben Standortdaten für Größe über Äpfel.".encode("latin-1"),
            "cp1252",
        ),
    ],
    ids=[
        "utf8-en",
        "utf8-zh",
        "utf8-bom",
        "utf16-bom-le",
        "utf16-bom-be",
        "utf16le-nobom",
        "utf16be-nobom",
        "utf32-bom",
        "gbk",
        "gb18030",
        "gb2312",
        "cp1252",
        "latin1",
    ],
)
def test_encodings_users_have(tmp_path: Path, text: str, data: bytes, encoding: str) -> None:
    policy = _load(tmp_path, "policy.txt", data)
    assert policy.text == text
    assert policy.encoding == encoding
    assert policy.sha256 == hashlib.sha256(data).hexdigest()


def test_html_declared_charset_is_used_for_legacy_pages(tmp_path: Path) -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        f"</head><body><h1>隐私政策</h1><p>{CHINESE.splitlines()[2]}</p></body></html>"
    )
    policy = _load(tmp_path, "p.html", html.encode("gbk"))
    assert policy.encoding == "gb18030"
    assert policy.headings == ("隐私政策",)
    assert CHINESE.splitlines()[2] in policy.text


def test_mixed_utf8_and_cp1252_keeps_both_readable(tmp_path: Path) -> None:
    data = (
        "Privacy — “policy” in UTF-8 with ünïcode.\n".encode()
        + "Pasted from Word: café “camera” données…\n".encode("cp1252")
        + "Back to UTF-8 — location.\n".encode()
    )
    policy = _load(tmp_path, "mixed.txt", data)
    assert policy.encoding == "utf-8+cp1252"
    assert policy.text.splitlines() == [
        "Privacy — “policy” in UTF-8 with ünïcode.",
        "Pasted from Word: café “camera” données…",
        "Back to UTF-8 — location.",
    ]


def test_mixed_utf8_and_gbk_keeps_both_readable(tmp_path: Path) -> None:
    data = "Privacy — “policy”: we collect your location ünd more.\n".encode() + (
        CHINESE.replace("\n", "") + "\n"
    ).encode("gbk")
    policy = _load(tmp_path, "mixed.txt", data)
    assert policy.encoding == "utf-8+gb18030"
    assert policy.text.splitlines()[1] == CHINESE.replace("\n", "")


# --- PDFs that cannot give text ---------------------------------------------------------------


def _encrypted_demo_pdf(user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(FIXTURES / "demo_policy.pdf"))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_encrypted_pdf_needing_a_password_is_refused(tmp_path: Path) -> None:
    problem = _error(tmp_path, "locked.pdf", _encrypted_demo_pdf("secret"))
    assert problem == "encrypted PDF: it needs a password to open"


def test_pdf_encrypted_only_against_copying_still_reads(tmp_path: Path) -> None:
    policy = _load(tmp_path, "restricted.pdf", _encrypted_demo_pdf(""))
    assert DEMO_SENTENCES[3] in policy.text


def test_image_only_pdf_says_it_has_no_text_layer() -> None:
    with pytest.raises(InputError) as caught:
        load_policy_text(FIXTURES / "scanned_policy.pdf")
    assert caught.value.problem == "no text layer (scanned/image-only PDF?)"


def test_truncated_pdf_is_unreadable_not_a_crash(tmp_path: Path) -> None:
    data = (FIXTURES / "demo_policy.pdf").read_bytes()
    problem = _error(tmp_path, "cut.pdf", data[: len(data) // 2])
    assert problem.startswith(("unreadable PDF", "no text layer"))


# --- errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty file"),
        (b"  \n\t\r\n  ", "whitespace only, no text"),
        ("\ufeff \n ".encode("utf-16"), "whitespace only, no text"),
        (b"\x00\x01\x02\x03" * 200, "binary file (contains NUL bytes)"),
        (
            b"PK\x03\x04" + bytes(100),
            "binary file (a ZIP archive (an APK, or a .docx?)), not a privacy policy",
        ),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "binary file (a PNG image), not a privacy policy"),
        (bytes(range(1, 32)) * 40 + b"some text", "binary file (full of control characters)"),
        (b"12345 --- 678 ... 90 !!!\n", "no recognisable text (no letters in any script)"),
        (
            b"<html><script>var a = 'text';</script><style>p{}</style></html>",
            "no visible text (only scripts, styles or markup)",
        ),
    ],
    ids=[
        "empty",
        "whitespace",
        "utf16-whitespace",
        "nul",
        "zip",
        "png",
        "controls",
        "no-letters",
        "only-scripts",
    ],
)
def test_unusable_content_is_one_line_input_error(
    tmp_path: Path, data: bytes, problem: str
) -> None:
    assert _error(tmp_path, "policy.txt", data) == problem


def test_random_bytes_are_binary(tmp_path: Path) -> None:
    noise = hashlib.shake_256(b"permaudit").digest(50_000)
    assert _error(tmp_path, "noise.txt", noise).startswith("binary file")


def test_size_limits_are_checked_before_reading(tmp_path: Path) -> None:
    problem = _error(tmp_path, "big.txt", b"a" * 2048, max_bytes=1024)
    assert problem == "file is too large (2.0 KiB; the limit is 1.0 KiB)"
    problem = _error(tmp_path, "long.txt", b"word " * 1000, max_chars=100)
    assert problem.startswith("policy text is too long (5,000 characters; the limit is 100,")


def test_markup_over_its_parse_limit_is_refused(tmp_path: Path) -> None:
    from permaudit.policy import loader

    html = b"<html><body>" + b"<p>We collect location.</p>" * (loader.MAX_MARKUP_BYTES // 27 + 1)
    problem = _error(tmp_path, "huge.html", html)
    assert problem.startswith("HTML file is too large to parse (16.0 MiB of markup;")


def test_paths_that_are_not_policy_files(tmp_path: Path) -> None:
    cases: dict[Path, str] = {
        tmp_path / "missing.txt": "no such file",
        tmp_path: "is a directory, not a policy file",
    }
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "nowhere.txt")
    cases[dangling] = "broken symbolic link (its target does not exist)"
    loop = tmp_path / "loop.txt"
    loop.symlink_to(tmp_path / "loop2.txt")
    (tmp_path / "loop2.txt").symlink_to(loop)
    cases[loop] = "symbolic link loop"
    fifo = tmp_path / "policy.fifo"
    os.mkfifo(fifo)
    # Opening a FIFO for reading would block forever; it must be refused before that.
    cases[fifo] = "not a regular file (a FIFO, socket or device?)"
    for path, problem in cases.items():
        with pytest.raises(InputError) as caught:
            load_policy_text(path)
        assert (caught.value.path, caught.value.problem) == (str(path), problem)


# --- the seed policies -----------------------------------------------------------------------


@needs_seeds
@pytest.mark.parametrize("seed", [p.name for p in seed_files()])
def test_seed_policies_load_as_utf8_text(seed: str) -> None:
    policy = load_policy_text(SEEDS / seed)
    assert policy.format == "text"
    assert policy.encoding == "utf-8"
    raw = (SEEDS / seed).read_text(encoding="utf-8")
    # Only line ends and blank-line runs are tidied; every word is kept.
    assert policy.text.split() == raw.split()
