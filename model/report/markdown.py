"""The assessment, a ranking or a comparison as Markdown for people (a terminal, a wiki, an e-mail)."""

from __future__ import annotations

from model.engine.assess import Assessment
from model.engine.compare import Comparison
from model.engine.ranking import Mitigation, best_per_phase
from model.format.vocab import ChecklistStatus, Phase, Severity
from model.report import presentation as pres

# User text is made inert where the Markdown is rendered (a wiki, a mail) and kept on one line (table-safe).
_cell = pres.escape_md


def assessment_markdown(a: Assessment, lang: str = "ja") -> str:
    ja = lang == "ja"
    spec = a.spec
    lines = [
        f"# {_cell(spec.project.name)}",
        "",
        (
            f"**評価: {a.grade.grade}（{a.grade.label.ja}）— スコア {a.score}**"
            if ja
            else f"**Rating: {a.grade.grade} ({a.grade.label.en}) — score {a.score}**"
        ),
        "",
        *(
            [("評価に必要な情報:" if ja else "What the project must say before it can be judged:"), ""]
            + [f"- {_cell(m.get(lang))}" for m in a.missing]
            + [""]
            if a.missing
            else []
        ),
        f"_{a.scoring.note.get(lang)}_",
        "",
        "## 主なリスク" if ja else "## Top risks",
        "",
        "| # | スコア | 重大度 | 指摘 | 対策候補 |" if ja else "| # | Score | Severity | Finding | Would lower it |",
        "|---|---|---|---|---|",
    ]
    top = pres.top_risks(a)
    for i, f in enumerate(top, 1):
        mitigations = ", ".join(c.id for c in f.mitigations[:3]) or "—"
        lines.append(
            f"| {i} | {f.score} | {Severity(f.severity).label(lang)} | {_cell(f.title.get(lang))} | {mitigations} |"
        )
    lines += ["", "### 理由" if ja else "### Why", ""]
    for f in top:
        lines.append(f"- **{_cell(f.title.get(lang))}** (`{f.id}`, {', '.join(f.refs)}): {_cell(f.explanation(lang))}")
    decided = pres.with_decision(a)
    if decided:
        lines += ["", "## 判断済みの指摘" if ja else "## Findings with a decision", ""]
        for f in decided:
            d = f.decision
            who = ", ".join(str(x) for x in (d.by, d.at) if x)
            counted = "" if f.counted else (" — スコアに含めない" if ja else " — not counted in the score")
            lines.append(
                f"- `{f.id}` {f.score}: **{d.status.label(lang)}**{counted} — "
                f"{_cell(d.justification or '—')}{f' ({_cell(who)})' if who else ''}"
            )
    if a.timeline:
        lines += ["", "## 段階ごとのリスク" if ja else "## Risk by disclosure stage", ""]
        for p in a.timeline:
            lines.append(f"- {_cell(p.name)}: {p.score} ({p.grade}, {'+' if p.increase >= 0 else ''}{p.increase})")
    lines += ["", "## チェックリスト" if ja else "## Checklist", ""]
    for group in pres.readiness_groups(a.checklist):
        summary = ", ".join(f"{ChecklistStatus(k).label(lang)} {v}" for k, v in group.counts.items() if v)
        lines += [f"### {group.label(lang)} ({summary})", ""]
        for r in group.items:
            lines.append(
                f"- `{r.id}` **{ChecklistStatus(r.status).label(lang)}** — {_cell(r.item.text.get(lang))}"
                f" _({_cell(r.evidence_text(lang))})_"
            )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def ranking_markdown(mitigations: list[Mitigation], lang: str = "ja", top: int = 15) -> str:
    ja = lang == "ja"
    lines = [
        "# 対策の優先順位" if ja else "# Mitigations ranked",
        "",
        "| # | 対策 | 種類 | 段階 | 現状 | 削減 |" if ja else "| # | Control | Kind | Phase | Now | Cuts |",
        "|---|---|---|---|---|---|",
    ]
    for i, m in enumerate(mitigations[:top], 1):
        lines.append(
            f"| {i} | {_cell(m.control.title.get(lang))} (`{m.control.id}`) | {m.control.kind} | "
            f"{Phase(m.phase).label(lang)} | {m.control.status or '—'} | {m.reduction} |"
        )
    lines += ["", "## 段階ごとの最善策" if ja else "## Best per phase", ""]
    for phase, best in best_per_phase(mitigations).items():
        if best:
            lines.append(
                f"- {Phase(phase).label(lang)}: " + ", ".join(f"`{m.control.id}` (−{m.reduction})" for m in best)
            )
    return "\n".join(lines) + "\n"


def comparison_markdown(c: Comparison, lang: str = "ja") -> str:
    ja = lang == "ja"
    sign = "+" if c.score_delta >= 0 else ""
    lines = [
        f"# {'比較' if ja else 'Comparison'}: {c.a.project_id} → {c.b.project_id}",
        "",
        f"**{c.a.score} ({c.a.grade.grade}) → {c.b.score} ({c.b.grade.grade}), {sign}{c.score_delta}**",
        "",
        "## 入力の違い" if ja else "## What differs",
        "",
    ]
    lines += [f"- `{i.path}`: {_cell(i.before)} → {_cell(i.after)}" for i in c.inputs] or ["- —"]
    lines += ["", "## 指摘の変化" if ja else "## Findings that changed", ""]
    lines += [
        f"- `{f.id}`: {f.before_score if f.before_score is not None else '—'} → "
        f"{f.after_score if f.after_score is not None else '—'} ({'+' if f.delta >= 0 else ''}{f.delta})"
        for f in c.findings
    ] or ["- —"]
    lines += ["", "## チェックリストの変化" if ja else "## Checklist changes", ""]
    lines += [
        f"- `{x.id}`: {ChecklistStatus(x.before).label(lang)} → {ChecklistStatus(x.after).label(lang)}"
        for x in c.checklist
    ] or ["- —"]
    return "\n".join(lines) + "\n"
