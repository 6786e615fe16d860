"""Closed vocabularies of the project format, each value with a Japanese and English label and description."""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class Vocab(StrEnum):
    """A closed vocabulary whose members carry bilingual labels and descriptions.

    Members are declared as ``NAME = "value", "ラベル", "Label", "説明", "Description"``.
    The value is what the YAML file holds; labels and descriptions are what people read
    (UI, exports, JSON Schema). Declaration order is meaningful for ordered scales.
    """

    label_ja: str
    label_en: str
    description_ja: str
    description_en: str

    def __new__(cls, value: str, label_ja: str, label_en: str, desc_ja: str = "", desc_en: str = ""):
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label_ja = label_ja
        obj.label_en = label_en
        obj.description_ja = desc_ja
        obj.description_en = desc_en
        return obj

    def label(self, lang: str = "ja") -> str:
        return self.label_ja if lang == "ja" else self.label_en

    def description(self, lang: str = "ja") -> str:
        return self.description_ja if lang == "ja" else self.description_en

    @property
    def rank(self) -> int:
        """Position in declaration order; meaningful for ordered scales such as levels."""
        return list(type(self)).index(self)

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> dict:
        schema = handler(core_schema)
        schema = handler.resolve_ref_schema(schema)
        # Editors (e.g. VS Code's YAML extension) show enumDescriptions next to completions.
        schema["enumDescriptions"] = [
            f"{m.label_en} / {m.label_ja}" + (f" — {m.description_en}" if m.description_en else "") for m in cls
        ]
        return schema


class DealType(Vocab):
    JOINT_VENTURE = (
        "joint_venture",
        "合弁会社",
        "Joint venture",
        "現地企業と共同出資で会社を設立し、その会社に技術を提供する形態。"
        "出資比率や役員構成による合弁会社の支配が流出防止の要になる。",
        "We set up a company with a local partner and provide it with technology; "
        "who controls the JV (equity, board) is the key to preventing leaks.",
    )
    SUBSIDIARY = (
        "subsidiary",
        "現地子会社",
        "Wholly owned subsidiary",
        "自社が全額（またはほぼ全額）出資する現地法人に技術を移転する形態。"
        "支配は確保しやすいが、現地スタッフの転職や当局の要求への備えは必要。",
        "A local company we own fully or almost fully receives our technology; "
        "control is easier, but staff turnover and host authorities remain risks.",
    )
    CONTRACT_MANUFACTURING = (
        "contract_manufacturing",
        "製造委託",
        "Contract manufacturing",
        "現地企業に製造を委託し、図面・仕様・部品などを渡す形態。"
        "渡す範囲と、委託先での管理や再委託の制限が重要になる。",
        "A local manufacturer makes products for us from drawings, "
        "specifications and parts we supply; what we hand over and how "
        "the contractor handles it (incl. subcontracting) matter most.",
    )
    LICENCE = (
        "licence",
        "ライセンス供与",
        "Technology licence",
        "現地企業に自社技術の使用を許諾する形態。許諾する範囲、再許諾の禁止、契約終了後の技術の扱いが重要になる。",
        "A local company is licensed to use our technology; the licence scope, a ban "
        "on sublicensing and what happens to the technology after termination are key.",
    )
    OVERSEAS_RND = (
        "overseas_rnd",
        "海外研究開発拠点",
        "Overseas R&D site",
        "海外に研究開発拠点を置き、現地で技術を開発・共有する形態。"
        "海外拠点間のやり取りも本社が把握・承認できる仕組みが必要。",
        "An R&D site abroad develops and shares technology locally; "
        "HQ needs reporting and approval even for transfers between overseas sites (ch1.5.3).",
    )


class Lang(StrEnum):
    JA = "ja"
    EN = "en"


class MeasureStatus(Vocab):
    """Status of one of our own measures (not a contract clause)."""

    IN_PLACE = (
        "in_place",
        "実施済み",
        "In place",
        "対策が整い、実際に運用されている。",
        "The measure exists and is actually applied.",
    )
    PARTIAL = (
        "partial",
        "一部実施",
        "Partly in place",
        "対策はあるが、対象範囲や運用に不足がある。",
        "The measure exists but is incomplete in scope or practice.",
    )
    PLANNED = (
        "planned",
        "計画中",
        "Planned",
        "実施は決まっているが、まだ運用されていない。",
        "Decided but not yet applied.",
    )
    ABSENT = (
        "absent",
        "未実施",
        "Not in place",
        "対策がなく、実施の予定も決まっていない。",
        "The measure does not exist and is not yet planned.",
    )
    NOT_APPLICABLE = (
        "not_applicable",
        "対象外",
        "Not applicable",
        "この案件には当てはまらない。",
        "Does not apply to this project.",
    )


class ClauseStatus(Vocab):
    """Status of a protective clause in the contract draft."""

    PRESENT = (
        "present",
        "規定あり",
        "Present",
        "契約案に十分な内容で規定されている。",
        "The draft contains the clause in adequate form.",
    )
    PARTIAL = (
        "partial",
        "不十分",
        "Partial",
        "規定はあるが、対象範囲・期間・条件などが弱い。",
        "The draft has the clause but in a weaker form (scope, term, conditions).",
    )
    MISSING = ("missing", "規定なし", "Missing", "契約案に規定がない。", "The draft does not contain the clause.")
    NOT_APPLICABLE = (
        "not_applicable",
        "対象外",
        "Not applicable",
        "この契約には当てはまらない。",
        "Does not apply to this contract.",
    )


class DecisionStatus(Vocab):
    """Tracked decision on a finding."""

    OPEN = ("open", "未対応", "Open", "まだ判断しておらず、対応が必要。", "Not yet decided; still needs attention.")
    ACCEPTED = (
        "accepted",
        "リスク受容",
        "Accepted",
        "理由を記録したうえで、このリスクを受け入れると判断した。",
        "We decided to accept the risk and recorded why.",
    )
    MITIGATION_PLANNED = (
        "mitigation_planned",
        "対策予定",
        "Mitigation planned",
        "対策を決め、実施の予定が立っている。",
        "A mitigation is decided and scheduled.",
    )
    MITIGATED = ("mitigated", "対策済み", "Mitigated", "対策を実施した。", "The mitigation has been carried out.")
    NOT_APPLICABLE = (
        "not_applicable",
        "該当なし",
        "Not applicable",
        "この案件には当てはまらないと判断した。",
        "Judged not to apply to this project.",
    )


class TechForm(Vocab):
    """Form in which a technology exists (guidance ch1.1.1 ③)."""

    DRAWINGS = (
        "drawings",
        "設計図面",
        "Drawings",
        "設計図面やCADデータ。複製や転送が簡単なため、渡す範囲と方法の管理が要になる。",
        "Design drawings and CAD data; easy to copy and forward, so what is handed over and how must be controlled.",
    )
    FORMULATION_DATA = (
        "formulation_data",
        "配合・レシピデータ",
        "Formulation data",
        "配合比率、レシピ、工程の条件値などのデータ。わずかな数値でも技術の核心になりうる。",
        "Formulation ratios, recipes and process parameters; a few numbers can be the heart of the technology.",
    )
    PROCESS_KNOWHOW = (
        "process_knowhow",
        "技術者のノウハウ",
        "Know-how held by people",
        "技術者の経験や勘として人に身についたノウハウ。文書にないため、人の異動や転職とともに流出しやすい。",
        "Know-how that lives in engineers' experience and judgement; "
        "it is not written down, so it leaves when people move or change jobs.",
    )
    CUSTOM_EQUIPMENT = (
        "custom_equipment",
        "カスタマイズ設備",
        "Customised equipment",
        "独自に調整・特注した製造設備に組み込まれた技術。設備の転売や分解によって読み取られうる。",
        "Technology built into equipment we tuned or had custom-made; "
        "it can be read out if the equipment is resold or taken apart.",
    )
    SOFTWARE = (
        "software",
        "ソフトウェア",
        "Software",
        "制御ソフト、ソースコード、解析プログラムなど。複製が簡単で、ソースコードは技術の核心になりうる。",
        "Control software, source code, analysis programs; "
        "easy to copy, and source code can be the heart of the technology.",
    )
    PARTS_SAMPLES = (
        "parts_samples",
        "部品・サンプル",
        "Parts and samples",
        "支給する部品や試作品。分解・解析されて技術を読み取られる可能性がある。",
        "Supplied parts and samples, which can be taken apart and analysed to read out the technology.",
    )
    MOULDS = (
        "moulds",
        "金型",
        "Moulds and tooling",
        "金型や治工具。形状や加工条件がそこから読み取られうる。",
        "Moulds, jigs and tooling, from which shapes and process conditions can be read.",
    )


