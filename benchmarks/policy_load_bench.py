"""Load time and peak memory of load_policy_text, per input, each in a fresh process.

    python benchmarks/policy_load_bench.py

Cases: each seed policy (../shared/seeds), the demo fixtures in every format, a 50 MB plain
text built from the seeds (with the default limits, which refuse it, and with the character
limit lifted, which loads it), and an HTML page just under the 16 MiB markup limit.
Peak RSS is the process high-water mark minus the RSS after imports, so it is what loading
costs; wall time excludes interpreter start and imports.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / ".." / "shared" / "seeds"
FIXTURES = ROOT / "tests" / "fixtures" / "policies"
MiB = 1024 * 1024


def _rss_mib() -> float:
    # ru_maxrss is in KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(path: str, unlimited: bool) -> None:
    sys.path.insert(0, str(ROOT))
    # The loader imports pypdf and lxml on first use; import them here so that the figures
    # are the cost of loading, not of importing.
    import permaudit.policy._load_html
    import permaudit.policy._load_pdf  # noqa: F401
    from permaudit.errors import InputError
    from permaudit.policy.loader import load_policy_text

    baseline = _rss_mib()
    started = time.perf_counter()
    try:
        if unlimited:
            policy = load_policy_text(Path(path), max_chars=None)
        else:
            policy = load_policy_text(Path(path))
        outcome = f"{policy.format}/{policy.encoding}, {len(policy.text):,} chars"
    except InputError as error:
        outcome = f"refused: {error.problem}"
    elapsed = time.perf_counter() - started
    print(json.dumps({"seconds": elapsed, "peak_mib": _rss_mib() - baseline, "outcome": outcome}))


def _measure(path: Path, *, unlimited: bool = False) -> dict[str, object]:
    command = [sys.executable, __file__, "--child", str(path)]
    if unlimited:
        command.append("--unlimited")
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    measured: dict[str, object] = json.loads(result.stdout)
    return measured


def _build_large_inputs(directory: Path) -> list[tuple[str, Path, bool]]:
    seed_text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    big_text = directory / "policy-50mb.txt"
    with big_text.open("w", encoding="utf-8") as handle:
        written = 0
        while written < 50 * 1000 * 1000:
            handle.write(seed_text)
            written += len(seed_text.encode("utf-8"))
    paragraphs = "".join(f"<p>{block}</p>\n" for block in seed_text.split("\n\n") if block)
    page = directory / "policy-15mb.html"
    repeats = int(15 * MiB / len(paragraphs.encode("utf-8")))
    page.write_text(
        "<!doctype html><html><head><script>var x = 1;</script></head><body>"
        + paragraphs * repeats
        + "</body></html>",
        encoding="utf-8",
    )
    return [
        ("50 MB text, default limits", big_text, False),
        ("50 MB text, max_chars=None", big_text, True),
        ("15 MiB HTML (markup limit 16 MiB)", page, False),
    ]


def main() -> int:
    if len(sys.argv) >= 3 and sys.argv[1] == "--child":
        _child(sys.argv[2], unlimited="--unlimited" in sys.argv)
        return 0
    cases: list[tuple[str, Path, bool]] = [
        (f"seed {p.name}", p, False) for p in sorted(SEEDS.glob("*.txt"))
    ]
    cases += [(f"fixture {p.name}", p, False) for p in sorted(FIXTURES.glob("demo_policy.*"))]
    with tempfile.TemporaryDirectory() as scratch:
        cases += _build_large_inputs(Path(scratch))
        print(f"{'case':<40} {'size':>10} {'seconds':>8} {'peak MiB':>9}  outcome")
        for label, path, unlimited in cases:
            figures = _measure(path, unlimited=unlimited)
            size = path.stat().st_size
            print(
                f"{label:<40} {size / MiB:>8.2f}Mi {figures['seconds']:>8.3f} "
                f"{figures['peak_mib']:>9.1f}  {figures['outcome']}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
