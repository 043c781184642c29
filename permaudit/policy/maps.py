"""Policy maps: the analysis of a policy as reviewable YAML (policy_maps/*.yaml).

`permaudit policy POLICY --write-map FILE` writes one with `reviewed: false`; a person reads
the policy, corrects statuses/purposes/evidence, writes why in `note`, and sets
`reviewed: true`. Wherever a policy is accepted, a map is accepted too: `load_policy` takes a
file as a map by its suffix (.yaml, .yml) or its content (a YAML mapping with `map_version`),
and then requires `map_version`, `source` and `categories`.

Schema (version 2; version 1 maps, which have no data types, still load):

    map_version: 2
    source: privacy.txt          # the policy file the map describes
    sha256: 3f2a...              # of that file's text, to notice when the policy changes
    reviewed: false
    categories:                  # every category of SPEC §1; a missing one means absent
      location:
        status: explicit         # explicit | vague | denied | absent
        purposes: [{id: wifi_provisioning, text: "..."}]
        evidence: [{quote: "...", start: 10, end: 90, section: "...", line: 3}]
        parties: [first_party]
        scope: {precision: unspecified, background: false}
        note: "why the reviewer decided so"
      device_id:
        status: explicit
        data_types:              # SPEC §1b, categories that have them; a missing one is absent
          imei: {status: explicit, evidence: [...], note: "..."}
          android_id: {status: vague, note: "only 'device identifiers' covers it"}

A data type the map leaves out is absent. A version 1 map says nothing at data-type level:
every data type of a disclosed category is then unknown to the audit, not undisclosed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import Field, ValidationError

from permaudit.errors import InputError
from permaudit.models import (
    Category,
    CategoryDisclosure,
    DataType,
    DataTypeDisclosure,
    Frozen,
    PolicyFacts,
    Scope,
    Status,
)
from permaudit.outputs import write_output_file

MAP_VERSION = 2
_MAP_KEYS = ("map_version", "source", "categories")
_MAP_SUFFIXES = frozenset({".yaml", ".yml"})
# A map is small; anything much larger is not one, and must not be parsed as YAML at length.
_MAX_MAP_BYTES = 2_000_000


class MapDataType(DataTypeDisclosure):
    """A data type's disclosure as the reviewer settled it, and why."""

    note: str | None = None


class MapCategory(CategoryDisclosure):
    """A category's disclosure as the reviewer settled it, and why."""

    data_types: dict[DataType, MapDataType] = Field(default_factory=dict)  # type: ignore[assignment]
    note: str | None = None


class PolicyMap(Frozen):
    map_version: int = Field(MAP_VERSION, ge=1, le=MAP_VERSION)
    source: str
    sha256: str | None = None
    reviewed: bool = False
    categories: dict[Category, MapCategory] = Field(default_factory=dict)

    def to_facts(self, path: str) -> PolicyFacts:
        categories: dict[Category, CategoryDisclosure] = {}
        for category in Category:
            fields = dict(self.categories.get(category, MapCategory()))
            del fields["note"]
            if fields["scope"] is None and category is Category.LOCATION:
                fields["scope"] = Scope()
            fields["data_types"] = {
                data_type: DataTypeDisclosure(status=said.status, evidence=said.evidence)
                for data_type, said in fields["data_types"].items()
            }
            categories[category] = CategoryDisclosure(**fields)
        return PolicyFacts(
            source=path,
            sha256=self.sha256,
            from_map=True,
            reviewed=self.reviewed,
            categories=categories,
        )


def map_from_facts(
    facts: PolicyFacts, *, notes: dict[Category, str] | None = None, reviewed: bool = False
) -> PolicyMap:
    notes = notes or {}
    categories: dict[Category, MapCategory] = {}
    for category, disclosure in facts.categories.items():
        fields = dict(disclosure)
        fields["data_types"] = {
            data_type: MapDataType(status=said.status, evidence=said.evidence)
            for data_type, said in disclosure.data_types.items()
        }
        categories[category] = MapCategory(**fields, note=notes.get(category))
    return PolicyMap(
        source=Path(facts.source).name,
        sha256=facts.sha256,
        reviewed=reviewed,
        categories=categories,
    )


class _MapDumper(yaml.SafeDumper):
    """Block style, long quotes wrapped, keys in schema order."""


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_MapDumper.add_representer(str, _str_representer)


