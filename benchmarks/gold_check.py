"""Check the gold labels under benchmarks/gold/: every key present, statuses valid, each quote
verbatim in its policy (whitespace folded), purpose ids known, each file named after its policy,
and no policy labelled in two folders (a sealed text must not also sit in the tune gold). Prints
one line per problem and a count per folder, and exits 1 when there is any problem, so a labeller
can run it after every file.

    python benchmarks/gold_check.py [GOLD.yaml ...]
    python benchmarks/gold_check.py --text DATASET FILE   # the text a gold file's quotes come from
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from permaudit.models import Category, Status, all_data_types

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "benchmarks" / "gold"
DATASETS = ROOT.parent / "shared" / "datasets"
_SPACE = re.compile(r"\s+")


def _folded(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def policy_text(dataset: str, file: str) -> str:
    """The text a gold file labels: the file itself, or for APP-350 its segments joined as
    policy_eval and precision_review join them (so quotes and offsets agree)."""
    source = DATASETS / dataset / file
    if dataset == "app350":
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data = yaml.load(source.read_text(encoding="utf-8"), Loader=loader)
        return "\n\n".join(s["segment_text"] for s in data["segments"])
    return source.read_text(encoding="utf-8")


# The fourth sealed set, fixed in session 5 before its labels were written (gold/README.md):
# listed here so every tunable figure leaves these texts out from the moment they are sealed.
APP350_SEALED2 = (
    "policy_103", "policy_112", "policy_113", "policy_207",
    "policy_218", "policy_307", "policy_309", "policy_350",
)  # fmt: skip


def app350_sealed() -> frozenset[str]:
    """Stems of the sealed APP-350 policies (gold/app350_sealed/ and the fourth set): every
    APP-350 figure that can be tuned on (TRAINING F1, --errors, the precision reviews) leaves
    them out."""
    labelled = {path.stem for path in (GOLD / "app350_sealed").glob("*.yaml")}
    return frozenset(labelled | set(APP350_SEALED2))


def gold_purposes(documents: Iterable[Mapping[str, Any]]) -> list[dict[str, set[str]]]:
    """Per loaded gold file (or reviewed seed map), the purpose ids it names for each disclosed
    category."""
    return [
        {
            key: {purpose["id"] for purpose in entry.get("purposes") or []}
            for key, entry in data["categories"].items()
            if entry["status"] in ("explicit", "vague")
        }
        for data in documents
    ]


def load_folder(folder: Path) -> list[tuple[str, Any]]:
    """(file stem, parsed YAML) of each gold file (or reviewed map) of a folder, in order."""
    return [
        (path.stem, yaml.safe_load(path.read_text(encoding="utf-8")))
        for path in sorted(folder.glob("*.yaml"))
    ]


def purposes_found(gold: list[dict[str, set[str]]], got: list[dict[str, list[str]]]) -> str:
    """Share of the gold's (policy, category, purpose) triples the analyzer states too: the
    gold names a purpose only where the policy states one, so this is recall; a purpose the
    analyzer adds that the labeller did not list is not counted against it."""
    total = found = 0
    for want, have in zip(gold, got, strict=True):
        for key, ids in want.items():
            total += len(ids)
            found += len(ids & set(have.get(key, ())))
    return f"{100 * found / total:6.1f}%" if total else "     —"


def purpose_missing_right(
    gold: list[dict[str, set[str]]],
    statuses: list[dict[str, str] | None],
    got: list[dict[str, list[str]]],
) -> str:
    """Where gold and analyzer both find a category disclosed, how often they agree on whether
    a purpose is stated: the `purpose_missing` finding (SPEC §3) turns on exactly that."""
    total = right = 0
    for want, status, have in zip(gold, statuses, got, strict=True):
        for key, ids in want.items():
            if (status or {}).get(key) not in ("explicit", "vague"):
                continue
            total += 1
            right += bool(ids) == bool(have.get(key))
    return f"{100 * right / total:6.1f}%" if total else "     —"


def _purpose_ids() -> set[str]:
    candidates = [
        ROOT / "permaudit" / "catalog" / "purposes.yaml",
        ROOT / "permaudit" / "policy" / "purposes.yaml",
    ]
    for path in candidates:
        if path.exists():
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            return set(data.get("purposes", data))
    return set()


def check(path: Path, purpose_ids: set[str]) -> list[str]:
    problems: list[str] = []
    data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        return [f"{path}: not a mapping"]
    source = DATASETS / str(data.get("dataset")) / str(data.get("file"))
    if not source.is_file():
        return [f"{path}: no policy file {source}"]
    if path.stem != Path(str(data.get("file"))).stem:
        problems.append(f"{path.name}: labels {data.get('file')}, so it must be named after it")
    if (path.stem in APP350_SEALED2) != (path.parent.name == "app350_sealed2"):
        problems.append(
            f"{path}: {path.stem} may stand only in app350_sealed2/, which holds only"
            " gold_check.APP350_SEALED2"
        )
    text = _folded(policy_text(str(data.get("dataset")), str(data.get("file"))))

    def entry(kind: str, key: str, value: Any) -> None:
        where = f"{path.name}: {kind} {key}"
        if not isinstance(value, dict):
            problems.append(f"{where}: not a mapping")
            return
        status = value.get("status")
        if status not in {s.value for s in Status}:
            problems.append(f"{where}: status {status!r}")
        quotes = value.get("quotes") or []
        if status != "absent" and not quotes:
            problems.append(f"{where}: {status} needs a quote")
        for quote in quotes:
            if _folded(str(quote)) not in text:
                problems.append(f"{where}: quote not in the policy: {str(quote)[:80]!r}")
        for purpose in value.get("purposes") or []:
            if purpose_ids and purpose.get("id") not in purpose_ids:
                problems.append(f"{where}: unknown purpose id {purpose.get('id')!r}")
            if _folded(str(purpose.get("quote", ""))) not in text:
                problems.append(f"{where}: purpose quote not in the policy")
        unknown = set(value) - {"status", "quotes", "purposes", "note"}
        if unknown:
            problems.append(f"{where}: unknown keys {sorted(unknown)}")

    categories = data.get("categories") or {}
    data_types = data.get("data_types") or {}
    for category in Category:
        if category.value not in categories:
            problems.append(f"{path.name}: category {category.value} missing")
        else:
            entry("category", category.value, categories[category.value])
    for data_type in all_data_types():
        if data_type.value not in data_types:
            problems.append(f"{path.name}: data type {data_type.value} missing")
        else:
            entry("data type", data_type.value, data_types[data_type.value])
    extra = (set(categories) - {c.value for c in Category}) | (
        set(data_types) - {d.value for d in all_data_types()}
    )
    if extra:
        problems.append(f"{path.name}: unknown ids {sorted(extra)}")
    return problems


def labelled_twice(paths: list[Path]) -> list[str]:
    """One problem per policy that more than one gold file labels."""
    owners: dict[tuple[str, str], list[Path]] = {}
    for path in paths:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict):
            key = (str(data.get("dataset")), str(data.get("file")))
            owners.setdefault(key, []).append(path)
    return [
        f"{dataset}/{file}: labelled by "
        + ", ".join(str(p.relative_to(GOLD) if p.is_relative_to(GOLD) else p) for p in found)
        for (dataset, file), found in sorted(owners.items())
        if len(found) > 1
    ]


def main(argv: list[str]) -> int:
    if argv[:1] == ["--text"] and len(argv) == 3:
        # What a labeller reads: the exact text the quotes are checked against.
        print(policy_text(argv[1], argv[2]))
        return 0
    paths = [Path(a) for a in argv] or sorted(GOLD.glob("*/*.yaml"))
    purpose_ids = _purpose_ids()
    problems = [problem for path in paths for problem in check(path, purpose_ids)]
    # Across every folder even when files are named, so a new file is checked against the rest.
    everything = sorted({p.resolve() for p in (*paths, *GOLD.glob("*/*.yaml"))})
    problems += labelled_twice(everything)
    for problem in problems:
        print(problem)
    folders: dict[str, int] = {}
    for path in paths:
        folders[path.parent.name] = folders.get(path.parent.name, 0) + 1
    print(", ".join(f"{name}/ {count}" for name, count in sorted(folders.items())))
    print(f"{len(paths)} gold files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
