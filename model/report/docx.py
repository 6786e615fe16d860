"""The contract-clause checklist and clause annex as a Word document for legal and outside counsel."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from model.engine.assess import Assessment
from model.format.spec import ClauseEntry
from model.format.vocab import ClauseKind, ClauseStatus, DealType, Phase
from model.knowledge.library import Library
from model.knowledge.library_schema import Citation, ContractClause

#: Fonts per role: (ascii/hAnsi, eastAsia). Mincho for running text, Gothic for headings and the dense tables,
#: as Japanese legal documents usually are; Word substitutes MS Mincho / MS Gothic where Yu fonts are missing.
BODY_FONTS = ("Times New Roman", "Yu Mincho")
HEADING_FONTS = ("Arial", "Yu Gothic")
TABLE_FONTS = ("Arial", "Yu Gothic")
TABLE_STYLE = "TT Table Text"
#: Style name → style id of the built-in template (ids have no spaces); the table-text style is ours.
STYLE_IDS = {
    "Title": "Title",
    "Heading 1": "Heading1",
    "Heading 2": "Heading2",
    "Heading 3": "Heading3",
    TABLE_STYLE: "TTTableText",
}

#: Characters XML 1.0 cannot hold; lxml refuses them, so user text is cleaned rather than crashing the export.
_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

#: Status order within the document's legend; "not reviewed" is ours, not a ClauseStatus.
STATUS_ORDER = [s.value for s in ClauseStatus]

# Column widths (mm) of the checklist table on A4 portrait with 20 mm margins (170 mm of text width).
CHECKLIST_WIDTHS = (9, 38, 22, 27, 54, 20)
FACT_WIDTHS = (45, 125)


T = {
    "title": (
        "契約条項チェックリスト・条項集（技術流出対策）",
        "Contract-clause checklist and clause annex (technology-leak protection)",
    ),
    "confidential": ("社外秘（取扱注意）", "Confidential"),
    "project": ("案件名", "Project"),
    "deal_type": ("取引形態", "Deal type"),
    "host": ("進出先国", "Host country"),
    "date": ("作成日", "Date"),
    "signed": ("契約締結日", "Contract signed"),
    "governing_law": ("準拠法", "Governing law"),
    "how_heading": ("この文書の読み方", "How to read this document"),
    "how": (
        (
            "この文書は、案件ファイルに入力された取引の構造から、技術流出を防ぐために契約に必要な保護条項を導き、"
            "契約案での状況とあわせて一覧にしたものです（経済産業省「技術流出対策ガイダンス」第1版（2025年）に対応）。",
            "第1部は条項ごとのチェックリストです。「契約案での状況」は案件ファイルの記録で、記録がない条項は「未確認」としています。"
            "「必要な理由」には条項の目的と、その条項が抑える流出経路を示しています。",
            "第2部は条項ごとの条項集です。モデル文言は当社が作成したたたき台で、日本語と英語の両方を載せています。"
            "代替案は強い順に並べており、交渉で譲る場合は上から順に検討してください。"
            "相手国に関する注意は、この案件の条件に当てはまるものだけを載せています。",
            "この文書は法的助言ではありません。現地法との整合と最終的な文言は、必ず弁護士と確認してください。",
        ),
        (
            "This document lists the protective clauses the deal needs against technology leakage, derived from the deal's "
            "structure as entered in the project file, with their status in the contract draft (following METI's "
            "technology-leakage guidance, 1st edition, 2025).",
            'Part 1 is the clause checklist. "Status in the draft" is what the project file records; a clause with no '
            'record is shown as "not reviewed". "Why it is needed" gives the clause\'s purpose and the leak channels it cuts.',
            "Part 2 is the clause annex. The model wording is our own starting draft, given in both Japanese and English. "
            "Fallback positions run from the strongest down: when conceding in negotiation, consider them in that order. "
            "Only the host-country cautions whose conditions hold for this project are shown.",
            "This document is not legal advice. Check conformity with local law and the final wording with counsel.",
        ),
    ),
    "part1": ("第1部　契約条項チェックリスト", "Part 1 — Contract-clause checklist"),
    "part1_intro": (
        "この取引に必要な条項：{n}件（規定あり {present}、不十分 {partial}、規定なし {missing}、対象外 {na}、未確認 {none}）",
        "Clauses this deal needs: {n} (present {present}, partial {partial}, missing {missing}, "
        "not applicable {na}, not reviewed {none})",
    ),
    "none_needed": ("この取引に必要な条項はありません。", "This deal needs no clause from the library."),
    "col_no": ("No.", "No."),
    "col_clause": ("条項", "Clause"),
    "col_status": ("契約案での状況", "Status in the draft"),
    "col_ref": ("契約案の該当箇所", "Draft reference"),
    "col_why": ("必要な理由", "Why it is needed"),
    "col_refs": ("ガイダンス", "Guidance"),
    "active": ("効力が続く段階：", "Also in force at: "),
    "not_reviewed": ("未確認", "Not reviewed"),
    "channels": ("抑える流出経路：", "Leak channels it cuts: "),
    "others": (
        "案件ファイルに記録があるが、この取引の条件では必須とされていない条項：",
        "Clauses recorded in the project file that this deal's conditions do not require: ",
    ),
    "part2": ("第2部　条項集", "Part 2 — Clause annex"),
    "meta_kind": ("契約書の種類", "Document"),
    "meta_phase": ("段階", "Phase"),
    "meta_status": ("契約案での状況", "Status in the draft"),
    "purpose": ("目的", "Purpose"),
    "variables": ("変数（案件の値、なければ既定値）", "Variables (project value, else the default)"),
    "from_project": ("案件の値", "project value"),
    "default": ("既定値", "default"),
    "wording": ("モデル文言（{lang}）", "Model wording ({lang})"),
    "lang_ja": ("日本語", "Japanese"),
    "lang_en": ("英語", "English"),
    "fallbacks": ("代替案（強い順）", "Fallback positions (strongest first)"),
    "no_fallbacks": ("代替案はありません。", "No fallback position."),
    "cautions": ("この案件に当てはまる注意", "Cautions that apply to this project"),
    "general": ("一般", "general"),
    "sources": ("出典", "Sources"),
    "note": ("メモ", "Note"),
    "footer": ("ttplan により作成　", "Prepared with ttplan — page "),
}


def _t(key: str, lang: str) -> str | tuple[str, ...]:
    ja, en = T[key]
    return ja if lang == "ja" else en


def plain(text: object) -> str:
    """User or library text made safe for a text run: never parsed, only stripped of characters XML cannot hold."""
    return _XML_INVALID.sub("", str(text))


# --------------------------------------------------------------------------- what goes into the document


@dataclass(slots=True)
class ClauseRow:
    number: int
    clause: ContractClause
    entry: ClauseEntry | None
    cautions: list  # the cautions whose condition holds for this project


def needed_clauses(assessment: Assessment, library: Library) -> list[ClauseRow]:
    """The clauses the deal needs, in phase order, then by kind of document, then by id — numbered for cross-reference."""
    spec = assessment.spec
    phase_rank = {p.value: i for i, p in enumerate(Phase)}
    kind_rank = {k.value: i for i, k in enumerate(ClauseKind)}
    chosen = list(assessment.needed_clauses)
    chosen.sort(key=lambda c: (phase_rank[c.phase.value], kind_rank[c.clause_kind.value], c.id))
    rows = []
    for i, clause in enumerate(chosen, 1):
        cautions = assessment.cautions_for(clause)
        rows.append(ClauseRow(i, clause, spec.contract.clauses.get(clause.id), cautions))
    return rows


def status_label(entry: ClauseEntry | None, lang: str) -> str:
    return entry.status.label(lang) if entry else _t("not_reviewed", lang)


def citation_text(citation: Citation, library: Library) -> str:
    source = library.sources.get(citation.source)
    text = source.title if source else citation.source
    if citation.section:
        text += f", {citation.section}"
    if citation.note:
        text += f" ({citation.note})"
    return text


# --------------------------------------------------------------------------- low-level formatting (docx.oxml)


def _set_fonts(rpr, ascii_font: str, east_asia: str, lang: str) -> None:
    """Explicit ascii/hAnsi/eastAsia fonts and the Japanese language tag on one rPr.

    python-docx only exposes the ascii font; without w:eastAsia Word falls back to a theme font that may lack
    Japanese glyphs, and without w:lang eastAsia="ja-JP" it picks Chinese glyph variants for shared kanji.
    """
    fonts = rpr.get_or_add_rFonts()
    # Theme attributes win over explicit names in Word, so they must go.
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:ascii"), ascii_font)
    fonts.set(qn("w:hAnsi"), ascii_font)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:cs"), ascii_font)
    tag = rpr.find(qn("w:lang"))
    if tag is None:
        tag = OxmlElement("w:lang")
        rpr.insert_element_before(tag, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    tag.set(qn("w:val"), "ja-JP" if lang == "ja" else "en-US")
    tag.set(qn("w:eastAsia"), "ja-JP")
    tag.attrib.pop(qn("w:bidi"), None)


def setup_styles(document, lang: str) -> None:
    """Fonts for the document defaults, Normal, the headings, the title and a table-text style — set once here."""
    styles = document.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr, *BODY_FONTS, lang)
    normal = styles["Normal"]
    _set_fonts(normal.element.get_or_add_rPr(), *BODY_FONTS, lang)
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.15
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3", "Header", "Footer"):
        _set_fonts(styles[name].element.get_or_add_rPr(), *HEADING_FONTS, lang)
    styles["Title"].font.size = Pt(18)
    styles["Heading 1"].font.size = Pt(14)
    styles["Heading 2"].font.size = Pt(12)
    styles["Heading 3"].font.size = Pt(10.5)
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        styles[name].font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
    table_text = styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    table_text.base_style = normal
    _set_fonts(table_text.element.get_or_add_rPr(), *TABLE_FONTS, lang)
    table_text.font.size = Pt(9)
    table_text.paragraph_format.space_after = Pt(0)
    table_text.paragraph_format.line_spacing = 1.0
    for name in ("Table Grid",):
        _set_fonts(styles[name].element.get_or_add_rPr(), *TABLE_FONTS, lang)


def _repeat_header(row) -> None:
    """Mark a row as the table's header so Word repeats it at the top of every page."""
    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)


