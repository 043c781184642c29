"""Measure the policy analyzer, with plain keyword search and today's analyzer beside it.

Usage (from the repository root):
    python benchmarks/policy_eval.py           # tune gold (gold/iot/), APP-350, seeds
    python benchmarks/policy_eval.py --sealed  # also gold/iot_sealed/ (the lead, at the end)

Figures, each with keyword search and TODAY'S analyzer (commit 4a77fca, exported with
`git archive` and run in a subprocess with that tree first on PYTHONPATH) in the same run:
- gold folders: % of category verdicts and of data-type verdicts (status equal to the gold);
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
    # Start-up (model, lexicons) is paid on a text that is not measured.
    analyze_text(request["warm_text"], source="warm-up")
    for text in request["texts"]:
        try:
            facts = analyze_text(text, source="eval")
        except Exception:  # an error is a verdict too: nothing disclosed
            results.append(None)
            continue
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
    json.dump({"results": results, "timing": timing}, sys.stdout)
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
def app350(split_filter: tuple[str, ...]) -> list[tuple[str, str, dict[str, str]]]:
    """(split, text, gold) of APP-350 TRAINING/VALIDATION policies."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    found = []
    for path in sorted((DATASETS / "app350").glob("policy_*.yml")):
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
        found.append((data["policy_type"], text, gold))
    return found


def gold_folder(folder: Path) -> list[tuple[str, str, dict[str, str]]]:
    found = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = (DATASETS / data["dataset"] / data["file"]).read_text(encoding="utf-8")
        gold = {k: v["status"] for k, v in data["categories"].items()}
        gold |= {k: v["status"] for k, v in data["data_types"].items()}
        found.append((path.stem, text, gold))
    return found


def seed_maps() -> list[tuple[str, str, dict[str, str]]]:
    found = []
    for path in sorted((ROOT / "policy_maps").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = (SEEDS / f"{path.stem}.txt").read_text(encoding="utf-8")
        found.append((path.stem, text, {k: v["status"] for k, v in data["categories"].items()}))
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sealed", action="store_true", help="also measure gold/iot_sealed/")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--zh", action="store_true", help="the Chinese figures (policy_eval_zh.py)")
    args = parser.parse_args()
    if args.worker:
        return worker()
    if args.zh:
        from policy_eval_zh import main as chinese

        return chinese([])

    from permaudit.models import Category, DataType

    categories = [c.value for c in Category]
    data_types = [d.value for d in DataType]
    folders = [("iot (tune)", GOLD / "iot")]
    if args.sealed:
        folders.append(("iot_sealed", GOLD / "iot_sealed"))
    corpora: list[tuple[str, list[tuple[str, str, dict[str, str]]]]] = [
        (name, gold_folder(path)) for name, path in folders
    ]
    corpora.append(("APP-350", app350(("TRAINING", "VALIDATION"))))
    corpora.append(("seeds", seed_maps()))
    texts = [text for _, items in corpora for _, text, _ in items]
    # 5,000 words of distinct policy text (APP-350 policies in order), for the speed figure.
    words: list[str] = []
    for _, text, _ in corpora[-2][1]:
        words += text.split()
        if len(words) >= 5000:
            break
    speed_text = " ".join(words[:5000])
    warm_text = corpora[-1][1][0][1]

    with tempfile.TemporaryDirectory() as today:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", TODAY, "permaudit"], capture_output=True, check=True
        )
        subprocess.run(["tar", "-x", "-C", today], input=archive.stdout, check=True)
        print(f"running today's analyzer ({TODAY}) ...", file=sys.stderr)
        old = run_worker(Path(today), texts, "", warm_text)
        # Speed in a process of its own: nothing of the corpus run (parsed sentences) is
        # cached there, only start-up is paid, on a seed policy.
        old["timing"] = run_worker(Path(today), [], speed_text, warm_text)["timing"]
    print("running this analyzer ...", file=sys.stderr)
    new = run_worker(ROOT, texts, "", warm_text)
    new["timing"] = run_worker(ROOT, [], speed_text, warm_text)["timing"]
    keyword = [keyword_statuses(t) for t in texts]

    offset = 0
    results: dict[str, tuple[list[Any], list[Any], list[Any]]] = {}
    for name, items in corpora:
        n = len(items)
        results[name] = (
            new["results"][offset : offset + n],
            old["results"][offset : offset + n],
            keyword[offset : offset + n],
        )
        offset += n

    print(f"{'':<28}{'this':>9}{'today':>9}{'keyword':>9}")
    for name, items in corpora:
        if name == "APP-350":
            continue
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

    items = dict(corpora)["APP-350"]
    got, before, kw = results["APP-350"]
    for split in ("TRAINING", "VALIDATION"):
        rows = [i for i, (s, _, _) in enumerate(items) if s == split]
        print(f"\nAPP-350 {split} ({len(rows)} policies), F1")
        print(f"  {'':<26}{'this':>9}{'today':>9}{'keyword':>9}")
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
    print(f"  {'':<26}{'this':>9}{'today':>9}")
    for label, key in (("first analysis", "first"), ("cached repeat", "repeat")):
        figures = "".join(f"{1000 * run['timing'][key]:>7.1f}ms" for run in (new, old))
        print(f"  {label:<26}{figures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
