"""The gold's purposes come from the gold files as policy_eval already loaded them: one read."""

from __future__ import annotations

from pathlib import Path

import yaml

from benchmarks.gold_check import gold_purposes, load_folder


def _write(folder: Path, stem: str, categories: dict[str, object]) -> None:
    text = yaml.safe_dump({"categories": categories}, sort_keys=False)
    (folder / f"{stem}.yaml").write_text(text, encoding="utf-8")


def test_purposes_of_the_loaded_files_in_file_order(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "b_policy",
        {
            "location": {"status": "explicit", "purposes": [{"id": "maps"}, {"id": "ads"}]},
            "camera": {"status": "vague", "purposes": None},
            # not disclosed: its purposes are no gold purposes
            "contacts": {"status": "denied", "purposes": [{"id": "social"}]},
        },
    )
    _write(tmp_path, "a_policy", {"microphone": {"status": "absent"}})
    documents = load_folder(tmp_path)
    assert [stem for stem, _ in documents] == ["a_policy", "b_policy"]
    # Reads what it is given, nothing from disk.
    for path in tmp_path.iterdir():
        path.unlink()
    assert gold_purposes(data for _, data in documents) == [
        {},
        {"location": {"maps", "ads"}, "camera": set()},
    ]
