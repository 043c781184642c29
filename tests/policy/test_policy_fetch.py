"""`--policy URL` and `--policy -`, against a real HTTP server on 127.0.0.1 (no mocks).

The server (http.server in a thread) serves a policy, redirects, a 404, a slow and a trickling
response, an oversized one, and pages in a charset only the Content-Type header tells.
"""

from __future__ import annotations

import hashlib
import io
import json
import socket
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from permaudit.cli import main
from permaudit.errors import InputError
from permaudit.policy.fetch import cache_directory, fetch_policy, read_stdin
from permaudit.policy.loader import policy_text_from_bytes
from tests.cli_support import IPCAM, MINIMAL, assert_error_line, run_cli

ROOT = Path(__file__).resolve().parents[2]
POLICY_HTML = (ROOT / "tests" / "fixtures" / "policies" / "demo_policy.html").read_bytes()
# "€" is 0xA4 in ISO-8859-15 and "¤" in cp1252, which a guess picks for Western text.
LATIN9_PAGE = "Privacy policy. We charge fees in € for the cloud video plan.".encode("iso-8859-15")
UTF8_PAGE = "Privacy policy of Café Cams: we collect camera video.".encode()


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        pass  # the test output is not an access log

    def do_GET(self) -> None:
        self.server.requests.append((self.path, dict(self.headers)))
        path = self.path
        if path == "/policy.html":
            etag = '"v1"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.end_headers()
                return
            self._send(POLICY_HTML, "text/html; charset=utf-8", etag=etag)
        elif path.startswith("/hops/"):
            left = int(path.rsplit("/", 1)[1])
            self._redirect("/policy.html" if left == 0 else f"/hops/{left - 1}")
        elif path == "/loop":
            self._redirect("/loop")
        elif path == "/latin9":
            self._send(LATIN9_PAGE, "text/plain; charset=ISO-8859-15")
        elif path == "/mislabelled":
            self._send(UTF8_PAGE, "text/plain; charset=iso-8859-1")
        elif path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()  # no Content-Length: the cap must hold while streaming
            for _ in range(4):
                self.wfile.write(b"privacy " * 65536)
        elif path == "/big-declared":
            self.send_response(200)
            self.send_header("Content-Length", str(1 << 40))
            self.end_headers()
        elif path == "/slow":
            time.sleep(2)
            self._send(b"too late", "text/plain")
        elif path == "/trickle":
            self.send_response(200)
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b"p")
                self.wfile.flush()
                time.sleep(0.1)
        else:
            self._send(b"<html><body><h1>Not found</h1></body></html>", "text/html", status=404)

    def _send(
        self, body: bytes, content_type: str, *, status: int = 200, etag: str | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if etag:
            self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, target: str) -> None:
        self.send_response(302)
        self.send_header("Location", target)
        self.send_header("Content-Length", "0")
        self.end_headers()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    requests: list[tuple[str, dict[str, str]]]

    def handle_error(self, request: object, client_address: object) -> None:
        # The fetcher hangs up on purpose (too large, too slow); the handler's broken pipe is
        # expected, and socketserver's traceback would land in the CLI's captured stderr.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture
def server() -> Iterator[_Server]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    httpd.requests = []
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()


def url(server: _Server, path: str) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}{path}"


