"""The assessment as an Excel workbook for legal teams and counsel: legend, phase checklists, findings, editable clause/measure statuses."""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from model.engine.assess import Assessment
from model.engine.ranking import rank_mitigations
from model.format.spec import measure_ids
from model.format.vocab import (
    ChecklistStatus,
    ClauseStatus,
    DecisionStatus,
    Department,
    MeasureStatus,
    Phase,
    Severity,
)
from model.knowledge.library import Library
from model.report.presentation import SEVERITY

#: Workbook-level defined name that points at the editable clauses-and-measures table. Excel and LibreOffice keep
#: it up to date when a user renames the sheet, so the importer never depends on the translated sheet title.
CONTROLS_NAME = "ttplan_controls"
#: Text of the hidden marker cell beside that table: a second way to find it if a tool drops defined names.
CONTROLS_MARKER = "ttplan-controls"
MARKER_VERSION = "v1"

EXCEL_MAX_CHARS = 32767
#: A cell starting with one of these is read as a formula (or DDE payload) by spreadsheet programs.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# C0 controls except tab and newline, DEL, C1 controls, lone surrogates and the two XML non-characters:
# XML 1.0 cannot carry them (openpyxl would refuse to save) and none belongs in a contract note.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

CLAUSE_STATUSES = tuple(s.value for s in ClauseStatus)
MEASURE_STATUSES = tuple(s.value for s in MeasureStatus)


# --------------------------------------------------------------------------- safe cell text


def clean_text(text: str) -> str:
    """Text XML can carry: illegal characters removed, line ends unified, cut to Excel's cell limit."""
    text = _ILLEGAL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text if len(text) <= EXCEL_MAX_CHARS else text[: EXCEL_MAX_CHARS - 1] + "…"


def neutralise(text: str) -> str:
    """Prefix an apostrophe when spreadsheet programs would read the text as a formula.

    Text that already starts with apostrophes before such a character gets one more, so ``unneutralise``
    gives back exactly what was written (a note reading ``'=x`` survives a round trip).
    """
    return "'" + text if text.lstrip("'")[:1] in FORMULA_START else text


def unneutralise(text: str) -> str:
    """Undo ``neutralise`` on text read back from a workbook."""
    return text[1:] if text[:1] == "'" and text.lstrip("'")[:1] in FORMULA_START else text


def put(
    ws: Worksheet, row: int, column: int, value: Any, *, bold: bool = False, fill: PatternFill | None = None
) -> Cell:
    """Write one cell safely; every cell of the workbook goes through here.

    Text never becomes a formula (project files may hold hostile text) and never carries characters XML forbids.
    """
    cell = ws.cell(row=row, column=column)
    if value is None or value == "":
        pass
    elif isinstance(value, bool):
        cell.value = value
    elif isinstance(value, (int, float)):
        cell.value = value
    else:
        cell.value = neutralise(clean_text(str(value)))
        # openpyxl infers the type from the value; pin it so no later rule can turn text into a formula.
        cell.data_type = "s"
    cell.alignment = WRAP
    if bold:
        cell.font = BOLD
    if fill is not None:
        cell.fill = fill
    return cell


# --------------------------------------------------------------------------- styles and table layout

WRAP = Alignment(wrap_text=True, vertical="top")
CENTRE = Alignment(wrap_text=True, vertical="center", horizontal="center")
BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
EDIT_FILL = PatternFill("solid", fgColor="FFF2CC")
"""Header colour of the columns counsel may edit (and the importer reads)."""
SEVERITY_FILL = {
    severity: PatternFill("solid", fgColor=swatch.tint.lstrip("#")) for severity, swatch in SEVERITY.items()
}


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    ja: str
    en: str
    width: float
    editable: bool = False

    def header(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en


def write_table(ws: Worksheet, columns: list[Column], rows: list[list[Any]], lang: str) -> None:
    """A table from A1: bold frozen header, auto-filter, widths; editable columns marked by their header colour."""
    for c, col in enumerate(columns, 1):
        put(ws, 1, c, col.header(lang), bold=True, fill=EDIT_FILL if col.editable else HEADER_FILL)
        ws.column_dimensions[get_column_letter(c)].width = col.width
    for r, values in enumerate(rows, 2):
        for c, value in enumerate(values, 1):
            put(ws, r, c, value)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(1, len(rows) + 1)}"


