"""Time and peak memory of `load_app` on the fixtures and, when installed, a 45 MB APK.

Run: python benchmarks/extract_bench.py   (prints figures; asserts nothing)
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from permaudit.apk import load_app  # noqa: E402

FRAMEWORK_RES = Path("/usr/share/android-framework-res/framework-res.apk")


def main() -> None:
    apps = (ROOT / "tests" / "fixtures" / "apk").iterdir()
    targets = sorted(t for t in apps if t.suffix in (".apk", ".apks", ".xapk", ".aab"))
    if FRAMEWORK_RES.is_file():
        targets.append(FRAMEWORK_RES)
    for target in targets:
        start = time.perf_counter()
        facts = load_app(target)
        elapsed = time.perf_counter() - start
        size = target.stat().st_size / 1e6
        print(
            f"{target.name:28} {size:8.2f} MB  {elapsed * 1000:8.1f} ms  "
            f"{len(facts.permissions):4d} permissions"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of the whole run: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
