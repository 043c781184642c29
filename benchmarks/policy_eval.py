"""Measure the policy analyzer on the APP-350 corpus (TRAINING and VALIDATION splits).

Usage (from the repository root):
    python benchmarks/policy_eval.py [--dataset ../shared/datasets/app350] [--errors TRAINING]

Gold per policy and category (mapping of ../shared/datasets/README.md): "disclosed" when any
mapped practice (first or third party) is PERFORMED, "denied" when only NOT_PERFORMED ones map
to it, else "absent". Predicted "disclosed" is status explicit or vague.

How denials are counted: precision/recall/F1 are for the positive class "disclosed". A
category the analyzer calls `denied` is a negative prediction, exactly like `absent`, so a
policy that says "we do not collect your location" is a true negative when the analyzer
denies it and a false positive when it reports a disclosure (which is what plain keyword
search does). Denial agreement (gold denied → predicted denied) is printed separately.

Every row scores the analyzer's own status for the category, nothing derived from other
categories: local_network is disclosed exactly when permaudit reports it explicit or vague.

Speed is policies per second of `analyze_text` alone (YAML parsing and interpreter start
excluded), on one core.

After the figures, the remaining TRAINING errors are counted by their reviewed class
(benchmarks/policy_eval_errors.yaml: analyzer wrong, SPEC-correct but unlabelled by APP-350,
gold inconsistent), so the gap to a perfect score can be read honestly.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from permaudit.models import Category  # noqa: E402
from permaudit.policy import analyze_text  # noqa: E402

CATEGORIES: dict[str, tuple[str, ...]] = {
    "location": ("Location", "Location_GPS", "Location_Cell_Tower", "Location_WiFi",
                 "Location_Bluetooth"),
    "device_id": ("Identifier_IMEI", "Identifier_IMSI", "Identifier_Device_ID",
                  "Identifier_SIM_Serial", "Identifier_MAC", "Identifier_Ad_ID"),
    "local_network": ("Identifier_SSID_BSSID", "Location_WiFi"),
    "contacts": ("Contact_Address_Book",),
}  # fmt: skip
SPLITS = ("TRAINING", "VALIDATION")
REVIEWED_SPLIT = "TRAINING"
REVIEW_CLASSES = ("analyzer", "spec", "gold")
REVIEWS = Path(__file__).resolve().with_name("policy_eval_errors.yaml")

# The plain keyword search the analyzer must beat: any occurrence of a category word.
BASELINE = {
    "location": re.compile(r"\b(?:location|gps|geolocation|latitude)\b", re.I),
    "device_id": re.compile(
        r"\b(?:imei|imsi|device id|device identifier|android id|advertising id|mac address|"
        r"serial number|udid)\b",
        re.I,
    ),
    "local_network": re.compile(r"\b(?:wi-?fi|ssid|bssid|wlan|router|local network)\b", re.I),
    "contacts": re.compile(r"\b(?:contacts|address book|phone book|phonebook)\b", re.I),
}


@dataclass
class Policy:
    policy_id: int
    split: str
    text: str
    gold: dict[str, str]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    gold_denied: int = 0
    denied_right: int = 0
    false_positives: list[int] = field(default_factory=list)
    false_negatives: list[int] = field(default_factory=list)

    def add(self, policy_id: int, gold: str, predicted: str) -> None:
        gold_pos = gold == "disclosed"
        pred_pos = predicted in ("explicit", "vague")
        if gold_pos and pred_pos:
            self.tp += 1
        elif pred_pos:
            self.fp += 1
            self.false_positives.append(policy_id)
        elif gold_pos:
            self.fn += 1
            self.false_negatives.append(policy_id)
        else:
            self.tn += 1
        if gold == "denied":
            self.gold_denied += 1
            self.denied_right += predicted == "denied"

    def prf(self) -> tuple[float, float, float]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def load(dataset: Path) -> list[Policy]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    policies = []
    for path in sorted(dataset.glob("policy_*.yml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
        if data["policy_type"] not in SPLITS:
            continue
        modalities: dict[str, set[str]] = {}
        for segment in data["segments"]:
            for annotation in segment["annotations"]:
                practice = annotation["practice"].rsplit("_", 1)[0]
                modalities.setdefault(practice, set()).add(annotation["modality"])
        gold = {}
        for category, practices in CATEGORIES.items():
            seen = set().union(*(modalities.get(p, set()) for p in practices))
            gold[category] = "disclosed" if "PERFORMED" in seen else "denied" if seen else "absent"
        text = "\n\n".join(s["segment_text"] for s in data["segments"])
        policies.append(Policy(data["policy_id"], data["policy_type"], text, gold))
    return policies


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--dataset", type=Path, default=ROOT / ".." / "shared" / "datasets" / "app350"
    )
    parser.add_argument("--errors", choices=SPLITS, help="list misclassified policy ids")
    parser.add_argument(
        "--repeat", type=int, default=3, help="timed passes over the corpus (best and median)"
    )
    parser.add_argument(
        "--reviews", type=Path, default=REVIEWS, help="reviewed classes of the TRAINING errors"
    )
    parser.add_argument(
        "--zh", action="store_true", help="also the Chinese figures (policy_eval_zh.py)"
    )
    args = parser.parse_args()
    if args.zh:
        from policy_eval_zh import main as chinese

        chinese([])
    if not args.dataset.is_dir():
        print(f"dataset not found: {args.dataset}", file=sys.stderr)
        return 2
    policies = load(args.dataset)

    # Compiling the lexicons is start-up cost, like the interpreter's: done before timing.
    analyze_text(policies[0].text, source="warm-up")
    predictions: dict[int, dict[str, str]] = {}
    timings: list[float] = []
    for _ in range(max(1, args.repeat)):
        started = time.perf_counter()
        for policy in policies:
            facts = analyze_text(policy.text, source=f"policy_{policy.policy_id}")
            predictions[policy.policy_id] = {
                c: facts.categories[Category(c)].status.value for c in CATEGORIES
            }
        timings.append(time.perf_counter() - started)

    errors: dict[str, dict[int, str]] = {}
    for split in SPLITS:
        subset = [p for p in policies if p.split == split]
        print(f"\n{split} ({len(subset)} policies)")
        print(
            f"{'category':<14} {'P':>6} {'R':>6} {'F1':>6}   {'keyword P':>9} {'R':>6} {'F1':>6}"
            "   gold denied→denied"
        )
        for category in CATEGORIES:
            score, baseline = Score(), Score()
            for policy in subset:
                gold = policy.gold[category]
                score.add(policy.policy_id, gold, predictions[policy.policy_id][category])
                keyword = BASELINE[category].search(policy.text)
                baseline.add(policy.policy_id, gold, "explicit" if keyword else "absent")
            precision, recall, f1 = score.prf()
            kp, kr, kf = baseline.prf()
            print(
                f"{category:<14} {precision:6.3f} {recall:6.3f} {f1:6.3f}   "
                f"{kp:9.3f} {kr:6.3f} {kf:6.3f}   {score.denied_right}/{score.gold_denied}"
            )
            if args.errors == split:
                print(f"    FP {score.false_positives}\n    FN {score.false_negatives}")
            if split == REVIEWED_SPLIT:
                errors[category] = {i: "FP" for i in score.false_positives} | {
                    i: "FN" for i in score.false_negatives
                }
    best, median = min(timings), statistics.median(timings)
    print(
        f"\nspeed: {len(policies) / best:.1f} policies/s best, {len(policies) / median:.1f} median"
        f" of {len(timings)} passes ({len(policies)} policies, best pass {best:.2f} s;"
        " analysis only, one core)"
    )
    print(f"statuses predicted: {sorted({s for p in predictions.values() for s in p.values()})}")
    if args.reviews.is_file():
        print_error_classes(errors, args.reviews)
    return 0


def print_error_classes(errors: dict[str, dict[int, str]], reviews_path: Path) -> None:
    """Count the remaining TRAINING errors per category by their reviewed class."""
    reviews = yaml.safe_load(reviews_path.read_text(encoding="utf-8"))["errors"]
    columns = (*REVIEW_CLASSES, "unreviewed")
    print(f"\n{REVIEWED_SPLIT} errors by review class ({reviews_path.name}):")
    print(f"{'category':<14} {'errors':>6}" + "".join(f" {c:>10}" for c in columns))
    totals = dict.fromkeys(columns, 0)
    stale: list[str] = []
    for category, found in errors.items():
        reviewed = {int(k): v for k, v in (reviews.get(category) or {}).items()}
        counts = dict.fromkeys(columns, 0)
        for policy_id, kind in found.items():
            entry = reviewed.get(policy_id)
            known = entry is not None and entry["error"] == kind
            counts[entry["class"] if known else "unreviewed"] += 1
        stale += [f"{category} {i}" for i, e in reviewed.items() if found.get(i) != e["error"]]
        for column in columns:
            totals[column] += counts[column]
        print(f"{category:<14} {len(found):>6}" + "".join(f" {counts[c]:>10}" for c in columns))
    print(
        f"{'total':<14} {sum(totals.values()):>6}" + "".join(f" {totals[c]:>10}" for c in columns)
    )
    print(
        "  analyzer: analyzer wrong; spec: SPEC-correct, unlabelled by APP-350; gold: gold labels"
        " inconsistent"
    )
    if stale:
        print(f"  stale reviews (no longer errors): {', '.join(stale)}")


if __name__ == "__main__":
    sys.exit(main())
