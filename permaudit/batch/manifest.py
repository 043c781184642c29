"""The pairs of a batch job: from a manifest (CSV or JSONL) or from a folder of apps.

A manifest names `app` and `policy` per row, and optionally `id` (default: the app as
written). Relative paths are relative to the manifest's folder, so a manifest moves with the
files it names. Problems with the manifest itself (unreadable, no `app` column, a duplicate
id) are InputErrors: the job cannot run. Problems with a pair's files are not detected here;
they become that pair's error line.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from permaudit.errors import InputError

# What `--apps DIR` picks up: the inputs `permaudit audit` reads.
APP_SUFFIXES = frozenset({".apk", ".apks", ".xapk", ".aab"})
MAX_MANIFEST_BYTES = 256 * 1024 * 1024
_URL_PREFIXES = ("http://", "https://")


@dataclass(frozen=True)
class Pair:
    """One (app, policy) pair: `app`/`policy` as the user wrote them, and where they are."""

    id: str
    app: str
    policy: str
    app_path: str
    policy_path: str


def _resolve(value: str, base: Path) -> str:
    if value.startswith(_URL_PREFIXES):
        return value
    path = Path(value).expanduser()
    return str(path if path.is_absolute() else base / path)


def _rows_from_csv(path: Path, text: str) -> list[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = [name.strip() for name in reader.fieldnames or ()]
        if "app" not in header:
            raise InputError(path, "manifest has no `app` column (CSV header: app,policy,id)")
        rows = []
        for row in reader:
            values = {
                (key or "").strip(): (value or "").strip()
                for key, value in row.items()
                if isinstance(value, str)
            }
            if any(values.values()):
                rows.append((reader.line_num, values))
    except csv.Error as error:
        raise InputError(path, f"line {reader.line_num}: not CSV: {error}") from None
    return rows


def _rows_from_jsonl(path: Path, text: str) -> list[tuple[int, dict[str, str]]]:
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(path, f"line {number}: not JSON: {error.msg}") from None
        if not isinstance(value, dict):
            raise InputError(path, f"line {number}: expected a JSON object with `app`, `policy`")
        row: dict[str, str] = {}
        for key in ("app", "policy", "id"):
            field = value.get(key)
            if field is None:
                continue
            if isinstance(field, bool) or not isinstance(field, str | int):
                raise InputError(path, f"line {number}: `{key}` must be a string")
            row[key] = str(field).strip()
        rows.append((number, row))
    return rows


def _is_jsonl(path: Path, text: str) -> bool:
    suffix = path.suffix.lower()
    if suffix in {".jsonl", ".ndjson", ".json"}:
        return True
    if suffix == ".csv":
        return False
    return text.lstrip().startswith("{")


def read_manifest(path: Path, *, default_policy: str | None = None) -> list[Pair]:
    """The pairs of a manifest file. `default_policy` fills rows without a policy."""
    try:
        if path.stat().st_size > MAX_MANIFEST_BYTES:
            raise InputError(path, "manifest is larger than 256 MiB")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a folder: give a manifest file, or --apps DIR") from None
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror or error}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(path, "manifest is not UTF-8 text") from None
    rows = _rows_from_jsonl(path, text) if _is_jsonl(path, text) else _rows_from_csv(path, text)
    if not rows:
        raise InputError(path, "manifest lists no pairs")
    base = path.parent
    default = _resolve(default_policy, Path.cwd()) if default_policy else None
    pairs: list[Pair] = []
    seen: dict[str, int] = {}
    for number, row in rows:
        app = row.get("app", "")
        if not app:
            raise InputError(path, f"line {number}: no `app`")
        policy = row.get("policy", "")
        if policy:
            policy_path = _resolve(policy, base)
        elif default is not None and default_policy is not None:
            policy, policy_path = default_policy, default
        else:
            raise InputError(path, f"line {number}: no `policy` (or give --policy POLICY)")
        pair_id = row.get("id") or app
        if pair_id in seen:
            raise InputError(
                path,
                f"line {number}: id {pair_id!r} already used on line {seen[pair_id]}"
                + ("" if row.get("id") else " (add an `id` column to tell the pairs apart)"),
            )
        seen[pair_id] = number
        pairs.append(Pair(pair_id, app, policy, _resolve(app, base), policy_path))
    return pairs


def pairs_from_folder(folder: Path, policy: str) -> list[Pair]:
    """Every app under `folder` (recursively, sorted), each with the same policy."""
    if not folder.is_dir():
        raise InputError(folder, "no such folder" if not folder.exists() else "not a folder")
    apps = sorted(p for p in folder.rglob("*") if p.suffix.lower() in APP_SUFFIXES and p.is_file())
    if not apps:
        raise InputError(folder, "no apps (.apk, .apks, .xapk, .aab) in this folder")
    policy_path = _resolve(policy, Path.cwd())
    return [
        Pair(str(app.relative_to(folder)), str(app), policy, str(app), policy_path) for app in apps
    ]
