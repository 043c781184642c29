"""Measure the policy analyzer, with plain keyword search and today's analyzer beside it.

Usage (from the repository root):
    python benchmarks/policy_eval.py           # tune gold (gold/iot/, gold/app350_tune/),
                                               # APP-350, seeds
    python benchmarks/policy_eval.py --sealed  # also gold/iot_sealed/, gold/iot_sealed2/, both
                                               # combined, gold/app350_sealed/ and
                                               # gold/app350_sealed2/ (the lead, at the end)
    python benchmarks/policy_eval.py --sealed --list  # only list the files each figure reads
    python benchmarks/policy_eval.py --gold DIR ...   # gold folders under DIR (a test copy)
    python benchmarks/policy_eval.py --speed 6 --before REV  # speed only, runs alternated
    python benchmarks/policy_eval.py --errors  # only this analyzer: each wrong verdict on the
                                               # tune gold and APP-350 TRAINING, for review
    python benchmarks/policy_eval.py --before REV  # the "today" column at another commit

Figures, each with keyword search and TODAY'S analyzer (commit 4a77fca, exported with
`git archive` and run in a subprocess with that tree first on PYTHONPATH) in the same run:
- gold folders: % of category verdicts and of data-type verdicts (status equal to the gold),
  the share of the gold's stated purposes found, and how often gold and analyzer agree that a
  disclosed category has a purpose (the purpose_missing finding);
- APP-350 TRAINING and VALIDATION F1 per category and data type, mapped as
  ../shared/datasets/README.md says: location and contacts count explicit or vague as
  disclosed; device_id and every data type count only explicit; local_network is compared
  only through the data type wifi_network;
- seeds: % of the reviewed maps' statuses (policy_maps/);
- speed: a 5,000-word policy after start-up, and a cached repeat (one core).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TODAY = "4a77fca"
WORKER = "PERMAUDIT_EVAL_WORKER"
if not os.environ.get(WORKER):
    sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

DATASETS = ROOT / ".." / "shared" / "datasets"
SEEDS = ROOT / ".." / "shared" / "seeds"
GOLD = ROOT / "benchmarks" / "gold"
# Measured only with --sealed, each on its own and then together: the second set was sealed
# later (README of gold/), so the first set's figure stays comparable with earlier runs.
# The gold folders tuned on, by the name their figures print under.
TUNE_FOLDERS = {"iot (tune)": "iot", "app350 (tune)": "app350_tune"}
SEALED = ("iot_sealed", "iot_sealed2")
SEALED_COMBINED = " + ".join(SEALED)
# The third sealed set is app policies, not IoT: measured with --sealed, apart from the IoT
# figure the targets speak of. APP-350 TRAINING tuned its location, device_id and contacts
# verdicts, so the figure of the twelve categories APP-350 never labels is printed beside.
SEALED_APP = "app350_sealed"
# The fourth (session 5): contains_synthetic TRAINING policies, measured beside the third.
SEALED_APP2 = "app350_sealed2"
APP350_UNLABELLED = (
    "camera", "microphone", "storage", "calendar", "phone", "sms", "health", "sensors",
    "notifications", "installed_apps", "bluetooth", "local_network",
)  # fmt: skip

APP350_CATEGORIES: dict[str, tuple[str, ...]] = {
    "location": ("Location", "Location_GPS", "Location_Cell_Tower", "Location_WiFi",
                 "Location_Bluetooth"),
    "device_id": ("Identifier_IMEI", "Identifier_IMSI", "Identifier_Device_ID",
                  "Identifier_SIM_Serial", "Identifier_MAC", "Identifier_Ad_ID"),
    "contacts": ("Contact_Address_Book",),
}  # fmt: skip
APP350_DATA_TYPES: dict[str, str] = {
    "imei": "Identifier_IMEI",
    "imsi": "Identifier_IMSI",
    "sim_serial": "Identifier_SIM_Serial",
    "mac_address": "Identifier_MAC",
    "ad_id": "Identifier_Ad_ID",
    "wifi_network": "Identifier_SSID_BSSID",
    "address_book": "Contact_Address_Book",
}
# Only explicit counts as disclosed for these (datasets README).
EXPLICIT_ONLY = {"device_id", *APP350_DATA_TYPES}

# Plain keyword search: any occurrence of a word of the category or data type.
KEYWORDS = {
    "camera": r"camera|photo|video",
    "microphone": r"microphone|audio|voice",
    "location": r"location|gps|geolocation|latitude",
    "local_network": r"wi-?fi|ssid|bssid|wlan|router|local network",
    "device_id": r"imei|imsi|device id|device identifier|android id|advertising id|mac address|"
    r"serial number|udid",
    "bluetooth": r"bluetooth|ble",
    "storage": r"storage|gallery|photo album|files",
    "contacts": r"contacts|address book|phone book|phonebook",
    "calendar": r"calendar",
    "phone": r"call log|phone calls?",
    "sms": r"sms|text messages?",
    "health": r"health|heart rate|steps|sleep|fitness",
    "sensors": r"sensors?|accelerometer|gyroscope",
    "notifications": r"notifications?",
    "installed_apps": r"installed (?:apps|applications)|app list",
    "imei": r"imei|meid",
    "imsi": r"imsi",
    "sim_serial": r"iccid|sim serial|sim card number",
    "phone_number": r"phone number",
    "serial_number": r"serial number",
    "android_id": r"android id|ssaid",
    "ad_id": r"advertising id(?:entifier)?|aaid|gaid|idfa|oaid",
    "mac_address": r"mac address",
    "wifi_network": r"ssid|bssid|wi-?fi name|router",
    "wifi_scan": r"nearby wi-?fi|access points?|wi-?fi list",
    "lan_devices": r"local network|lan",
    "network_state": r"network (?:status|state|type)|connection type",
    "address_book": r"contacts|address book|phone book",
    "accounts": r"accounts on your device",
}
KEYWORD_PATTERNS = {k: re.compile(rf"\b(?:{v})\b", re.I) for k, v in KEYWORDS.items()}


def keyword_statuses(text: str) -> dict[str, str]:
    return {k: "explicit" if p.search(text) else "absent" for k, p in KEYWORD_PATTERNS.items()}


# --- worker: statuses of texts by whichever permaudit is first on sys.path ---------------
def worker() -> int:
    from permaudit.policy import analyze_text

    request = json.load(sys.stdin)
    results: list[dict[str, str] | None] = []
    purposes: list[dict[str, list[str]]] = []
    # Start-up (model, lexicons) is paid on a text that is not measured.
    analyze_text(request["warm_text"], source="warm-up")
    for text in request["texts"]:
        try:
            facts = analyze_text(text, source="eval")
        except Exception:  # an error is a verdict too: nothing disclosed
            results.append(None)
            purposes.append({})
            continue
        purposes.append(
            {
                c.value: sorted({p.id for p in getattr(d, "purposes", ())})
                for c, d in facts.categories.items()
            }
        )
        statuses = {c.value: d.status.value for c, d in facts.categories.items()}
        for disclosure in facts.categories.values():
            for data_type, entry in (getattr(disclosure, "data_types", None) or {}).items():
                statuses[str(getattr(data_type, "value", data_type))] = entry.status.value
        results.append(statuses)
    timing: dict[str, float] = {}
    speed_text = request.get("speed_text")
    if speed_text:
        started = time.perf_counter()
        analyze_text(speed_text, source="speed")
        timing["first"] = time.perf_counter() - started
        repeats = []
        for _ in range(5):
            started = time.perf_counter()
            analyze_text(speed_text, source="speed")
            repeats.append(time.perf_counter() - started)
        timing["repeat"] = statistics.median(repeats)
    json.dump({"results": results, "purposes": purposes, "timing": timing}, sys.stdout)
    return 0


def run_worker(
    pythonpath: Path, texts: list[str], speed_text: str, warm_text: str
) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, PYTHONPATH=str(pythonpath), XDG_CACHE_HOME=cache)
        env[WORKER] = "1"
        done = subprocess.run(
            [sys.executable, __file__, "--worker"],
            input=json.dumps({"texts": texts, "speed_text": speed_text, "warm_text": warm_text}),
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
    if done.returncode != 0:
        raise SystemExit(f"worker failed ({pythonpath}):\n{done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


# --- corpora -----------------------------------------------------------------------------
def app350(
    split_filter: tuple[str, ...], names: list[str] | None = None
) -> list[tuple[str, str, dict[str, str]]]:
    """(split, text, gold) of APP-350 TRAINING/VALIDATION policies; file stems into `names`.

    The TRAINING policies sealed in gold/app350_sealed/ are left out: TRAINING is tuned on.
    """
    found = []
    for stem, split, text, gold in _app350_policies(split_filter):
        if names is not None:
            names.append(stem)
        found.append((split, text, gold))
    return found


def _app350_policies(
    split_filter: tuple[str, ...],
) -> Iterator[tuple[str, str, str, dict[str, str]]]:
    """(file stem, split, text, gold) of each APP-350 policy of `split_filter`, in file order,
    each file read only when the one before has been used."""
    from gold_check import app350_sealed

    sealed = app350_sealed()
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for path in sorted((DATASETS / "app350").glob("policy_*.yml")):
        if path.stem in sealed:
            continue
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
        if data["policy_type"] not in split_filter:
            continue
        modalities: dict[str, set[str]] = {}
        for segment in data["segments"]:
            for annotation in segment["annotations"]:
                practice = annotation["practice"].rsplit("_", 1)[0]
                modalities.setdefault(practice, set()).add(annotation["modality"])
        gold = {}
        for key, practices in (
            *APP350_CATEGORIES.items(),
            *((k, (v,)) for k, v in APP350_DATA_TYPES.items()),
        ):
            seen = set().union(*(modalities.get(p, set()) for p in practices))
            gold[key] = "disclosed" if "PERFORMED" in seen else "denied" if seen else "absent"
        text = "\n\n".join(s["segment_text"] for s in data["segments"])
        yield path.stem, data["policy_type"], text, gold


SPEED_WORDS = 5000


def speed_policy_text(policy_texts: Iterable[str]) -> str:
    """The speed figure's policy: 5,000 words of distinct policy text, the first of
    `policy_texts` (APP-350 TRAINING and VALIDATION policies, in order) read only as far as
    they are needed."""
    words: list[str] = []
    for text in policy_texts:
        words += text.split()
        if len(words) >= SPEED_WORDS:
            break
    return " ".join(words[:SPEED_WORDS])


def start_up_text() -> str:
    """The start-up text analysed before anything is measured: the seed policy of the first
    reviewed map."""
    first_map = min((ROOT / "policy_maps").glob("*.yaml"))
    return (SEEDS / f"{first_map.stem}.txt").read_text(encoding="utf-8")


def gold_folder(documents: list[tuple[str, Any]]) -> list[tuple[str, str, dict[str, str]]]:
    """(stem, policy text, gold statuses) of each loaded gold file (gold_check.load_folder)."""
    from gold_check import policy_text

    found = []
    for stem, data in documents:
        text = policy_text(data["dataset"], data["file"])
        gold = {k: v["status"] for k, v in data["categories"].items()}
        gold |= {k: v["status"] for k, v in data["data_types"].items()}
        found.append((stem, text, gold))
    return found


def seed_maps(documents: list[tuple[str, Any]]) -> list[tuple[str, str, dict[str, str]]]:
    """(stem, seed text, reviewed statuses) of each loaded reviewed map (policy_maps/)."""
    found = []
    for stem, data in documents:
        text = (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")
        found.append((stem, text, {k: v["status"] for k, v in data["categories"].items()}))
    return found


# --- scoring -----------------------------------------------------------------------------
def f1(pairs: list[tuple[bool, bool]]) -> float:
    tp = sum(g and p for g, p in pairs)
    fp = sum(p and not g for g, p in pairs)
    fn = sum(g and not p for g, p in pairs)
    if tp + fp + fn == 0:
        return 1.0
    return 2 * tp / (2 * tp + fp + fn)


def disclosed(key: str, status: str | None) -> bool:
    if status is None:
        return False
    return status == "explicit" if key in EXPLICIT_ONLY else status in ("explicit", "vague")


def agreement(
    gold: list[dict[str, str]], predicted: list[dict[str, str] | None], keys: list[str]
) -> str:
    total = right = 0
    for want, got in zip(gold, predicted, strict=True):
        for key in keys:
            if key not in want:
                continue
            total += 1
            right += (got or {}).get(key, "absent") == want[key]
    return f"{100 * right / total:6.1f}%" if total else "     —"


def list_errors() -> int:
    """Each wrong verdict of this analyzer on the tune gold and APP-350 TRAINING, one a line.

    VALIDATION and the sealed gold are left out on purpose: errors are read to be fixed, and
    what is read is tuned on.
    """
    # Both tune folders: the IoT gold and the APP-350 policies labelled to tune on.
    from gold_check import load_folder

    tune = [
        item for folder in TUNE_FOLDERS.values() for item in gold_folder(load_folder(GOLD / folder))
    ]
    names: list[str] = []
    policies = app350(("TRAINING",), names)
    training = [(name, text, gold) for name, (_, text, gold) in zip(names, policies, strict=True)]
    texts = [text for _, text, _ in (*tune, *training)]
    got = run_worker(ROOT, texts, "", start_up_text())["results"]
    print("# tune gold: key  gold → this")
    for (name, _, gold), statuses in zip(tune, got[: len(tune)], strict=True):
        for key, want in sorted(gold.items()):
            have = (statuses or {}).get(key, "absent")
            if have != want:
                print(f"{name:<24} {key:<16} {want} → {have}")
    print("\n# APP-350 TRAINING (mapped as the datasets README says): key  gold → this")
    keys = (*APP350_CATEGORIES, *APP350_DATA_TYPES)
    for (name, _, gold), statuses in zip(training, got[len(tune) :], strict=True):
        for key in keys:
            want_disclosed = gold[key] == "disclosed"
            have = (statuses or {}).get(key)
            if want_disclosed != disclosed(key, have):
                print(f"{name:<24} {key:<16} {gold[key]} → {have or 'absent'}")
    return 0


def alternated_speed(
    runs: int, before: str, before_root: Path, speed_text: str, warm_text: str
) -> int:
    """The 5,000-word figure, this analyzer and `before`'s taking turns so that a shared
    machine's load falls on both alike."""
    first: dict[str, list[float]] = {"this": [], before[:8]: []}
    for run in range(1, runs + 1):
        for name, root in (("this", ROOT), (before[:8], before_root)):
            timing = run_worker(root, [], speed_text, warm_text)["timing"]
            first[name].append(timing["first"])
            print(
                f"run {run}  {name:<8}  first {1000 * timing['first']:7.1f} ms"
                f"  cached repeat {1000 * timing['repeat']:5.1f} ms",
                flush=True,
            )
    for name, times in first.items():
        print(
            f"{name:<8}  first analysis: median {1000 * statistics.median(times):.0f} ms,"
            f" {1000 * min(times):.0f}–{1000 * max(times):.0f} ms over {len(times)} runs"
        )
    return 0


