"""Time and memory of decoding an .aab's protobuf manifest, at fixture size and far beyond.

Run: python benchmarks/aab_bench.py   (prints figures; asserts nothing)

The large case is a synthetic manifest of 70,000 elements, each a <uses-permission> or
<activity> with an android:name and the resource id aapt2 gives it: about 7.7 MB, just under
the 8 MiB cap ApkArchive.read puts on a manifest, so about the most work an .aab may ask of
the decoder.
"""

from __future__ import annotations

import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from permaudit.apk import aab, axml, load_app  # noqa: E402
from permaudit.apk._proto import Resources_pb2 as pb  # noqa: E402
from permaudit.apk.manifest import facts_from_manifest  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "apk"
ELEMENTS = 70_000


def synthetic_manifest(elements: int) -> bytes:
    node = pb.XmlNode()
    node.element.name = "manifest"
    node.element.attribute.add(name="package", value="com.example.large")
    application = node.element.child.add().element
    application.name = "application"
    for index in range(elements - 2):
        parent = node.element if index % 2 else application
        child = parent.child.add().element
        child.name = "uses-permission" if index % 2 else "activity"
        child.attribute.add(
            namespace_uri=axml.ANDROID_NS,
            name="name",
            value=f"com.example.large.permission.P{index}",
            resource_id=0x01010003,
        )
    return node.SerializeToString()


def main() -> None:
    for name in ("watch.apk", "watch.aab", "watch_bundletool.aab"):
        path = FIXTURES / name
        load_app(path)  # warm the catalogs
        runs = 50
        start = time.perf_counter()
        for _ in range(runs):
            load_app(path)
        elapsed = (time.perf_counter() - start) / runs
        print(f"load_app {name:22} {elapsed * 1000:7.2f} ms per run ({runs} runs)")

    data = synthetic_manifest(ELEMENTS)
    start = time.perf_counter()
    root = aab.parse_manifest(data)
    parsed = time.perf_counter() - start
    # Memory in a second pass: tracemalloc slows allocation, so it stays out of the timing.
    tracemalloc.start()
    aab.parse_manifest(data)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    start = time.perf_counter()
    facts = facts_from_manifest(root, "synthetic", lambda _: None)
    built = time.perf_counter() - start
    print(
        f"synthetic manifest {len(data) / 1e6:.1f} MB, {ELEMENTS:,} elements: parse_manifest "
        f"{parsed * 1000:.0f} ms (traced peak {peak / 2**20:.0f} MiB), facts_from_manifest "
        f"{built * 1000:.0f} ms, {len(facts.permissions)} permissions"
    )
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of the whole run: {peak_rss:.0f} MiB")


if __name__ == "__main__":
    main()