class Level(Vocab):
    """Ordinal four-step scale used for importance and similar judgements."""

    LOW = (
        "low",
        "低",
        "Low",
        "自社の他の技術や案件と比べて、明らかに平均を下回る。",
        "Clearly below average compared with our other technologies or projects.",
    )
    MEDIUM = (
        "medium",
        "中",
        "Medium",
        "自社の他の技術や案件と比べて、おおむね平均的。",
        "About average compared with our other technologies or projects.",
    )
    HIGH = (
        "high",
        "高",
        "High",
        "自社の他の技術や案件と比べて、明らかに平均を上回る。",
        "Clearly above average compared with our other technologies or projects.",
    )
    VERY_HIGH = (
        "very_high",
        "非常に高い",
        "Very high",
        "際立って高く、自社の中でも最上位に入る。",
        "Exceptional; among the very highest we have.",
    )


class ExportControl(Vocab):
    """Status under Japan's Foreign Exchange and Foreign Trade Act (外為法)."""

    LIST_CONTROLLED = (
        "list_controlled",
        "リスト規制該当",
        "List-controlled",
        "外為法のリスト規制に該当する技術。海外に提供するには経済産業大臣の許可が必要。",
        "Listed under Japan's Foreign Exchange Act; providing it abroad needs a licence from METI.",
    )
    CATCH_ALL = (
        "catch_all",
        "キャッチオール規制の対象",
        "Catch-all control",
        "リスト規制には該当しないが、用途や相手先によってはキャッチオール規制で許可が必要になる。",
        "Not on the control list, but a licence is needed if the "
        "end use or end user raises concern (catch-all control).",
    )
    NOT_CONTROLLED = (
        "not_controlled",
        "非該当",
        "Not controlled",
        "該非判定の結果、規制に該当しない。規制の対象外でも流出対策は必要。",
        "Classified as not controlled; leakage protection is still needed.",
    )
    UNKNOWN = (
        "unknown",
        "未判定",
        "Not yet classified",
        "該非判定をまだ行っていない。技術を提供する前に判定が必要。",
        "Not yet classified; classify it before the technology is provided.",
    )


class IpStrategy(Vocab):
    """Patent or secrecy strategy (guidance ch1.5.2)."""

    PATENT = (
        "patent",
        "権利化",
        "Patent",
        "特許などで権利化する。権利は得られるが出願内容は公開されるため、組成・形状など侵害を見つけやすい技術に向く。",
        "Protect it with patents: we get rights but the application is published, so this suits "
        "technology whose infringement is easy to spot, such as composition or shape (ch1.5.2).",
    )
    SECRET = (
        "secret",
        "秘匿化",
        "Trade secret",
        "営業秘密として秘匿する。公開されず期限もないが、"
        "厳格な秘密管理が前提で、製法ノウハウなど侵害を見つけにくい技術に向く。",
        "Keep it as a trade secret: nothing is published and there is no time limit, but strict "
        "secrecy is required; suits process know-how whose misuse is hard to spot (ch1.5.2).",
    )
    BOTH = (
        "both",
        "権利化と秘匿化の組合せ",
        "Patent and secret",
        "中核部分を権利化し、周辺のノウハウは秘匿する。秘匿すべき内容を特許明細書に書かない工夫が要る。",
        "Patent the core and keep the surrounding know-how secret; "
        "the patent text must leave out what is to stay secret (ch1.5.2).",
    )
    UNDECIDED = (
        "undecided",
        "未決定",
        "Undecided",
        "方針をまだ決めていない。技術を移転する前に決めておくことが望ましい。",
        "Not yet decided; best decided before the technology is transferred.",
    )


class Department(Vocab):
    """Owner department of a checklist item or measure."""

    MANAGEMENT = (
        "management",
        "経営層",
        "Top management",
        "技術をどこまで海外に移すかを判断し、流出対策が全社で優先されるよう後押しする。",
        "Decides how much technology goes abroad and makes sure leakage measures get company-wide priority.",
    )
    BUSINESS = (
        "business",
        "事業部門",
        "Business division",
        "案件を企画・交渉し、取引先との関係や段階的な技術提供の計画を日々管理する。",
        "Plans and negotiates the deal, and manages the partner and the staged disclosure plan day to day.",
    )
    LEGAL = (
        "legal",
        "法務部門",
        "Legal",
        "NDA、本契約、合弁契約の保護条項を起案・審査し、違反があれば法的措置を担う。",
        "Drafts and reviews the protective clauses of the NDA, main "
        "contract and JV agreement, and takes legal action on breaches.",
    )
    IP = (
        "ip",
        "知財部門",
        "Intellectual property",
        "特許にするか秘匿するかを判断し、営業秘密の管理や他社による特許出願の監視を担う。",
        "Decides between patenting and secrecy, manages trade secrets and watches for others' patent filings.",
    )
    HR = (
        "hr",
        "人事部門",
        "Human resources",
        "雇用契約や誓約書、研修、退職時の手続、技術者の処遇や引抜き対策を担う。",
        "Handles employment contracts and pledges, training, leaver procedures, and keeping key engineers.",
    )
    IT_SECURITY = (
        "it_security",
        "情報システム部門",
        "IT and information security",
        "アクセス権限の管理、データ持出しの監視、現地システムのサイバー対策を担う。",
        "Manages access rights, monitors data take-out and protects local systems against cyber attack.",
    )
    RND = (
        "rnd",
        "研究開発部門",
        "R&D",
        "コア技術を特定し、どの情報なら渡してよいかを技術面から判断する。",
        "Identifies core technologies and judges, technically, which information may be handed over.",
    )
    MANUFACTURING = (
        "manufacturing",
        "生産技術部門",
        "Manufacturing engineering",
        "製造設備・金型・工程ノウハウを管理し、設備の保守や撤退時の処分を担う。",
        "Looks after production equipment, moulds and process know-how, "
        "including equipment maintenance and disposal at exit.",
    )
    AUDIT = (
        "audit",
        "監査部門",
        "Internal audit",
        "本社・海外拠点や、監査条項に基づき取引先で、対策が実際に守られているかを定期的に確認する。",
        "Checks regularly that measures are actually followed at HQ, "
        "at overseas sites and, under audit clauses, at partners.",
    )
    ECONOMIC_SECURITY = (
        "economic_security",
        "経済安全保障・技術流出対策部門",
        "Economic security / leakage unit",
        "技術流出対策の司令塔となる部門横断の専門部署。案件の審査に加わり、各部門の対策を取りまとめる。",
        "The cross-functional unit that leads leakage prevention: "
        "it takes part in deal approval and coordinates the other departments (ch1.5.1).",
    )


