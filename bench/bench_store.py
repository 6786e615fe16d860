"""Benchmark of the store and the exports: save and load with 100 versions; Excel, Word, HTML and JSON per example.

Run: .venv/bin/python bench/bench_store.py [--repeat N]   (medians in ms; SQLite in a temporary folder)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from model.api import EXPORT_FORMATS, assess, export, load_library, load_project  # noqa: E402
from model.store import Store  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    library = load_library()
    example = load_project(ROOT / "examples" / "jv-china-battery.yaml", library)
    with tempfile.TemporaryDirectory() as folder:
        store = Store(f"sqlite:///{folder}/bench.db")
        saves = []
        for i in range(100):
            example.project.description = f"版 {i + 1}"
            saves.append(timed(lambda i=i: store.save(example, "bench", f"v{i + 1}", base_version=i or None)))
        loads = [timed(lambda: store.load(example.project.id, library=library)) for _ in range(args.repeat)]
        history = [timed(lambda: store.versions(example.project.id)) for _ in range(args.repeat)]
        print("# store (SQLite, one project with 100 versions; medians in ms)")
        print(f"save a version   {statistics.median(saves):7.1f}   (first {saves[0]:.1f}, 100th {saves[-1]:.1f})")
        print(f"load the latest  {statistics.median(loads):7.1f}")
        print(f"list 100 versions {statistics.median(history):6.1f}")
    print(f"# exports (median of {args.repeat} runs, ms)")
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        a = assess(load_project(path, library), library)
        row = []
        for fmt in EXPORT_FORMATS:
            ms = statistics.median(
                timed(lambda fmt=fmt, a=a: export(a, library, fmt, "ja")) for _ in range(args.repeat)
            )
            row.append(f"{fmt} {ms:7.1f}")
        print(f"{path.stem:24s} " + "   ".join(row))


if __name__ == "__main__":
    main()
