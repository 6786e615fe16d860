"""Benchmark of the assessment engine: example projects and synthetic projects of 10, 100 and 1,000 technologies.

Run: .venv/bin/python bench/bench_engine.py [--repeat N]
Prints medians (ms) of: full assessment (findings, checklist, scores, timeline), mitigation ranking, and the
1,000-technology project; and the growth ratio per ten-fold size. Figures are machine-dependent; compare ratios
within one run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from model.api import assess, load_library, load_project, rank_mitigations  # noqa: E402
from model.format.spec import ProjectSpec  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LEVELS = ["overview", "specification", "sanitised_drawings", "full_drawings", "process_knowhow", "recipe_source"]
METHODS = ["view_only_cloud", "on_site_training", "paper", "electronic_copy", "physical_delivery"]
FORMS = ["drawings", "formulation_data", "process_knowhow", "custom_equipment", "software", "parts_samples", "moulds"]


def synthetic(n: int) -> ProjectSpec:
    """A JV with n technologies and proportional partners (n/10), people groups (n/5), equipment (n/2), stages (n/20)."""
    partners = max(2, n // 10)
    stages = max(2, n // 20)
    data = {
        "format_version": 1,
        "project": {"id": f"synthetic-{n}", "name": f"合成 {n}", "deal_type": "joint_venture", "host_country": "CN"},
        "our_company": {"information_rules": "in_place", "training_and_pledges": "partial"},
        "technologies": [
            {
                "id": f"t{i}",
                "name": f"技術{i}",
                "forms": [FORMS[i % 7], FORMS[(i + 3) % 7]],
                "importance": {"market_value": ["low", "medium", "high", "very_high"][i % 4], "catch_up_years": i % 12},
                "export_control": "catch_all",
            }
            for i in range(n)
        ],
        "partners": [
            {
                "id": f"p{j}",
                "name": f"取引先{j}",
                "role": "jv_partner" if j == 0 else "affiliate",
                "country": "CN",
                **({"parent": "p0"} if j else {}),
                "competes_with_us": j % 3 == 1,
                "due_diligence": {"meets_our_standard": "after_remediation"},
            }
            for j in range(partners)
        ],
        "governance": {
            "equity": [{"holder": "us", "percent": 49}, {"holder": "p0", "percent": 51}],
            "board": [{"holder": "us", "seats": 2}, {"holder": "p0", "seats": 3}],
        },
        "contract": {"clauses": {"nda-before-negotiation": "present", "arbitration": "partial"}},
        "disclosure": {
            "stages": [
                {
                    "id": f"s{k}",
                    "name": f"段階{k}",
                    "items": [
                        {
                            "technology": f"t{i}",
                            "level": LEVELS[(i + k) % 6],
                            "recipient": "site" if i % 2 else f"p{i % partners}",
                            "method": METHODS[(i + k) % 5],
                        }
                        for i in range(k, n, stages)
                    ],
                }
                for k in range(stages)
            ]
        },
        "people": [
            {
                "id": f"g{g}",
                "kind": ["local_staff", "dispatched_engineers", "partner_staff", "partner_directors", "local_managers"][
                    g % 5
                ],
                "employer": ["site", "us", "p0", "p0", "site"][g % 5],
                "headcount": 10 + g,
                "access": [f"t{i}" for i in range(g % 5, n, max(1, n // 5))][:20],
                "expected_annual_turnover_percent": 5 + g % 30,
            }
            for g in range(max(1, n // 5))
        ],
        "equipment": [
            {
                "id": f"e{e}",
                "name": f"設備{e}",
                "category": ["general_as_is", "general_tuned", "custom"][e % 3],
                "embodies": [f"t{(2 * e) % n}", f"t{(2 * e + 1) % n}"],
                "owner": "site",
                "maintenance": ["our_engineers", "equipment_maker", "local_contractor"][e % 3],
                "disposal": ["sell", "reset_and_sell", "destroy", "undecided"][e % 4],
            }
            for e in range(max(1, n // 2))
        ],
    }
    return ProjectSpec.model_validate(data)


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    library = load_library()
    print(f"# engine benchmark (median of {args.repeat} runs, ms)")
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        spec = load_project(path, library)
        full = median_ms(lambda spec=spec: assess(spec, library), args.repeat)
        a = assess(spec, library)
        rank = median_ms(lambda a=a: rank_mitigations(a), args.repeat)
        print(f"example {path.stem:24s} assess {full:8.1f}   rank {rank:8.1f}   findings {len(a.findings)}")
    sizes = {}
    for n in (10, 100, 1000):
        spec = synthetic(n)
        repeat = args.repeat if n < 1000 else max(3, args.repeat // 3)
        sizes[n] = median_ms(lambda spec=spec: assess(spec, library), repeat)
        a = assess(spec, library)
        rank = median_ms(lambda a=a: rank_mitigations(a), max(3, repeat // 2))
        print(f"synthetic {n:5d} technologies  assess {sizes[n]:8.1f}   rank {rank:8.1f}   findings {len(a.findings)}")
    print(
        f"growth ratio 10→100: {sizes[100] / sizes[10]:.1f}x   100→1000: {sizes[1000] / sizes[100]:.1f}x  (10x = linear)"
    )


if __name__ == "__main__":
    main()