def _t(lang: str, ja: str, en: str) -> str:
    return ja if lang == "ja" else en


def lines(items: list[str]) -> str:
    return "\n".join(items)


# --------------------------------------------------------------------------- sheet names and columns

SHEETS: dict[str, tuple[str, str]] = {
    "legend": ("説明と凡例", "Method and legend"),
    "findings": ("指摘事項", "Findings"),
    "controls": ("条項と対策（編集用）", "Clauses and measures (edit)"),
    "wording": ("条項の文例", "Clause wording"),
    "matrix": ("リスクマトリクス", "Risk matrix"),
}
PHASE_SHEET = ("チェック{n} {label}", "Checklist {n} {label}")


def sheet_name(key: str, lang: str) -> str:
    return SHEETS[key][0 if lang == "ja" else 1]


def phase_sheet_name(phase: Phase, lang: str) -> str:
    n = list(Phase).index(phase) + 1
    return PHASE_SHEET[0 if lang == "ja" else 1].format(n=n, label=phase.label(lang))[:31]


LEGEND_COLUMNS = [
    Column("item", "項目", "Item", 30),
    Column("value", "内容", "Value", 80),
    Column("key", "キー", "Key", 22),
    Column("extra", "", "", 22),
]

CHECKLIST_COLUMNS = [
    Column("id", "項目ID", "Item id", 12),
    Column("text", "チェック項目", "Checklist item", 60),
    Column("status_label", "状態", "Status", 12),
    Column("status", "状態（値）", "Status (value)", 14),
    Column("evidence", "判断の根拠", "Evidence", 55),
    Column("owner_label", "担当部門", "Owner department", 20),
    Column("owner", "担当部門（値）", "Owner (value)", 18),
    Column("section", "ガイダンスの項目", "Guidance section", 14),
    Column("clauses", "関連する条項（ID）", "Clauses (ids)", 30),
    Column("measures", "関連する対策（ID）", "Measures (ids)", 34),
    Column("closing", "未充足の条項・対策（ID）", "Still to close (ids)", 34),
    Column("counsel_note", "弁護士・法務メモ", "Counsel note", 40, editable=True),
]

FINDING_COLUMNS = [
    Column("id", "指摘ID", "Finding id", 34),
    Column("title", "指摘", "Finding", 40),
    Column("severity_label", "重大度", "Severity", 10),
    Column("severity", "重大度（値）", "Severity (value)", 12),
    Column("score", "スコア", "Score", 9),
    Column("likelihood_level", "発生可能性（1〜5）", "Likelihood (1–5)", 11),
    Column("impact_level", "影響度（1〜5）", "Impact (1–5)", 11),
    Column("channel_label", "漏えい経路", "Leak channel", 26),
    Column("channel", "漏えい経路（値）", "Channel (value)", 22),
    Column("technology", "技術ID", "Technology id", 18),
    Column("refs", "ガイダンスの項目", "Guidance refs", 14),
    Column("explanation", "説明", "Explanation", 80),
    Column("mitigations", "対策候補（ID）", "Mitigations (ids)", 36),
    Column("mitigation_titles", "対策候補", "Mitigations", 44),
    Column("decision_label", "判断", "Decision", 14),
    Column("decision", "判断（値）", "Decision (value)", 16),
    Column("justification", "判断の理由", "Justification", 40),
]

#: The editable sheet. The importer finds columns by these headers (either language), so a user may reorder them.
CONTROL_COLUMNS = [
    Column("kind_label", "種類", "Kind", 10),
    Column("kind", "種類（値）", "Kind (value)", 10),
    Column("id", "ID", "Id", 32),
    Column("title", "名称", "Title", 36),
    Column("phase_label", "段階", "Phase", 16),
    Column("phase", "段階（値）", "Phase (value)", 13),
    Column("status", "状態（値・編集可）", "Status (value, editable)", 18, editable=True),
    Column("status_label", "出力時の状態", "Status at export", 14),
    Column("note", "メモ（編集可）", "Note (editable)", 48, editable=True),
    Column("required", "この案件で必要", "Needed for this deal", 12),
    Column("reduction", "完全実施時のスコア低減", "Score cut if fully in place", 14),
    Column("wording", "条項の文例（変数に案件の値を反映）", "Model wording (with this project's values)", 80),
]
CONTROL_STATUS_COLUMN = next(i for i, c in enumerate(CONTROL_COLUMNS, 1) if c.key == "status")

