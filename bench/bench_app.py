"""Benchmark of the app: server-side time of a rerun of each page on each example (AppTest, median), and the floor —
the same page drawing the same charts and tables from results computed beforehand.

Run: .venv/bin/python bench/bench_app.py [--repeat N]
The floor replaces the cached core calls (assessment, ranking, content key) with plain lookups of results computed
before timing, so rerun/floor shows what a rerun spends beyond drawing. Target: ratio ≤ 1.5 and rerun < 150 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = [
    "dashboard",
    "portfolio",
    "editor",
    "disclosure",
    "governance",
    "whatif",
    "contract",
    "findings",
    "graph",
    "history",
]


def run_times(at, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--pages", nargs="*", default=PAGES)
    args = parser.parse_args()
    folder = tempfile.mkdtemp()
    os.environ["TTPLAN_DATABASE_URL"] = f"sqlite:///{folder}/bench.db"
    os.environ["TTPLAN_WORKSPACE"] = folder

    import logging

    from streamlit.testing.v1 import AppTest

    logging.getLogger("streamlit").setLevel(logging.ERROR)  # "missing ScriptRunContext" from direct core calls

    from model import api
    from ui import core

    examples = [p.stem for p in core.EXAMPLES]
    print(f"# app reruns (server side, AppTest, median of {args.repeat}, ms)")
    print(f"{'page':12s} {'example':24s} {'rerun':>8s} {'floor':>8s} {'ratio':>6s}")
    for page in args.pages:
        for example in examples:
            at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
            at.session_state["lang"] = "ja"
            at.session_state["user"] = "bench"
            at.run()
            from ui import session

            session_spec = core.store().load(example, library=core.library())
            at.session_state[session.PROJECT] = example
            at.session_state[session.BASE] = core.store().project(example).latest_version
            at.session_state[session.DRAFT] = session_spec
            at.session_state[session.SAVED_KEY] = core.spec_key(session_spec)
            at.switch_page(f"app_pages/{page}.py")
            at.run()
            if at.exception:
                print(f"{page:12s} {example:24s}  page raised: {at.exception[0].message[:80]}")
                continue
            rerun = run_times(at, args.repeat)
            # The floor: every core result precomputed, served without hashing or cache lookups.
            spec = at.session_state[session.DRAFT]
            key = core.spec_key(spec)
            assessed = api.assess(spec, core.library())
            ranked = api.rank_mitigations(assessed)
            saved = (core.spec_key, core.assessment, core.ranking)
            core.spec_key = lambda s, _k=key: _k
            core.assessment = lambda s, key=None, _a=assessed: _a
            core.ranking = lambda s, key=None, _r=ranked: _r
            try:
                floor = run_times(at, args.repeat)
            finally:
                core.spec_key, core.assessment, core.ranking = saved
            print(f"{page:12s} {example:24s} {rerun:8.1f} {floor:8.1f} {rerun / floor:6.2f}")


if __name__ == "__main__":
    main()
