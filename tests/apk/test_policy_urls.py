"""Privacy-policy URLs inside the APK, and `audit --policy auto`.

doorbell.apk (tests/fixtures/src/doorbell, built by scripts/build_fixtures) holds one policy
URL in res/values/strings.xml, another in a smali const-string, and a cloud-API URL in both
that is no policy.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from permaudit.apk import load_app
from permaudit.apk.policy_urls import choose_policy_url
from permaudit.errors import InputError
from permaudit.models import AppFacts
from permaudit.models.app import PolicyUrl
from permaudit.policy.fetch import PolicyDocument, _Cache, cache_directory
from tests.cli_support import APKS, MINIMAL, assert_error_line, run_cli

ROOT = Path(__file__).resolve().parents[2]
DOORBELL = APKS / "doorbell.apk"
SOURCE = ROOT / "tests" / "fixtures" / "src" / "doorbell"
POLICY = (ROOT / "tests" / "fixtures" / "policies" / "demo_policy.html").read_bytes()


def source_url(path: str, pattern: str) -> str:
    match = re.search(pattern, (SOURCE / path).read_text(encoding="utf-8"))
    assert match, pattern
    return match.group(1)


RESOURCE_URL = source_url("res/values/strings.xml", r'"privacy_policy_url">([^<]+)<')
CODE_URL = source_url(
    "smali/com/vendor/doorbell/AboutActivity.smali", r'const-string v2, "(https://[^"]+)"'
)


@pytest.fixture(autouse=True)
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache"


def cache_the_vendor_page() -> None:
    """The cache stands in for the vendor's site, which tests cannot reach: with --offline,
    a report carrying RESOURCE_URL proves that is the URL `auto` chose and read."""
    _Cache(cache_directory(), RESOURCE_URL).store(
        PolicyDocument(RESOURCE_URL, POLICY, url=RESOURCE_URL, media_type="text/html"),
        etag=None,
        last_modified=None,
    )


def test_extract_lists_the_resource_url_first_then_the_code_url() -> None:
    result = run_cli("extract", DOORBELL, "--format", "json")
    assert result.exit_code == 0, result.output
    urls = json.loads(result.stdout)["policy_urls"]
    assert urls == [
        {
            "url": RESOURCE_URL,
            "found_in": ["resources.arsc @string/privacy_policy_url"],
            "in_resources": True,
            "default_locale": True,
        },
        {"url": CODE_URL, "found_in": ["classes.dex"], "in_resources": False,
         "default_locale": False},
    ]  # fmt: skip
    assert not any("api.doorbell-vendor" in url["url"] for url in urls)


def test_extract_table_shows_them() -> None:
    text = run_cli("extract", DOORBELL).stdout
    assert "Privacy-policy URLs in the app" in text
    assert RESOURCE_URL in text and CODE_URL in text


def test_an_app_without_a_policy_url_lists_none() -> None:
    # minimal.apk opens https://portal.example.com/: a URL, but no privacy policy.
    assert load_app(MINIMAL).policy_urls == ()


def test_auto_uses_the_resource_url_and_says_so(cache_home: Path) -> None:
    cache_the_vendor_page()
    result = run_cli(
        "audit", DOORBELL, "--policy", "auto", "--offline", "--format", "json", "--fail-on", "none"
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["policy"]["url"] == RESOURCE_URL
    assert result.stderr.splitlines() == [
        f"permaudit: --policy auto: {RESOURCE_URL} "
        "(found in resources.arsc @string/privacy_policy_url)"
    ]


def test_auto_offline_without_the_page_cached_names_the_url() -> None:
    result = run_cli("audit", DOORBELL, "--policy", "auto", "--offline")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"permaudit: error: {RESOURCE_URL}: not in the cache (--offline): "
        "fetch it once without --offline"
    )


def test_auto_without_a_url_in_the_app_is_one_line() -> None:
    result = run_cli("audit", MINIMAL, "--policy", "auto")
    assert_error_line(result, MINIMAL, "no privacy-policy URL found in the app")


def test_auto_refuses_to_pick_between_equally_likely_urls() -> None:
    app = AppFacts(
        source="two.apk",
        package="com.example.two",
        policy_urls=(
            PolicyUrl(url="https://a.example/privacy", found_in=("resources.arsc @string/a",),
                      in_resources=True, default_locale=True),
            PolicyUrl(url="https://b.example/privacy", found_in=("resources.arsc @string/b",),
                      in_resources=True, default_locale=True),
            PolicyUrl(url="https://c.example/privacy", found_in=("classes.dex",)),
        ),
    )  # fmt: skip
    with pytest.raises(InputError) as raised:
        choose_policy_url(app)
    assert raised.value.problem == (
        "--policy auto: 2 privacy-policy URLs are equally likely "
        "(https://a.example/privacy, https://b.example/privacy); "
        "give the one to audit against with --policy URL"
    )


def test_diff_and_baseline_take_auto_from_the_app(cache_home: Path) -> None:
    cache_the_vendor_page()
    diff = run_cli("diff", DOORBELL, DOORBELL, "--policy", "auto", "--offline", "--format", "json")
    assert diff.exit_code == 0, diff.output
    assert json.loads(diff.stdout)["policy"]["url"] == RESOURCE_URL
    baseline = run_cli("baseline", DOORBELL, "--policy", "auto", "--offline")
    assert baseline.exit_code == 0, baseline.output
    assert json.loads(baseline.stdout)["policy"]["url"] == RESOURCE_URL