WORDING_COLUMNS = [
    Column("id", "条項ID", "Clause id", 30),
    Column("title", "条項", "Clause", 30),
    Column("purpose", "目的", "Purpose", 50),
    Column("variables", "変数（この案件の値）", "Variables (this project's values)", 30),
    Column("wording_ja", "文例（日本語）", "Model wording (Japanese)", 70),
    Column("wording_en", "文例（英語）", "Model wording (English)", 70),
    Column("fallbacks", "交渉上の代替案", "Fallback positions", 50),
    Column("cautions", "この案件に当てはまる注意点", "Cautions that apply", 50),
]


# --------------------------------------------------------------------------- the rows


def controls_for(a: Assessment, library: Library) -> tuple[list[str], list[str], set[str]]:
    """Clause ids needed or recorded (by phase, then id), every measure id, and the needed clause ids."""
    spec = a.spec
    needed = {c.id for c in a.needed_clauses}
    ids = needed | {cid for cid in spec.contract.clauses if cid in library.clauses}
    phase_order = {p.value: i for i, p in enumerate(Phase)}
    clauses = sorted(ids, key=lambda cid: (phase_order[library.clauses[cid].phase.value], cid))
    measures = [m for m in measure_ids() if m in library.measures]
    return clauses, measures, needed


def _legend_rows(a: Assessment, lang: str) -> list[list[Any]]:
    spec = a.spec
    p = spec.project
    t = lambda ja, en: _t(lang, ja, en)  # noqa: E731
    controls = sheet_name("controls", lang)
    status_header = CONTROL_COLUMNS[CONTROL_STATUS_COLUMN - 1].header(lang)
    note_header = next(c for c in CONTROL_COLUMNS if c.key == "note").header(lang)
    return [
        [
            t("この作業ブック", "This workbook"),
            t(
                "経済産業省「技術流出対策ガイダンス 第1版」（2025年）に沿って、海外への技術移転案件の漏えいリスク、"
                "段階ごとのチェックリスト、必要な契約条項と対策をまとめたものです（ttplan で出力）。",
                "The technology-leakage risks of an overseas technology-transfer project, the phase checklists of "
                "METI's Technology Leakage Guidance (1st edition, 2025), and the contract clauses and measures they call for "
                "(exported by ttplan).",
            ),
            "workbook",
        ],
        [t("案件名", "Project"), p.name, "project.name"],
        [t("案件ID", "Project id"), a.project_id, "project.id"],
        [t("案件の形態", "Deal type"), f"{p.deal_type.label(lang)} ({p.deal_type.value})", "project.deal_type"],
        [t("進出先", "Host country"), p.host_country, "project.host_country"],
        [t("案件の説明", "Description"), p.description or "", "project.description"],
        [t("リスクスコア（0〜100）", "Risk score (0–100)"), a.score, "score"],
        [t("評価", "Grade"), a.grade.grade, "grade"],
        [t("評価の意味", "Grade meaning"), a.grade.label.get(lang), "grade_label"],
        [t("スコアについて", "About the scores"), a.scoring.note.get(lang), "score_note"],
        [t("指摘の数", "Findings"), len(a.findings), "findings"],
        [
            t("算出方法", "Method"),
            t(
                "技術ごと・漏えい経路ごとに、露出（何を・どの水準で・誰に渡すか）× 脅威（相手方と進出先の事情）× "
                "対策で残る割合 から発生可能性を、技術の重要度から影響度を求め、スコア = 100 × 発生可能性 × 影響度 とし、"
                "重大度は 5×5 のマトリクス（「リスクマトリクス」シート）で決めます。重みはすべて libraries/scoring.yaml にあります。",
                "For each technology and leak channel: exposure (what is handed over, at which level, to whom) × threat "
                "(facts about the recipient and the host country) × what the controls leave gives the likelihood; the "
                "technology's importance gives the impact; score = 100 × likelihood × impact, and the severity comes from "
                "the 5×5 matrix (sheet 'Risk matrix'). Every weight is in libraries/scoring.yaml.",
            ),
            "method",
        ],
        [
            t("編集と取込みの方法", "How to edit and re-import"),
            t(
                f"シート「{controls}」の黄色の列（「{status_header}」と「{note_header}」）だけを編集してください。"
                "状態はドロップダウンの値（英字の値）から選びます。行の並べ替えや絞り込みはかまいませんが、"
                "「種類（値）」と「ID」の列は変えないでください。編集後、ttplan の取込み機能で案件に読み戻すと、"
                "変更点の一覧が表示され、案件ファイルの条項・対策の状態とメモが更新されます。"
                "他のシートは参照用で、取り込まれません（チェックリストのメモ欄は弁護士との検討用）。"
                "「出力時の状態」列は出力した時点の状態で、編集しても取り込まれません。",
                f"Edit only the yellow columns ('{status_header}' and '{note_header}') of the sheet '{controls}'. "
                "Choose a status from the drop-down of values. You may sort and filter the rows, but do not change the "
                "'Kind (value)' and 'Id' columns. Reading the workbook back into ttplan lists the changes and updates the "
                "status and note of each clause and measure in the project file. The other sheets are for reference and "
                "are not read back (the checklist's counsel-note column is for working with counsel). 'Status at export' "
                "shows the status when the workbook was made and is not read back.",
            ),
            "how_to_edit",
        ],
        [
            t("注意", "Caution"),
            t(
                "機密情報です。社外への送付は秘密保持契約のある相手に限ってください。数式のように見える文字列は、"
                "数式として実行されないよう先頭に ' を付けて文字列として保存しています。",
                "Confidential. Share only with parties bound by confidentiality. Text that looks like a formula is "
                "stored with a leading ' so that it is never run as one.",
            ),
            "confidentiality",
        ],
    ]


