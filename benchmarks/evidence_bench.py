"""Benchmark: code evidence by permaudit vs androguard's AnalyzeAPK + xref lookup.

Generates (once, cached under benchmarks/out/) a large multi-dex APK: several thousand
smali classes assembled with `smali a`, a manifest packaged by `aapt` against Debian's
framework-res. Then, in the same run and each in its own subprocess:

  1. androguard: AnalyzeAPK + find_methods/find_fields/find_strings + xref lookup of every
     API in permaudit's table;
  2. permaudit: `python -m permaudit extract APP --evidence --format json`;
  3. the reference: the same command on the permaudit of another revision (`--reference`,
     default `main`, taken with `git archive`), so a change to the scanner is measured
     against the code it replaces on the same machine in the same run, runs alternating
     (target: CPU time within +10 %, least of five runs each);

checks that both find the same (caller class, caller method, api) set, and prints wall and
CPU time and peak RSS (os.wait4 rusage of each child) with the ratios, beside `python -c pass`
and `permaudit --version` measured in the same run. Targets: >= 30x faster (CPU time, which
the load of a shared machine does not inflate) and <= 1/3 of androguard's peak memory.

    .venv/bin/python benchmarks/evidence_bench.py [--classes 4000] [--rebuild] [--reference REV]

Needs smali, aapt and android-framework-res (Debian); skips with a message without them.
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
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Children may cache bytecode, as an installed package does (pip compiles it): with
# PYTHONDONTWRITEBYTECODE set, as on some CI images, every run would compile permaudit anew.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
OUT = ROOT / "benchmarks" / "out"
FRAMEWORK = Path("/usr/share/android-framework-res/framework-res.apk")
PACKAGE = "com.bench.smartcam"
# Issue 14: start-up no longer caps the figure, so the target rose from 10x.
TARGET_SPEEDUP = 30

# (smali call, class holding the call site's receiver type) for generated sensitive calls.
_SENSITIVE_CALLS = [
    "invoke-static {v0}, Landroid/hardware/Camera;->open(I)Landroid/hardware/Camera;",
    "invoke-virtual {v1}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;",
    "invoke-virtual {v1}, Landroid/net/wifi/WifiManager;->getScanResults()Ljava/util/List;",
    "invoke-virtual {v1}, Landroid/net/wifi/WifiManager;->startScan()Z",
    "invoke-virtual {v1}, Landroid/media/AudioRecord;->startRecording()V",
    "invoke-virtual {v1}, Landroid/bluetooth/BluetoothAdapter;->getBondedDevices()Ljava/util/Set;",
    "invoke-virtual {v1}, Landroid/bluetooth/BluetoothAdapter;->startDiscovery()Z",
    "invoke-virtual {v1, v2}, Landroid/location/LocationManager;->getLastKnownLocation"
    "(Ljava/lang/String;)Landroid/location/Location;",
    "invoke-virtual {v1}, Landroid/accounts/AccountManager;->getAccounts()"
    "[Landroid/accounts/Account;",
]
_SENSITIVE_FIELDS = [
    "sget-object v1, Landroid/provider/ContactsContract$Contacts;->CONTENT_URI:Landroid/net/Uri;",
    "sget-object v1, Landroid/provider/CallLog$Calls;->CONTENT_URI:Landroid/net/Uri;",
]
_SENSITIVE_STRINGS = [
    # Settings.Secure.ANDROID_ID: the key loaded where getString is called (SPEC §1b android_id).
    'const-string v1, "android_id"\n    invoke-static {p1, v1}, Landroid/provider/Settings$Secure;'
    "->getString(Landroid/content/ContentResolver;Ljava/lang/String;)Ljava/lang/String;",
    'const-string v1, "content://sms/inbox"',
]
# Packages of generated classes: the app, its organisation, SDKs, obfuscated code.
_PACKAGES = [
    "com/bench/smartcam/ui",
    "com/bench/smartcam/device",
    "com/bench/common/net",
    "com/umeng/analytics/pro",
    "com/tencent/bugly/crashreport",
    "cn/jpush/android/service",
    "com/amap/api/location/core",
    "androidx/core/internal",
    "a/b",
    "c/d",
]


def _method_body(rng: random.Random, klass: str, index: int, peers: list[str]) -> list[str]:
    """A method of ordinary code: arithmetic, strings, calls into peer classes, a switch."""
    lines = [f".method public static m{index}(II)I", "    .registers 8"]
    for step in range(rng.randint(6, 14)):
        choice = rng.random()
        if choice < 0.3:
            lines += [
                f"    add-int/lit8 v0, p0, {rng.randint(1, 100)}",
                "    mul-int v1, v0, p1",
                f"    xor-int/lit16 v1, v1, {rng.randint(1, 30000)}",
            ]
        elif choice < 0.5:
            lines += [
                f'    const-string v2, "{klass.rsplit("/", 1)[-1]}.m{index}.s{step}"',
                "    invoke-virtual {v2}, Ljava/lang/String;->length()I",
                "    move-result v3",
                "    add-int/2addr v0, v3",
            ]
        elif choice < 0.8:
            peer = rng.choice(peers)
            lines += [
                f"    const/16 v4, {rng.randint(0, 300)}",
                f"    invoke-static {{v4, p1}}, L{peer};->m{rng.randint(0, 7)}(II)I",
                "    move-result v0",
            ]
        else:
            lines += [
                "    new-instance v5, Ljava/lang/StringBuilder;",
                "    invoke-direct {v5}, Ljava/lang/StringBuilder;-><init>()V",
                "    invoke-virtual {v5, p0}, Ljava/lang/StringBuilder;->append(I)"
                "Ljava/lang/StringBuilder;",
                "    invoke-virtual {v5}, Ljava/lang/StringBuilder;->toString()Ljava/lang/String;",
                "    move-result-object v2",
            ]
    lines += [
        "    packed-switch p0, :sw",
        "    const/4 v0, 0x0",
        "    return v0",
        "    :c0",
        "    const/4 v0, 0x1",
        "    return v0",
        "    :c1",
        "    return p1",
        "    :sw",
        "    .packed-switch 0x0",
        "        :c0",
        "        :c1",
        "    .end packed-switch",
        ".end method",
        "",
    ]
    return lines


def _sensitive_method(rng: random.Random) -> list[str]:
    statement = rng.choice(_SENSITIVE_CALLS + _SENSITIVE_FIELDS + _SENSITIVE_STRINGS)
    return [
        ".method public sensitive(Ljava/lang/Object;)V",
        "    .registers 4",
        "    const/4 v0, 0x0",
        '    const-string v2, "gps"',
        "    check-cast p1, Ljava/lang/Object;",
        *(["    move-object v1, p1"] if "sget" not in statement else []),
        f"    {statement}",
        "    return-void",
        ".end method",
        "",
    ]


def generate_smali(directory: Path, classes: int, dex_count: int, seed: int = 7) -> None:
    """Write `classes` smali classes split over smali/, smali_classes2/, ..."""
    rng = random.Random(seed)
    names = [f"{_PACKAGES[i % len(_PACKAGES)]}/C{i:05d}" for i in range(classes)]
    for dex in range(dex_count):
        folder = directory / ("smali" if dex == 0 else f"smali_classes{dex + 1}")
        own = names[dex::dex_count]
        for klass in own:
            path = folder / f"{klass}.smali"
            path.parent.mkdir(parents=True, exist_ok=True)
            peers = rng.sample(own, 6)
            lines = [f".class public L{klass};", ".super Ljava/lang/Object;", ""]
            for index in range(8):
                lines += _method_body(rng, klass, index, peers)
            if rng.random() < 0.08:
                lines += _sensitive_method(rng)
            path.write_text("\n".join(lines), encoding="utf-8")


def build_apk(source: Path, apk: Path) -> None:
    """smali each smali*/ folder into classes*.dex; aapt packages the manifest; zip them."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        unsigned = work / "base.apk"
        subprocess.run(
            ["aapt", "package", "-f", "-M", str(source / "AndroidManifest.xml"), "-I",
             str(FRAMEWORK), "-F", str(unsigned)],
            check=True,
        )  # fmt: skip
        with zipfile.ZipFile(unsigned, "a", zipfile.ZIP_DEFLATED) as archive:
            for folder in sorted(source.glob("smali*")):
                suffix = folder.name.removeprefix("smali").removeprefix("_classes")
                dex = work / f"classes{suffix}.dex"
                subprocess.run(
                    ["smali", "a", "-j", str(os.cpu_count() or 1), "-o", str(dex), str(folder)],
                    check=True,
                )
                archive.write(dex, dex.name)
        apk.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(unsigned, apk)