def _shade(cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def _page_field(paragraph) -> None:
    """A PAGE field, so the footer numbers pages (python-docx has no API for fields)."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def _style(paragraph, name: str):
    """Apply a paragraph style by its id: python-docx's lookup by name scans every style and dominates run time."""
    paragraph._p.get_or_add_pPr().style = STYLE_IDS.get(name, name)
    return paragraph


def _heading(document, text: str, name: str):
    return _style(document.add_paragraph(plain(text)), name)


def _cell_text(cell, lines: list[tuple[str, bool]]) -> None:
    """Fill a cell with one paragraph per (text, bold) line; text goes in as plain runs."""
    first = True
    for text, bold in lines:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        _style(paragraph, TABLE_STYLE)
        run = paragraph.add_run(plain(text))
        if bold:
            run.bold = True
        first = False


def _table(document, widths_mm: tuple[int, ...], header: list[str] | None):
    table = document.add_table(rows=0, cols=len(widths_mm))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    # Word reads the cell widths, LibreOffice the grid columns: set both.
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    if header:
        row = table.add_row()
        _repeat_header(row)
        for cell, text, width in zip(row.cells, header, widths_mm, strict=True):
            cell.width = Mm(width)
            _shade(cell, "D9E2F3")
            _cell_text(cell, [(text, True)])
    return table


def _add_row(table, widths_mm: tuple[int, ...], cells: list[list[tuple[str, bool]]]) -> list:
    row = table.add_row()
    out = row.cells
    for cell, lines, width in zip(out, cells, widths_mm, strict=True):
        cell.width = Mm(width)
        _cell_text(cell, lines)
    return out


def _para(
    document, text: str, style: str | None = None, bold: bool = False, italic: bool = False, indent_mm: float = 0
):
    paragraph = document.add_paragraph()
    if style:
        _style(paragraph, style)
    run = paragraph.add_run(plain(text))
    # Only set what is on: each setter adds an rPr element to the run, which costs time on long documents.
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    if indent_mm:
        paragraph.paragraph_format.left_indent = Mm(indent_mm)
    return paragraph


def _wording(document, text: str) -> None:
    """Model wording keeps its line structure (paragraph numbers) as separate paragraphs, indented as a quote."""
    for line in text.splitlines():
        if line.strip():
            _para(document, line, indent_mm=6)


# --------------------------------------------------------------------------- the document


def _checklist_row(table, r: ClauseRow, lang: str) -> None:
    c, entry = r.clause, r.entry
    sep = "、" if lang == "ja" else ", "
    status = [(status_label(entry, lang), True)]
    if entry and entry.note:
        status.append((entry.note, False))
    why = [(c.purpose.get(lang), False), (_t("channels", lang) + sep.join(ch.label(lang) for ch in c.channels), False)]
    later = [p for p in c.active_phases if p != c.phase]
    if later:
        why.append((_t("active", lang) + sep.join(p.label(lang) for p in later), False))
    cells = _add_row(
        table,
        CHECKLIST_WIDTHS,
        [
            [(str(r.number), False)],
            [(c.title.get(lang), True), (c.id, False)],
            status,
            [(entry.draft_reference if entry and entry.draft_reference else "—", False)],
            why,
            [(", ".join(c.guidance_refs) or "—", False)],
        ],
    )
    # Colour only the status cell, so counsel sees the gaps at a glance without losing contrast elsewhere.
    _shade(cells[2], STATUS_FILL[entry.status.value if entry else None])


STATUS_FILL = {
    "present": "E2EFDA",
    "partial": "FFF2CC",
    "missing": "F8CBAD",
    "not_applicable": "EDEDED",
    None: "FCE4D6",
}


def clause_docx(assessment: Assessment, library: Library, lang: str = "ja", *, date: dt.date | None = None) -> bytes:
    """The clause checklist (part 1) and clause annex (part 2) for the deal, as .docx bytes.

    ``date`` is the date printed on the document (default: today); pass it for reproducible output.
    """
    lang = "ja" if lang == "ja" else "en"
    other = "en" if lang == "ja" else "ja"
    spec = assessment.spec
    date = date or dt.date.today()
    rows = needed_clauses(assessment, library)

    document = Document()
    setup_styles(document, lang)
    section = document.sections[0]
    # A4, as Japanese counsel print it.
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(20))
    section.top_margin = section.bottom_margin = Mm(20)
    section.header.paragraphs[0].add_run(_t("confidential", lang)).bold = True
    footer = section.footer.paragraphs[0]
    footer.add_run(_t("footer", lang))
    _page_field(footer)

    props = document.core_properties
    props.title = plain(spec.project.name)[:255]
    props.author = props.last_modified_by = "ttplan"
    stamp = dt.datetime.combine(date, dt.time())
    props.created = props.modified = stamp
    props.revision = 1
    props.language = "ja-JP" if lang == "ja" else "en-US"

    # Title and project facts.
    _heading(document, _t("title", lang), "Title")
    country = library.countries.get(spec.project.host_country)
    host = f"{country.name.get(lang)} ({spec.project.host_country})" if country else spec.project.host_country
    facts = [
        (_t("project", lang), spec.project.name),
        (_t("deal_type", lang), DealType(spec.project.deal_type).label(lang)),
        (_t("host", lang), host),
        (_t("date", lang), date.isoformat()),
    ]
    if spec.contract.signed_on:
        facts.append((_t("signed", lang), spec.contract.signed_on.isoformat()))
    if spec.contract.governing_law:
        law = library.countries.get(spec.contract.governing_law)
        facts.append((_t("governing_law", lang), law.name.get(lang) if law else spec.contract.governing_law))
    table = _table(document, FACT_WIDTHS, None)
    for label, value in facts:
        _add_row(table, FACT_WIDTHS, [[(label, True)], [(value, False)]])

    _heading(document, _t("how_heading", lang), "Heading 2")
    for text in _t("how", lang):
        _para(document, text)

    # Part 1: the checklist, grouped by phase; every table repeats its header row on each page.
    _heading(document, _t("part1", lang), "Heading 1")
    counts = {s: sum(1 for r in rows if r.entry and r.entry.status.value == s) for s in STATUS_ORDER}
    _para(
        document,
        _t("part1_intro", lang).format(
            n=len(rows),
            present=counts["present"],
            partial=counts["partial"],
            missing=counts["missing"],
            na=counts["not_applicable"],
            none=sum(1 for r in rows if r.entry is None),
        ),
    )
    if not rows:
        _para(document, _t("none_needed", lang))
    header = [_t(k, lang) for k in ("col_no", "col_clause", "col_status", "col_ref", "col_why", "col_refs")]
    for phase in Phase:
        in_phase = [r for r in rows if r.clause.phase == phase]
        if not in_phase:
            continue
        _heading(document, phase.label(lang), "Heading 2")
        # Within a phase, one table per contract document: counsel works document by document.
        for kind in ClauseKind:
            in_kind = [r for r in in_phase if r.clause.clause_kind == kind]
            if not in_kind:
                continue
            _heading(document, kind.label(lang), "Heading 3")
            table = _table(document, CHECKLIST_WIDTHS, header)
            for r in in_kind:
                _checklist_row(table, r, lang)
    needed_ids = {r.clause.id for r in rows}
    others = [cid for cid in spec.contract.clauses if cid not in needed_ids]
    if others:
        names = [
            f"{library.clauses[cid].title.get(lang)} ({cid}: {spec.contract.clauses[cid].status.label(lang)})"
            if cid in library.clauses
            else cid
            for cid in others
        ]
        _para(document, _t("others", lang) + ("、" if lang == "ja" else "; ").join(names), italic=True)

    # Part 2: the annex, one sub-section per needed clause with the same numbers as part 1.
    if rows:
        document.add_page_break()
        _heading(document, _t("part2", lang), "Heading 1")
    for r in rows:
        c, entry = r.clause, r.entry
        _heading(document, f"{r.number}. {c.title.get(lang)}", "Heading 2")
        meta = (
            f"{c.id} | {_t('meta_kind', lang)}: {c.clause_kind.label(lang)} | {_t('meta_phase', lang)}: "
            f"{c.phase.label(lang)} | {_t('meta_status', lang)}: {status_label(entry, lang)}"
        )
        if entry and entry.draft_reference:
            meta += f" ({entry.draft_reference})"
        if c.guidance_refs:
            meta += " | " + ", ".join(c.guidance_refs)
        _para(document, meta, italic=True)
        if entry and entry.note:
            _para(document, f"{_t('note', lang)}: {entry.note}")
        _heading(document, _t("purpose", lang), "Heading 3")
        _para(document, c.purpose.get(lang))
        values = dict(entry.variables) if entry else {}
        if c.variables:
            _heading(document, _t("variables", lang), "Heading 3")
            for v in c.variables:
                from_project = v.id in values
                value = values.get(v.id, v.default)
                unit = f" {v.unit.get(lang)}" if v.unit else ""
                source = _t("from_project", lang) if from_project else _t("default", lang)
                text = (
                    f"{v.label.get(lang)}：{value}{unit}（{source}）"
                    if lang == "ja"
                    else f"{v.label.get(lang)}: {value}{unit} ({source})"
                )
                _para(document, text, indent_mm=6)
        for which in (lang, other):
            name = _t("lang_ja" if which == "ja" else "lang_en", lang)
            _heading(document, _t("wording", lang).format(lang=name), "Heading 3")
            _wording(document, c.render(which, values))
        _heading(document, _t("fallbacks", lang), "Heading 3")
        if not c.fallbacks:
            _para(document, _t("no_fallbacks", lang))
        for i, fallback in enumerate(c.fallbacks, 1):
            # Numbers are written out: Word list numbering would run on from one clause to the next.
            paragraph = _para(document, f"{i}. {fallback.get(lang)}", indent_mm=6)
            paragraph.paragraph_format.first_line_indent = Mm(-5)
        if r.cautions:
            _heading(document, _t("cautions", lang), "Heading 3")
            for caution in r.cautions:
                text = caution.text.get(lang)
                if caution.when is None:
                    text = f"[{_t('general', lang)}] {text}"
                _para(document, "• " + text, indent_mm=6)
                if caution.sources:
                    cited = "; ".join(citation_text(s, library) for s in caution.sources)
                    _para(document, f"({_t('sources', lang)}: {cited})", indent_mm=10).runs[0].font.size = Pt(9)
        _heading(document, _t("sources", lang), "Heading 3")
        for citation in c.sources:
            _para(document, "• " + citation_text(citation, library), indent_mm=6).runs[0].font.size = Pt(9)

    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