def _legend_sheet(ws: Worksheet, a: Assessment, lang: str) -> None:
    rows = _legend_rows(a, lang)
    write_table(ws, LEGEND_COLUMNS[:3], rows, lang)
    ws.column_dimensions["D"].width = LEGEND_COLUMNS[3].width
    r = len(rows) + 3
    vocabularies = [
        (_t(lang, "チェックリストの状態", "Checklist status"), ChecklistStatus),
        (_t(lang, "重大度", "Severity"), Severity),
        (_t(lang, "契約条項の状態（編集用シートで選ぶ値）", "Clause status (values for the edit sheet)"), ClauseStatus),
        (_t(lang, "対策の状態（編集用シートで選ぶ値）", "Measure status (values for the edit sheet)"), MeasureStatus),
        (_t(lang, "指摘への判断", "Decision on a finding"), DecisionStatus),
    ]
    for title, vocab in vocabularies:
        put(ws, r, 1, title, bold=True)
        r += 1
        for c, head in enumerate((_t(lang, "値", "Value"), _t(lang, "説明", "Meaning"), "日本語", "English"), 1):
            put(ws, r, c, head, bold=True, fill=HEADER_FILL)
        r += 1
        for member in vocab:
            for c, value in enumerate((member.value, member.description(lang), member.label_ja, member.label_en), 1):
                put(ws, r, c, value, fill=SEVERITY_FILL.get(member.value) if vocab is Severity and c == 1 else None)
            r += 1
        r += 1


def _checklist_rows(a: Assessment, phase: Phase, lang: str) -> list[list[Any]]:
    rows = []
    for res in a.checklist:
        if res.phase != phase.value:
            continue
        item = res.item
        rows.append(
            [
                item.id,
                item.text.get(lang),
                ChecklistStatus(res.status).label(lang),
                res.status,
                res.evidence_text(lang),
                Department(item.owner.value).label(lang),
                item.owner.value,
                item.section,
                lines(item.clauses),
                lines(item.measures),
                lines(res.closing),
                "",
            ]
        )
    return rows


def _finding_rows(a: Assessment, lang: str) -> list[list[Any]]:
    rows = []
    for f in a.findings:
        mitigations = f.mitigations
        d = f.decision
        rows.append(
            [
                f.id,
                f.title.get(lang),
                Severity(f.severity).label(lang),
                f.severity,
                f.score,
                f.likelihood_level,
                f.impact_level,
                f.channel.label(lang),
                f.channel.value,
                f.technology,
                lines(list(f.refs)),
                f.explanation(lang),
                lines([c.id for c in mitigations]),
                lines([c.title.get(lang) for c in mitigations]),
                d.status.label(lang) if d else "",
                d.status.value if d else "",
                (d.justification or "") if d else "",
            ]
        )
    return rows


