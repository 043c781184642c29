"""Benchmark: start-up of the permaudit CLI against the interpreter's own, in the same run.

Each command runs in a fresh process (the way a CI step or a shell runs it), several times:
median and fastest wall time, median CPU time (user + system, which the load of a shared
machine does not inflate), and both over `python -c pass`, which is what permaudit adds.
Also lists the heavy libraries each command imported (from `python -X importtime`).
Target: `--version` and `--help` at most 0.25 s wall.

    .venv/bin/python benchmarks/startup_bench.py [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Children may cache bytecode, as an installed package does (pip compiles it): with
# PYTHONDONTWRITEBYTECODE set, as on some CI images, every run would compile permaudit anew.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
APK = ROOT / "tests" / "fixtures" / "apk" / "minimal.apk"
POLICY = ROOT / "tests" / "fixtures" / "policies" / "demo_policy.txt"
TARGET_SECONDS = 0.25
HEAVY = ("androguard", "lxml", "pypdf", "httpx", "spacy", "pydantic", "rich", "jinja2", "yaml")
CLI = [sys.executable, "-m", "permaudit"]

COMMANDS: list[tuple[str, list[str]]] = [
    ("python -c pass", [sys.executable, "-c", "pass"]),
    ("permaudit --version", [*CLI, "--version"]),
    ("permaudit --help", [*CLI, "--help"]),
    ("permaudit audit --help", [*CLI, "audit", "--help"]),
    ("permaudit extract (small app)", [*CLI, "extract", str(APK), "--format", "json"]),
    (
        "permaudit audit (small app, text policy)",
        [*CLI, "audit", str(APK), "--policy", str(POLICY), "--format", "json", "--fail-on", "none"],
    ),
]


def timed(command: list[str]) -> tuple[float, float]:
    """Wall time and the child's CPU time (user + system, from os.wait4)."""
    started = time.perf_counter()
    child = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=CHILD_ENV
    )
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"failed ({child.returncode}): {' '.join(command)}")
    return elapsed, usage.ru_utime + usage.ru_stime


def heavy_imports(command: list[str]) -> list[str]:
    if command[1] != "-m":
        return []
    run = subprocess.run(
        [command[0], "-X", "importtime", *command[1:]],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=CHILD_ENV,
    )
    modules = {line.rsplit("|", 1)[-1].strip() for line in run.stderr.splitlines()}
    return [name for name in HEAVY if name in modules]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    for _, command in COMMANDS:
        timed(command)  # warm the file cache and __pycache__ before timing anything
    results = []
    for label, command in COMMANDS:
        runs = [timed(command) for _ in range(args.runs)]
        walls = [run[0] for run in runs]
        cpu = statistics.median(run[1] for run in runs)
        results.append((label, statistics.median(walls), min(walls), cpu, heavy_imports(command)))
    base_wall, base_cpu = results[0][1], results[0][3]
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(
        f"{'command':<42} {'wall':>7} {'min':>7} {'cpu':>7} {'+wall':>7} {'+cpu':>7}  heavy imports"
    )
    for label, median, fastest, cpu, heavy in results:
        print(
            f"{label:<42} {median:>6.3f}s {fastest:>6.3f}s {cpu:>6.3f}s "
            f"{median - base_wall:>+6.3f}s {cpu - base_cpu:>+6.3f}s  {', '.join(heavy) or '-'}"
        )
    # On a shared machine the wall time includes waiting for a core (compare `python -c pass`
    # with its CPU time); the fastest run estimates an idle machine's, the CPU time does not
    # depend on the load at all, so both are judged.
    for label, _, fastest, cpu, _ in results:
        if label in ("permaudit --version", "permaudit --help"):
            print(
                f"target {label} <= {TARGET_SECONDS} s: fastest wall {fastest:.3f}s "
                f"({'met' if fastest <= TARGET_SECONDS else 'missed'}), cpu {cpu:.3f}s "
                f"({'met' if cpu <= TARGET_SECONDS else 'missed'})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
