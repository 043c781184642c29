"""Privacy-policy URLs inside an app, and which one `audit --policy auto` uses.

Apps link their privacy policy from a settings or "about" screen: the URL sits in a string
resource (resources.arsc) or in code, as a string constant of a DEX (const-string operands and
static final fields both live in its string table). A URL counts as a privacy policy when it
names one (privacy, datenschutz, yinsi, 隐私, ...) or when the string resource holding it
does (`@string/privacy_policy_url` pointing to `https://vendor.example/p/17`).

Which URL `--policy auto` uses (`choose_policy_url`), most convincing first:
1. found in a string resource of the default configuration (what the app shows by default);
2. found in a string resource at all (a translation's), over a constant only in code;
3. a URL that names a privacy policy itself, over one only its resource name vouches for.
The single URL ranked highest wins. None found, or several tied at the top, is an error that
lists them: permaudit then needs `--policy URL`, it never guesses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from permaudit.apk._dex import DexFormatError
from permaudit.apk.dex_files import DexRead
from permaudit.apk.resources import ResourceString
from permaudit.errors import InputError
from permaudit.models import AppFacts
from permaudit.models.app import PolicyUrl

# Characters RFC 3986 allows in a URL, percent signs included; quotes and spaces end it.
_URL = re.compile(r"https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+", re.IGNORECASE)
_POLICY_WORDS = re.compile(
    # English, Spanish/Portuguese, German (twice), French, pinyin, Chinese, Japanese, Korean.
    r"privacy|privacidad|privatsph|datenschutz|confidentialit|"
    r"yinsi|隐私|隱私|個人情報|개인정보|personal[-_]?(?:data|information)",
    re.IGNORECASE,
)
# Longer strings are documents or minified scripts, not a link.
_MAX_URL_LENGTH = 2048
_URL_PREFIX = b"http"


@dataclass
class _Found:
    url: str
    places: set[str] = field(default_factory=set)
    in_resources: bool = False
    default_locale: bool = False


def find_policy_urls(
    dex_files: Iterable[DexRead], resource_strings: Iterable[ResourceString]
) -> tuple[tuple[PolicyUrl, ...], list[str]]:
    """Privacy-policy URLs of the app, from its string resources and the string constants of
    its DEX files, most likely first, and a warning per DEX that could not be searched."""
    found: dict[str, _Found] = {}
    warnings: list[str] = []
    for string in resource_strings:
        named = bool(_POLICY_WORDS.search(string.name))
        for url in _urls_in(string.value):
            if not (named or _POLICY_WORDS.search(url)):
                continue
            entry = found.setdefault(url, _Found(url))
            locale = "" if string.default_locale else " (a translation)"
            entry.places.add(f"resources.arsc {string.name}{locale}")
            entry.in_resources = True
            entry.default_locale = entry.default_locale or string.default_locale
    for dex_name, url in _dex_urls(dex_files, warnings):
        found.setdefault(url, _Found(url)).places.add(dex_name)
    urls = [
        PolicyUrl(
            url=entry.url,
            found_in=tuple(sorted(entry.places)),
            in_resources=entry.in_resources,
            default_locale=entry.default_locale,
        )
        for entry in found.values()
    ]
    # Most likely first; URLs of equal rank in alphabetical order, so output is stable.
    urls.sort(key=lambda url: (tuple(-r for r in _url_rank(url)), url.url))
    return tuple(urls), warnings


def _urls_in(text: str) -> Iterator[str]:
    if "://" not in text:
        return
    for match in _URL.finditer(text):
        url = match.group(0).rstrip(".,;:)]'")
        if len(url) <= _MAX_URL_LENGTH and "." in url.split("://", 1)[1].split("/", 1)[0]:
            yield url


def _dex_urls(dex_files: Iterable[DexRead], warnings: list[str]) -> Iterator[tuple[str, str]]:
    """(DEX name, URL) for the string constants of every DEX that are a privacy-policy URL.

    Only strings that start with the URL: a sentence quoting one is text, not the link.
    """
    for read in dex_files:
        if read.dex is None:
            problem = read.refused or read.malformed
            warnings.append(f"{read.name}: not searched for a privacy-policy URL ({problem})")
            continue
        dex = read.dex
        try:
            # string_ids are sorted, so every string starting with "http" is one run.
            for index in dex.strings_with_prefix(_URL_PREFIX):
                text = dex.string(index)
                if _POLICY_WORDS.search(text):
                    for url in _urls_in(text):
                        yield read.name, url
        except DexFormatError as error:
            warnings.append(f"{read.name}: not searched for a privacy-policy URL ({error})")


@dataclass(frozen=True)
class ChosenUrl:
    url: str
    where: str


def choose_policy_url(app: AppFacts) -> ChosenUrl:
    """The URL `--policy auto` audits against (rules in the module docstring)."""
    candidates = app.policy_urls
    if not candidates:
        raise InputError(
            app.source,
            "--policy auto: no privacy-policy URL found in the app "
            "(string resources and DEX string constants); give --policy FILE or URL",
        )
    best = _url_rank(candidates[0])
    tied = [candidate for candidate in candidates if _url_rank(candidate) == best]
    if len(tied) > 1:
        listed = ", ".join(candidate.url for candidate in tied)
        raise InputError(
            app.source,
            f"--policy auto: {len(tied)} privacy-policy URLs are equally likely ({listed}); "
            "give the one to audit against with --policy URL",
        )
    return ChosenUrl(tied[0].url, ", ".join(tied[0].found_in))


def _url_rank(url: PolicyUrl) -> tuple[int, int, int]:
    return (
        int(url.default_locale),
        int(url.in_resources),
        int(bool(_POLICY_WORDS.search(url.url))),
    )
