"""Reading a job's pairs from a manifest (CSV or JSONL) or a folder of apps."""

from __future__ import annotations

from pathlib import Path

import pytest

from permaudit.batch import pairs_from_folder, read_manifest
from permaudit.errors import InputError


def test_csv_paths_are_relative_to_the_manifest_and_id_defaults_to_the_app(
    tmp_path: Path,
) -> None:
    manifest = tmp_path / "jobs" / "pairs.csv"
    manifest.parent.mkdir()
    manifest.write_text(
        "\ufeffapp, policy ,id,vendor\napks/a.apk,p.md,first,Acme\n\n/abs/b.apk,/abs/p.md,,Beta\n",
        encoding="utf-8",
    )
    first, second = read_manifest(manifest)
    assert (first.id, first.app, first.policy) == ("first", "apks/a.apk", "p.md")
    assert first.app_path == str(manifest.parent / "apks" / "a.apk")
    assert first.policy_path == str(manifest.parent / "p.md")
    assert (second.id, second.app_path, second.policy_path) == (
        "/abs/b.apk",
        "/abs/b.apk",
        "/abs/p.md",
    )


def test_jsonl_rows_and_the_default_policy(tmp_path: Path) -> None:
    manifest = tmp_path / "pairs.ndjson"
    manifest.write_text(
        '{"app": "a.apk", "id": 7}\n\n{"app": "b.apk", "policy": "https://vendor.example/p"}\n',
        encoding="utf-8",
    )
    first, second = read_manifest(manifest, default_policy="shared.md")
    assert (first.id, first.policy) == ("7", "shared.md")
    assert first.policy_path == str(Path.cwd() / "shared.md")
    assert second.policy_path == "https://vendor.example/p"


def test_the_format_is_told_by_content_when_the_extension_says_nothing(tmp_path: Path) -> None:
    manifest = tmp_path / "pairs.txt"
    manifest.write_text('{"app": "a.apk", "policy": "p.md"}\n', encoding="utf-8")
    assert [pair.app for pair in read_manifest(manifest)] == ["a.apk"]


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("p.csv", "app,id\na.apk,1\n", "line 2: no `policy` (or give --policy POLICY)"),
        ("p.csv", "app,policy\n,p.md\n", "line 2: no `app`"),
        ("p.jsonl", '{"app": "a.apk", "policy": "p.md"}\n{"app": \n', "line 2: not JSON"),
        ("p.jsonl", '["a.apk", "p.md"]\n', "line 1: expected a JSON object"),
        ("p.jsonl", '{"app": ["a.apk"], "policy": "p.md"}\n', "line 1: `app` must be a string"),
        (
            "p.csv",
            "app,policy,id\na.apk,p.md,x\nb.apk,p.md,x\n",
            "line 3: id 'x' already used on line 2",
        ),
    ],
)
def test_manifest_problems_name_the_line(
    tmp_path: Path, name: str, content: str, problem: str
) -> None:
    manifest = tmp_path / name
    manifest.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_manifest(manifest)
    assert raised.value.path == str(manifest)
    assert raised.value.problem.startswith(problem)


def test_an_unreadable_manifest(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_manifest(tmp_path / "missing.csv")
    with pytest.raises(InputError, match="is a folder"):
        read_manifest(tmp_path)
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"app,policy\n\xff\xfe\x00a.apk,p\n")
    with pytest.raises(InputError, match="not UTF-8"):
        read_manifest(binary)


def test_a_folder_of_apps(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    for name in ("b/z.APK", "a.xapk", "c.aab", "d.apks", "readme.md"):
        (tmp_path / name).write_bytes(b"")
    pairs = pairs_from_folder(tmp_path, "policy.md")
    assert [pair.id for pair in pairs] == ["a.xapk", "b/z.APK", "c.aab", "d.apks"]
    assert {pair.policy for pair in pairs} == {"policy.md"}
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match="no apps"):
        pairs_from_folder(empty, "p.md")
    with pytest.raises(InputError, match="no such folder"):
        pairs_from_folder(tmp_path / "missing", "p.md")
