"""Policy facts cached by content, so a CI run against an unchanged policy pays nothing.

Entries live in the user cache dir (`$XDG_CACHE_HOME/permaudit/policy-facts`, else
`~/.cache/permaudit/policy-facts`), one JSON file per key. The key hashes the analyzer itself
(its code and data files) with the text, so any change to either misses. A cache that cannot
be read or written is no error: the policy is analysed as if there were none.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from pydantic import ValidationError

from permaudit.catalog.parsed_cache import data_override
from permaudit.models import PolicyFacts

_ROOT = Path(__file__).resolve().parents[1]
# What the analyzer is made of: the policy package, the ontology it derives statuses by (its
# data and the code that reads denials, coverage and products_have from it), the purpose ids
# and the models.
_ANALYZER_FILES = (
    "policy/**/*.py",
    "policy/**/*.yaml",
    "catalog/ontology.yaml",
    "catalog/ontology.py",
    "catalog/parsed_cache.py",
    "catalog/purposes.yaml",
    "models/*.py",
)


def directory() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "permaudit" / "policy-facts"


@cache
def _analyzer_fingerprint() -> str:
    digest = hashlib.sha256()
    # Data files read in place of the shipped ones (parsed_cache.data_override) are part of
    # the analyzer too.
    override = data_override()
    roots = (_ROOT,) if override is None else (_ROOT, override)
    for root in roots:
        for pattern in _ANALYZER_FILES:
            for path in sorted(root.glob(pattern)):
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def key(text: str, headings: Sequence[str], file_text: str | None, language: str | None) -> str:
    digest = hashlib.sha256(_analyzer_fingerprint().encode())
    for part in (text, "\x00".join(headings), file_text, language):
        digest.update(b"\x01" if part is None else b"\x02" + part.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def load(entry: str) -> PolicyFacts | None:
    try:
        data = (directory() / f"{entry}.json").read_bytes()
        return PolicyFacts.model_validate_json(data)
    except (OSError, ValueError, ValidationError):
        return None


def store(entry: str, facts: PolicyFacts) -> None:
    folder = directory()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(facts.model_dump_json())
        os.replace(temporary, folder / f"{entry}.json")
    except OSError:
        return