class Phase(Vocab):
    """Project phase as structured by guidance chapter 1."""

    PLANNING = (
        "planning",
        "計画前・計画段階",
        "Planning",
        "進出を検討・計画している期間。契約交渉の前に、コア技術の特定、相手国の制度や取引先の調査を行う。",
        "While the project is considered and planned, before negotiations: "
        "identify core technologies, study the host country and check the partner (ch1.1).",
    )
    CONTRACT = (
        "contract",
        "契約締結時",
        "Contract",
        "NDAの締結から最終契約の締結までの期間。提供範囲、遵守事項、解除事由、合弁のガバナンスなどを契約で固める。",
        "From the NDA to signing the definitive contracts: fix the scope of disclosure, "
        "handling duties, termination triggers and JV governance in writing (ch1.2).",
    )
    OPERATION = (
        "operation",
        "実施段階",
        "Operation",
        "契約後、現地で事業が動いている期間。技術を段階的に提供し、現地の情報管理や設備保守を管理する。",
        "After signing, while the business runs locally: disclose in stages and keep "
        "local information security and equipment maintenance under control (ch1.3).",
    )
    EXIT = (
        "exit",
        "撤退・契約終了時",
        "Exit",
        "撤退や契約終了を決めてから、その後のフォローまでの期間。"
        "アクセス権の見直し、設備・資料の回収や処分、撤退後の監視を行う。",
        "From the decision to withdraw or end the contract through the follow-up: reset access, "
        "recover or dispose of equipment and documents, and keep watching afterwards (ch1.4).",
    )
    CROSS_CUTTING = (
        "cross_cutting",
        "その他（横断的事項）",
        "Cross-cutting",
        "特定の段階に限らず、全期間を通じて取り組む事項。専門部署の設置、知財戦略、海外研究開発拠点の管理など。",
        "Matters that run through the whole project rather than one phase: "
        "a dedicated unit, IP strategy, oversight of overseas R&D sites (ch1.5).",
    )


class PartnerRole(Vocab):
    JV_PARTNER = (
        "jv_partner",
        "合弁相手方",
        "JV partner",
        "合弁会社に共同出資し、ともに運営する現地企業。役員を送り込めるなど、合弁会社の情報に近い立場にある。",
        "The local company that co-owns and co-runs the JV; "
        "it can appoint directors and is close to the JV's information.",
    )
    LICENSEE = (
        "licensee",
        "ライセンシー",
        "Licensee",
        "自社技術の使用許諾を受ける企業。許諾範囲を超えた利用や無断の再許諾に注意が必要。",
        "A company licensed to use our technology; watch for use beyond the licence and unauthorised sublicensing.",
    )
    CONTRACT_MANUFACTURER = (
        "contract_manufacturer",
        "製造委託先",
        "Contract manufacturer",
        "自社の図面・仕様に基づいて製造を請け負う企業。支給品の解析や無断の再委託に注意が必要。",
        "A company that manufactures for us from our drawings and specifications; "
        "watch for analysis of supplied items and unauthorised subcontracting.",
    )
    SUPPLIER = (
        "supplier",
        "部品・材料の調達先",
        "Supplier",
        "部品や材料を納める企業。技術情報を共有していることがあり、調達元と知られると技術を狙う接触の入口になりうる。",
        "A company that supplies parts or materials; it may hold some of our technical information, "
        "and if known as our source it can be approached by those seeking our technology.",
    )
    MAINTENANCE_CONTRACTOR = (
        "maintenance_contractor",
        "設備保守業者",
        "Maintenance contractor",
        "製造設備の保守・修理を行う業者。工場に立ち入り、設備に組み込まれたノウハウに触れる。",
        "A firm that services or repairs production equipment; "
        "it enters the plant and sees the know-how built into the equipment.",
    )
    DISPOSAL_CONTRACTOR = (
        "disposal_contractor",
        "廃棄・処分業者",
        "Disposal contractor",
        "撤退時などに設備や資料を廃棄・処分する業者。処分が確実でないと、転売や解析につながる。",
        "A firm that scraps equipment and documents, e.g. at exit; "
        "if disposal is not done properly, items can be resold or analysed.",
    )
    AFFILIATE = (
        "affiliate",
        "取引先の関係会社",
        "Partner affiliate",
        "取引先の親会社・子会社・兄弟会社。取引先を通じて技術が回されるおそれがある。",
        "Parent, subsidiary or sister company of a partner; technology can be passed on to it through the partner.",
    )
    OTHER = (
        "other",
        "その他",
        "Other",
        "上記のどれにも当てはまらない関係者（商社、コンサルタントなど）。",
        "Any other party not covered above (e.g. a trading company or a consultant).",
    )


class StateOwnership(Vocab):
    NONE = (
        "none",
        "政府出資なし",
        "No state ownership",
        "確認した範囲で、政府や政府系機関の出資はない。",
        "As far as we checked, no state or state body holds shares.",
    )
    MINORITY = (
        "minority",
        "政府が少数出資",
        "State minority stake",
        "政府や政府系機関が少数株主として出資している。政府の意向が経営に及ぶ可能性がある。",
        "The state or a state body holds a minority stake; government wishes can reach management.",
    )
    MAJORITY = (
        "majority",
        "政府が過半数出資・支配",
        "State-controlled",
        "政府や政府系機関が過半数を出資するか、実質的に支配している。技術が政府側に渡るリスクが高い。",
        "The state or a state body holds a majority or otherwise "
        "controls the company; technology can readily reach the state.",
    )


class GovernmentTies(Vocab):
    NONE = (
        "none",
        "特になし",
        "None known",
        "確認した範囲で、政府との特別な関係は見当たらない。",
        "No special ties to the government found in our checks.",
    )
    INDIRECT = (
        "indirect",
        "間接的な関係あり",
        "Indirect",
        "政府系ファンドの出資、公的支援の受給、業界団体を通じた関係など、間接的なつながりがある。",
        "Indirect links such as state-fund investment, public support or ties through industry bodies.",
    )
    DIRECT = (
        "direct",
        "直接的な関係あり",
        "Direct",
        "政府・党・軍の関係者が役員にいる、国家プロジェクトに参加しているなど、直接のつながりがある。",
        "Direct links such as government, party or military "
        "officials on the board, or taking part in state programmes.",
    )


class DueDiligenceResult(Vocab):
    """Result of one due-diligence check on a partner (guidance ch1.1.6)."""

    ADEQUATE = (
        "adequate",
        "十分",
        "Adequate",
        "この項目について、自社と同等以上の水準にある。",
        "On this point the partner is at or above our own standard.",
    )
    WEAK = (
        "weak",
        "不十分",
        "Weak",
        "仕組みはあるが、自社の水準には達していない。",
        "Something is in place, but it falls short of our standard.",
    )
    ABSENT = (
        "absent",
        "なし",
        "Absent",
        "この項目について、仕組みや体制がない。",
        "The partner has nothing in place on this point.",
    )


class IncidentHistory(Vocab):
    NONE = (
        "none",
        "なし",
        "None",
        "確認した範囲で、過去の情報流出事案はない。",
        "No past information leaks found in our checks.",
    )
    MINOR = (
        "minor",
        "軽微な事案あり",
        "Minor incidents",
        "過去に情報流出事案があったが、影響の小さいものに限られる。",
        "There were past leaks, but only of limited impact.",
    )
    SERIOUS = (
        "serious",
        "重大な事案あり",
        "Serious incidents",
        "重要な技術や大量の情報が流出した事案、または対応が不十分だった事案がある。",
        "A past leak of important technology or of much information, or one that was poorly handled.",
    )


