"""`permaudit batch` end to end: real apps, real policies, real worker processes."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from permaudit.api import audit_pair
from permaudit.batch import BatchOptions, read_manifest, run_batch
from permaudit.batch.output import ResultWriter
from permaudit.errors import InputError
from tests.batch.batch_support import (
    BAD_IDS,
    DEMO_MD,
    DEMO_TXT,
    LINE_KEYS,
    MIXED_PAIRS,
    TAMPERED,
    by_id,
    lines_of,
    write_csv,
)
from tests.cli_support import APKS, assert_error_line, run_cli
from tests.hostile_support import write_zip_with_raw_entry, zeros_deflated


@pytest.fixture(scope="module")
def mixed_job(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, int]:
    """One -j2 run over the mixed pairs: (manifest, output, exit code)."""
    folder = tmp_path_factory.mktemp("mixed")
    manifest = write_csv(folder / "pairs.csv", MIXED_PAIRS)
    output = folder / "results.jsonl"
    result = run_cli("batch", manifest, "-o", output, "-j", "2")
    return manifest, output, result.exit_code


def test_every_pair_has_one_line_of_the_spec_shape(mixed_job: tuple[Path, Path, int]) -> None:
    _, output, _ = mixed_job
    lines = by_id(output)
    assert set(lines) == {pair_id for pair_id, _, _ in MIXED_PAIRS}
    for line in lines.values():
        assert set(line) == LINE_KEYS
        assert line["schema_version"] == "1"


def test_an_ok_line_holds_what_audit_pair_reports(mixed_job: tuple[Path, Path, int]) -> None:
    _, output, _ = mixed_job
    lines = by_id(output)
    for pair_id, app, policy in MIXED_PAIRS:
        if pair_id in BAD_IDS:
            continue
        line = lines[pair_id]
        assert line["status"] == "ok" and line["error"] is None, line["error"]
        assert line["app"] == str(app) and line["policy"] == str(policy)
        report = audit_pair(app, policy).to_json_dict()
        assert line["summary"] == report["summary"]
        assert line["findings"] == report["findings"]
        assert line["findings"], f"{pair_id}: fixture apps all have findings"


def test_bad_pairs_are_error_lines_with_one_line_messages(
    mixed_job: tuple[Path, Path, int],
) -> None:
    _, output, _ = mixed_job
    lines = by_id(output)
    expected = {
        "not-an-apk": f"{DEMO_MD}: not a zip archive",
        "missing-app": f"{APKS / 'no-such.apk'}: no such file",
        "missing-policy": "no-such-policy.txt: no such file",
    }
    for pair_id, message in expected.items():
        line = lines[pair_id]
        assert line["status"] == "error"
        assert message in line["error"]
        assert "\n" not in line["error"] and "Traceback" not in line["error"]
        assert line["summary"] is None and line["findings"] == []


def test_exit_code_follows_fail_on(mixed_job: tuple[Path, Path, int], tmp_path: Path) -> None:
    manifest, _, exit_code = mixed_job
    assert exit_code == 1
    result = run_cli("batch", manifest, "-o", tmp_path / "r.jsonl", "--fail-on", "none", "-q")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""


def test_terminal_summary_counts_rules_categories_and_worst_apps(tmp_path: Path) -> None:
    manifest = write_csv(tmp_path / "pairs.csv", MIXED_PAIRS)
    result = run_cli("batch", manifest, "-o", tmp_path / "r.jsonl", "-j", "2")
    lines = by_id(tmp_path / "r.jsonl")
    undisclosed = sum(
        1 for line in lines.values() for f in line["findings"] if f["rule"] == "undisclosed"
    )
    out = result.stdout
    assert f"{len(MIXED_PAIRS)} pairs: 6 audited, 3 could not be audited" in out
    assert "Findings by rule" in out and "Findings by category" in out
    assert "Worst apps" in out and "Could not be audited" in out
    row = next(r for r in out.splitlines() if "│ undisclosed " in r)
    cells = [c.strip() for c in row.split("│") if c.strip()]
    assert sum(int(n) for n in cells[1:4]) == undisclosed
    # Progress and the job's figures go to stderr, never into the summary.
    assert "pairs/s" in result.stderr and "pairs/s" not in out


def test_summary_files_csv_and_html(mixed_job: tuple[Path, Path, int], tmp_path: Path) -> None:
    manifest, output, _ = mixed_job
    lines = by_id(output)
    csv_path, html_path = tmp_path / "summary.csv", tmp_path / "summary.html"
    for path in (csv_path, html_path):
        result = run_cli("batch", manifest, "-o", output, "--resume", "--summary", path, "-q")
        assert result.exit_code == 1, result.output
    rows = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8"))))
    assert {row["id"] for row in rows} == set(lines)
    for row in rows:
        line = lines[row["id"]]
        assert row["status"] == line["status"]
        assert row["error"] == (line["error"] or "")
        if line["status"] == "ok":
            assert int(row["errors"]) == line["summary"]["error"]
            assert int(row["warnings"]) == line["summary"]["warning"]
            assert int(row["failing"]) == line["summary"]["failing"]
            undisclosed = sum(1 for f in line["findings"] if f["rule"] == "undisclosed")
            assert int(row["undisclosed"]) == undisclosed
    page = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
    headings = [h.get_text() for h in page.find_all("h2")]
    assert headings[:3] == ["Findings by rule", "Findings by category", "Worst apps"]
    assert "Could not be audited" in headings
    assert len(page.find_all("table")[-1].find_all("tr")) == len(lines) + 1


def test_a_summary_of_another_format_is_refused_before_the_job(tmp_path: Path) -> None:
    manifest = write_csv(tmp_path / "pairs.csv", MIXED_PAIRS[:1])
    result = run_cli("batch", manifest, "-o", tmp_path / "r.jsonl", "--summary", tmp_path / "s.pdf")
    assert_error_line(result, tmp_path / "s.pdf", "summary must be a .csv or .html file")
    assert not (tmp_path / "r.jsonl").exists()


def test_each_distinct_policy_is_analysed_once_by_content(tmp_path: Path) -> None:
    copy = tmp_path / "same-text-elsewhere.md"
    copy.write_bytes(DEMO_MD.read_bytes())
    pairs = [
        ("a", APKS / "ipcam.apk", DEMO_MD),
        ("b", APKS / "watch.apk", DEMO_MD),
        ("c", APKS / "minimal.apk", copy),
        ("d", APKS / "ipcam.apk", DEMO_TXT),
    ]
    manifest = write_csv(tmp_path / "pairs.csv", pairs)
    result = run_batch(
        read_manifest(manifest), BatchOptions(output=tmp_path / "r.jsonl", workers=2)
    )
    assert result.policies == 2
    assert (result.audited, result.errors) == (4, 0)
    assert len(result.peak_rss_kib) <= 2
    lines = by_id(tmp_path / "r.jsonl")
    assert (
        lines["c"]["findings"] == audit_pair(APKS / "minimal.apk", copy).to_json_dict()["findings"]
    )


def test_resume_after_a_crash_finishes_without_redoing_or_duplicating(tmp_path: Path) -> None:
    manifest = write_csv(tmp_path / "pairs.csv", MIXED_PAIRS)
    complete = tmp_path / "complete.jsonl"
    assert run_cli("batch", manifest, "-o", complete, "-q").exit_code == 1
    finished = complete.read_text(encoding="utf-8").splitlines(keepends=True)
    # A job killed while writing its third line: two whole lines and half of one.
    interrupted = tmp_path / "interrupted.jsonl"
    interrupted.write_text("".join(finished[:2]) + finished[2][:40], encoding="utf-8")

    result = run_cli("batch", manifest, "-o", interrupted, "--resume")
    assert result.exit_code == 1, result.output
    assert f"{len(MIXED_PAIRS) - 2} pairs in" in result.stderr
    text = interrupted.read_text(encoding="utf-8")
    assert text.startswith("".join(finished[:2]))
    resumed = by_id(interrupted)
    assert resumed == by_id(complete)

    again = run_cli("batch", manifest, "-o", interrupted, "--resume", "-q")
    assert again.exit_code == 1
    assert interrupted.read_text(encoding="utf-8") == text


def test_an_existing_output_needs_resume(mixed_job: tuple[Path, Path, int]) -> None:
    manifest, output, _ = mixed_job
    before = output.read_bytes()
    result = run_cli("batch", manifest, "-o", output)
    assert_error_line(result, output, "already exists: pass --resume")
    assert output.read_bytes() == before


def test_two_jobs_cannot_append_to_one_output(tmp_path: Path) -> None:
    output = tmp_path / "r.jsonl"
    first = ResultWriter(output, resume=False)
    try:
        with pytest.raises(InputError, match="another permaudit batch is writing it"):
            ResultWriter(output, resume=True)
    finally:
        first.close()


def test_apps_folder_with_one_policy(tmp_path: Path) -> None:
    folder = tmp_path / "apks"
    (folder / "vendor").mkdir(parents=True)
    for name in ("ipcam.apk", "watch.apks"):
        (folder / "vendor" / name).write_bytes((APKS / name).read_bytes())
    (folder / "notes.txt").write_text("not an app", encoding="utf-8")
    output = tmp_path / "r.jsonl"
    result = run_cli("batch", "--apps", folder, "--policy", DEMO_MD, "-o", output, "-q")
    assert result.exit_code == 1, result.output
    lines = by_id(output)
    assert set(lines) == {"vendor/ipcam.apk", "vendor/watch.apks"}
    assert all(line["status"] == "ok" for line in lines.values())
    assert all(line["policy"] == str(DEMO_MD) for line in lines.values())


def test_a_pair_past_the_time_limit_is_an_error_line(tmp_path: Path) -> None:
    # Three megabytes of policy take seconds to analyse: past a one-second limit.
    slow = tmp_path / "huge_policy.txt"
    text = DEMO_TXT.read_text(encoding="utf-8") + "\n\n"
    slow.write_text(text * (3_000_000 // len(text)), encoding="utf-8")
    pairs = [("slow", APKS / "ipcam.apk", slow), ("fast", APKS / "ipcam.apk", DEMO_MD)]
    manifest = write_csv(tmp_path / "pairs.csv", pairs)
    output = tmp_path / "r.jsonl"
    result = run_cli("batch", manifest, "-o", output, "--timeout", "1", "-j", "2", "-q")
    assert result.exit_code == 1, result.output
    lines = by_id(output)
    assert lines["slow"]["status"] == "error"
    assert lines["slow"]["error"] == f"{slow}: timed out after 1 s"
    assert lines["fast"]["status"] == "ok"


def test_hostile_apks_never_take_the_job_down(tmp_path: Path) -> None:
    apps = sorted(TAMPERED.glob("*.apk"))
    # Zip bombs built without inflating them here: 1 GiB of zeros in 1 MiB, sizes that lie.
    bomb = write_zip_with_raw_entry(
        tmp_path / "bomb.apk", [], "AndroidManifest.xml", zeros_deflated(1024), 2048
    )
    with zipfile.ZipFile(APKS / "ipcam.apk") as archive:
        entries = [(n, archive.read(n)) for n in archive.namelist() if n != "classes.dex"]
    dex_bomb = write_zip_with_raw_entry(
        tmp_path / "dex-bomb.apk", entries, "classes.dex", zeros_deflated(1024), 4096
    )
    truncated = tmp_path / "truncated.apk"
    truncated.write_bytes((APKS / "ipcam.apk").read_bytes()[:3000])
    apps += [bomb, dex_bomb, truncated]
    pairs = [(app.name, app, DEMO_MD) for app in apps]
    manifest = write_csv(tmp_path / "pairs.csv", pairs)
    output = tmp_path / "r.jsonl"
    result = run_cli("batch", manifest, "-o", output, "-j", "2", "--fail-on", "none", "-q")
    assert result.exit_code == 0, result.output
    lines = by_id(output)
    assert set(lines) == {app.name for app in apps}
    for line in lines.values():
        assert line["status"] in {"ok", "error"}
        if line["status"] == "error":
            assert line["error"].startswith(line["app"] + ": "), line["error"]
    for bad in ("bomb.apk", "truncated.apk"):
        assert lines[bad]["status"] == "error", bad
    # Its manifest is fine: audited without code evidence (the reader skips the bomb).
    assert lines["dex-bomb.apk"]["status"] == "ok"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("policy,id\nx.txt,1\n", "manifest has no `app` column"),
        ("app,policy\n", "manifest lists no pairs"),
        (
            '{"app": "a.apk", "policy": "p.txt"}\n{"app": "a.apk", "policy": "q.txt"}\n',
            "line 2: id 'a.apk' already used on line 1",
        ),
    ],
)
def test_a_bad_manifest_is_one_line_and_exit_2(tmp_path: Path, content: str, problem: str) -> None:
    suffix = ".jsonl" if content.startswith("{") else ".csv"
    manifest = tmp_path / f"pairs{suffix}"
    manifest.write_text(content, encoding="utf-8")
    result = run_cli("batch", manifest, "-o", tmp_path / "r.jsonl")
    assert_error_line(result, manifest, problem)
    assert not (tmp_path / "r.jsonl").exists()


def test_unwritable_output_is_one_line_and_exit_2(tmp_path: Path) -> None:
    manifest = write_csv(tmp_path / "pairs.csv", MIXED_PAIRS[:1])
    under_a_file = manifest / "r.jsonl"
    result = run_cli("batch", manifest, "-o", under_a_file)
    assert_error_line(result, under_a_file, "is not a directory")
    assert_error_line(run_cli("batch", manifest, "-o", manifest), manifest, "an input")
    # The lines and the summary in one file: the summary would overwrite the lines.
    both = tmp_path / "results.csv"
    result = run_cli("batch", manifest, "-o", both, "--summary", both)
    assert_error_line(result, both, "cannot write output: also the path of")
    assert not both.exists()


def test_missing_output_folders_are_created(tmp_path: Path) -> None:
    manifest = write_csv(tmp_path / "pairs.csv", MIXED_PAIRS[:1])
    output = tmp_path / "reports" / "batch" / "r.jsonl"
    summary = tmp_path / "reports" / "html" / "summary.html"
    result = run_cli("batch", manifest, "-o", output, "--summary", summary, "-q")
    assert result.exit_code == 1, result.output
    assert len(lines_of(output)) == 1 and summary.is_file()


def test_jsonl_output_lines_are_plain_json(mixed_job: tuple[Path, Path, int]) -> None:
    _, output, _ = mixed_job
    for raw in output.read_text(encoding="utf-8").splitlines():
        assert json.loads(raw)["id"]
    assert len(lines_of(output)) == len(MIXED_PAIRS)
