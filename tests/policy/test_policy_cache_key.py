"""The cache key of policy facts covers everything the facts are derived from: a change to a
data file the analyzer reads — the ontology, the purpose ids, a language's lexicon — must miss
the cache, or a CI run would keep reporting facts of the old analyzer."""

from __future__ import annotations

from pathlib import Path

import pytest

from permaudit.catalog.parsed_cache import DATA_DIR_VARIABLE
from permaudit.policy import cache

PACKAGE = Path(cache.__file__).resolve().parents[1]


def _key() -> str:
    cache._analyzer_fingerprint.cache_clear()
    return cache.key("We collect your IMEI.", (), None, "en")


@pytest.mark.parametrize(
    "data_file",
    ["catalog/ontology.yaml", "catalog/purposes.yaml", "policy/languages/en/lexicon.yaml"],
)
def test_a_changed_data_file_misses_the_cache(
    data_file: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = _key()
    copy = tmp_path / data_file
    copy.parent.mkdir(parents=True)
    copy.write_text((PACKAGE / data_file).read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(tmp_path))
    same = _key()
    copy.write_text(copy.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    changed = _key()
    monkeypatch.delenv(DATA_DIR_VARIABLE)
    assert _key() == shipped
    # A copy is a data set of its own (it could differ any time), and a change to it misses.
    assert changed != same


def test_the_key_hashes_the_text_and_its_language() -> None:
    cache._analyzer_fingerprint.cache_clear()
    base = cache.key("We collect your IMEI.", (), None, "en")
    assert cache.key("We collect your IMSI.", (), None, "en") != base
    assert cache.key("We collect your IMEI.", (), None, "zh") != base
    assert cache.key("We collect your IMEI.", ("Data",), None, "en") != base
    assert cache.key("We collect your IMEI.", (), None, "en") == base