def _control_rows(
    a: Assessment, library: Library, lang: str, clauses: list[str], measures: list[str], needed: set[str]
) -> list[list[Any]]:
    spec = a.spec
    reduction = {(m.control.kind, m.control.id): m.reduction for m in rank_mitigations(a)}
    yes, no = _t(lang, "必要", "Needed"), _t(lang, "—", "—")
    kind_label = {"clause": _t(lang, "契約条項", "Clause"), "measure": _t(lang, "対策", "Measure")}
    rows = []
    for cid in clauses:
        clause = library.clauses[cid]
        entry = spec.contract.clauses.get(cid)
        rows.append(
            [
                kind_label["clause"],
                "clause",
                cid,
                clause.title.get(lang),
                clause.phase.label(lang),
                clause.phase.value,
                entry.status.value if entry else "",
                entry.status.label(lang) if entry else "",
                (entry.note or "") if entry else "",
                yes if cid in needed else no,
                reduction.get(("clause", cid), ""),
                clause.render(lang, entry.variables if entry else None),
            ]
        )
    for mid in measures:
        measure = library.measures[mid]
        m = spec.measure(mid)
        rows.append(
            [
                kind_label["measure"],
                "measure",
                mid,
                measure.title.get(lang),
                measure.phase.label(lang),
                measure.phase.value,
                m.status.value if m else "",
                m.status.label(lang) if m else "",
                (m.note or "") if m else "",
                "",
                reduction.get(("measure", mid), ""),
                "",
            ]
        )
    return rows


def _status_validation(values: tuple[str, ...], vocab, lang: str) -> DataValidation:
    meanings = ", ".join(f"{m.value} = {m.label(lang)}" for m in vocab)
    dv = DataValidation(
        type="list",
        formula1='"' + ",".join(values) + '"',
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=True,
    )
    dv.errorTitle = _t(lang, "選べない値です", "Not a valid status")[:32]
    dv.error = (_t(lang, "次の値から選んでください: ", "Choose one of: ") + ", ".join(values))[:255]
    dv.promptTitle = _t(lang, "状態の値", "Status values")[:32]
    dv.prompt = meanings[:255]
    return dv


def _controls_sheet(
    ws: Worksheet, wb: Workbook, rows: list[list[Any]], n_clauses: int, a: Assessment, lang: str
) -> None:
    write_table(ws, CONTROL_COLUMNS, rows, lang)
    letter = get_column_letter(CONTROL_STATUS_COLUMN)
    if n_clauses:
        dv = _status_validation(CLAUSE_STATUSES, ClauseStatus, lang)
        dv.add(f"{letter}2:{letter}{n_clauses + 1}")
        ws.add_data_validation(dv)
    if len(rows) > n_clauses:
        dv = _status_validation(MEASURE_STATUSES, MeasureStatus, lang)
        dv.add(f"{letter}{n_clauses + 2}:{letter}{len(rows) + 1}")
        ws.add_data_validation(dv)
    last = get_column_letter(len(CONTROL_COLUMNS))
    wb.defined_names[CONTROLS_NAME] = DefinedName(
        CONTROLS_NAME, attr_text=f"{quote_sheetname(ws.title)}!$A$1:${last}${len(rows) + 1}"
    )
    # The marker also names the project so a workbook cannot be read back into another project by mistake.
    marker_col = len(CONTROL_COLUMNS) + 2
    put(ws, 1, marker_col, f"{CONTROLS_MARKER} {MARKER_VERSION} project={a.spec.project.id or ''} lang={lang}")
    ws.column_dimensions[get_column_letter(marker_col)].hidden = True