def render_map(policy_map: PolicyMap) -> str:
    data = policy_map.model_dump(mode="json", exclude_none=True)
    for category in data["categories"].values():
        # Absent is the default: a map lists the data types a reviewer has something to say of.
        data_types = {
            name: said
            for name, said in category.pop("data_types").items()
            if said["status"] != Status.ABSENT.value or said["evidence"] or "note" in said
        }
        if data_types:
            category["data_types"] = data_types
        scope = category.get("scope")
        if scope is not None and not scope["evidence"]:
            del scope["evidence"]
    header = (
        "# permaudit policy map: correct statuses/purposes/evidence against the policy, say why\n"
        "# in `note`, then set `reviewed: true`. Schema: permaudit/policy/maps.py.\n"
    )
    body = yaml.dump(data, Dumper=_MapDumper, sort_keys=False, allow_unicode=True, width=100)
    return header + body


def check_map_target(path: Path, *, force: bool) -> None:
    """Refuse, before any work, to overwrite what a person wrote: a reviewed map, or a file
    that is no policy map at all. An unreviewed map is the analyzer's output: replaced."""
    if force or not path.is_file():
        return
    try:
        with path.open("rb") as handle:
            head = handle.read(_MAX_MAP_BYTES + 1)
    except OSError as error:
        problem = f"cannot read the existing file: {error.strerror or error}"
        raise InputError(path, problem) from None
    try:
        facts = map_facts_if_map(path, head) if head.strip() else None
    except InputError:
        facts = None
    if facts is None:
        if head.strip():
            raise InputError(path, "exists and is not a policy map; --force replaces it")
        return
    if facts.reviewed:
        raise InputError(
            path,
            "is a reviewed policy map (reviewed: true); writing would discard the reviewer's "
            "corrections; --force replaces it",
        )


def write_map(policy_map: PolicyMap, path: Path) -> None:
    write_output_file(path, render_map(policy_map), "policy map")


def _location(error: dict[str, Any]) -> str:
    return ".".join(str(part) for part in error["loc"]) or "(top level)"


def parse_map(data: dict[str, Any], path: Path | str) -> PolicyMap:
    try:
        return PolicyMap.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        raise InputError(
            path, f"invalid policy map: {_location(dict(first))}: {first['msg']}"
        ) from None


def map_facts_if_map(path: Path | str, head: bytes) -> PolicyFacts | None:
    """Facts of the file's bytes when they are a policy map; None when they are a document.

    A `.yaml`/`.yml` file, or a YAML mapping with a top-level `map_version`, is meant as a map:
    when it is not a valid one, that is an error naming what is wrong, never a fallback to
    analysing the YAML as if it were the policy's prose.
    """
    from permaudit.policy.loader import document_suffix

    meant_as_map = document_suffix(path) in _MAP_SUFFIXES
    if not meant_as_map and (len(head) > _MAX_MAP_BYTES or b"map_version" not in head[:4096]):
        return None
    if not head.strip():
        return None  # the document loader says "empty file" / "whitespace only"
    if len(head) > _MAX_MAP_BYTES:
        raise InputError(path, f"invalid policy map: larger than {_MAX_MAP_BYTES} bytes")
    try:
        data = yaml.safe_load(head.decode("utf-8-sig"))
    except UnicodeDecodeError:
        if meant_as_map:
            raise InputError(path, "invalid policy map: not UTF-8 text") from None
        return None
    except yaml.YAMLError as error:
        if meant_as_map:
            problem = _yaml_problem(error)
            raise InputError(path, f"invalid policy map: not valid YAML ({problem})") from None
        return None
    if not isinstance(data, dict):
        if meant_as_map:
            raise InputError(
                path,
                "invalid policy map: expected a mapping with map_version, source and "
                f"categories, found {_yaml_kind(data)}",
            )
        return None
    if "map_version" not in data and not meant_as_map:
        return None
    missing = [key for key in _MAP_KEYS if key not in data]
    if missing:
        raise InputError(path, f"invalid policy map: {missing[0]}: Field required")
    return parse_map(data, path).to_facts(str(path))


def _yaml_problem(error: yaml.YAMLError) -> str:
    """PyYAML's message is several lines with a caret diagram; keep the gist and the line."""
    problem = getattr(error, "problem", None) or type(error).__name__
    mark = getattr(error, "problem_mark", None)
    return f"{problem}, line {mark.line + 1}" if mark is not None else str(problem)


def _yaml_kind(data: object) -> str:
    if isinstance(data, list):
        return "a list"
    return f"a {type(data).__name__} value"
