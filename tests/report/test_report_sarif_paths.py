"""SARIF artifact URIs are relative to the git top level (uriBaseId %SRCROOT%), whatever
folder permaudit runs from and however the paths were given, the policy included."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cli_support import IPCAM, ROOT, run_cli

DEMO_POLICY = ROOT / "samples" / "privacy-policy.md"
WANTED = {"android/build/app.apk", "docs/privacy.md"}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with the app under android/ and the policy under docs/."""
    root = tmp_path / "vendor-repo"
    (root / "android" / "build").mkdir(parents=True)
    (root / "docs").mkdir()
    if shutil.which("git"):
        subprocess.run(["git", "init", "-q", str(root)], check=True)
    else:
        (root / ".git").mkdir()
    shutil.copyfile(IPCAM, root / "android" / "build" / "app.apk")
    shutil.copyfile(DEMO_POLICY, root / "docs" / "privacy.md")
    (root / "android" / "permaudit.toml").write_text(
        'policy = "../docs/privacy.md"\n', encoding="utf-8"
    )
    return root


def _artifacts(*args: str | Path) -> set[tuple[str, str | None]]:
    result = run_cli("audit", *args, "--no-evidence", "--format", "sarif", "--fail-on", "none")
    assert result.exit_code == 0, result.stderr
    run = json.loads(result.stdout)["runs"][0]
    found = set()
    for sarif_result in run["results"]:
        artifact = sarif_result["locations"][0]["physicalLocation"]["artifactLocation"]
        found.add((artifact["uri"], artifact.get("uriBaseId")))
    return found


def _relative(uris: set[str]) -> set[tuple[str, str | None]]:
    return {(uri, "%SRCROOT%") for uri in uris}


def test_from_a_subfolder_with_the_policy_from_the_config(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo / "android")
    assert _artifacts("build/app.apk") == _relative(WANTED)


@pytest.mark.parametrize("where", [".", "docs", "android/build"])
def test_same_uris_from_every_folder_and_for_absolute_paths(
    repo: Path, where: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo / where)
    app, policy = repo / "android/build/app.apk", repo / "docs/privacy.md"
    assert _artifacts(app, "--policy", policy) == _relative(WANTED)
    relative_app = Path("../" * len(Path(where).parts)) / "android/build/app.apk"
    relative_policy = Path("../" * len(Path(where).parts)) / "docs/privacy.md"
    assert _artifacts(relative_app, "--policy", relative_policy) == _relative(WANTED)


def test_a_file_outside_the_repository_keeps_a_file_uri(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outside = tmp_path / "elsewhere" / "privacy policy.md"
    outside.parent.mkdir()
    shutil.copyfile(DEMO_POLICY, outside)
    monkeypatch.chdir(repo)
    found = _artifacts("android/build/app.apk", "--policy", outside)
    assert ("android/build/app.apk", "%SRCROOT%") in found
    assert (outside.resolve().as_uri(), None) in found
    assert "%20" in outside.resolve().as_uri()


def test_outside_any_repository_paths_are_relative_to_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if any((folder / ".git").exists() for folder in (tmp_path, *tmp_path.parents)):
        pytest.skip("the temporary folder lies inside a git repository")
    shutil.copyfile(IPCAM, tmp_path / "app.apk")
    (tmp_path / "docs").mkdir()
    shutil.copyfile(DEMO_POLICY, tmp_path / "docs" / "privacy.md")
    monkeypatch.chdir(tmp_path / "docs")
    found = _artifacts("../app.apk", "--policy", "privacy.md")
    app_uri = (tmp_path / "app.apk").resolve().as_uri()
    assert found == {(app_uri, None), ("privacy.md", "%SRCROOT%")}


def test_a_policy_url_stays_a_url() -> None:
    from permaudit.report.sarif import _artifact

    url = "https://vendor.example/privacy?lang=en"
    assert _artifact(url, ROOT) == {"uri": url}
    assert _artifact(url) == {"uri": url}
