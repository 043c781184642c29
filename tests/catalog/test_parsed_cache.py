"""The parsed-data cache of the catalog's YAML files (permaudit/catalog/parsed_cache.py)."""

from __future__ import annotations

import datetime
from importlib import resources
from pathlib import Path

import pytest

from permaudit.catalog import parsed_cache
from permaudit.catalog.parsed_cache import parse_yaml

DATA_FILES = sorted(
    entry.name
    for entry in resources.files("permaudit.catalog").iterdir()
    if entry.name.endswith(".yaml")
)


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path


def entries() -> list[Path]:
    folder = parsed_cache.directory()
    return sorted(folder.glob("*.json")) if folder.exists() else []


@pytest.mark.parametrize("name", DATA_FILES)
def test_every_data_file_comes_back_from_the_cache_as_parsed(name: str) -> None:
    text = resources.files("permaudit.catalog").joinpath(name).read_text(encoding="utf-8")
    parsed = parsed_cache._parse(text)
    assert parse_yaml(text) == parsed  # a miss: parsed and stored
    assert len(entries()) == 1
    assert parse_yaml(text) == parsed  # a hit


def test_a_hit_does_not_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "version: 1\nrows: [{name: a}, {name: b}]\n"
    parse_yaml(text)

    def refuse(_: str) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(parsed_cache, "_parse", refuse)
    assert parse_yaml(text) == {"version": 1, "rows": [{"name": "a"}, {"name": "b"}]}


def test_integer_keys_stay_integers() -> None:
    text = "int_arg: {position: 0, values: {21: TYPE_HEART_RATE, 31: TYPE_HEART_BEAT}}\n"
    parse_yaml(text)
    again = parse_yaml(text)
    assert again == {
        "int_arg": {"position": 0, "values": {21: "TYPE_HEART_RATE", 31: "TYPE_HEART_BEAT"}}
    }
    assert len(entries()) == 1


def test_an_edited_file_is_a_miss_and_replaces_its_old_entry() -> None:
    assert parse_yaml("level: normal\n", "levels") == {"level": "normal"}
    assert parse_yaml("rows: []\n", "levels_extra") == {"rows": []}
    assert parse_yaml("level: dangerous\n", "levels") == {"level": "dangerous"}
    # The edited file's old entry is gone; the other file's, whose name it prefixes, stays.
    assert [path.stem.rsplit("-", 1)[0] for path in entries()] == ["levels", "levels_extra"]
    assert parse_yaml("level: dangerous\n", "levels") == {"level": "dangerous"}


@pytest.mark.parametrize(
    ("text", "data"),
    [
        ("since: 2024-01-01\n", {"since": datetime.date(2024, 1, 1)}),
        ("{1: a, b: c}\n", {1: "a", "b": "c"}),
        ("ratio: .nan\n", None),
    ],
    ids=["date", "mixed keys", "nan"],
)
def test_what_json_cannot_hold_is_never_stored(text: str, data: object) -> None:
    first = parse_yaml(text)
    if data is not None:
        assert first == data
    assert entries() == []


def test_a_corrupt_entry_is_parsed_again_and_replaced() -> None:
    text = "version: 2\n"
    parse_yaml(text)
    [entry] = entries()
    entry.write_bytes(b'{"version": ')
    assert parse_yaml(text) == {"version": 2}
    assert entry.read_bytes() == b'{"version": 2}'


def test_an_unusable_cache_dir_is_no_error(
    _own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = _own_cache / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert parse_yaml("version: 3\n") == {"version": 3}
    assert parse_yaml("version: 3\n") == {"version": 3}