class FinancialHealth(Vocab):
    SOUND = ("sound", "健全", "Sound", "財務状態に特段の問題はない。", "No particular financial problems.")
    CONCERN = (
        "concern",
        "懸念あり",
        "Some concern",
        "業績悪化や債務増加など、注意すべき兆候がある。資金難は技術の売却や人材流出の誘因になりうる。",
        "Warning signs such as falling results or rising debt; "
        "money trouble can tempt a partner to sell technology and can drive staff away.",
    )
    POOR = (
        "poor",
        "悪化",
        "Poor",
        "財務状態が悪化し、経営破綻や身売りのおそれがある。そうなれば技術が第三者に渡る可能性がある。",
        "Finances have deteriorated and insolvency or a sale of the company "
        "is possible, which could put our technology in others' hands.",
    )


class MeetsStandard(Vocab):
    """Whether a partner meets our information-management standard (ch1.1.6.c)."""

    # Values avoid yes/no: YAML 1.1 would read a bare yes/no as true/false.
    MEETS = (
        "meets",
        "自社水準を満たす",
        "Meets our standard",
        "取引先の情報管理体制が自社と同等以上で、そのまま契約に進める。",
        "The partner's information management is at or above our own; the deal can proceed.",
    )
    AFTER_REMEDIATION = (
        "after_remediation",
        "改善後に満たす予定",
        "Will after agreed remediation",
        "現状は水準に届かないため改善を要請しており、改善を確認してから契約する。",
        "Below our standard for now; improvements are requested and we sign only once they are confirmed.",
    )
    BELOW = (
        "below",
        "満たさない",
        "Below our standard",
        "自社の水準を満たさず、改善の合意もない。このままの取引は避けるべき状態。",
        "Below our standard with no agreed improvement; dealing with the partner as it is should be avoided (ch1.1.6).",
    )


class DisclosureLevel(Vocab):
    """How much of a technology is disclosed, from least to most (ordered)."""

    OVERVIEW = (
        "overview",
        "概要",
        "Overview",
        "製品や技術の概要だけを伝える。中身はほとんど分からない。",
        "Only a general description of the product or technology; it reveals little of how it works.",
    )
    SPECIFICATION = (
        "specification",
        "仕様",
        "Specification",
        "性能・仕様・受入基準など。何を満たすべきかは分かるが、作り方は分からない。",
        "Performance, specifications and acceptance criteria: what must be achieved, not how to make it.",
    )
    SANITISED_DRAWINGS = (
        "sanitised_drawings",
        "機密削除済み図面",
        "Sanitised drawings",
        "機密性の高い情報を削除した図面。作業には足りるが、核心は伏せてある（ch1.3.2）。",
        "Drawings with the highly confidential details removed: enough to work with, without the core (ch1.3.2).",
    )
    FULL_DRAWINGS = (
        "full_drawings",
        "完全な図面",
        "Full drawings",
        "加工条件なども含む、完全な設計図面。",
        "Complete design drawings, including machining conditions and all other details.",
    )
    PROCESS_KNOWHOW = (
        "process_knowhow",
        "工程ノウハウ",
        "Process know-how",
        "製造条件や調整方法など、工程をうまく動かすためのノウハウ。",
        "Process conditions, tuning methods and other know-how needed to run the process well.",
    )
    RECIPE_SOURCE = (
        "recipe_source",
        "レシピ・ソースコード",
        "Recipe or source code",
        "配合比率やソースコードなど、技術の核心そのもの。最も慎重に扱う。",
        "Formulations or source code: the heart of the technology, to be disclosed most cautiously.",
    )


class DisclosureMethod(Vocab):
    VIEW_ONLY_CLOUD = (
        "view_only_cloud",
        "クラウド閲覧のみ",
        "View-only cloud",
        "ダウンロードや印刷ができない環境で閲覧だけを認める。相手の手元に複製が残りにくい。",
        "The recipient can only view the material online, without download or printing, so few copies are left behind.",
    )
    ON_SITE_TRAINING = (
        "on_site_training",
        "現地での技術指導",
        "On-site training",
        "自社の技術者が現地で口頭や実演で教える。資料は残りにくいが、答えてよい範囲を事前に決めておく。",
        "Our engineers teach on site, orally or by demonstration; "
        "little is left in writing, but what they may answer must be set in advance.",
    )
    PAPER = (
        "paper",
        "紙媒体",
        "Paper",
        "管理番号を付けた紙の文書で渡す。配布先と部数を記録し、終了時に回収する。",
        "Numbered paper documents; recipients and copies are recorded and the documents recovered at the end.",
    )
    ELECTRONIC_COPY = (
        "electronic_copy",
        "電子データの引渡し",
        "Electronic copy",
        "ファイルそのものを相手方に渡す。複製や転送が簡単で、回収や削除の確認が難しい。",
        "Files are handed over to the recipient; they are easy to "
        "copy and forward, and hard to recover or verify as deleted.",
    )
    PHYSICAL_DELIVERY = (
        "physical_delivery",
        "現物の引渡し",
        "Physical delivery",
        "部品・サンプル・金型・設備などの現物を渡す。分解・解析による技術の読み取りに注意。",
        "Parts, samples, moulds or equipment are delivered; beware of reverse engineering.",
    )


class GateCondition(Vocab):
    """Condition that must hold before a disclosure stage opens (guidance ch1.3.1)."""

    CONTRACT_SIGNED = (
        "contract_signed",
        "最終契約の締結",
        "Definitive contract signed",
        "最終契約を締結済みであること。それまでは事業の検討に必要な最低限の情報しか渡さない。",
        "The definitive contract has been signed; until then, only "
        "the minimum needed to assess the deal is shared (ch1.2.1).",
    )
    MILESTONE_MET = (
        "milestone_met",
        "事業計画上のマイルストーン達成",
        "Business milestone met",
        "事業計画で定めた節目（量産開始、品質目標の達成など）に到達したと確認できること。",
        "A milestone set in the business plan (e.g. start of mass production, "
        "quality targets) has demonstrably been reached (ch1.3.1).",
    )
    AUDIT_PASSED = (
        "audit_passed",
        "情報管理監査の合格",
        "Information-security audit passed",
        "相手方の情報管理体制を監査し、約束した水準を満たしていると確認できたこと。",
        "An audit of the recipient's information security has confirmed that it meets the agreed standard.",
    )
    TRUST_ESTABLISHED = (
        "trust_established",
        "信頼関係の確認",
        "Trust established",
        "一定期間の取引で、契約違反やトラブルがなく信頼できると確認できたこと。",
        "A period of cooperation without breaches or trouble has shown that the partner can be trusted (ch1.3.1).",
    )
    EXPORT_LICENCE = (
        "export_licence",
        "輸出許可の取得",
        "Export licence obtained",
        "外為法上必要な許可を取得済みであること（リスト規制やキャッチオール規制に該当する技術の場合）。",
        "Any licence needed under the Foreign Exchange Act has been "
        "obtained (for list-controlled or catch-all technology).",
    )
    MANAGEMENT_APPROVAL = (
        "management_approval",
        "経営層・専門部署の承認",
        "Approval by management / leakage unit",
        "経営層や技術流出対策の専門部署が、この段階での提供を承認したこと。",
        "Top management or the leakage-prevention unit has approved disclosure at this stage.",
    )


