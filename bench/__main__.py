"""`make bench`: run every bench_*.py module's main() in turn (or the ones named)."""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time

import bench


def main(argv: list[str]) -> int:
    names = sorted(
        m.name for m in pkgutil.iter_modules(bench.__path__) if m.name.startswith("bench_")
    )
    if argv:
        names = [n for n in names if any(a in n for a in argv)]
    failed = 0
    for name in names:
        print(f"== {name}", flush=True)
        start = time.perf_counter()
        module = importlib.import_module(f"bench.{name}")
        try:
            failed += bool(module.main())
        except Exception as exc:  # one broken benchmark must not hide the others' figures
            print(f"   {name} failed: {exc!r}")
            failed += 1
        print(f"   ({time.perf_counter() - start:.1f} s)\n", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