def _wording_rows(a: Assessment, library: Library, lang: str, clauses: list[str]) -> list[list[Any]]:
    spec = a.spec
    rows = []
    for cid in clauses:
        clause = library.clauses[cid]
        entry = spec.contract.clauses.get(cid)
        values = entry.variables if entry else {}
        variables = []
        for v in clause.variables:
            unit = f" {v.unit.get(lang)}" if v.unit else ""
            variables.append(f"{v.label.get(lang)}: {values.get(v.id, v.default)}{unit}")
        cautions = [c.text.get(lang) for c in a.cautions_for(clause)]
        rows.append(
            [
                cid,
                clause.title.get(lang),
                clause.purpose.get(lang),
                lines(variables),
                clause.render("ja", values),
                clause.render("en", values),
                "\n\n".join(f.get(lang) for f in clause.fallbacks),
                "\n\n".join(cautions),
            ]
        )
    return rows


def _matrix_sheet(ws: Worksheet, a: Assessment, lang: str) -> None:
    counts = Counter((f.likelihood_level, f.impact_level) for f in a.findings)
    corner = _t(lang, "発生可能性 ＼ 影響度", "Likelihood \\ impact")
    put(ws, 1, 1, corner, bold=True, fill=HEADER_FILL)
    ws.column_dimensions["A"].width = 22
    for i in range(1, 6):
        put(ws, 1, i + 1, _t(lang, f"影響度 {i}", f"Impact {i}"), bold=True, fill=HEADER_FILL)
        ws.column_dimensions[get_column_letter(i + 1)].width = 16
    # Highest likelihood on top, as risk matrices are usually drawn.
    for r, lik in enumerate(range(5, 0, -1), 2):
        put(ws, r, 1, _t(lang, f"発生可能性 {lik}", f"Likelihood {lik}"), bold=True)
        for imp in range(1, 6):
            severity = a.scoring.matrix[lik - 1][imp - 1]
            cell = put(
                ws, r, imp + 1, f"{Severity(severity).label(lang)} ({counts[(lik, imp)]})", fill=SEVERITY_FILL[severity]
            )
            cell.alignment = CENTRE
        ws.row_dimensions[r].height = 30
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = "A1:F6"
    put(ws, 8, 1, _t(lang, "見方", "How to read"), bold=True)
    put(
        ws,
        8,
        2,
        _t(
            lang,
            "各マスは重大度と、そのマスに入る指摘の数（括弧内）。発生可能性・影響度の区切りは "
            f"{a.scoring.likelihood_bins} / {a.scoring.impact_bins}。",
            "Each cell shows the severity and, in brackets, how many findings fall in it. Level boundaries: "
            f"likelihood {a.scoring.likelihood_bins}, impact {a.scoring.impact_bins}.",
        ),
    )
    ws.merge_cells("B8:F8")
    ws.row_dimensions[8].height = 45
    put(ws, 9, 1, _t(lang, "スコアについて", "About the scores"), bold=True)
    put(ws, 9, 2, a.scoring.note.get(lang))
    ws.merge_cells("B9:F9")
    ws.row_dimensions[9].height = 45


# --------------------------------------------------------------------------- the workbook


def assessment_xlsx(assessment: Assessment, library: Library, lang: str = "ja") -> bytes:
    """The assessment as an .xlsx workbook in Japanese (default) or English; pure, returns the file's bytes."""
    lang = "en" if lang == "en" else "ja"
    a = assessment
    wb = Workbook()
    wb.properties.creator = "ttplan"
    wb.properties.title = clean_text(a.spec.project.name)[:200]
    wb.properties.language = lang

    legend = wb.active
    legend.title = sheet_name("legend", lang)
    _legend_sheet(legend, a, lang)

    for phase in Phase:
        ws = wb.create_sheet(phase_sheet_name(phase, lang))
        write_table(ws, CHECKLIST_COLUMNS, _checklist_rows(a, phase, lang), lang)

    write_table(wb.create_sheet(sheet_name("findings", lang)), FINDING_COLUMNS, _finding_rows(a, lang), lang)

    clauses, measures, needed = controls_for(a, library)
    rows = _control_rows(a, library, lang, clauses, measures, needed)
    _controls_sheet(wb.create_sheet(sheet_name("controls", lang)), wb, rows, len(clauses), a, lang)

    write_table(
        wb.create_sheet(sheet_name("wording", lang)), WORDING_COLUMNS, _wording_rows(a, library, lang, clauses), lang
    )

    _matrix_sheet(wb.create_sheet(sheet_name("matrix", lang)), a, lang)

    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
