"""The data files, parsed once per content rather than once per run.

PyYAML builds its Python objects in Python even with libyaml: parsing the tables an
`extract` reads (permissions, platform protection levels, the API and SDK tables) costs about
40 ms, and importing yaml 20 ms more, a tenth of the command. So the parsed data is kept as
JSON, which the standard library reads in C, in the user cache dir (platformdirs'
`permaudit/catalog` cache path, which honours XDG_CACHE_HOME): one file per data file and
SHA-256 of its YAML text, so an edited data file is a miss, never a stale hit, and its new
entry replaces the old one.

Only data JSON gives back unchanged is stored: mappings, lists, strings, numbers, booleans and
null, what these files hold (a mapping with integer keys, such as the sensor types of the API
table, is stored as its list of pairs under a marker key). Anything else is parsed on every
run. The parsed data still goes through each table's pydantic model, so a cache entry is held
to the same schema as the file. A cache that cannot be read or written is no error.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

# Part of every key: bump it when what an entry holds changes.
_FORMAT = "parsed-yaml-1"
# Marks a mapping with integer keys, stored as [[key, value], ...]; no data file has this key.
_INT_KEYS = "\u0000int-keys"


def directory() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path("permaudit", appauthor=False) / "catalog"


def parse_yaml(text: str, name: str = "data") -> Any:
    """The data of the YAML document `text`, from the cache when it has parsed this text.

    `name` (the data file's stem) prefixes the entry, so that storing a new version of a file
    removes the entries of its older ones: an upgrade or an edited file leaves no litter.
    """
    digest = hashlib.sha256((_FORMAT + chr(0) + text).encode()).hexdigest()
    entry = directory() / f"{name}-{digest}.json"
    try:
        return json.loads(entry.read_bytes(), object_hook=_decode_mapping)
    except (OSError, ValueError):
        pass  # not cached yet, or unreadable: parse the text
    data = _parse(text)
    if _store(entry, data):
        _remove_older(entry, name)
    return data


# A folder laid out like the package ("catalog/ontology.yaml", "policy/languages/en/
# lexicon.yaml") whose files are read instead of the shipped ones they stand for: a data change
# (a new data type, an edited lexicon) tried on an installed permaudit with no file of it
# edited, which is how the tests prove that such a change needs no code.
DATA_DIR_VARIABLE = "PERMAUDIT_DATA_DIR"


def data_override() -> Path | None:
    """The folder of data files read instead of the shipped ones, when one is set."""
    folder = os.environ.get(DATA_DIR_VARIABLE)
    return Path(folder) if folder else None


def parse_package_file(package: str, filename: str) -> Any:
    """The data of YAML file `filename` shipped inside `package` (the catalog's tables, each
    language's lexicon and cues), through the cache; the entry is named after both, so files
    of one name in two packages never evict each other. A file of that place in the
    data_override() folder is read instead."""
    text = _override_text(package, filename)
    if text is None:
        text = resources.files(package).joinpath(filename).read_text(encoding="utf-8")
    return parse_yaml(text, f"{package}.{filename.removesuffix('.yaml')}")


def _override_text(package: str, filename: str) -> str | None:
    folder = data_override()
    if folder is None:
        return None
    # "permaudit.policy.languages.en" → policy/languages/en
    place = folder.joinpath(*package.split(".")[1:], filename)
    try:
        return place.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


def _parse(text: str) -> Any:
    import yaml

    # A safe loader either way; libyaml's when PyYAML has it.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)


def _encode(value: Any) -> Any:
    """`value` with every mapping JSON can hold; TypeError for one it cannot."""
    if isinstance(value, dict):
        if all(type(key) is str for key in value):
            return {key: _encode(item) for key, item in value.items()}
        if all(type(key) is int for key in value):
            return {_INT_KEYS: [[key, _encode(item)] for key, item in value.items()]}
        raise TypeError("mapping with keys other than all strings or all integers")
    if isinstance(value, list):
        return [_encode(item) for item in value]
    return value


def _decode_mapping(mapping: dict[str, Any]) -> Any:
    if len(mapping) == 1 and _INT_KEYS in mapping:
        return {key: item for key, item in mapping[_INT_KEYS]}
    return mapping


def _store(entry: Path, data: Any) -> bool:
    """Write `data` to `entry`; whether it was stored."""
    try:
        encoded = json.dumps(_encode(data), ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        return False  # a date, a set, a NaN...: not JSON
    if json.loads(encoded, object_hook=_decode_mapping) != data:
        return False  # JSON would change it
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(encoded)
            # Atomic: a concurrent run reads the old state or the whole entry, never a part.
            os.replace(temporary, entry)
        except OSError:
            os.unlink(temporary)
            raise
    except OSError:
        return False
    return True


def _remove_older(entry: Path, name: str) -> None:
    """Delete the other entries of data file `name`. Two installed versions sharing one cache
    then evict each other's entry, which costs a parse, never a wrong answer."""
    for other in entry.parent.glob(f"{name}-*.json"):
        # The digest has a fixed length: a longer stem is another file's ("name-2-<digest>").
        if other != entry and len(other.stem) == len(entry.stem):
            # Gone already (another run), or a read-only cache: either way nothing to do.
            with contextlib.suppress(OSError):
                other.unlink()
