"""Policy documents that are not local files: http(s) URLs (fetched, cached) and standard input.

This module turns a policy *source* into a `PolicyDocument` (bytes plus what the transport
says about them); `permaudit.policy.loader` turns that into text exactly as it does a file, so
an HTML page fetched from a URL and the same page saved to disk read the same.

Fetching, with httpx:
- time-outs: `CONNECT_TIMEOUT` to connect, `READ_TIMEOUT` of silence while reading, and a
  `DEADLINE` for the whole download, so a server that trickles bytes cannot hold a CI job;
- at most `MAX_REDIRECTS` redirects;
- at most `MAX_DOWNLOAD_BYTES`, enforced while streaming (Content-Length is not trusted);
- the charset the server declares (Content-Type) is handed to the decoder, which honours it.

Cache: every successful download is kept under the user cache directory
(`$XDG_CACHE_HOME/permaudit/policies`, else `~/.cache/permaudit/policies` on Linux), keyed by
the URL as given. A later fetch revalidates with the cached ETag / Last-Modified (a 304 reuses
the copy); `offline=True` uses only the cache and never opens a connection.

Every problem is an `InputError` naming the URL (or `-` for standard input) in one line.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import urlsplit

from permaudit import __version__
from permaudit.errors import InputError

if TYPE_CHECKING:
    import httpx

MiB = 1024 * 1024
# Real policies, PDFs included, are well under a few MiB; a bigger download is a wrong URL.
MAX_DOWNLOAD_BYTES = 16 * MiB
MAX_STDIN_BYTES = 64 * MiB
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 20.0
DEADLINE = 60.0
MAX_REDIRECTS = 5
STDIN = "-"

_ACCEPT = "text/html, application/xhtml+xml, text/plain, text/markdown, application/pdf, */*;q=0.5"
_CACHE_FORMAT = 1


@dataclass(frozen=True)
class PolicyDocument:
    """The bytes of a policy and what their transport says about them."""

    # What errors and reports name: the URL as given, or "-" for standard input.
    label: str
    data: bytes
    # Where the bytes came from after redirects; None for standard input.
    url: str | None = None
    # The charset and media type of the Content-Type header, when the server sent them.
    charset: str | None = None
    media_type: str | None = None


def is_url(source: str) -> bool:
    return source[:8].lower().startswith(("http://", "https://"))


def cache_directory() -> Path:
    """Where fetched policies are kept; platformdirs honours XDG_CACHE_HOME."""
    from platformdirs import user_cache_path

    return user_cache_path("permaudit", appauthor=False) / "policies"


def read_stdin(stream: IO[bytes] | None = None, max_bytes: int = MAX_STDIN_BYTES) -> PolicyDocument:
    """The policy piped to standard input, refused beyond `max_bytes`."""
    stream = stream if stream is not None else sys.stdin.buffer
    if stream.isatty():
        raise InputError(STDIN, "standard input is a terminal: pipe the policy in, or name a file")
    try:
        data = stream.read(max_bytes + 1)
    except OSError as error:
        raise InputError(STDIN, f"cannot read standard input: {error.strerror or error}") from None
    if len(data) > max_bytes:
        raise InputError(STDIN, f"more than {_amount(max_bytes)} on standard input")
    return PolicyDocument(label=STDIN, data=data)


def fetch_policy(
    url: str,
    *,
    offline: bool = False,
    cache_dir: Path | None = None,
    max_bytes: int = MAX_DOWNLOAD_BYTES,
    connect_timeout: float = CONNECT_TIMEOUT,
    read_timeout: float = READ_TIMEOUT,
    deadline: float = DEADLINE,
    max_redirects: int = MAX_REDIRECTS,
) -> PolicyDocument:
    """The document at `url`: downloaded (and cached), or from the cache when `offline`."""
    cache = _Cache(cache_dir if cache_dir is not None else cache_directory(), url)
    cached = cache.load()
    if offline:
        if cached is None:
            raise InputError(url, "not in the cache (--offline): fetch it once without --offline")
        return cached.document
    import httpx  # on use: importing it costs more than `permaudit --version` may take

    # identity: a compressed body would be inflated by httpx in one go, outside the size cap.
    headers = {
        "User-Agent": f"permaudit/{__version__}",
        "Accept": _ACCEPT,
        "Accept-Encoding": "identity",
    }
    if cached is not None:
        if cached.etag:
            headers["If-None-Match"] = cached.etag
        if cached.last_modified:
            headers["If-Modified-Since"] = cached.last_modified
    timeout = httpx.Timeout(read_timeout, connect=connect_timeout)
    started = time.monotonic()  # the deadline covers connecting and redirects too
    try:
        with (
            httpx.Client(
                follow_redirects=True,
                max_redirects=max_redirects,
                timeout=timeout,
                headers=headers,
                trust_env=True,
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code == 304 and cached is not None:
                return cached.document
            if response.status_code >= 400:
                raise InputError(url, f"HTTP {response.status_code} {response.reason_phrase}")
            if not 200 <= response.status_code < 300:
                raise InputError(url, f"unexpected HTTP {response.status_code} (wanted 200)")
            data = _read_capped(url, response, max_bytes, started, deadline)
            document = PolicyDocument(
                label=url,
                data=data,
                url=str(response.url),
                charset=_charset(response),
                media_type=_media_type(response),
            )
            cache.store(
                document,
                etag=response.headers.get("etag"),
                last_modified=response.headers.get("last-modified"),
            )
            return document
    except httpx.HTTPError as error:
        problem = _network_problem(error, connect_timeout, read_timeout, max_redirects)
        raise InputError(url, problem) from None


def _read_capped(
    url: str, response: httpx.Response, max_bytes: int, started: float, deadline: float
) -> bytes:
    """The body, refused beyond `max_bytes` or `deadline` seconds after `started`."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise InputError(url, _too_large(f"{int(declared) / MiB:.1f} MiB declared", max_bytes))
    received = bytearray()
    # Unsized: each piece as it arrives, so the deadline is checked while a server trickles.
    for chunk in response.iter_bytes():
        received += chunk
        if len(received) > max_bytes:
            raise InputError(url, _too_large("more sent", max_bytes))
        if time.monotonic() - started > deadline:
            raise InputError(url, f"download took longer than {deadline:g} s (server too slow)")
    return bytes(received)