class PeopleKind(Vocab):
    DISPATCHED_ENGINEERS = (
        "dispatched_engineers",
        "自社からの派遣技術者",
        "Our dispatched engineers",
        "日本から現地に派遣する自社の技術者。技術を深く知るため、引抜きや国によっては身柄拘束のリスクも考える。",
        "Our own engineers sent from Japan; they know the technology well, "
        "so poaching and, in some countries, detention must be considered.",
    )
    LOCAL_STAFF = (
        "local_staff",
        "現地採用スタッフ",
        "Local staff",
        "現地で採用した従業員。転職が多い国では、身につけたノウハウが競合に移りやすい。",
        "Employees hired locally; where job changes are common, the know-how they learn easily moves to competitors.",
    )
    LOCAL_MANAGERS = (
        "local_managers",
        "現地採用の管理職",
        "Local managers",
        "現地で採用した管理職。幅広い情報に触れるため、アクセス権限と退職後の守秘義務が特に重要。",
        "Managers hired locally; they see a wide range of information, "
        "so access rights and post-employment confidentiality matter especially.",
    )
    PARTNER_DIRECTORS = (
        "partner_directors",
        "合弁相手方が指名した役員",
        "Partner-appointed directors",
        "合弁相手方が指名して合弁会社に送り込む役員。合弁会社の情報を相手方に持ち帰るおそれがある。",
        "Directors the JV partner appoints to the JV; they may carry JV information back to the partner.",
    )
    PARTNER_STAFF = (
        "partner_staff",
        "取引先の役職員",
        "Partner's staff",
        "製造委託先やライセンシーの従業員。自社の規程が直接及ばないため、契約で取扱いを縛る。",
        "Employees of the contract manufacturer or licensee; our own rules do "
        "not reach them, so the contract must bind how they handle information.",
    )
    CONTRACTOR_STAFF = (
        "contractor_staff",
        "請負・派遣スタッフ",
        "Contractor staff",
        "請負や派遣で働くスタッフ。雇用形態にかかわらず、誓約や研修の対象に含める必要がある。",
        "People working through staffing agencies or service contracts; "
        "they need pledges and training whatever their employment form.",
    )
    MAINTENANCE_STAFF = (
        "maintenance_staff",
        "保守作業員",
        "Maintenance staff",
        "設備の保守のために立ち入る作業員。設備の構造や設定に触れるため、立入範囲の制限や立会いが必要。",
        "Technicians who come in to service equipment; they see how it "
        "is built and set, so limit where they go and accompany them.",
    )


class EquipmentCategory(Vocab):
    """Sensitivity category of production equipment (guidance ch1.4.2 ①)."""

    GENERAL_AS_IS = (
        "general_as_is",
        "ア）汎用設備をそのまま使用",
        "(a) General-purpose, used as is",
        "市販の汎用設備を、設定も変えずに使っている。自社ノウハウはほぼ含まれず、撤退時は売却できる場合が多い。",
        "Standard off-the-shelf equipment used without changing its settings; "
        "it holds little of our know-how and can usually be sold at exit.",
    )
    GENERAL_TUNED = (
        "general_tuned",
        "イ）汎用設備を独自に調整",
        "(b) General-purpose with our own settings",
        "汎用設備だが、設定値などを自社で調整している。設定からノウハウが読み取られうるため、売却前に初期設定へ戻す。",
        "Standard equipment whose settings we have tuned ourselves; the settings can "
        "reveal our know-how, so reset it to factory settings before any sale (ch1.4.2).",
    )
    CUSTOM = (
        "custom",
        "ウ）内製・特注の専用設備",
        "(c) Custom-built or in-house",
        "自社で内製した、または特注した専用設備。コア技術が組み込まれていることが多く、撤退時は返却か廃棄が原則。",
        "Dedicated equipment built in-house or to our order; it usually embodies "
        "core technology, so at exit it should be returned or destroyed (ch1.4.2).",
    )


class Maintenance(Vocab):
    OUR_ENGINEERS = (
        "our_engineers",
        "自社技術者",
        "Our engineers",
        "本社などから派遣した自社の技術者が保守する。流出防止の面で最も安全。",
        "Our own engineers, e.g. sent from HQ, service the equipment; the safest option against leakage.",
    )
    EQUIPMENT_MAKER = (
        "equipment_maker",
        "設備メーカー",
        "Equipment maker",
        "設備メーカーが派遣する技術者が保守する。比較的安全だが、"
        "競合がメーカーに接触して情報を得ようとすることもある。",
        "Engineers sent by the equipment maker service it; fairly safe, "
        "though competitors sometimes approach makers for information.",
    )
    LOCAL_CONTRACTOR = (
        "local_contractor",
        "現地の保守業者",
        "Local contractor",
        "現地の保守業者に任せる。業者の信頼性の確認、立入範囲の制限、作業への立会いなどが必要。",
        "A local firm services it; vet the firm, limit where its staff may go and accompany them (ch1.3.4).",
    )


class DisposalPlan(Vocab):
    SELL = (
        "sell",
        "そのまま売却",
        "Sell as is",
        "設備をそのまま売却する。汎用設備を設定も変えずに使っている場合に限って適する。",
        "Sell the equipment as it is; suitable only for standard equipment used without our own settings.",
    )
    RESET_AND_SELL = (
        "reset_and_sell",
        "初期化して売却",
        "Reset to factory settings and sell",
        "設定値などを初期状態に戻し、記録を消してから売却する。独自に調整した汎用設備に適する。",
        "Restore factory settings and erase stored data, then sell; suits standard equipment we have tuned.",
    )
    RETURN = (
        "return",
        "日本へ返却",
        "Return to us",
        "日本の自社に返却する。コア技術が組み込まれた設備に適する。",
        "Ship the equipment back to us; suits equipment that embodies core technology.",
    )
    DESTROY = (
        "destroy",
        "廃棄（破壊）",
        "Destroy",
        "再利用できないよう壊して廃棄する。業者を慎重に選び、自社で立ち会って確認する。",
        "Destroy it so it cannot be reused; choose the contractor carefully and witness the destruction.",
    )
    UNDECIDED = (
        "undecided",
        "未定",
        "Undecided",
        "撤退時の扱いがまだ決まっていない。設備の区分に応じて早めに決めておくことが望ましい。",
        "Not yet decided; best decided early, according to the equipment category.",
    )


class ReservedMatter(Vocab):
    """Matters that need our consent in the JV (guidance ch1.2.5 ③)."""

    TECHNOLOGY_TRANSFER_OUT = (
        "technology_transfer_out",
        "合弁会社から第三者への技術移転",
        "Technology transfer out of the JV",
        "合弁会社が技術を第三者に移転・許諾すること。自社の同意なしにできると、技術が合弁の外へ流れる。",
        "The JV transferring or licensing technology to any third party; "
        "without our veto, our technology could flow out of the JV (ch1.2.5).",
    )
    CONTRACTS_WITH_PARTNER_GROUP = (
        "contracts_with_partner_group",
        "合弁相手方グループとの契約",
        "Contracts with the partner's group",
        "合弁会社と合弁相手方やそのグループ会社との契約。こうした取引を通じて技術が相手方側に移るおそれがある。",
        "Contracts between the JV and the partner or its group companies; "
        "such deals can move technology to the partner's side (ch1.2.5).",
    )
    INFORMATION_RULES_CHANGE = (
        "information_rules_change",
        "情報管理規程の改廃",
        "Changes to information-management rules",
        "合弁会社の情報管理規程を変えたり廃止したりすること。管理が緩められると流出の危険が高まる。",
        "Amending or scrapping the JV's information-management rules; weaker rules raise leakage risk (ch1.2.5).",
    )
    ENGINEER_POACHING = (
        "engineer_poaching",
        "技術者の引抜き・転籍",
        "Poaching or transfer of engineers",
        "合弁会社の技術者を相手方やその関係会社が引き抜く、または転籍させること。人とともにノウハウが移る。",
        "The partner or its affiliates hiring away or taking over "
        "the JV's engineers; know-how moves with the people (ch1.2.5).",
    )
    SUBLICENSING = (
        "sublicensing",
        "再許諾・再委託",
        "Sublicensing and subcontracting",
        "合弁会社が技術を他社に再許諾したり、業務を再委託したりすること。技術を知る会社が増える。",
        "The JV sublicensing technology or subcontracting work to others; "
        "more companies get to know the technology (ch1.2.2).",
    )
    NEW_COMPETING_BUSINESS = (
        "new_competing_business",
        "競合事業への進出",
        "Entry into competing business",
        "合弁会社が自社と競合する事業や製品に進出すること。提供した技術が競合製品に使われるおそれがある。",
        "The JV entering a business or product line that competes with ours; "
        "the technology we provided could end up in competing products (ch1.2.3).",
    )
    CAPITAL_CHANGE = (
        "capital_change",
        "増資・新株発行・株式譲渡",
        "Capital increase, new shares, share transfers",
        "増資、新株発行、株式の譲渡。出資比率が変わり、支配を失ったり競合が株主になったりするおそれがある。",
        "Capital increases, new shares or share transfers; they can shift equity "
        "so that we lose control or a competitor becomes a shareholder (ch1.2.5).",
    )
    DIRECTOR_APPOINTMENT = (
        "director_appointment",
        "役員の選解任",
        "Appointment and removal of directors",
        "役員の選任や解任。取締役会の構成が変わると、技術に関わる意思決定を相手方に握られるおそれがある。",
        "Appointing or removing directors; a changed board can hand "
        "the partner the decisions about our technology (ch1.2.5).",
    )
    DISSOLUTION = (
        "dissolution",
        "解散・事業譲渡",
        "Dissolution or sale of the business",
        "合弁会社の解散や事業譲渡。技術・設備・情報が誰の手に渡るかを自社が決められるようにしておく。",
        "Dissolving the JV or selling its business; we must be able to "
        "decide where technology, equipment and data end up (ch1.2.5).",
    )
    PATENT_FILINGS = (
        "patent_filings",
        "特許出願・知財の処分",
        "Patent filings and disposal of IP",
        "合弁会社による特許出願や、知的財産の譲渡・放棄。"
        "秘匿すべき技術が出願で公開されたり、権利が他社に移ったりする。",
        "The JV filing patents or transferring or abandoning IP; a filing can publish "
        "technology meant to stay secret, and rights can pass to others (ch1.5.2).",
    )


