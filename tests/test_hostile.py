"""Hostile and broken input, through the real command in a subprocess (issue 6).

Each row builds an input in a temporary directory, runs `python -m permaudit ...` on it with
a timeout (a hang fails the row), and checks the exit code and stderr. Every error must be
exactly one line, "permaudit: error: <file>: <problem>", and never a traceback.

What each row tests, precisely:
- policy-no-permission: a file with mode 000. Root reads any file whatever its mode through
  the capabilities CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH, so when the suite runs as root
  (as CI does) the command runs with both dropped from its capability bounding set: it is
  still root and owns the file, and the mode 000 denies it the read like any other user.
- policy-fifo: a named pipe; opening it for reading would block forever, so it must be
  refused from its file type before any open.
- policy-huge: 50 MB of real policy text (the seeds repeated); refused by the 4 Mi-character
  limit of the loader in well under a second, without analysing it.
- policy-too-large: a 65 MiB sparse file, over the 64 MiB file limit, refused from its size
  before a byte is read.
"""

from __future__ import annotations

import ctypes
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

ROOT = Path(__file__).resolve().parents[1]
POLICY_FIXTURES = ROOT / "tests" / "fixtures" / "policies"
SEEDS = ROOT / ".." / "shared" / "seeds"
# linux/prctl.h and linux/capability.h
PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE = 1
CAP_DAC_READ_SEARCH = 2
TIMEOUT_SECONDS = 60


@dataclass(frozen=True)
class Case:
    id: str
    # Builds the input inside the given directory and returns the path to hand the command.
    build: Callable[[Path], Path]
    # The command line after `permaudit`, given the input path.
    command: Callable[[Path], list[str]]
    exit_code: int
    # Expected in the one stderr line (errors) — empty for cases that must succeed.
    stderr: str = ""
    # Text that must not appear on stdout (e.g. the content of <script> elements).
    stdout_excludes: tuple[str, ...] = ()
    # Run without the capabilities that let root ignore file modes (see the module doc).
    without_root_file_access: bool = False


def policy(path: Path) -> list[str]:
    return ["policy", str(path)]


def policy_json(path: Path) -> list[str]:
    return ["policy", str(path), "--format", "json"]


# --- builders --------------------------------------------------------------------------------


def _write(name: str, data: bytes) -> Callable[[Path], Path]:
    def build(directory: Path) -> Path:
        path = directory / name
        path.write_bytes(data)
        return path

    return build


def _huge_text(directory: Path) -> Path:
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    path = directory / "huge-policy.txt"
    with path.open("w", encoding="utf-8") as handle:
        written = 0
        while written < 50_000_000:
            handle.write(seeds)
            written += len(seeds)
    return path


def _sparse(directory: Path) -> Path:
    path = directory / "sparse-policy.txt"
    with path.open("wb") as handle:
        handle.truncate(65 * 1024 * 1024)
    return path


def _mixed_encodings(directory: Path) -> Path:
    path = directory / "mixed-policy.txt"
    path.write_bytes(
        "Privacy Policy — “HomeCam”\n\nWe collect your précise location for setup.\n".encode()
        + "Pasted from Word: we read the Wi-Fi name (SSID) of your router… “setup”.\n".encode(
            "cp1252"
        )
        + "我们会收集您的位置信息，用于设备配网。我们不会收集您的通讯录。\n".encode("gbk")
    )
    return path


def _encoded(name: str, encoding: str) -> Callable[[Path], Path]:
    text = (POLICY_FIXTURES / "demo_policy.txt").read_text(encoding="utf-8")
    return _write(name, text.encode(encoding))


def _encrypted_pdf(directory: Path) -> Path:
    writer = PdfWriter(clone_from=PdfReader(POLICY_FIXTURES / "demo_policy.pdf"))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    path = directory / "locked-policy.pdf"
    path.write_bytes(buffer.getvalue())
    return path


def _copy(source: Path, name: str | None = None, cut: float = 1.0) -> Callable[[Path], Path]:
    def build(directory: Path) -> Path:
        data = source.read_bytes()
        path = directory / (name or source.name)
        path.write_bytes(data[: int(len(data) * cut)])
        return path

    return build


def _directory(directory: Path) -> Path:
    path = directory / "policies"
    path.mkdir()
    return path


def _dangling_symlink(directory: Path) -> Path:
    path = directory / "policy.txt"
    path.symlink_to(directory / "deleted-policy.txt")
    return path


def _symlink_loop(directory: Path) -> Path:
    first, second = directory / "a-policy.txt", directory / "b-policy.txt"
    first.symlink_to(second)
    second.symlink_to(first)
    return first


