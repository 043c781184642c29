"""Files the suite reads from `../shared` beside the checkout, and how to skip without them.

CI has `shared/` beside the clone; a clone without it must still pass, skipping (with a
reason) the tests that need the seed policies or the SARIF schema, never failing on them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"


def _needs(path: Path) -> pytest.MarkDecorator:
    where = path.relative_to(ROOT.parent)
    return pytest.mark.skipif(
        not path.exists(), reason=f"needs ../{where} beside the checkout, and it is not there"
    )


needs_seeds = _needs(SEEDS)
needs_sarif_schema = _needs(SARIF_SCHEMA)


def seed_files() -> list[Path]:
    """The seed policies (`*.txt`), or none when `../shared` is missing."""
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
