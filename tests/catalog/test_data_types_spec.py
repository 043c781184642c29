"""SPEC §1b and §3 pin the data types: their ids, order and categories, and which ones are an
error when code reads them undisclosed. The ontology (the one source the code reads) must say
the same."""

from __future__ import annotations

import re

import pytest

from permaudit.models import all_data_types
from tests.shared_data import SHARED

SPEC = SHARED / "SPEC.md"
needs_spec = pytest.mark.skipif(
    not SPEC.exists(), reason="needs ../shared/SPEC.md beside the checkout, and it is not there"
)


def _section(text: str, heading: str) -> str:
    start = text.index(heading)
    end = text.find("\n## ", start + len(heading))
    return text[start : end if end >= 0 else None]


def _spec_data_types() -> list[tuple[str, str]]:
    """(category, data type id) of each row of the §1b table, in its order."""
    section = _section(SPEC.read_text(encoding="utf-8"), "### 1b. Data types")
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    cells = [[cell.strip() for cell in row.strip("|").split("|")] for row in rows]
    header, body = cells[0], cells[1:]
    assert header[:2] == ["category", "data type id"]
    return [(row[0], row[1]) for row in body]


def _spec_error_data_types() -> set[str]:
    """The data types §3 makes an error for data_type_undisclosed."""
    section = _section(SPEC.read_text(encoding="utf-8"), "## 3. Findings")
    row = next(line for line in section.splitlines() if line.startswith("| data_type_undisclosed"))
    found = re.search(r"error for ([a-z_, ]+); warning for the others", row)
    assert found is not None, row
    return {name.strip() for name in found.group(1).split(",")}


@needs_spec
def test_the_ontology_holds_the_data_types_of_spec_1b_in_its_order() -> None:
    assert [(d.category.value, d.value) for d in all_data_types()] == _spec_data_types()


@needs_spec
def test_the_ontology_gives_each_data_type_its_spec_3_severity() -> None:
    errors = _spec_error_data_types()
    assert errors <= {d.value for d in all_data_types()}
    for data_type in all_data_types():
        assert data_type.severity == ("error" if data_type.value in errors else "warning")
