"""`permaudit policy` through click's runner: formats, maps, and errors."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from click.testing import CliRunner

from permaudit.cli import main
from permaudit.models import Category
from tests.shared_data import SEEDS, needs_seeds

SEED = SEEDS / "smartmi.txt"


@needs_seeds
def test_json_has_every_category_and_location_scope() -> None:
    result = CliRunner().invoke(main, ["policy", str(SEED), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data["categories"]) == {c.value for c in Category}
    assert data["categories"]["location"]["status"] == "explicit"
    assert data["categories"]["location"]["scope"]["precision"] == "approximate"
    assert "scope" not in data["categories"]["camera"]
    evidence = data["categories"]["device_id"]["evidence"][0]
    assert {"quote", "start", "end", "section"} <= set(evidence)


@needs_seeds
def test_table_lists_categories() -> None:
    result = CliRunner().invoke(main, ["policy", str(SEED)])
    assert result.exit_code == 0
    assert "device_id" in result.output and "explicit (approximate)" in result.output


@needs_seeds
def test_write_map_then_read_it_back(tmp_path: Path) -> None:
    map_path = tmp_path / "maps" / "smartmi.yaml"
    runner = CliRunner()
    result = runner.invoke(main, ["policy", str(SEED), "--write-map", str(map_path)])
    assert result.exit_code == 0
    data = yaml.safe_load(map_path.read_text(encoding="utf-8"))
    assert data["reviewed"] is False and data["source"] == "smartmi.txt"
    again = runner.invoke(main, ["policy", str(map_path), "--format", "json"])
    assert again.exit_code == 0
    assert json.loads(again.output)["from_map"] is True


def test_invalid_map_names_the_field(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "map_version: 1\nsource: x.txt\ncategories:\n  location:\n    status: maybe\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["policy", str(bad)])
    assert result.exit_code == 2
    assert "categories.location.status" in result.output


def test_empty_and_binary_policies_exit_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    for path in (empty, binary, tmp_path / "missing.txt"):
        result = CliRunner().invoke(main, ["policy", str(path)])
        assert result.exit_code == 2
        assert "Traceback" not in result.output


def test_table_shows_brackets_of_the_policy_text_as_written(tmp_path: Path) -> None:
    # Policy text is untrusted: rich must not read "[/b]" or ":camera:" as markup or emoji.
    policy = tmp_path / "policy.txt"
    policy.write_text(
        "Privacy Policy\n\nWe use your camera [/b] :camera: to scan the QR code.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["policy", str(policy)])
    assert result.exit_code == 0, result.output
    assert "camera [/b] :camera: to scan" in result.output