class ChangeOfControlTrigger(Vocab):
    """Events that give us consent, notice or termination rights (guidance ch1.2.3)."""

    CONTROL_CHANGE = (
        "control_change",
        "経営権の変動（CoC）",
        "Change of control",
        "相手方の経営権が変わること（競合への株式割当て、事業譲渡、会社分割、"
        "市場での株式買集めなど）。技術が新たな支配者の手に渡りうる。",
        "The partner's control changes (shares issued to a competitor, sale or split of the business, "
        "stake building on the market); our technology could pass to the new owner (ch1.2.3).",
    )
    COMPETITOR_ENTRY = (
        "competitor_entry",
        "競合事業への進出・競合製品の開発",
        "Entry into a competing business",
        "相手方が自社と競合する事業に進出したり、競合製品を開発したりすること。"
        "提供した技術が競合に使われるおそれがある。",
        "The partner enters a business competing with ours or develops a "
        "competing product; our technology could be used against us (ch1.2.3).",
    )
    SECURITY_CHANGE = (
        "security_change",
        "情報管理体制の変更",
        "Change of information-security set-up",
        "調査で確認した相手方の情報管理体制が変更・緩和されること。契約したときの前提が崩れる。",
        "The partner changes or relaxes the information-security set-up we checked "
        "in due diligence; the basis on which we agreed no longer holds (ch1.2.3).",
    )
    CREDIT_DETERIORATION = (
        "credit_deterioration",
        "信用状態の悪化",
        "Credit deterioration",
        "相手方の信用状態が悪化すること。経営難は技術の売却、身売り、人材流出につながりやすい。",
        "The partner's creditworthiness worsens; financial trouble can lead to "
        "selling technology, a sale of the company or staff leaving (ch1.2.3).",
    )
    SUBSIDY_APPLICATION = (
        "subsidy_application",
        "関連技術に係る補助金申請",
        "Subsidy application related to the technology",
        "相手方が、提供技術に関係する補助金を自国政府に申請すること。"
        "技術情報が政府に渡ったり、国産化政策に使われたりするおそれがある。",
        "The partner applies to its government for a subsidy related to our technology; "
        "technical data may reach the state or serve its localisation policy (ch1.2.3).",
    )
    AUTHORITY_ORDER = (
        "authority_order",
        "当局の報告徴求・立入検査",
        "Authority order or inspection",
        "相手国当局が技術情報について報告を命じたり、立入検査をしたりすること。"
        "通知を受けて、提供の中止や情報の回収を判断する。",
        "Host authorities order reports on, or inspect, our technical information; "
        "we need notice so we can stop disclosure and recover information (ch1.2.3).",
    )
    HOST_LAW_CHANGE = (
        "host_law_change",
        "相手国制度の変更",
        "Change in host-country law",
        "技術の開示を求めやすくするなど、流出につながる制度変更が相手国で行われること。",
        "The host country changes its law in a way that makes leakage "
        "more likely, e.g. new powers to demand technical data (ch1.2.3).",
    )


class DeadlockMechanism(Vocab):
    NONE = (
        "none",
        "定めなし",
        "None",
        "合弁相手方と対立して決議できない場合の解決方法を定めていない。膠着が続くと撤退も技術の保全も難しくなる。",
        "No way to resolve a stalemate with the JV partner is agreed; "
        "a long stalemate makes both exit and protecting the technology hard.",
    )
    ESCALATION = (
        "escalation",
        "経営トップ間の協議",
        "Escalation to top management",
        "対立した事項を双方の経営トップの協議に上げて解決を図る。手軽だが、合意できなければ決着しない。",
        "The disputed matter goes to talks between the two companies' top managers; "
        "simple, but nothing is settled if they still disagree.",
    )
    MEDIATION = (
        "mediation",
        "調停",
        "Mediation",
        "中立の調停人を交えた話し合いで解決を目指す。結論に拘束力はなく、不調なら別の手段が必要。",
        "A neutral mediator helps the parties agree; "
        "the outcome is not binding, so another mechanism is needed if it fails.",
    )
    BUY_SELL = (
        "buy_sell",
        "株式売渡・買取請求",
        "Buy-sell (call/put)",
        "あらかじめ決めた場合に、相手の株式を買い取る（コール）か、"
        "自社の株式を相手に買い取らせる（プット）ことで合弁を解消する。相手方の違反時に速やかに抜けられる。",
        "In defined cases one side may buy the other's shares (call) or make the other buy its "
        "own (put), ending the JV; lets us get out quickly if the partner breaches (ch1.2.5).",
    )
    RUSSIAN_ROULETTE = (
        "russian_roulette",
        "ロシアンルーレット条項",
        "Russian roulette",
        "一方が価格を示して株式の売買を申し出ると、相手はその価格で売るか、"
        "同じ価格で逆に買い取るかを選ぶ。資金力が近い50:50の合弁に向く。",
        "One side names a price for the shares; the other must either sell at that price or buy "
        "the first side out at the same price. Fits 50:50 JVs where both sides could afford to buy.",
    )
    DISSOLUTION = (
        "dissolution",
        "解散",
        "Dissolution",
        "解決できない場合は合弁会社を解散・清算する。技術・設備・情報の返還や処分の手順もあわせて決めておく。",
        "If the stalemate cannot be resolved, the JV is wound up; how technology, "
        "equipment and data are returned or disposed of must be agreed too (ch1.2.5).",
    )


