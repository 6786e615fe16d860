"""What the library holds and where it is thin: versions, review dates, unknown country factors, uncovered checklist items."""

from __future__ import annotations

from collections.abc import Collection

from model.knowledge.library import Library
from model.knowledge.library_schema import PROFILE_NOTICE


def uncovered_items(lib: Library, checked: Collection[str]) -> list[str]:
    """Chapter-1 checklist items that nothing decides: no clause, no measure, no check of project data.

    ``checked`` are the items the engine decides from project data; the engine comes after the libraries
    in the pipeline, so the caller (``api.library_coverage``) passes them in.
    """
    return [
        i.id
        for i in lib.checklist
        if i.id.startswith("ch1") and not i.measures and not i.clauses and i.id not in checked
    ]


def coverage_report(lib: Library, checked: Collection[str], lang: str = "ja", full: bool = False) -> str:
    ja = lang == "ja"
    lines = [
        f"{'出典' if ja else 'sources'}: {len(lib.sources)}",
        f"{'対策' if ja else 'measures'}: {len(lib.measures)}",
        f"{'チェック項目' if ja else 'checklist items'}: {len(lib.checklist)}",
        f"{'契約条項' if ja else 'contract clauses'}: {len(lib.clauses)}",
        f"{'国別プロファイル' if ja else 'country profiles'}: {len(lib.countries)}",
        f"{'過去の事例' if ja else 'precedent cases'}: {len(lib.precedents)}",
    ]
    if lib.scoring:
        lines.append(f"{'採点モデル' if ja else 'scoring model'}: v{lib.scoring.version} ({lib.scoring.reviewed})")
    if full:
        lines += ["", "契約条項（ID、版、レビュー日）:" if ja else "Contract clauses (id, version, reviewed):"]
        lines += [
            f"  {c.id}  v{c.version}  {c.reviewed}  {c.title.get(lang)}"
            for c in sorted(lib.clauses.values(), key=lambda c: c.id)
        ]
        lines += ["", "国別プロファイル:" if ja else "Country profiles:"]
        lines += [
            f"  {c.id}  v{c.version}  {c.reviewed}  {c.name.get(lang)}"
            for c in sorted(lib.countries.values(), key=lambda c: c.id)
        ]
    lines += [
        "",
        "国別プロファイルで「不明」の要因:" if ja else "Country factors left unknown:",
        "  " + PROFILE_NOTICE.get(lang),
    ]
    for code, profile in sorted(lib.countries.items()):
        unknown = [f.value for f, a in profile.factors.items() if a.rating is None]
        lines.append(f"  {code}: {', '.join(unknown) if unknown else '—'}")
    gaps = uncovered_items(lib, checked)
    lines += [
        "",
        ("判断の根拠がない第1章の項目: " if ja else "Chapter-1 items nothing decides: ") + (", ".join(gaps) or "—"),
    ]
    return "\n".join(lines) + "\n"