def _too_large(what: str, max_bytes: int) -> str:
    return f"document is too large ({what}; the limit is {_amount(max_bytes)})"


def _amount(count: int) -> str:
    return f"{count / MiB:g} MiB" if count >= MiB else f"{count} bytes"


def _charset(response: httpx.Response) -> str | None:
    content_type: str = response.headers.get("content-type", "")
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip(' "'):
            return value.strip(' "')
    return None


def _media_type(response: httpx.Response) -> str | None:
    content_type: str = response.headers.get("content-type", "")
    media_type = content_type.split(";")[0].strip().lower()
    return media_type or None


def _network_problem(
    error: Exception, connect_timeout: float, read_timeout: float, max_redirects: int
) -> str:
    import httpx

    if isinstance(error, httpx.ConnectTimeout):
        return f"connection timed out after {connect_timeout:g} s"
    if isinstance(error, (httpx.ReadTimeout, httpx.WriteTimeout, httpx.PoolTimeout)):
        return f"no response for {read_timeout:g} s (time-out)"
    if isinstance(error, httpx.TooManyRedirects):
        return f"too many redirects (more than {max_redirects})"
    if isinstance(error, httpx.UnsupportedProtocol):
        return f"cannot fetch: {_first_line(error)} (only http and https are fetched)"
    if isinstance(error, httpx.ConnectError):
        return f"cannot connect: {_first_line(error)}"
    if isinstance(error, httpx.RemoteProtocolError):
        return f"broken HTTP response: {_first_line(error)}"
    return f"network error: {type(error).__name__}: {_first_line(error)}"


def _first_line(error: Exception) -> str:
    lines = str(error).splitlines()
    return lines[0] if lines else type(error).__name__


# --- the cache -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    document: PolicyDocument
    etag: str | None
    last_modified: str | None


class _Cache:
    """One URL's cached copy: `<sha256 of the URL>.body` and its `.json` description."""

    def __init__(self, directory: Path, url: str) -> None:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        self.url = url
        self.directory = directory
        self.body = directory / f"{key}.body"
        self.meta = directory / f"{key}.json"

    def load(self) -> _Entry | None:
        """The cached copy, or None when there is none or it is damaged (then refetched)."""
        try:
            meta: dict[str, Any] = json.loads(self.meta.read_text(encoding="utf-8"))
            data = self.body.read_bytes()
        except (OSError, ValueError):
            return None
        if (
            not isinstance(meta, dict)
            or meta.get("format") != _CACHE_FORMAT
            or meta.get("url") != self.url
            or meta.get("sha256") != hashlib.sha256(data).hexdigest()
        ):
            return None
        document = PolicyDocument(
            label=self.url,
            data=data,
            url=_optional_str(meta.get("final_url")),
            charset=_optional_str(meta.get("charset")),
            media_type=_optional_str(meta.get("media_type")),
        )
        return _Entry(
            document, _optional_str(meta.get("etag")), _optional_str(meta.get("last_modified"))
        )

    def store(
        self, document: PolicyDocument, *, etag: str | None, last_modified: str | None
    ) -> None:
        """Keep the copy; a cache that cannot be written costs the next run a download, no more."""
        meta = {
            "format": _CACHE_FORMAT,
            "url": self.url,
            "final_url": document.url,
            "sha256": hashlib.sha256(document.data).hexdigest(),
            "charset": document.charset,
            "media_type": document.media_type,
            "etag": etag,
            "last_modified": last_modified,
        }
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            # Body first, description last, each replaced atomically: a run that dies in
            # between leaves a description whose sha256 does not match, read as no copy.
            _write_atomically(self.body, document.data)
            _write_atomically(self.meta, json.dumps(meta, indent=2).encode("utf-8"))
        except OSError as error:
            print(
                f"permaudit: warning: cannot cache {self.url} in {self.directory}: "
                f"{error.strerror or error}",
                file=sys.stderr,
            )


def _write_atomically(path: Path, data: bytes) -> None:
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _optional_str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def url_suffix(url: str) -> str:
    """The file extension of the URL's path (".html", ".pdf", ...), lower-case, or ""."""
    name = urlsplit(url).path.rsplit("/", 1)[-1]
    _, dot, extension = name.rpartition(".")
    return f".{extension.lower()}" if dot and extension else ""