class Renewal(Vocab):
    NONE = (
        "none",
        "更新なし",
        "No renewal",
        "期間が満了すると契約は終わり、続ける場合は改めて契約する。",
        "The contract ends at expiry; continuing needs a new contract.",
    )
    AUTOMATIC = (
        "automatic",
        "自動更新",
        "Automatic renewal",
        "手続なしに契約が自動で延長される。見直しの機会がないまま技術提供が続くおそれがある。",
        "The contract extends itself with no step taken; "
        "technology can keep flowing without anyone reviewing the deal (ch1.3.1).",
    )
    BY_REVIEW = (
        "by_review",
        "審査の上で更新",
        "Renewal after review",
        "監査結果などを踏まえて契約を審査し、問題がなければ更新する（ch1.3.1）。",
        "Renewed only after a review of the contract informed by audit results (ch1.3.1).",
    )


class DisputeResolution(Vocab):
    ARBITRATION = (
        "arbitration",
        "仲裁（非公開）",
        "Arbitration (private)",
        "非公開の仲裁で解決する。技術情報が公開されにくく、ニューヨーク条約の加盟国なら判断を執行しやすい。",
        "Disputes go to private arbitration; technical evidence stays out of public "
        "records, and awards are enforceable in New York Convention countries (ch1.2.4).",
    )
    COURTS_HOST = (
        "courts_host",
        "相手国の裁判所",
        "Host-country courts",
        "相手国の裁判所で争う。判決は現地で執行しやすいが、提出した図面などが公開されるおそれがある。",
        "Disputes go to the host country's courts; judgments are easy to enforce "
        "there, but drawings filed as evidence may become public (ch1.1.3).",
    )
    COURTS_JAPAN = (
        "courts_japan",
        "日本の裁判所",
        "Japanese courts",
        "日本の裁判所で争う。手続には慣れているが、判決を相手国で執行できない場合がある。",
        "Disputes go to Japanese courts; familiar to us, but the judgment may not be enforceable in the host country.",
    )
    COURTS_OTHER = (
        "courts_other",
        "第三国の裁判所",
        "Courts of a third country",
        "双方と関係のない第三国の裁判所で争う。中立だが費用がかかり、執行できるかの確認も必要。",
        "Disputes go to courts in a third country; neutral but costly, and enforceability must be checked.",
    )


class CountryFactor(Vocab):
    """Host-country factors of guidance ch1.1.3–1.1.5, each rated in a country profile."""

    DATA_DEMAND_POWER = (
        "data_demand_power",
        "当局による技術データ提出要求",
        "Authorities' power to demand technical data",
        "安全・環境・競争法の許認可や審査で、当局に技術データの提出を求められる可能性。",
        "Whether safety, environmental or competition approvals "
        "can require us to hand technical data to the authorities.",
    )
    EMERGENCY_SEIZURE = (
        "emergency_seizure",
        "有事の接収・差押え",
        "Seizure in emergencies",
        "政変や有事の際に、工場・土地・設備が接収や差押えを受ける可能性。",
        "Whether plants, land or equipment can be seized in political turmoil or emergencies.",
    )
    ENGINEER_DETENTION = (
        "engineer_detention",
        "技術者の身柄拘束",
        "Detention of engineers",
        "派遣した技術者が現地当局に身柄を拘束される可能性。",
        "Whether our dispatched engineers could be detained by the host authorities.",
    )
    FORCED_LOCAL_TERMS = (
        "forced_local_terms",
        "自国企業優遇の契約条件の強制",
        "Forced local-favouring terms",
        "技術移転の要求など、自国企業に有利な契約条件を押し付けられる可能性。",
        "Whether we could be forced to accept terms that favour "
        "local companies, such as demands to transfer technology.",
    )
    FOREIGN_EQUITY_DISADVANTAGE = (
        "foreign_equity_disadvantage",
        "外資比率による不利益",
        "Disadvantage for high foreign equity",
        "外資比率が高いと補助金や公共調達などで不利に扱われ、出資比率を下げる圧力になる可能性。",
        "Whether high foreign ownership brings worse treatment in subsidies "
        "or public procurement, creating pressure to cut our stake.",
    )
    LITIGATION_DISCLOSURE = (
        "litigation_disclosure",
        "訴訟での図面提出・記録公開",
        "Disclosure of drawings in litigation",
        "現地の訴訟で設計図面などの提出を求められたり、訴訟記録として公開されたりする可能性。",
        "Whether a lawsuit there can force us to file drawings or make them public in court records.",
    )
    INTELLIGENCE_COOPERATION = (
        "intelligence_cooperation",
        "情報機関への協力義務",
        "Laws obliging cooperation with state intelligence",
        "企業や個人に、政府や情報機関への情報提供・協力を義務づける法令があるか。",
        "Whether laws oblige companies or individuals to hand information to, or cooperate with, state intelligence.",
    )
    GEOPOLITICAL_RISK = (
        "geopolitical_risk",
        "地政学リスク",
        "Geopolitical risk",
        "紛争、政情不安、国際関係の悪化などで、事業の継続や撤退が難しくなる可能性。",
        "Risk that conflict, political instability or worsening "
        "international relations disrupt the business or a planned exit.",
    )
    LOCALISATION_POLICY = (
        "localisation_policy",
        "国産化政策・技術的関心",
        "Localisation policy and state technology interest",
        "相手国政府がその技術分野の国産化や技術獲得を強く進めているか。補助金などで後押しされる分野ほど狙われやすい。",
        "Whether the host government pushes local production or acquisition of "
        "this technology field; fields backed by subsidies are more targeted.",
    )
    LABOUR_LAW = (
        "labour_law",
        "労働法制・慣習の違い",
        "Labour law and customs",
        "労働法制や職場の慣習が日本とどれだけ違うか。違いが大きいほど、日本流の規程や研修が浸透しにくい。",
        "How far labour law and workplace customs differ from Japan's; "
        "the bigger the gap, the less Japanese-style rules and training take hold.",
    )
    JOB_MOBILITY = (
        "job_mobility",
        "技術者の流動性",
        "Job mobility of engineers",
        "技術者の転職の多さ。転職が多いほど、現地スタッフを通じてノウハウが競合に移りやすい。",
        "How often engineers change jobs; the more they do, the more "
        "easily know-how moves to competitors through local staff.",
    )
    TRADE_SECRET_ENFORCEMENT = (
        "trade_secret_enforcement",
        "営業秘密保護の実効性",
        "Enforcement of trade secrets",
        "営業秘密の法的保護が実際にどこまで効くか。高いほど保護が弱い（リスクが高い）。",
        "How well trade-secret law works in practice; higher means weaker protection (more risk).",
    )
    NON_COMPETE_ENFORCEMENT = (
        "non_compete_enforcement",
        "競業避止の実効性",
        "Enforcement of non-competes",
        "退職者の競業避止義務を実際に守らせられるか。高いほど効きにくい（リスクが高い）。",
        "Whether non-compete duties on leavers can actually be enforced; higher means harder to enforce (more risk).",
    )
    ARBITRATION_ENFORCEMENT = (
        "arbitration_enforcement",
        "仲裁判断の執行",
        "Enforcement of arbitral awards",
        "仲裁判断を現地で執行できるか（ニューヨーク条約の加盟状況と実務）。高いほど執行が難しい。",
        "Whether arbitral awards can be enforced there (New York "
        "Convention status and practice); higher means harder to enforce.",
    )
    FOREIGN_EQUITY_CAP = (
        "foreign_equity_cap",
        "外資出資比率の上限",
        "Foreign-equity caps",
        "業種によって外資の出資比率が制限され、過半数を確保できない可能性。",
        "Sector caps on foreign ownership that can prevent us from holding a majority.",
    )