def ensure_apk(classes: int, rebuild: bool) -> Path:
    # v2: the Android ID is read through Settings.Secure.getString, as the table now requires.
    apk = OUT / f"evidence-bench-v2-{classes}.apk"
    if apk.exists() and not rebuild:
        return apk
    source = OUT / f"evidence-bench-{classes}-src"
    shutil.rmtree(source, ignore_errors=True)
    source.mkdir(parents=True)
    (source / "AndroidManifest.xml").write_text(
        f'<manifest xmlns:android="http://schemas.android.com/apk/res/android" '
        f'package="{PACKAGE}" android:versionCode="1" android:versionName="1.0">\n'
        '  <uses-sdk android:minSdkVersion="24" android:targetSdkVersion="33" />\n'
        '  <uses-permission android:name="android.permission.CAMERA" />\n'
        '  <uses-permission android:name="android.permission.READ_PHONE_STATE" />\n'
        '  <application android:label="Bench" />\n</manifest>\n',
        encoding="utf-8",
    )
    generate_smali(source, classes, dex_count=max(2, classes // 2500))
    print(f"building {apk.name} from {classes} classes (cached afterwards)...", file=sys.stderr)
    build_apk(source, apk)
    shutil.rmtree(source)
    return apk


# Both children print a JSON list of [caller_class, caller_method, api] on stdout.
_ANDROGUARD_CHILD = r"""
import json, re, sys
from loguru import logger
logger.remove()
from androguard.misc import AnalyzeAPK
from permaudit.catalog.api_tables import api_catalog
_, _, dx = AnalyzeAPK(sys.argv[1])
found = set()
def name(analysis_class):
    return analysis_class.name[1:-1].replace("/", ".")
def signature(method):
    return method.name + method.descriptor.replace(" ", "")
for entry in api_catalog().apis:
    if entry.int_arg is not None:
        continue  # androguard has no constant tracking; compared separately below
    if entry.kind == "method":
        for method in dx.find_methods(classname="^" + re.escape(entry.class_descriptor) + "$",
                                      methodname="^" + re.escape(entry.member_name) + "$"):
            descriptor = method.descriptor.replace(" ", "")
            if entry.descriptor not in (None, descriptor):
                continue
            api = f"{entry.class_descriptor}->{entry.member_name}{descriptor}"
            for caller_class, caller, _ in method.get_xref_from():
                found.add((name(caller_class), signature(caller), api))
    elif entry.kind == "field":
        for field in dx.find_fields(classname="^" + re.escape(entry.class_descriptor) + "$",
                                    fieldname="^" + re.escape(entry.member_name) + "$"):
            f = field.get_field()
            api = f"{entry.class_descriptor}->{f.get_name()}:{f.get_descriptor()}"
            for caller_class, caller in field.get_xref_read():
                found.add((name(caller_class), signature(caller), api))
    else:
        pattern = "^" + re.escape(entry.api) + ("" if entry.match == "prefix" else "$")
        for string in dx.find_strings(pattern):
            for caller_class, caller in string.get_xref_from():
                found.add((name(caller_class), signature(caller), '"' + string.get_value() + '"'))
json.dump(sorted(found), sys.stdout)
"""


@dataclass(frozen=True)
class Measured:
    wall: float  # seconds
    cpu: float  # user + system seconds: what the load of a shared machine does not inflate
    peak_rss: int  # bytes
    stdout: str


def measure(command: list[str], cwd: Path = ROOT) -> Measured:
    """Wall and CPU seconds, peak RSS and stdout of one child process."""
    with tempfile.TemporaryFile() as stdout:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=stdout, cwd=cwd, env=CHILD_ENV)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        stdout.seek(0)
        output = stdout.read().decode("utf-8")
    if child.returncode not in (0, 1):
        raise SystemExit(f"child failed ({child.returncode}): {' '.join(command[:4])}")
    # ru_maxrss is in KiB on Linux.
    return Measured(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, output)


def median_of(runs: int, command: list[str], cwd: Path = ROOT) -> Measured:
    """The run of median wall time among `runs`: one run on a shared machine is noise."""
    results = sorted((measure(command, cwd) for _ in range(runs)), key=lambda m: m.wall)
    return results[len(results) // 2]


def reference_checkout(revision: str, directory: Path) -> bool:
    """The `permaudit` package of `revision` under `directory`; False when git cannot give it."""
    archive = subprocess.run(
        ["git", "archive", "--format=tar", revision, "permaudit"],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    if archive.returncode != 0:
        print(f"reference {revision!r} not available: {archive.stderr.decode().strip()}")
        return False
    subprocess.run(["tar", "-x", "-C", str(directory)], input=archive.stdout, check=True)
    return True


def _callers_from_extract(output: str) -> set[tuple[str, str, str]]:
    evidence = json.loads(output)["api_evidence"]
    return {(e["caller_class"], e["caller_method"], e["api"]) for e in evidence}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--classes", type=int, default=4000)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--reference", default="main", help="git revision to compare with")
    args = parser.parse_args()
    missing = [tool for tool in ("smali", "aapt") if shutil.which(tool) is None]
    if missing or not FRAMEWORK.exists():
        what = ", ".join(missing + ([] if FRAMEWORK.exists() else [str(FRAMEWORK)]))
        print(f"evidence_bench: skipped, needs Debian's smali, aapt, framework-res ({what})")
        return 0
    apk = ensure_apk(args.classes, args.rebuild)
    with zipfile.ZipFile(apk) as archive:
        dex_sizes = [i.file_size for i in archive.infolist() if i.filename.endswith(".dex")]
    print(
        f"APK: {apk.relative_to(ROOT)}  {args.classes} classes, {len(dex_sizes)} DEX files, "
        f"{sum(dex_sizes) / 1e6:.1f} MB of DEX"
    )

    # Start-up, in the same run: what no scan can go below.
    python = median_of(5, [sys.executable, "-c", "pass"])
    version = median_of(5, [sys.executable, "-m", "permaudit", "--version"])
    extract = [sys.executable, "-m", "permaudit", "extract", str(apk.resolve()), "--evidence"]
    extract += ["--format", "json"]
    reference: Measured | None = None
    with tempfile.TemporaryDirectory() as checkout:
        if not reference_checkout(args.reference, Path(checkout)):
            ours_run = median_of(3, extract)
        else:
            # Alternate the two, so both see the same phases of a shared machine's load, and
            # compare the least CPU time of each: the runs the neighbours disturbed least.
            # The reference runs from its checkout, so `-m permaudit` imports its package.
            pairs = [(measure(extract), measure(extract, Path(checkout))) for _ in range(5)]
            ours_run = min((ours for ours, _ in pairs), key=lambda m: m.cpu)
            reference = min((ref for _, ref in pairs), key=lambda m: m.cpu)
    ours = _callers_from_extract(ours_run.stdout)
    # One run: it takes a minute, and its noise is small beside its length.
    theirs_run = measure([sys.executable, "-c", _ANDROGUARD_CHILD, str(apk)])
    theirs = {tuple(x) for x in json.loads(theirs_run.stdout)}
    # androguard cannot filter getDefaultSensor by sensor-type constant, and it keeps no
    # xrefs for fields defined outside the app (ContactsContract$Contacts->CONTENT_URI...):
    # compare what both can see, count the field reads only permaudit finds.
    field_reads = {item for item in ours if ";->" in item[2] and ":" in item[2].split("->")[1]}
    ours = {item for item in ours if "SensorManager;->" not in item[2]} - field_reads

    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'':32} {'wall s':>8} {'cpu s':>8} {'peak MB':>9}")
    runs = [
        ("python -c pass", python),
        ("permaudit --version", version),
        ("androguard AnalyzeAPK + xrefs", theirs_run),
        ("permaudit extract --evidence", ours_run),
    ]
    if reference is not None:
        runs.append((f"same, at {args.reference[:23]}", reference))
    for label, run in runs:
        print(f"{label:32} {run.wall:8.2f} {run.cpu:8.2f} {run.peak_rss / 1e6:9.1f}")
    within = True
    if reference is not None:
        change = ours_run.cpu / reference.cpu - 1
        within = change <= 0.10
        print(
            f"scan vs {args.reference}: cpu {change:+.1%} (target within +10 %), "
            f"wall {ours_run.wall / reference.wall - 1:+.1%}"
        )
    speedup = theirs_run.wall / ours_run.wall
    cpu_speedup = theirs_run.cpu / ours_run.cpu
    memory = ours_run.peak_rss / theirs_run.peak_rss
    print(
        f"speed-up {speedup:.1f}x wall, {cpu_speedup:.1f}x cpu (target >= {TARGET_SPEEDUP}x, "
        f"judged on cpu: a loaded machine stretches the wall time of a short run most); "
        f"memory {memory:.2f} of androguard (<= 0.33)"
    )
    same = ours == theirs
    print(f"same callers: {same} ({len(ours)} (caller class, method, api) triples)")
    print(f"framework field reads only permaudit reports: {len(field_reads)}")
    if not same:
        for item in sorted(ours - theirs)[:10]:
            print("  only permaudit:", item)
        for item in sorted(theirs - ours)[:10]:
            print("  only androguard:", item)
    return 0 if same and within and cpu_speedup >= TARGET_SPEEDUP and memory <= 1 / 3 else 1


if __name__ == "__main__":
    sys.exit(main())