def _export(revision: str, into: Path) -> None:
    """The package of `revision`, exported into `into` (the other column's PYTHONPATH)."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", revision, "permaudit"],
        capture_output=True,
        check=True,
    )
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sealed",
        action="store_true",
        help="also measure the sealed gold: gold/iot_sealed/ and gold/iot_sealed2/ (each and"
        " combined), gold/app350_sealed/ and gold/app350_sealed2/",
    )
    parser.add_argument(
        "--gold",
        type=Path,
        default=GOLD,
        metavar="DIR",
        help="the folder holding iot/, iot_sealed/, iot_sealed2/ (default: benchmarks/gold)",
    )
    parser.add_argument(
        "--list",
        action="store_true",
        help="list the gold files each figure would read, and run no analyzer",
    )
    parser.add_argument(
        "--before",
        default=TODAY,
        metavar="REV",
        help=f"the commit of the 'today' column (default {TODAY}, before the statement rebuild)",
    )
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--zh", action="store_true", help="the Chinese figures (policy_eval_zh.py)")
    parser.add_argument(
        "--errors",
        action="store_true",
        help="list this analyzer's wrong verdicts on the tune gold and APP-350 TRAINING only",
    )
    parser.add_argument(
        "--speed",
        type=int,
        default=0,
        metavar="N",
        help="only the speed figure: N runs of this analyzer alternated with --before's, each"
        " in a fresh process, every run printed and the medians (a shared machine's noise"
        " shows in the spread)",
    )
    args = parser.parse_args()
    if args.worker:
        return worker()
    if args.errors:
        return list_errors()
    if args.zh:
        from policy_eval_zh import main as chinese

        return chinese(["--sealed"] if args.sealed else [])
    if args.speed:
        policies = (text for _, _, text, _ in _app350_policies(("TRAINING", "VALIDATION")))
        with tempfile.TemporaryDirectory() as before_root:
            _export(args.before, Path(before_root))
            return alternated_speed(
                args.speed,
                args.before,
                Path(before_root),
                speed_policy_text(policies),
                start_up_text(),
            )

    from gold_check import gold_purposes, load_folder, purpose_missing_right, purposes_found

    from permaudit.models import Category, all_data_types

    categories = [c.value for c in Category]
    data_types = [d.value for d in all_data_types()]
    folders = [
        (name, args.gold / folder)
        for name, folder in TUNE_FOLDERS.items()
        if folder == "iot" or any((args.gold / folder).glob("*.yaml"))
    ]
    if args.sealed:
        folders += [(name, args.gold / name) for name in (*SEALED, SEALED_APP, SEALED_APP2)]
    for name, path in folders:
        if not any(path.glob("*.yaml")):
            # An empty figure would print as a dash and read like a result.
            raise SystemExit(f"{path}: no gold files for {name}")
    if args.list:
        for name, path in folders:
            stems = [p.stem for p in sorted(path.glob("*.yaml"))]
            print(f"{name} ({len(stems)} policies, {path}): {', '.join(stems)}")
        if args.sealed:
            print(f"{SEALED_COMBINED}: the {len(SEALED)} sealed IoT folders above, together")
        return 0
    # Each gold folder and the reviewed maps read once: their statuses and their purposes.
    documents = {name: load_folder(path) for name, path in folders}
    documents["seeds"] = load_folder(ROOT / "policy_maps")
    corpora: list[tuple[str, list[tuple[str, str, dict[str, str]]]]] = [
        (name, gold_folder(documents[name])) for name, _ in folders
    ]
    corpora.append(("APP-350", app350(("TRAINING", "VALIDATION"))))
    corpora.append(("seeds", seed_maps(documents["seeds"])))
    texts = [text for _, items in corpora for _, text, _ in items]
    # The APP-350 texts just read serve the speed figure too.
    speed = speed_policy_text(text for _, text, _ in corpora[-2][1])
    warm = start_up_text()

    with tempfile.TemporaryDirectory() as today:
        _export(args.before, Path(today))
        print(f"running the analyzer of {args.before} ...", file=sys.stderr)
        old = run_worker(Path(today), texts, "", warm)
        # Speed in a process of its own: nothing of the corpus run (parsed sentences) is
        # cached there, only start-up is paid, on a seed policy.
        old["timing"] = run_worker(Path(today), [], speed, warm)["timing"]
    print("running this analyzer ...", file=sys.stderr)
    new = run_worker(ROOT, texts, "", warm)
    new["timing"] = run_worker(ROOT, [], speed, warm)["timing"]
    keyword = [keyword_statuses(t) for t in texts]

    offset = 0
    results: dict[str, tuple[list[Any], list[Any], list[Any]]] = {}
    # Per gold folder: the gold's purposes, this analyzer's and today's (which may state none).
    stated: dict[str, tuple[list[Any], list[Any], list[Any]]] = {}
    for name, items in corpora:
        n = len(items)
        results[name] = (
            new["results"][offset : offset + n],
            old["results"][offset : offset + n],
            keyword[offset : offset + n],
        )
        if name in documents:
            stated[name] = (
                gold_purposes(data for _, data in documents[name]),
                new["purposes"][offset : offset + n],
                old.get("purposes", [{}] * len(texts))[offset : offset + n],
            )
        offset += n
    gold_rows = [(name, items) for name, items in corpora if name != "APP-350"]
    if args.sealed:
        # Already analysed above: the combined figure joins the two sets' verdicts.
        sealed = [(name, items) for name, items in corpora if name in SEALED]
        combined = [item for _, items in sealed for item in items]
        for table in (results, stated):
            # Each column (this, before, keyword or gold) of the sets, one after the other.
            first, second, third = (
                [entry for name, _ in sealed for entry in table[name][column]]
                for column in range(3)
            )
            table[SEALED_COMBINED] = (first, second, third)
        after = max(i for i, (name, _) in enumerate(gold_rows) if name in SEALED)
        gold_rows.insert(after + 1, (SEALED_COMBINED, combined))

    before_label = "today" if args.before == TODAY else args.before[:8]
    print(f"{'':<28}{'this':>9}{before_label:>9}{'keyword':>9}")
    for name, items in gold_rows:
        got, before, kw = results[name]
        gold = [g for _, _, g in items]
        print(f"{name} ({len(items)} policies)")
        print(
            f"  {'category verdicts right':<26}{agreement(gold, got, categories):>9}"
            f"{agreement(gold, before, categories):>9}{agreement(gold, kw, categories):>9}"
        )
        if name != "seeds":
            print(
                f"  {'data-type verdicts right':<26}{agreement(gold, got, data_types):>9}"
                f"{agreement(gold, before, data_types):>9}{agreement(gold, kw, data_types):>9}"
            )
        if name in stated:
            want, have, had = stated[name]
            print(
                f"  {'gold purposes found':<26}{purposes_found(want, have):>9}"
                f"{purposes_found(want, had):>9}{'—':>9}"
            )
            missing_now = purpose_missing_right(want, got, have)
            missing_before = purpose_missing_right(want, before, had)
            print(f"  {'purpose_missing right':<26}{missing_now:>9}{missing_before:>9}{'—':>9}")
        if name in (SEALED_APP, SEALED_APP2):
            unlabelled = list(APP350_UNLABELLED)
            print(
                f"  {'never-tuned categories':<26}{agreement(gold, got, unlabelled):>9}"
                f"{agreement(gold, before, unlabelled):>9}{agreement(gold, kw, unlabelled):>9}"
            )

    items = dict(corpora)["APP-350"]
    got, before, kw = results["APP-350"]
    for split in ("TRAINING", "VALIDATION"):
        rows = [i for i, (s, _, _) in enumerate(items) if s == split]
        print(f"\nAPP-350 {split} ({len(rows)} policies), F1")
        print(f"  {'':<26}{'this':>9}{before_label:>9}{'keyword':>9}")
        for key in (*APP350_CATEGORIES, *APP350_DATA_TYPES):
            figures: list[str] = []
            for predictions in (got, before, kw):
                if not any(key in (p or {}) for p in predictions):
                    # That analyzer reports no such status at all (today's: no data types).
                    figures.append(f"{'—':>9}")
                    continue
                pairs = [
                    (
                        items[i][2][key] == "disclosed",
                        disclosed(key, (predictions[i] or {}).get(key)),
                    )
                    for i in rows
                ]
                figures.append(f"{f1(pairs):>9.3f}")
            label = key + (" (explicit)" if key in EXPLICIT_ONLY else "")
            print(f"  {label:<26}" + "".join(figures))

    print("\nspeed (one 5,000-word policy, after start-up; cached repeat: median of 5)")
    print(f"  {'':<26}{'this':>9}{before_label:>9}")
    for label, key in (("first analysis", "first"), ("cached repeat", "repeat")):
        timings = "".join(f"{1000 * run['timing'][key]:>7.1f}ms" for run in (new, old))
        print(f"  {label:<26}{timings}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
