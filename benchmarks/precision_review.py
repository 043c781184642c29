"""Precision review of the categories APP-350 never labelled, on a seeded TRAINING sample.

APP-350 labels location, device_id, contacts and a few identifiers; every other verdict the
analyzer gives on its policies (camera, microphone, storage, calendar, ...) was never checked.
This script draws a seeded random sample of TRAINING policies (never VALIDATION: its errors are
not read), lists each explicit/vague/denied verdict of those categories with the analyzer's
evidence and the sentence around it, and scores the verdicts against a hand review kept as data
in `precision_review.yaml` (one entry per policy, category and verdict: right or wrong, the
phenomenon of a wrong one, a quote). Misses found while skimming are kept there too
(`verdict: absent`, `right: false`) and counted apart: they are recall, not precision.

    python benchmarks/precision_review.py            # precision per category of today's verdicts
    python benchmarks/precision_review.py --list     # every verdict of the sample, to review
    python benchmarks/precision_review.py --list --unreviewed   # only those not reviewed yet
    python benchmarks/precision_review.py --review benchmarks/precision_review_r2.yaml  # round 2

A review file's `sample:` is either a seeded draw (`seed`, `size`: the first round) or the
list of policies it reviews (`policies`: later rounds, drawn once and written down so a round
does not shift when another round's file changes). The third sealed set (gold/app350_sealed/)
is refused in every sample: it is measured, never reviewed.

A verdict the analyzer gives today that the review does not hold is counted "unreviewed", so a
change that creates new verdicts shows up instead of passing silently.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402
from gold_check import app350_sealed  # noqa: E402

APP350 = ROOT / ".." / "shared" / "datasets" / "app350"
REVIEW = Path(__file__).with_name("precision_review.yaml")
# Categories APP-350 has no label for (local_network only through SSID/BSSID, so its category
# verdict was never compared either).
UNLABELLED = (
    "camera", "microphone", "storage", "calendar", "phone", "sms", "health", "sensors",
    "notifications", "installed_apps", "bluetooth", "local_network",
)  # fmt: skip
SEED = 20261209
SAMPLE = 40
# gold/README.md: sealed before session 4 changed the analyzer; never reviewed or tuned on.
APP350_SEALED = app350_sealed()
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s|\n")


def training_stems() -> list[str]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    stems = []
    for path in sorted(APP350.glob("policy_*.yml")):
        head = path.read_text(encoding="utf-8")
        if "policy_type: TRAINING" in head:
            stems.append(path.stem)
            continue
        # Not where we expect it: read the file properly.
        if (
            "policy_type:" not in head
            and yaml.load(head, Loader=loader).get("policy_type") == "TRAINING"
        ):
            stems.append(path.stem)
    return stems


def sample(size: int, seed: int) -> list[str]:
    stems = training_stems()
    return sorted(random.Random(seed).sample(stems, min(size, len(stems))))


def sample_of(review: Path) -> list[str]:
    """The policies a review file covers: its written list, or its seeded draw."""
    drawn = (yaml.safe_load(review.read_text(encoding="utf-8")) or {}).get("sample", {})
    stems = (
        sorted(drawn["policies"])
        if "policies" in drawn
        else sample(int(drawn.get("size", SAMPLE)), int(drawn.get("seed", SEED)))
    )
    sealed = sorted(APP350_SEALED.intersection(stems))
    if sealed:
        raise SystemExit(f"{review.name}: sample holds sealed policies {sealed}")
    return stems


def policy_text(stem: str) -> str:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load((APP350 / f"{stem}.yml").read_text(encoding="utf-8"), Loader=loader)
    if data["policy_type"] != "TRAINING":
        raise SystemExit(f"{stem}: not a TRAINING policy; this review reads TRAINING only")
    return "\n\n".join(s["segment_text"] for s in data["segments"])


def sentence_around(text: str, start: int, end: int, limit: int = 400) -> str:
    """The sentence (or list item) of `text` holding [start, end), cut to `limit` characters."""
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    found = _SENTENCE_END.search(text, end)
    right = found.start() if found else len(text)
    sentence = " ".join(text[left:right].split())
    if len(sentence) > limit:
        middle = " ".join(text[start:end].split())
        at = sentence.find(middle)
        lo = max(0, at - limit // 2)
        sentence = "…" + sentence[lo : lo + limit] + "…"
    return sentence


def verdicts(stems: list[str]) -> list[dict[str, Any]]:
    """Every non-absent verdict of the unlabelled categories, with evidence and sentence."""
    from permaudit.errors import InputError
    from permaudit.policy import analyze_text, normalised_text

    found = []
    for stem in stems:
        text = policy_text(stem)
        try:
            facts = analyze_text(text, source=stem)
        except InputError as error:
            # A terms-of-service page in place of a policy: no verdict to review.
            print(f"# skipped: {error}", file=sys.stderr)
            continue
        normalised = normalised_text(text)
        for category, disclosure in sorted(facts.categories.items(), key=lambda i: i[0].value):
            if category.value not in UNLABELLED or disclosure.status.value == "absent":
                continue
            found.append(
                {
                    "policy": stem,
                    "category": category.value,
                    "verdict": disclosure.status.value,
                    "evidence": [
                        (e.quote, sentence_around(normalised, e.start, e.end))
                        for e in disclosure.evidence
                    ],
                }
            )
    return found


def load_review(review_file: Path) -> dict[tuple[str, str, str], dict[str, Any]]:
    if not review_file.exists():
        return {}
    data = yaml.safe_load(review_file.read_text(encoding="utf-8")) or {}
    for entry in data.get("reviews", []):
        if entry["policy"] in APP350_SEALED:
            raise SystemExit(f"{review_file.name}: {entry['policy']} is sealed (app350_sealed)")
    review: dict[tuple[str, str, str], dict[str, Any]] = {}
    for entry in data.get("reviews", []):
        key = (entry["policy"], entry["category"], entry["verdict"])
        if key in review:
            raise SystemExit(f"{review_file.name}: {key} reviewed twice")
        if entry["category"] not in UNLABELLED:
            raise SystemExit(f"{review_file.name}: {key}: category APP-350 labels itself")
        if not isinstance(entry.get("right"), bool):
            raise SystemExit(f"{review_file.name}: {key}: `right` must be true or false")
        if not entry["right"] and not entry.get("phenomenon"):
            raise SystemExit(f"{review_file.name}: {key}: a wrong verdict names its phenomenon")
        review[key] = entry
    return review


def list_verdicts(
    found: list[dict[str, Any]], unreviewed_only: bool, blind: bool, review_file: Path
) -> None:
    review = load_review(review_file)
    for verdict in found:
        key = (verdict["policy"], verdict["category"], verdict["verdict"])
        entry = review.get(key)
        if unreviewed_only and entry is not None:
            continue
        mark = "?" if entry is None or blind else "right" if entry["right"] else "WRONG"
        print(f"\n## {key[0]}  {key[1]}  {key[2]}  [{mark}]")
        for quote, sentence in verdict["evidence"][:4]:
            print(f"   «{quote}»  in: {sentence}")


def score(found: list[dict[str, Any]], stems: list[str], review_file: Path) -> None:
    review = load_review(review_file)
    seen = {(v["policy"], v["category"], v["verdict"]) for v in found}
    per: dict[str, Counter[str]] = {c: Counter() for c in UNLABELLED}
    phenomena: Counter[str] = Counter()
    for key in sorted(seen):
        entry = review.get(key)
        state = "unreviewed" if entry is None else "right" if entry["right"] else "wrong"
        per[key[1]][state] += 1
        if entry is not None and not entry["right"]:
            phenomena[entry["phenomenon"]] += 1
    listed = (
        yaml.safe_load(review_file.read_text(encoding="utf-8")).get("policies", [])
        if review_file.exists()
        else []
    )
    reviewed_policies = sorted(set(listed) & set(stems))
    misses = [e for k, e in review.items() if k[2] == "absent" and k[0] in stems]
    still_missed = [
        e for e in misses if not any((e["policy"], e["category"], v) in seen
                                     for v in ("explicit", "vague"))
    ]  # fmt: skip
    print(f"# {review_file.name}: {len(stems)} APP-350 TRAINING policies; "
          f"{len(reviewed_policies)} reviewed by hand")  # fmt: skip
    print(
        f"{'category':16} {'verdicts':>8} {'right':>6} {'wrong':>6} {'unrev.':>6} {'precision':>9}"
    )
    total: Counter[str] = Counter()
    for category in UNLABELLED:
        counts = per[category]
        total.update(counts)
        judged = counts["right"] + counts["wrong"]
        figure = f"{counts['right'] / judged:9.3f}" if judged else f"{'-':>9}"
        print(
            f"{category:16} {sum(counts.values()):8} {counts['right']:6} {counts['wrong']:6} "
            f"{counts['unreviewed']:6} {figure}"
        )
    judged = total["right"] + total["wrong"]
    figure = f"{total['right'] / judged:9.3f}" if judged else f"{'-':>9}"
    print(
        f"{'all':16} {sum(total.values()):8} {total['right']:6} {total['wrong']:6} "
        f"{total['unreviewed']:6} {figure}"
    )
    if phenomena:
        print("\n# wrong verdicts today, by phenomenon")
        for phenomenon, count in phenomena.most_common():
            print(f"{count:4}  {phenomenon}")
    if misses:
        print(f"\n# misses found while skimming: {len(misses)}; still missed today: "
              f"{len(still_missed)}")  # fmt: skip
        for entry in still_missed:
            print(f"      {entry['policy']} {entry['category']}: {entry.get('phenomenon', '')}")
    stale = [k for k in review if k[2] != "absent" and k[0] in stems and k not in seen]
    if stale:
        print(f"\n# reviewed verdicts the analyzer no longer gives: {len(stale)} "
              f"({sum(not review[k]['right'] for k in stale)} of them were wrong)")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="list every verdict of the sample")
    parser.add_argument("--unreviewed", action="store_true", help="with --list: only new ones")
    parser.add_argument(
        "--blind", action="store_true", help="with --list: hide the reviews (for a new reader)"
    )
    parser.add_argument(
        "--review",
        type=Path,
        default=REVIEW,
        help="the review file of the round (default: the first, precision_review.yaml)",
    )
    args = parser.parse_args()
    stems = sample_of(args.review)
    found = verdicts(stems)
    if args.list:
        list_verdicts(found, args.unreviewed, args.blind, args.review)
    else:
        score(found, stems, args.review)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
