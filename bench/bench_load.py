"""Benchmark of the app under load: server-side latency of a dashboard rerun, one session alone and then with many
sessions rerunning at the same time in one process (the harness of tests/test_load.py: AppTest sessions in
threads sharing the store, library and assessment caches, as the sessions of one server do).

Run: .venv/bin/python bench/bench_load.py [--sessions N] [--reruns R]
Each session opens a project of its own (the last two share one), warms it with one rerun, waits for the others,
then reruns its dashboard R times (the lone session 3R times). Printed: the median of the lone session's reruns; the median and p90 of all
reruns under load, the range of the per-session medians, the ratio to the lone median, and the reruns served per
second either way. A Streamlit server runs every session's script in a thread of one Python process, so under load
the reruns share one interpreter (and the machine's cores): the ratio says how much longer a user waits.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def measure(plans, reruns: int):
    """(per-session rerun durations in seconds, wall time of the timed part in seconds)."""
    from tests import load_support as ls

    outcomes = ls.run_together(plans, ls.dashboard_reruns(reruns))
    for o in outcomes:
        if o.failure:
            raise SystemExit(f"session {o.plan.index} failed:\n{o.failure}")
        broken = [(s.name, s.exceptions) for s in o.steps if s.exceptions]
        if broken:
            raise SystemExit(f"session {o.plan.index} raised: {broken[0]}")
    timed = [s for o in outcomes for s in o.steps if s.name == "rerun"]
    wall = max(s.ended for s in timed) - min(s.started for s in timed)
    return [o.times("rerun") for o in outcomes], wall


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=22, help="sessions under load (the last two share a project)")
    parser.add_argument("--reruns", type=int, default=10, help="timed dashboard reruns per session")
    args = parser.parse_args()
    folder = tempfile.mkdtemp()
    os.environ["TTPLAN_DATABASE_URL"] = f"sqlite:///{folder}/bench.db"
    os.environ["TTPLAN_WORKSPACE"] = folder
    os.environ.pop("TTPLAN_AUTH", None)

    import streamlit

    from tests import load_support as ls

    # AppTest setting session state from a driving thread warns "missing ScriptRunContext": expected here. (A filter,
    # because Streamlit resets its loggers' levels when it reads its config.)
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
        lambda record: "missing ScriptRunContext" not in record.getMessage()
    )

    plans = ls.plans(args.sessions, ls.populate(args.sessions - 1))
    print(
        f"# dashboard rerun under load (server side, AppTest sessions in threads; streamlit {streamlit.__version__},"
        f" {os.cpu_count()} cores)"
    )

    alone_reruns = 3 * args.reruns  # cheap alone, and steadier
    alone, alone_wall = measure(plans[:1], alone_reruns)
    alone_median, _ = ls.summary_ms(alone[0])
    started = time.perf_counter()
    loaded, loaded_wall = measure(plans, args.reruns)
    total = time.perf_counter() - started
    everything = [t for times in loaded for t in times]
    median, p90 = ls.summary_ms(everything)
    per_session = [statistics.median(times) * 1000 for times in loaded]

    print(f"{'':34s} {'median':>8s} {'p90':>8s}  (ms)")
    print(f"{'1 session alone':34s} {alone_median:8.1f} {ls.summary_ms(alone[0])[1]:8.1f}   {alone_reruns} reruns")
    print(f"{f'{args.sessions} sessions at once, all reruns':34s} {median:8.1f} {p90:8.1f}   {len(everything)} reruns")
    print(f"{'per-session medians under load':34s} {min(per_session):8.1f} .. {max(per_session):.1f}")
    print(f"ratio loaded / alone (medians):    {median / alone_median:8.2f}")
    print(
        f"reruns served per second:          {alone_reruns / alone_wall:8.1f} alone, "
        f"{len(everything) / loaded_wall:.1f} under load"
    )
    print(f"(load phase incl. opening the projects: {total:.1f} s)")


if __name__ == "__main__":
    main()
