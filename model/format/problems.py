"""Problems found in a file — where, what, in words a business user reads — in Japanese or English."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Path = tuple[str | int, ...]

# Message templates per problem code. Placeholders come from Problem.params.
MESSAGES: dict[str, tuple[str, str]] = {
    # reading the file
    "file_missing": ("ファイルが見つかりません。", "The file does not exist."),
    "file_unreadable": ("ファイルを読み込めません（{reason}）。", "The file cannot be read ({reason})."),
    "file_too_large": (
        "ファイルが大きすぎます（{size:,} バイト、上限 {limit:,} バイト）。",
        "The file is too large ({size:,} bytes; the limit is {limit:,} bytes).",
    ),
    "file_empty": (
        "ファイルが空です。少なくとも format_version と project を書いてください。",
        "The file is empty. It needs at least format_version and project.",
    ),
    "encoding": (
        "文字コードが UTF-8 ではありません{hint}。UTF-8 で保存し直してください。",
        "The file is not UTF-8{hint}. Save it again as UTF-8.",
    ),
    "yaml_syntax": ("YAML の書式に誤りがあります: {detail}", "The YAML is malformed: {detail}"),
    "yaml_unsafe_tag": (
        "安全でない YAML タグ「{tag}」は使えません（プログラムを実行させる指定のため拒否します）。",
        "The YAML tag '{tag}' is not allowed: it asks to run code, so the file is refused.",
    ),
    "yaml_unknown_tag": (
        "YAML タグ「{tag}」は使えません。タグを付けずに値だけを書いてください。",
        "The YAML tag '{tag}' is not supported. Write the plain value without a tag.",
    ),
    "yaml_too_deep": ("入れ子が深すぎます（{limit} 段まで）。", "The nesting is too deep (at most {limit} levels)."),
    "yaml_too_many_nodes": (
        "要素が多すぎます（アンカー/エイリアスの展開を含め {limit:,} 個まで）。",
        "The file has too many elements (at most {limit:,}, counting what anchors and aliases expand to).",
    ),
    "yaml_duplicate_key": (
        "キー「{key}」が同じ場所に2回書かれています（{first_line} 行目が最初）。",
        "The key '{key}' appears twice here (first on line {first_line}).",
    ),
    "yaml_multiple_documents": (
        "1つのファイルに複数の YAML 文書（---）があります。1案件1文書にしてください。",
        "The file holds several YAML documents (---); a project file holds exactly one.",
    ),
    "comments_not_kept": (
        "先頭のコメント欄より後のコメント {count} 件（{lines} 行目）は書き戻されません。項目を決まった順に"
        "並べ直すため、置き場所がありません。残したい説明はファイル先頭のコメント欄か、各項目の note に書いてください。",
        "{count} comment(s) below the opening comment block (line(s) {lines}) are not written back: the "
        "fields are put in their fixed order, which leaves them no place. Keep notes in the comment "
        "block at the top of the file, or in a field's note.",
    ),
    "not_a_mapping": (
        "ファイルの最上位は「キー: 値」の形（マッピング）でなければなりません。実際は {found} です。",
        "The top level of the file must be a mapping of keys to values; found {found}.",
    ),
    # format version
    "format_version_missing": (
        "format_version がありません。対応している版: {supported}。",
        "format_version is missing. Supported: {supported}.",
    ),
    "format_version_unsupported": (
        "format_version {value} には対応していません。対応している版: {supported}。",
        "format_version {value} is not supported. Supported: {supported}.",
    ),
    # structure (pydantic)
    "unknown_key": ("「{key}」という項目はありません。{suggestion}", "There is no field '{key}'. {suggestion}"),
    "missing": ("必須項目がありません。", "This field is required."),
    "enum": ("「{value}」は選べません。選択肢: {choices}", "'{value}' is not one of the choices: {choices}"),
    "enum_bool": (
        "true/false は選べません（YAML は yes・no・on・off を true/false と読みます）。選択肢: {choices}",
        "true/false is not a choice here (YAML reads yes, no, on and off as true/false). Choices: {choices}",
    ),
    "type_int": (
        "整数を書いてください（「{value}」は整数ではありません）。",
        "Write a whole number ('{value}' is not one).",
    ),
    "type_number": (
        "数値を書いてください（「{value}」は数値ではありません）。",
        "Write a number ('{value}' is not one).",
    ),
    "type_bool": ("true か false を書いてください（「{value}」）。", "Write true or false ('{value}')."),
    "type_str": ("文字列を書いてください（「{value}」）。", "Write a text value ('{value}')."),
    "type_date": ("日付を YYYY-MM-DD の形で書いてください（「{value}」）。", "Write a date as YYYY-MM-DD ('{value}')."),
    "type_datetime": (
        "日時を YYYY-MM-DDTHH:MM:SS+09:00 の形で書いてください（「{value}」）。",
        "Write a date and time as YYYY-MM-DDTHH:MM:SS+09:00 ('{value}').",
    ),
    "type_list": ("リスト（- で始まる行）を書いてください。", "Write a list (lines starting with -)."),
    "type_mapping": ("「キー: 値」の形（マッピング）を書いてください。", "Write a mapping of keys to values."),
    "too_small": ("値 {value} は小さすぎます（{limit} 以上）。", "The value {value} is too small (at least {limit})."),
    "too_small_strict": (
        "値 {value} は {limit} より大きくなければなりません。",
        "The value {value} must be greater than {limit}.",
    ),
    "too_large": ("値 {value} は大きすぎます（{limit} 以下）。", "The value {value} is too large (at most {limit})."),
    "too_long": ("文字数が多すぎます（{limit} 文字まで）。", "The text is too long (at most {limit} characters)."),
    "too_short": ("空にはできません。", "This cannot be empty."),
    "bad_id": (
        "「{value}」は ID として使えません。英小文字・数字・「-」「_」で48文字以内にしてください（例: etch-process）。",
        "'{value}' cannot be used as an id: use lower-case letters, digits, '-' and '_', at most 48 characters (e.g. etch-process).",
    ),
    "bad_country": (
        "「{value}」は国コードではありません。ISO 3166 の2文字の大文字で書いてください（例: CN, VN, US）。",
        "'{value}' is not a country code: write the two capital letters of ISO 3166 (e.g. CN, VN, US).",
    ),
    "bad_pattern": ("「{value}」は決められた形式に合いません。", "'{value}' does not have the required form."),
    "invalid": ("値が正しくありません: {detail}", "The value is not valid: {detail}"),
    # consistency
    "duplicate_id": (
        "ID「{value}」が重複しています（{first} でも使われています）。",
        "The id '{value}' is used twice (also at {first}).",
    ),
    "reserved_id": (
        "ID「{value}」は予約語です（us = 自社、site = 現地拠点）。別の ID にしてください。",
        "The id '{value}' is reserved ('us' is our company, 'site' the local site); choose another.",
    ),
    "dangling_reference": (
        "「{value}」という{target}はありません。{suggestion}",
        "There is no {target} '{value}'. {suggestion}",
    ),
    "self_reference": ("自分自身を参照しています。", "The entry refers to itself."),
    "ownership_cycle": ("親会社の連鎖が循環しています（{cycle}）。", "The ownership chain loops ({cycle})."),
    "equity_over_100": (
        "出資比率の合計が {total}% で、100% を超えています。",
        "The equity adds up to {total}%, which is over 100%.",
    ),
    "equity_under_100": (
        "出資比率の合計が {total}% で、100% になっていません。",
        "The equity adds up to {total}%, not 100%.",
    ),
    "holder_twice": (
        "「{value}」の持分が2回書かれています。1行にまとめてください。",
        "'{value}' is listed twice; give one line per holder.",
    ),
    "seats_twice": ("「{value}」の取締役数が2回書かれています。", "Board seats for '{value}' are listed twice."),
    "stage_dates": (
        "終了日 {end} が開始日 {start} より前です。",
        "The end date {end} is before the start date {start}.",
    ),
    "stage_order": (
        "この段階の開始日 {start} が前の段階「{previous}」の開始日 {previous_start} より前です。",
        "This stage starts on {start}, before the previous stage '{previous}' ({previous_start}).",
    ),
    "project_dates": (
        "{later_field} ({later}) が {earlier_field} ({earlier}) より前です。",
        "{later_field} ({later}) is before {earlier_field} ({earlier}).",
    ),
    "justification_required": (
        "判断「{status}」には理由（justification）が必要です。",
        "A decision '{status}' needs a justification.",
    ),
    "decision_twice": (
        "指摘「{value}」への判断が2回書かれています（{first}）。",
        "The finding '{value}' has two decisions (also at {first}).",
    ),
    "bad_finding_id": (
        "指摘 ID「{value}」は「漏えい経路@技術ID」の形でなければなりません（例: engineer_poaching@etch-process）。",
        "The finding id '{value}' must look like 'leak_channel@technology_id' (e.g. engineer_poaching@etch-process).",
    ),
    "unknown_channel": (
        "「{value}」という漏えい経路はありません。選択肢: {choices}",
        "There is no leak channel '{value}'. Choices: {choices}",
    ),
    "unknown_clause": (
        "「{value}」という契約条項はライブラリにありません。{suggestion}",
        "There is no contract clause '{value}' in the library. {suggestion}",
    ),
    "clause_left_out": (
        "契約条項「{value}」はライブラリのファイルに誤りがあるため、いまは除外されています。"
        "この記載は残しますが、直るまで評価には使われません。",
        "The contract clause '{value}' is left out of the library for now because its file has "
        "errors; this entry is kept but not used in the assessment until the file is fixed.",
    ),
    "unknown_variable": (
        "条項「{clause}」に「{value}」という変数はありません。使える変数: {choices}",
        "Clause '{clause}' has no variable '{value}'. Its variables: {choices}",
    ),
    "variable_type": (
        "条項「{clause}」の変数「{value}」は {type} 型です。",
        "Variable '{value}' of clause '{clause}' must be of type {type}.",
    ),
    "variable_range": (
        "条項「{clause}」の変数「{value}」は {min} 以上 {max} 以下です。",
        "Variable '{value}' of clause '{clause}' must be between {min} and {max}.",
    ),
    "unknown_country": (
        "国「{value}」のプロファイルはまだライブラリにありません。国別の要素は「不明」として扱います。",
        "There is no country profile for '{value}' yet; its country factors count as unknown.",
    ),
    "country_left_out": (
        "国「{value}」のプロファイルはライブラリのファイルに誤りがあるため、いまは除外されています。"
        "直るまで国別の要素は「不明」として扱います。",
        "The country profile for '{value}' is left out of the library for now because its file has "
        "errors; until it is fixed, its country factors count as unknown.",
    ),
    "jv_fields_unused": (
        "案件の形態が合弁ではないため、governance の内容は評価に使われません。",
        "The deal is not a joint venture, so the governance section is not used in the assessment.",
    ),
    "stale_decision": (
        "判断の対象「{value}」の技術 ID がこの案件にありません（技術を削除した後の古い判断かもしれません）。",
        "The finding '{value}' names a technology this project does not have (perhaps a decision left from a removed technology).",
    ),
    # libraries
    "library_kind": (
        "「kind: {value}」は知らない種類のライブラリです。選択肢: {choices}",
        "'kind: {value}' is not a known library kind. Choices: {choices}",
    ),
    "library_id_file": (
        "id「{value}」がファイル名「{stem}」と一致しません。",
        "The id '{value}' does not match the file name '{stem}'.",
    ),
    "library_duplicate": (
        "ライブラリ ID「{value}」が重複しています（{first}）。",
        "The library id '{value}' is used twice (also in {first}).",
    ),
    "library_reference": (
        "「{value}」という{target}はライブラリにありません。",
        "There is no {target} '{value}' in the library.",
    ),
    "library_missing": (
        "必要なライブラリ「{value}」が見つかりません。",
        "The required library '{value}' was not found.",
    ),
    "measure_catalogue_mismatch": (
        "対策カタログと案件ファイル形式が一致しません: {detail}",
        "The measure catalogue does not match the project format: {detail}",
    ),
    "scoring_fact_missing": (
        "ルールが見つける事実「{value}」（経路: {channels}）の重みが facts にありません。重みを追加してください。",
        "The rules can find the fact '{value}' ({channels}) but facts gives it no weight; add one.",
    ),
    "predicate_path": (
        "条件の項目パスが正しくありません: {detail}",
        "A condition reads a field that does not exist: {detail}",
    ),
}

TARGET_NAMES: dict[str, tuple[str, str]] = {
    "technology": ("技術", "technology"),
    "partner": ("取引先", "partner"),
    "party": ("当事者（us / site / 取引先 ID）", "party ('us', 'site' or a partner id)"),
    "holder": ("株主（us / 取引先 ID）", "holder ('us' or a partner id)"),
    "source": ("出典", "source"),
    "checklist item": ("チェック項目", "checklist item"),
    "measure": ("対策", "measure"),
    "clause": ("契約条項", "clause"),
    "guidance section": ("ガイダンスの項目", "guidance section"),
}


@dataclass(frozen=True)
class Problem:
    """One problem, located as precisely as the file allows."""

    code: str
    path: Path = ()
    params: dict[str, Any] = field(default_factory=dict)
    file: str | None = None
    line: int | None = None
    column: int | None = None
    object_id: str | None = None
    severity: Literal["error", "warning"] = "error"

    def message(self, lang: str = "ja") -> str:
        ja, en = MESSAGES.get(self.code, ("{detail}", "{detail}"))
        params = dict(self.params)
        if "target" in params:
            params["target"] = TARGET_NAMES.get(params["target"], (params["target"],) * 2)[0 if lang == "ja" else 1]
        for key in ("suggestion", "hint"):
            params.setdefault(key, "")
        for key, value in params.items():
            if isinstance(value, tuple) and len(value) == 2:  # a (ja, en) pair prepared by the caller
                params[key] = value[0 if lang == "ja" else 1]
        try:
            return (ja if lang == "ja" else en).format(**params).strip()
        except (KeyError, IndexError, ValueError):
            return f"{self.code}: {self.params}"

    def location(self) -> str:
        where = self.file or "<input>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    def format(self, lang: str = "ja") -> str:
        """One line: ``file:line:col: error: field path (id "x"): message``."""
        label = {"error": ("エラー", "error"), "warning": ("警告", "warning")}[self.severity][0 if lang == "ja" else 1]
        parts = [f"{self.location()}: {label}:"]
        if self.path:
            parts.append(format_path(self.path))
        if self.object_id:
            parts.append(f'(id "{self.object_id}")' if lang == "en" else f"（ID「{self.object_id}」）")
        head = " ".join(parts)
        return f"{head}{'' if head.endswith(':') else ':'} {self.message(lang)}"

    def to_dict(self, lang: str = "ja") -> dict:
        return {
            "severity": self.severity,
            "code": self.code,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": format_path(self.path),
            "id": self.object_id,
            "message": self.message(lang),
        }


def format_path(path: Path) -> str:
    """``('technologies', 2, 'forms', 0)`` → ``technologies[2].forms[0]``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


class InputError(Exception):
    """A file could not be used; carries every problem found, errors and warnings alike."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(p.format("en") for p in problems))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def report(self, lang: str = "ja") -> str:
        return "\n".join(p.format(lang) for p in self.problems)
