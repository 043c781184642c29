"""Benchmark: `permaudit batch` throughput with -j1, -j2 and --dask local, in one run.

Generates (once, cached under benchmarks/out/) N varied apps from the fixtures: each has its
own manifest, packaged by `aapt` (a random package name, SDK levels and a random subset of
the permissions, sdk-23 entries and components the fixture manifests use) and its own code
(1-3 of the fixtures' DEX files, in random order, as classes.dex, classes2.dex...). Pairs
are spread over four policies (Markdown, text, HTML and a reviewed map).

Then, with code evidence on (the default), it runs the same job:

  0. as before batch: one `permaudit audit` process per pair (on the first 20 pairs);
  1. `-j1`, 2. `-j2`, 3. `--dask local` with 2 workers;

checks that every mode wrote the same lines, and prints wall time, pairs/s, the workers' CPU
time per pair (the same in every mode when the code scales, whatever the machine's load:
a mode that scales badly at equal CPU per pair lost to other work), the scaling from
-j1 to -j2, Dask against -j2, peak RSS per worker process (the sandbox that audits), of the job's
own process and of each Dask worker process around the sandboxes, and the load average
before each run. The
machine's cores are often shared: a load average above the core count depresses scaling.
Targets on a quiet 2-core machine: >= 1.7x from -j1 to -j2, >= 10 pairs/s at -j2, Dask
within 15 % of -j2.

    .venv/bin/python benchmarks/batch_bench.py [--apps 200] [--rebuild]

Needs aapt and android-framework-res (Debian); skips with a message without them.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from permaudit.batch import BatchOptions, BatchResult, read_manifest, run_batch  # noqa: E402

OUT = ROOT / "benchmarks" / "out"
FRAMEWORK = Path("/usr/share/android-framework-res/framework-res.apk")
FIXTURE_APKS = ROOT / "tests" / "fixtures" / "apk"
POLICIES = [
    ROOT / "tests" / "fixtures" / "policies" / "demo_policy.md",
    ROOT / "tests" / "fixtures" / "policies" / "demo_policy.txt",
    ROOT / "tests" / "fixtures" / "policies" / "demo_policy.html",
    ROOT / "tests" / "fixtures" / "policy_maps" / "luminacam_privacy_policy.yaml",
]
# Permissions of the fixture manifests (tests/fixtures/src/*/AndroidManifest.xml).
PERMISSIONS = [
    "INTERNET", "CAMERA", "RECORD_AUDIO", "ACCESS_COARSE_LOCATION", "ACCESS_FINE_LOCATION",
    "ACCESS_BACKGROUND_LOCATION", "ACCESS_WIFI_STATE", "CHANGE_WIFI_STATE",
    "CHANGE_WIFI_MULTICAST_STATE", "ACCESS_NETWORK_STATE", "READ_PHONE_STATE",
    "WRITE_EXTERNAL_STORAGE", "READ_EXTERNAL_STORAGE", "READ_MEDIA_IMAGES", "BLUETOOTH",
    "BLUETOOTH_ADMIN", "BLUETOOTH_SCAN", "BLUETOOTH_CONNECT", "READ_CONTACTS", "READ_CALENDAR",
    "READ_CALL_LOG", "CALL_PHONE", "READ_SMS", "RECEIVE_SMS", "BODY_SENSORS",
    "ACTIVITY_RECOGNITION", "QUERY_ALL_PACKAGES", "FOREGROUND_SERVICE", "WAKE_LOCK",
    "com.google.android.gms.permission.AD_ID",
]  # fmt: skip
REFERENCE_PAIRS = 20
TARGET_SCALING = 1.7
TARGET_RATE = 10.0
TARGET_DASK = 0.15


def _fixture_dex() -> list[bytes]:
    dex: list[bytes] = []
    for apk in sorted(FIXTURE_APKS.glob("*.apk")):
        with zipfile.ZipFile(apk) as archive:
            dex += [archive.read(n) for n in sorted(archive.namelist()) if n.endswith(".dex")]
    return dex


def _manifest(rng: random.Random, index: int) -> str:
    chosen = rng.sample(PERMISSIONS, rng.randint(3, 14))
    lines = []
    for name in chosen:
        full = name if "." in name else f"android.permission.{name}"
        roll = rng.random()
        if roll < 0.15:
            lines.append(f'  <uses-permission-sdk-23 android:name="{full}" />')
        elif roll < 0.25:
            lines.append(f'  <uses-permission android:name="{full}" android:maxSdkVersion="28" />')
        else:
            lines.append(f'  <uses-permission android:name="{full}" />')
    components = []
    if rng.random() < 0.3:
        components.append(
            '    <service android:name=".NotifyListener" '
            'android:permission="android.permission.BIND_NOTIFICATION_LISTENER_SERVICE" />'
        )
    if rng.random() < 0.5:
        components.append('    <activity android:name=".MainActivity" />')
    min_sdk = rng.choice([19, 21, 23, 24, 26])
    target = rng.choice([28, 30, 31, 33])
    return (
        '<manifest xmlns:android="http://schemas.android.com/apk/res/android" '
        f'package="com.bench.vendor{index:04d}" android:versionCode="{index + 1}" '
        f'android:versionName="1.{index}">\n'
        f'  <uses-sdk android:minSdkVersion="{min_sdk}" android:targetSdkVersion="{target}" />\n'
        + "\n".join(lines)
        + '\n  <application android:label="Bench">\n'
        + "\n".join(components)
        + "\n  </application>\n</manifest>\n"
    )


def ensure_apps(count: int, rebuild: bool, seed: int = 12) -> Path:
    folder = OUT / f"batch-apps-{count}-{seed}"
    if folder.is_dir() and not rebuild and len(list(folder.glob("*.apk"))) == count:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    rng = random.Random(seed)
    dex_pool = _fixture_dex()
    print(f"generating {count} apps into {folder} (cached afterwards)...", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        for index in range(count):
            manifest = Path(tmp) / "AndroidManifest.xml"
            manifest.write_text(_manifest(rng, index), encoding="utf-8")
            packaged = Path(tmp) / "resources.apk"
            subprocess.run(
                ["aapt", "package", "-f", "-M", str(manifest), "-I", str(FRAMEWORK),
                 "-F", str(packaged)],
                check=True, capture_output=True,
            )  # fmt: skip
            apk = folder / f"app{index:04d}.apk"
            shutil.copy(packaged, apk)
            with zipfile.ZipFile(apk, "a", zipfile.ZIP_DEFLATED) as archive:
                for number, dex in enumerate(rng.sample(dex_pool, rng.randint(1, 3)), start=1):
                    archive.writestr(f"classes{number if number > 1 else ''}.dex", dex)
    return folder


def write_manifest(apps: Path, path: Path) -> None:
    rows = ["app,policy,id"]
    for index, apk in enumerate(sorted(apps.glob("*.apk"))):
        rows.append(f"{apk},{POLICIES[index % len(POLICIES)]},{apk.stem}")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def _load() -> str:
    return "/".join(f"{n:.2f}" for n in os.getloadavg())


def run_mode(manifest: Path, output: Path, **options: object) -> tuple[BatchResult, str]:
    load = _load()
    output.unlink(missing_ok=True)
    result = run_batch(
        read_manifest(manifest),
        BatchOptions(output=output, progress=False, **options),  # type: ignore[arg-type]
    )
    return result, load


def reference_rate(manifest: Path, pairs: int) -> tuple[float, str]:
    """Pairs/s of one `permaudit audit` process per pair, as before `batch` existed."""
    load = _load()
    rows = manifest.read_text(encoding="utf-8").splitlines()[1 : pairs + 1]
    started = time.perf_counter()
    for row in rows:
        app, policy, _ = row.split(",")
        subprocess.run(
            [sys.executable, "-m", "permaudit", "audit", app, "--policy", policy,
             "--format", "json", "--fail-on", "none"],
            check=True, capture_output=True,
        )  # fmt: skip
    return len(rows) / (time.perf_counter() - started), load


def _lines(path: Path) -> dict[str, object]:
    return {json.loads(line)["id"]: line for line in path.read_text().splitlines()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--apps", type=int, default=200)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    if shutil.which("aapt") is None or not FRAMEWORK.is_file():
        print("skipped: needs Debian's aapt and android-framework-res", file=sys.stderr)
        return 0
    apps = ensure_apps(args.apps, args.rebuild)
    work = OUT / "batch-bench"
    work.mkdir(parents=True, exist_ok=True)
    manifest = work / "pairs.csv"
    write_manifest(apps, manifest)

    print(f"{args.apps} generated apps, {len(POLICIES)} policies, code evidence on; "
          f"{os.cpu_count()} cores")  # fmt: skip
    ref_rate, ref_load = reference_rate(manifest, min(REFERENCE_PAIRS, args.apps))
    header = f"{'mode':<26} {'wall s':>7} {'start s':>7} {'pairs/s':>8} {'steady':>7}"
    print(f"{header} {'CPU ms/pair':>11} {'peak RSS/worker MiB':>20}  load 1/5/15")
    print(f"{'audit, 1 process per pair':<26} {'':>7} {'':>7} {ref_rate:>8.1f} {'':>7} "
          f"{'':>11} {'':>20}  {ref_load}")  # fmt: skip
    modes: dict[str, dict[str, Any]] = {
        "batch -j1": {"workers": 1},
        "batch -j2": {"workers": 2},
        "batch --dask local (2)": {"workers": 2, "dask": "local"},
    }
    rates: dict[str, float] = {}
    steady: dict[str, float] = {}
    outputs: dict[str, Path] = {}
    for name, options in modes.items():
        output = work / f"{name.split()[-1].strip('()')}.jsonl"
        result, load = run_mode(manifest, output, **options)
        rate = result.audited / result.seconds
        rates[name] = rate
        steady[name] = result.steady_rate
        outputs[name] = output
        peaks = sorted(kib / 1024 for kib in result.peak_rss_kib.values())
        peak_text = ", ".join(f"{p:.0f}" for p in peaks[-4:])
        cpu_ms = sum(result.cpu_seconds.values()) * 1000 / max(result.audited, 1)
        print(f"{name:<26} {result.seconds:>7.2f} {result.first_line_seconds:>7.2f} "
              f"{rate:>8.1f} {result.steady_rate:>7.1f} {cpu_ms:>11.1f} {peak_text:>20}  "
              f"{load}")  # fmt: skip
        hosts = result.host_peak_rss_kib
        dask_workers = [kib / 1024 for name, kib in hosts.items() if name != "job"]
        print(f"{'':<26}   job process {hosts.get('job', 0) / 1024:.0f} MiB"
              + (f", Dask worker processes {', '.join(f'{p:.0f}' for p in dask_workers)} MiB"
                 if dask_workers else ""))  # fmt: skip
        if result.errors:
            print(f"  {result.errors} error lines", file=sys.stderr)
    same = len({frozenset(_lines(path).items()) for path in outputs.values()}) == 1
    j1, j2, dask = "batch -j1", "batch -j2", "batch --dask local (2)"
    print(f"same lines in every mode: {'yes' if same else 'NO'}")
    print(f"batch -j1 vs one process per pair: {rates[j1] / ref_rate:.1f}x")
    print("                                  wall (with start-up)   steady (after it)")
    print(f"scaling -j1 -> -j2 (>= {TARGET_SCALING}x):      {rates[j2] / rates[j1]:>6.2f}x"
          f"              {steady[j2] / steady[j1]:>6.2f}x")  # fmt: skip
    print(f"pairs/s at -j2 (>= {TARGET_RATE:.0f}):            {rates[j2]:>6.1f}"
          f"               {steady[j2]:>6.1f}")  # fmt: skip
    print(f"Dask slower than -j2 (<= {TARGET_DASK * 100:.0f} %):     "
          f"{(1 - rates[dask] / rates[j2]) * 100:>+6.1f} %"
          f"             {(1 - steady[dask] / steady[j2]) * 100:>+6.1f} %")  # fmt: skip
    print(f"load average now: {_load()} on {os.cpu_count()} cores "
          "(above the core count, the figures are depressed by other work)")  # fmt: skip
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