def _fifo(directory: Path) -> Path:
    path = directory / "policy.fifo"
    os.mkfifo(path)
    return path


def _unreadable(directory: Path) -> Path:
    path = directory / "secret-policy.txt"
    path.write_text("We collect your location.", encoding="utf-8")
    path.chmod(0)
    return path


HTML_WITH_HIDDEN_PARTS = POLICY_FIXTURES / "demo_policy.html"

CASES: list[Case] = [
    Case("policy-empty", _write("empty.txt", b""), policy, 2, "empty file"),
    Case("policy-whitespace", _write("blank.txt", b" \n\t\r\n  \n"), policy, 2, "whitespace only"),
    Case(
        "policy-utf16-whitespace",
        _write("blank16.txt", " \n\t ".encode("utf-16")),
        policy,
        2,
        "whitespace only",
    ),
    Case(
        "policy-binary-nul",
        _write("blob.txt", bytes(range(256)) * 64),
        policy,
        2,
        "binary file (contains NUL bytes)",
    ),
    Case(
        "policy-binary-noise",
        _write("noise.txt", bytes((i * 7919 + 13) % 255 + 1 for i in range(40_000))),
        policy,
        2,
        "binary file",
    ),
    Case(
        "policy-is-an-apk",
        _copy(ROOT / "samples" / "ipcam-demo.apk", "policy.txt"),
        policy,
        2,
        "binary file (a ZIP archive",
    ),
    Case("policy-huge-50mb", _huge_text, policy, 2, "policy text is too long"),
    Case("policy-too-large-file", _sparse, policy, 2, "file is too large (65.0 MiB"),
    Case("policy-mixed-encodings", _mixed_encodings, policy_json, 0),
    Case("policy-utf16", _encoded("policy16.txt", "utf-16"), policy_json, 0),
    Case(
        "policy-gbk",
        _write("policy-gbk.txt", "隐私政策\n\n我们会收集您的位置信息。".encode("gbk")),
        policy,
        0,
    ),
    Case(
        "policy-html-scripts-styles-svg",
        _copy(HTML_WITH_HIDDEN_PARTS),
        policy_json,
        0,
        stdout_excludes=("MUST-NOT-APPEAR",),
    ),
    Case(
        "policy-html-only-scripts",
        _write(
            "scripts.html",
            b"<html><head><style>p{}</style></head><body><script>document.write('x')</script>"
            b"<svg><text>icon</text></svg></body></html>",
        ),
        policy,
        2,
        "no visible text",
    ),
    Case("policy-pdf-encrypted", _encrypted_pdf, policy, 2, "encrypted PDF: it needs a password"),
    Case(
        "policy-pdf-image-only",
        _copy(POLICY_FIXTURES / "scanned_policy.pdf"),
        policy,
        2,
        "no text layer (scanned/image-only PDF?)",
    ),
    Case(
        "policy-pdf-truncated",
        _copy(POLICY_FIXTURES / "demo_policy.pdf", cut=0.5),
        policy,
        2,
        "unreadable PDF",
    ),
    Case("policy-nonexistent", lambda d: d / "no-such-policy.txt", policy, 2, "no such file"),
    Case("policy-directory", _directory, policy, 2, "is a directory"),
    Case("policy-dangling-symlink", _dangling_symlink, policy, 2, "broken symbolic link"),
    Case("policy-symlink-loop", _symlink_loop, policy, 2, "symbolic link loop"),
    Case("policy-fifo", _fifo, policy, 2, "not a regular file"),
    Case(
        "policy-no-permission",
        _unreadable,
        policy,
        2,
        "permission denied",
        without_root_file_access=True,
    ),
]


def _drop_root_file_access() -> None:
    """In the child before exec: root keeps uid 0 but loses its power over file modes."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def _run(case: Case, path: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "COV_"))}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "permaudit", *case.command(path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
        stdin=subprocess.DEVNULL,
        preexec_fn=_drop_root_file_access if case.without_root_file_access else None,
    )


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_hostile_input(case: Case, tmp_path: Path) -> None:
    path = case.build(tmp_path)
    result = _run(case, path)
    assert "Traceback" not in result.stderr
    assert result.returncode == case.exit_code, result.stderr
    if case.exit_code == 2:
        lines = result.stderr.splitlines()
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith(f"permaudit: error: {path}: ")
        assert case.stderr in lines[0]
        assert result.stdout == ""
    else:
        assert result.stdout.strip(), "a policy that loads must give a report"
        if "json" in case.command(path):
            assert set(json.loads(result.stdout)["categories"]) >= {"camera", "location"}
    for hidden in case.stdout_excludes:
        assert hidden not in result.stdout
