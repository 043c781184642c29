"""The README's DuckDB queries run on a real job's JSONL and say what the lines say."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.batch.batch_support import MIXED_PAIRS, by_id, write_csv
from tests.cli_support import ROOT, run_cli

duckdb = pytest.importorskip("duckdb", reason="duckdb comes with the test extra")

README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README.split("## Auditing many apps", 1)[1].split("\n## ", 1)[0]
QUERIES = re.findall(r"```sql\n(.*?)```", SECTION, flags=re.DOTALL)


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("readme")
    manifest = write_csv(folder / "pairs.csv", MIXED_PAIRS)
    output = folder / "results.jsonl"
    run_cli("batch", manifest, "-o", output, "-j", "2", "-q")
    return output


def _run(query: str, results: Path) -> list[tuple[object, ...]]:
    assert "'results.jsonl'" in query
    return duckdb.sql(query.replace("'results.jsonl'", f"'{results}'")).fetchall()


def test_the_readme_has_the_three_queries() -> None:
    assert len(QUERIES) == 3


def test_worst_apps_query(results: Path) -> None:
    lines = by_id(results)
    expected = sorted(
        (
            (line["id"], line["summary"]["error"], line["summary"]["warning"])
            for line in lines.values()
            if line["status"] == "ok"
        ),
        key=lambda row: (-row[1], -row[2], row[0]),
    )[:10]
    assert _run(QUERIES[0], results) == expected


def test_undisclosed_categories_query(results: Path) -> None:
    apps: dict[str, set[str]] = {}
    for line in by_id(results).values():
        for finding in line["findings"]:
            if finding["rule"] == "undisclosed":
                apps.setdefault(finding["category"], set()).add(line["id"])
    expected = sorted(((c, len(ids)) for c, ids in apps.items()), key=lambda r: (-r[1], r[0]))
    assert expected and _run(QUERIES[1], results) == expected


def test_errors_query(results: Path) -> None:
    expected = sorted(
        (line["id"], line["error"]) for line in by_id(results).values() if line["error"]
    )
    assert len(expected) == 3 and _run(QUERIES[2], results) == expected