class RiskRating(Vocab):
    """Country-factor rating: how much the factor raises leakage risk (ordered)."""

    LOW = ("low", "低", "Low", "この要因による流出リスクの上乗せは小さい。", "This factor adds little to leakage risk.")
    MEDIUM = (
        "medium",
        "中",
        "Medium",
        "この要因は流出リスクをある程度高める。対策を検討する価値がある。",
        "This factor raises leakage risk noticeably; measures are worth considering.",
    )
    HIGH = (
        "high",
        "高",
        "High",
        "この要因は流出リスクを明らかに高める。具体的な対策が必要。",
        "This factor clearly raises leakage risk; specific measures are needed.",
    )
    VERY_HIGH = (
        "very_high",
        "非常に高い",
        "Very high",
        "この要因は流出リスクを大きく高める。移転する技術の範囲や進出そのものの見直しも検討する。",
        "This factor raises leakage risk sharply; consider limiting what is transferred or rethinking the project.",
    )


class ClauseKind(Vocab):
    """Which part of the deal documentation a clause belongs to."""

    NDA = (
        "nda",
        "秘密保持契約",
        "Non-disclosure agreement",
        "交渉を始める前に結ぶ秘密保持契約。交渉中に渡す情報の目的と範囲を限定する。",
        "The confidentiality agreement signed before negotiations; "
        "it limits the purpose and scope of information shared during talks.",
    )
    MAIN_CONTRACT = (
        "main_contract",
        "本契約（ライセンス・製造委託等）",
        "Main contract (licence, manufacturing, …)",
        "ライセンス契約や製造委託契約など取引の中心となる契約。提供範囲、遵守事項、監査、解除、終了後の手続を定める。",
        "The core deal contract (licence, manufacturing, …): scope of disclosure, "
        "handling duties, audits, termination and steps after the end.",
    )
    JV_AGREEMENT = (
        "jv_agreement",
        "合弁契約・定款",
        "JV agreement and articles",
        "合弁契約と合弁会社の定款。出資比率、役員、拒否権事項、解消条件などのガバナンスを定める。",
        "The JV agreement and the JV's articles: governance such as equity, directors, veto matters and exit terms.",
    )
    EMPLOYMENT = (
        "employment",
        "雇用契約・誓約書",
        "Employment contracts and pledges",
        "従業員との雇用契約や秘密保持の誓約書。在職中と退職後の守秘義務や競業避止を定める。",
        "Employment contracts and confidentiality pledges: "
        "duties of confidentiality and non-competition during and after employment.",
    )


class LeakChannel(Vocab):
    """Paths by which a technology can reach someone who should not hold it (PRODUCT §4)."""

    PARTNER_DIRECTORS = (
        "partner_directors",
        "合弁相手方派遣役員からの流出",
        "Partner-appointed directors",
        "合弁相手方が指名した役員が、合弁会社の技術情報を相手方に持ち出す。",
        "Directors appointed by the partner take JV technical information out to the partner.",
    )
    LOCAL_STAFF_TURNOVER = (
        "local_staff_turnover",
        "現地スタッフの転職",
        "Local staff moving to competitors",
        "ノウハウを身につけた現地スタッフが、競合他社へ転職する。",
        "Local staff who learnt the know-how move to a competitor.",
    )
    CONTRACTOR_STAFF = (
        "contractor_staff",
        "委託先・請負スタッフからの流出",
        "Contractor staff",
        "委託先や請負の役職員が、技術情報を持ち出す。",
        "Staff of a contractor take technical information out.",
    )
    PARTNER_AFFILIATES = (
        "partner_affiliates",
        "関係会社・再許諾による流出",
        "Partner affiliates and sublicensing",
        "取引先が関係会社に技術を回したり、無断で再許諾・再委託したりする。",
        "The partner passes technology to its affiliates, or sublicenses or subcontracts it without consent.",
    )
    REVERSE_ENGINEERING = (
        "reverse_engineering",
        "リバースエンジニアリング",
        "Reverse engineering",
        "支給した部品・サンプル・金型・設備を分解・解析して、技術を読み取る。",
        "Technology is read out of supplied parts, samples, moulds or equipment by taking them apart.",
    )
    HOST_AUTHORITIES = (
        "host_authorities",
        "相手国当局による取得",
        "Host authorities",
        "データ提出要求、立入検査、訴訟での開示、情報機関への協力義務、接収などを通じて、相手国当局が技術を手にする。",
        "Host authorities obtain the technology through data demands, "
        "inspections, disclosure in litigation, intelligence laws or seizure.",
    )
    LOSS_OF_CONTROL = (
        "loss_of_control",
        "合弁会社の支配権喪失",
        "Loss of control of the JV",
        "出資比率・取締役会・黄金株などを通じて、合弁会社の支配を失う。",
        "Control of the JV is lost through equity, the board or golden shares.",
    )
    EQUIPMENT_AT_EXIT = (
        "equipment_at_exit",
        "撤退時に残る設備・媒体",
        "Equipment and media left at exit",
        "コア技術が組み込まれた設備や記録媒体が撤退後も現地に残り、転売・解析される。",
        "Equipment or media embodying core technology stay behind after exit and are resold or analysed.",
    )
    CYBER_ATTACK = (
        "cyber_attack",
        "現地ITへのサイバー攻撃",
        "Local IT and cyber attack",
        "現地任せのシステムがサイバー攻撃を受け、技術情報が盗まれる。",
        "Systems left to the local site are attacked and technical data is stolen.",
    )
    MAINTENANCE_VENDORS = (
        "maintenance_vendors",
        "設備保守業者からの流出",
        "Maintenance vendors",
        "保守のために立ち入る外部業者が、設備に組み込まれたノウハウを知る。",
        "Outside firms that service the equipment learn the know-how built into it.",
    )
    HOSTILE_PATENTS = (
        "hostile_patents",
        "取引先・元従業員による特許出願",
        "Patents filed by others on our technology",
        "取引先や元従業員が、自社の技術を自分の名前で特許出願する。",
        "The partner or former staff file patents on our technology in their own name.",
    )
    ENGINEER_POACHING = (
        "engineer_poaching",
        "派遣技術者の引抜き",
        "Poaching of our dispatched engineers",
        "自社から派遣した技術者が、相手方や競合に引き抜かれる。",
        "Our dispatched engineers are hired away by the partner or a competitor.",
    )


class ChecklistStatus(Vocab):
    """How far a checklist item is satisfied by the project as modelled."""

    MET = (
        "met",
        "対応済み",
        "Met",
        "必要な対策・条項・情報がそろっている。",
        "The measures, clauses and facts the item needs are all there.",
    )
    PARTIAL = (
        "partial",
        "一部対応",
        "Partly met",
        "一部はそろっているが、不足や未確認が残る。",
        "Some of what it needs is there; gaps or unknowns remain.",
    )
    GAP = (
        "gap",
        "未対応",
        "Gap",
        "必要な対策・条項がない、または不十分と分かっている。",
        "What it needs is known to be missing or inadequate.",
    )
    NOT_APPLICABLE = (
        "not_applicable",
        "対象外",
        "Not applicable",
        "この案件には当てはまらない。",
        "Does not apply to this project.",
    )
    UNKNOWN = (
        "unknown",
        "不明",
        "Unknown",
        "判断に必要な情報がまだ案件ファイルにない。",
        "The project file does not yet hold what is needed to judge it.",
    )


class Severity(Vocab):
    """Severity of a finding, from the likelihood × impact matrix (ordered)."""

    LOW = ("low", "低", "Low", "監視し、機会があれば対処する。", "Watch it and treat it when convenient.")
    MEDIUM = ("medium", "中", "Medium", "計画的に対策を講じる。", "Plan a mitigation.")
    HIGH = (
        "high",
        "高",
        "High",
        "契約締結・技術提供の前に対処する。",
        "Treat it before signing or handing over the technology.",
    )
    CRITICAL = (
        "critical",
        "重大",
        "Critical",
        "経営判断が必要。対処するまで技術を提供しない。",
        "Needs an executive decision; do not hand over the technology until treated.",
    )
