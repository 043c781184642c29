"""The same job on a real Dask cluster gives the same lines as one local worker."""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.batch.batch_support import MIXED_PAIRS, by_id, write_csv
from tests.cli_support import ROOT, run_cli

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The mixed job with -j1: (manifest, output)."""
    folder = tmp_path_factory.mktemp("dask")
    manifest = write_csv(folder / "pairs.csv", MIXED_PAIRS)
    output = folder / "j1.jsonl"
    assert run_cli("batch", manifest, "-o", output, "-j", "1", "-q").exit_code == 1
    return manifest, output


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A LocalCluster of two worker processes, as a scheduler elsewhere would be."""
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        silence_logs=logging.ERROR,
    ) as local:
        yield local.scheduler_address


def test_an_existing_cluster_gives_the_lines_of_j1(
    reference: tuple[Path, Path], cluster: str, tmp_path: Path
) -> None:
    manifest, j1 = reference
    output = tmp_path / "dask.jsonl"
    result = run_cli("batch", manifest, "-o", output, "--dask", cluster)
    assert result.exit_code == 1, result.output
    assert by_id(output) == by_id(j1)
    assert "2 workers" in result.stderr


def test_dask_local_gives_the_lines_of_j1(reference: tuple[Path, Path], tmp_path: Path) -> None:
    manifest, j1 = reference
    output = tmp_path / "local.jsonl"
    result = run_cli("batch", manifest, "-o", output, "--dask", "local", "-j", "2", "-q")
    assert result.exit_code == 1, result.output
    assert by_id(output) == by_id(j1)


def test_resume_on_dask_runs_only_what_is_left(
    reference: tuple[Path, Path], cluster: str, tmp_path: Path
) -> None:
    manifest, j1 = reference
    output = tmp_path / "resumed.jsonl"
    output.write_text("".join(j1.read_text(encoding="utf-8").splitlines(keepends=True)[:4]))
    result = run_cli("batch", manifest, "-o", output, "--dask", cluster, "--resume")
    assert result.exit_code == 1, result.output
    assert f"{len(MIXED_PAIRS) - 4} pairs in" in result.stderr
    assert by_id(output) == by_id(j1)


def test_an_unreachable_scheduler_is_one_line_and_exit_2(tmp_path: Path) -> None:
    manifest = write_csv(tmp_path / "pairs.csv", MIXED_PAIRS[:1])
    # A port on this machine with nothing listening.
    address = "tcp://127.0.0.1:9"
    result = run_cli("batch", manifest, "-o", tmp_path / "r.jsonl", "--dask", address)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"permaudit: error: {address}: cannot reach")


def test_without_the_extra_dask_is_one_line_and_exit_2(tmp_path: Path) -> None:
    manifest = write_csv(tmp_path / "pairs.csv", MIXED_PAIRS[:1])
    # A Python where `distributed` cannot be imported, as without `permaudit[dask]`.
    code = (
        "import sys; sys.modules['distributed'] = None\n"
        "from permaudit.cli import main\n"
        "main(sys.argv[1:])\n"
    )
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            code,
            "batch",
            str(manifest),
            "-o",
            str(tmp_path / "r.jsonl"),
            "--dask",
            "local",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == (
        "permaudit: error: --dask: needs the optional Dask extra: pip install 'permaudit[dask]'\n"
    )
    assert not (tmp_path / "r.jsonl").exists()
