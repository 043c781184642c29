"""What a privacy policy discloses: the policy facts the analyzer produces (SPEC §2, §4)."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Literal

from pydantic import Field, model_validator

from permaudit.models.common import (
    SCHEMA_VERSION,
    Category,
    DataType,
    Frozen,
    Party,
    data_types_of,
)


class Status(StrEnum):
    EXPLICIT = "explicit"
    VAGUE = "vague"
    DENIED = "denied"
    ABSENT = "absent"


class Evidence(Frozen):
    """A quote from the policy. Offsets index the normalised text of the policy."""

    quote: str
    start: int
    end: int
    section: str | None = None
    # 1-based line of the quote in the policy file, for SARIF locations and editors; None when
    # the file has no lines to point at (PDF) or the quote cannot be found in it again.
    line: int | None = None


class Purpose(Frozen):
    id: str
    text: str


class Scope(Frozen):
    """How much of a category the policy admits to (location; background for health)."""

    precision: Literal["precise", "approximate", "unspecified"] = "unspecified"
    background: bool = False
    # The sentences that state the precision or background use, quoted by scope_exceeded.
    evidence: tuple[Evidence, ...] = ()


class DataTypeDisclosure(Frozen):
    """What the policy says of one datum (SPEC §1b): same statuses as a category."""

    status: Status = Status.ABSENT
    evidence: tuple[Evidence, ...] = ()


class CategoryDisclosure(Frozen):
    status: Status = Status.ABSENT
    purposes: tuple[Purpose, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    parties: tuple[Party, ...] = ()
    # Present for location (SPEC §4); also for health, where background collection matters.
    scope: Scope | None = None
    # SPEC §1b data types of this category; PolicyFacts fills every one its category has.
    data_types: dict[DataType, DataTypeDisclosure] = Field(default_factory=dict)


class PolicyFacts(Frozen):
    """Per-category disclosure of one policy. Serialises to SPEC §4 `policy` JSON."""

    schema_version: str = SCHEMA_VERSION
    source: str
    sha256: str | None = None
    # True when the facts come from a reviewed policy map rather than the analyzer.
    from_map: bool = False
    # A person checked the facts (a policy map with `reviewed: true`); never true for the
    # analyzer's own reading, nor for a map it wrote that nobody has reviewed yet.
    reviewed: bool = False
    # The URL the document was fetched from (after redirects), with `sha256` of the bytes
    # fetched; None for a local file or standard input, and then absent from the JSON.
    url: str | None = None
    # The language the policy was read in (SPEC §5): "en", "zh", ...
    language: str = "en"
    categories: dict[Category, CategoryDisclosure]

    @model_validator(mode="after")
    def _every_category_present(self) -> PolicyFacts:
        missing = [c.value for c in Category if c not in self.categories]
        if missing:
            raise ValueError(f"categories missing: {', '.join(missing)}")
        completed: dict[Category, CategoryDisclosure] = {}
        for category, disclosure in self.categories.items():
            foreign = [d.value for d in disclosure.data_types if d.category is not category]
            if foreign:
                raise ValueError(f"{category.value}: data types of another category: {foreign}")
            # Every data type of the category is present (absent where nothing names it), so
            # readers never need a default; copies, since one disclosure may serve two keys.
            filled = {
                data_type: disclosure.data_types.get(data_type, DataTypeDisclosure())
                for data_type in data_types_of(category)
            }
            completed[category] = (
                disclosure
                if filled == disclosure.data_types
                else disclosure.model_copy(update={"data_types": filled})
            )
        # A frozen model cannot be rebuilt from inside its own validator.
        object.__setattr__(self, "categories", completed)
        return self

    def to_json_dict(self) -> dict[str, Any]:
        """SPEC §4 `policy` JSON: every category key present, `scope` only where it applies."""
        data = self.model_dump(mode="json")
        if data["url"] is None:
            del data["url"]
        for disclosure in data["categories"].values():
            if disclosure["scope"] is None:
                del disclosure["scope"]
            elif not disclosure["scope"]["evidence"]:
                # The sentences stating a scope, when there are any (SPEC §4 names only
                # precision and background).
                del disclosure["scope"]["evidence"]
            if not disclosure["data_types"]:
                del disclosure["data_types"]
        return data

    def status(self, category: Category) -> Status:
        return self.categories[category].status

    def data_type_status(self, data_type: DataType) -> Status:
        return self.categories[data_type.category].data_types[data_type].status
