"""Calibration figures: how the engine judges the public cases of calibration/ (issue 12 item 4).

Run: .venv/bin/python bench/calibration.py [--cases DIR] [--projects DIR] [--verbose]

For every case in calibration/cases/ that has both project files in calibration/projects/<case-id>/
(as-it-was.yaml, well-governed.yaml) it prints:
- failure channel in the top 3: one of the case's failure channels among the channels of the three highest
  findings of the "as it was" project (a channel the engine does not have yet counts as a miss, and is
  counted apart);
- warning signs raised: of the signs written before the engine was run, the share the engine raises on the
  "as it was" project — a fact id when some finding carries that fact; a country tie ``country:<factor>:<r>``
  when some finding carries a fact of that factor (the rating is indicative); a checklist id when the item is
  a gap, partial or unknown; a ``new:`` tie never (the engine has no such fact yet, counted apart);
- well-governed variants with no high or critical finding, and with no critical one;
- variants scoring lower than their "as it was" project;
- the severity distribution of all findings of both sets.
Targets (issue 12): top 3 ≥ 90 %, warning signs ≥ 90 %, well-governed with no high/critical ≥ 90 % and none
with a critical one. The figures are measured, never tuned here: weights live in libraries/scoring.yaml.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from model.api import Assessment, assess, load_library, load_project  # noqa: E402
from model.format.vocab import LeakChannel  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ENGINE_CHANNELS = {c.value for c in LeakChannel}
RAISING_STATUSES = {"gap", "partial", "unknown"}


@dataclass
class CaseResult:
    case: str
    channels: list[str]
    top3: list[str]
    hit: bool
    signs: list[tuple[str, bool]] = field(default_factory=list)
    """(ties_to, raised) for each warning sign."""
    as_it_was: float = 0.0
    well_governed: float = 0.0
    governed_worst: str = "low"

    @property
    def channels_known(self) -> bool:
        return any(c in ENGINE_CHANNELS for c in self.channels)


def sign_raised(tie: str, a: Assessment) -> bool:
    """Whether the engine raises a warning sign tied to a fact id, a country factor or a checklist item."""
    if tie.startswith("new:"):
        return False
    facts = {fact.id for f in a.findings for fact, _ in f.facts}
    if tie.startswith("country:"):
        factor = tie.split(":")[1]
        return any(fid.startswith(f"country:{factor}:") for fid in facts)
    if tie.startswith(("ch1.", "ch2.")):
        return any(r.id == tie and r.status in RAISING_STATUSES for r in a.checklist)
    return tie in facts


def top_channels(a: Assessment, n: int = 3) -> list[str]:
    return [f.channel.value for f in a.findings[:n]]


SEVERITY_RANK = {"low": 0, "medium": 1, "high": 2, "critical": 3}


def judge_case(case: dict, as_it_was: Assessment, governed: Assessment) -> CaseResult:
    channels = list(case.get("failure_channels") or [])
    top3 = top_channels(as_it_was)
    worst = max((f.severity for f in governed.findings), key=SEVERITY_RANK.__getitem__, default="low")
    return CaseResult(
        case=case["id"],
        channels=channels,
        top3=top3,
        hit=bool(set(channels) & set(top3)),
        signs=[(s["ties_to"], sign_raised(s["ties_to"], as_it_was)) for s in case.get("warning_signs") or []],
        as_it_was=as_it_was.score,
        well_governed=governed.score,
        governed_worst=worst,
    )


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f} % ({part}/{whole})" if whole else "— (0)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=ROOT / "calibration" / "cases")
    parser.add_argument("--projects", type=Path, default=ROOT / "calibration" / "projects")
    parser.add_argument("--verbose", action="store_true", help="one line per case and every sign not raised")
    args = parser.parse_args()

    library = load_library()
    results: list[CaseResult] = []
    severities: Counter[str] = Counter()
    without_projects = []
    for path in sorted(args.cases.glob("*.yaml")):
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        folder = args.projects / case["id"]
        files = folder / "as-it-was.yaml", folder / "well-governed.yaml"
        if not all(f.exists() for f in files):
            without_projects.append(case["id"])
            continue
        a, g = (assess(load_project(f, library), library) for f in files)
        severities.update(f.severity for f in a.findings + g.findings)
        results.append(judge_case(case, a, g))

    n = len(results)
    print(
        f"scoring model v{library.scoring.version}; {n} cases with both project files"
        + (f"; {len(without_projects)} without: {', '.join(without_projects)}" if without_projects else "")
    )
    if not n:
        return 1
    hits = sum(r.hit for r in results)
    unknown_channel = [r.case for r in results if not r.channels_known]
    signs = [s for r in results for s in r.signs]
    new_signs = sum(1 for tie, _ in signs if tie.startswith("new:"))
    raised = sum(1 for _, ok in signs if ok)
    clean = sum(1 for r in results if SEVERITY_RANK[r.governed_worst] < SEVERITY_RANK["high"])
    no_critical = sum(1 for r in results if r.governed_worst != "critical")
    lower = sum(1 for r in results if r.well_governed < r.as_it_was)
    total = sum(severities.values())
    print(f"failure channel in the top 3 findings : {percent(hits, n)}   (target ≥ 90 %)")
    print(f"  cases whose channels the engine lacks: {len(unknown_channel)} ({', '.join(unknown_channel) or '—'})")
    print(f"warning signs raised                  : {percent(raised, len(signs))}   (target ≥ 90 %)")
    print(f"  of which tied to facts the engine lacks (new:): {new_signs}")
    print(f"well-governed with no high/critical   : {percent(clean, n)}   (target ≥ 90 %)")
    print(f"well-governed with no critical        : {percent(no_critical, n)}   (target 100 %)")
    print(f"well-governed scoring lower           : {percent(lower, n)}")
    print(
        "severity distribution (all findings)  : "
        + ", ".join(f"{s} {severities[s]} ({100 * severities[s] / total:.0f} %)" for s in SEVERITY_RANK)
        if total
        else "—"
    )
    if args.verbose:
        print()
        for r in results:
            missed = [tie for tie, ok in r.signs if not ok]
            print(
                f"{'✓' if r.hit else '✗'} {r.case}: channels {', '.join(r.channels)}; top 3 {', '.join(r.top3)}; "
                f"score {r.as_it_was} → {r.well_governed} (worst {r.governed_worst}); "
                f"signs {len(r.signs) - len(missed)}/{len(r.signs)}"
                + (f"; not raised: {', '.join(missed)}" if missed else "")
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