@pytest.fixture(autouse=True)
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own user cache directory, through XDG_CACHE_HOME.

    Proxy settings of the machine are dropped: httpx honours them, and a CI proxy would
    otherwise be asked for 127.0.0.1.
    """
    home = tmp_path / "xdg-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    return home


def test_cache_directory_honours_xdg_cache_home(cache_home: Path) -> None:
    assert cache_directory() == cache_home / "permaudit" / "policies"


def test_policy_from_a_url_records_url_and_sha256(server: _Server, cache_home: Path) -> None:
    address = url(server, "/hops/2")
    result = run_cli("policy", address, "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["source"] == address
    assert report["url"] == url(server, "/policy.html")  # after the redirects
    assert report["sha256"] == hashlib.sha256(POLICY_HTML).hexdigest()
    assert report["categories"]["camera"]["status"] == "explicit"
    # The same page read from disk gives the same facts: HTML goes through the same loader.
    from_file = json.loads(
        run_cli(
            "policy", ROOT / "tests/fixtures/policies/demo_policy.html", "--format", "json"
        ).stdout
    )
    assert report["categories"] == from_file["categories"]
    assert list((cache_home / "permaudit" / "policies").glob("*.body"))


def test_audit_report_carries_the_url(server: _Server) -> None:
    address = url(server, "/policy.html")
    result = run_cli("audit", IPCAM, "--policy", address, "--format", "json", "--fail-on", "none")
    assert result.exit_code == 0, result.output
    policy = json.loads(result.stdout)["policy"]
    assert (policy["url"], policy["sha256"]) == (address, hashlib.sha256(POLICY_HTML).hexdigest())


def test_sarif_locates_policy_findings_at_the_url(server: _Server) -> None:
    address = url(server, "/policy.html")
    # minimal.apk asks for nothing the policy discloses: notes located at policy sentences.
    result = run_cli(
        "audit", MINIMAL, "--policy", address, "--format", "sarif", "--fail-on", "none"
    )
    assert result.exit_code == 0, result.output
    uris = {
        location["physicalLocation"]["artifactLocation"]["uri"]
        for run in json.loads(result.stdout)["runs"]
        for finding in run["results"]
        for location in finding["locations"]
    }
    assert address in uris


def test_local_policy_json_has_no_url_field() -> None:
    result = run_cli("policy", ROOT / "tests/fixtures/policies/demo_policy.txt", "--format", "json")
    assert "url" not in json.loads(result.stdout)


def test_redirects_are_bounded(server: _Server) -> None:
    # /hops/N answers with N + 1 redirects before the policy.
    assert fetch_policy(url(server, "/hops/4")).data == POLICY_HTML
    with pytest.raises(InputError, match=r"too many redirects \(more than 5\)"):
        fetch_policy(url(server, "/hops/5"))
    address = url(server, "/loop")
    assert_error_line(run_cli("policy", address), address, "too many redirects")


def test_404_is_one_line_naming_the_url(server: _Server) -> None:
    address = url(server, "/gone.html")
    assert_error_line(run_cli("policy", address), address, "HTTP 404 Not Found")
    audit = run_cli("audit", IPCAM, "--policy", address)
    assert_error_line(audit, address, "HTTP 404")


def test_connection_refused_is_one_line() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    address = f"http://127.0.0.1:{port}/privacy"
    assert_error_line(run_cli("policy", address), address, "cannot connect")


def test_too_large_is_refused_while_streaming(server: _Server) -> None:
    with pytest.raises(InputError, match=r"too large \(more sent; the limit is 1 MiB\)"):
        fetch_policy(url(server, "/big"), max_bytes=1 << 20)
    address = url(server, "/big-declared")
    assert_error_line(run_cli("policy", address), address, "1048576.0 MiB declared")


def test_a_silent_server_times_out(server: _Server) -> None:
    started = time.monotonic()
    with pytest.raises(InputError, match=r"no response for 0.3 s \(time-out\)"):
        fetch_policy(url(server, "/slow"), read_timeout=0.3)
    assert time.monotonic() - started < 1.5


def test_a_trickling_server_hits_the_deadline(server: _Server) -> None:
    """One byte every 0.1 s never trips a read time-out; the whole-download limit stops it."""
    with pytest.raises(InputError, match=r"download took longer than 0\.5 s"):
        fetch_policy(url(server, "/trickle"), read_timeout=1, deadline=0.5)


def test_the_declared_charset_is_honoured(server: _Server) -> None:
    document = fetch_policy(url(server, "/latin9"))
    assert document.charset == "ISO-8859-15"
    text = policy_text_from_bytes(document.label, document.data, charset=document.charset).text
    assert "fees in € for" in text
    # Without the header the same bytes read otherwise: the header is what decided.
    assert "fees in € for" not in policy_text_from_bytes("page.txt", document.data).text


def test_a_server_default_latin1_label_on_utf8_is_not_honoured(server: _Server) -> None:
    document = fetch_policy(url(server, "/mislabelled"))
    text = policy_text_from_bytes(document.label, document.data, charset=document.charset).text
    assert "Café Cams" in text


def test_cache_revalidates_and_offline_never_connects(server: _Server) -> None:
    address = url(server, "/policy.html")
    first = fetch_policy(address)
    again = fetch_policy(address)
    assert again.data == first.data
    assert server.requests[-1][1].get("If-None-Match") == '"v1"'  # answered 304
    server.shutdown()
    server.server_close()
    offline = run_cli("policy", address, "--offline", "--format", "json")
    assert offline.exit_code == 0, offline.output
    assert json.loads(offline.stdout)["sha256"] == hashlib.sha256(POLICY_HTML).hexdigest()


def test_offline_cache_miss_is_one_line() -> None:
    address = "https://never-fetched.example/privacy"
    result = run_cli("audit", IPCAM, "--policy", address, "--offline")
    assert_error_line(result, address, "not in the cache (--offline)")


def test_a_damaged_cache_entry_counts_as_a_miss(server: _Server, cache_home: Path) -> None:
    address = url(server, "/policy.html")
    fetch_policy(address)
    (body,) = (cache_home / "permaudit" / "policies").glob("*.body")
    body.write_bytes(b"tampered")
    assert_error_line(run_cli("policy", address, "--offline"), address, "not in the cache")


def test_policy_from_standard_input() -> None:
    result = run_cli_with_input(POLICY_HTML, "policy", "-", "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["source"] == "-"
    assert report["sha256"] == hashlib.sha256(POLICY_HTML).hexdigest()
    assert report["categories"]["camera"]["status"] == "explicit"


def test_standard_input_is_bounded_and_errors_name_it() -> None:
    with pytest.raises(InputError, match="more than 10 bytes on standard input"):
        read_stdin(io.BytesIO(b"x" * 11), max_bytes=10)
    empty = run_cli_with_input(b"", "policy", "-")
    assert_error_line(empty, "-", "empty file")


def run_cli_with_input(data: bytes, *args: str) -> Result:
    return CliRunner().invoke(main, list(args), input=data, catch_exceptions=False)


def test_a_configured_url_is_fetched_not_joined_to_the_config_path(
    server: _Server, tmp_path: Path
) -> None:
    address = url(server, "/policy.html")
    config = tmp_path / "permaudit.toml"
    config.write_text(f'policy = "{address}"\n', encoding="utf-8")
    result = run_cli("audit", IPCAM, "--config", config, "--format", "json", "--fail-on", "none")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["policy"]["url"] == address
