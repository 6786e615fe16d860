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
            f"{m.label_en} / {m.label_ja}" + (f" — {m.description_en}" if m.description_en else "")
            for m in cls
        ]
        return schema


class DealType(Vocab):
    JOINT_VENTURE = ("joint_venture", "合弁会社", "Joint venture",
                     "現地企業と共同出資で会社を設立し、技術を提供する。", "A company set up with a local partner, to which we provide technology.")
    SUBSIDIARY = ("subsidiary", "現地子会社", "Wholly owned subsidiary",
                  "自社が全額（またはほぼ全額）出資する現地法人に技術を移転する。", "A local company we own (fully or almost fully) receives our technology.")
    CONTRACT_MANUFACTURING = ("contract_manufacturing", "製造委託", "Contract manufacturing",
                              "現地の企業に製造を委託し、図面や仕様を渡す。", "A local manufacturer makes products for us from our drawings and specifications.")
    LICENCE = ("licence", "ライセンス供与", "Technology licence",
               "現地企業に技術の実施を許諾する。", "A local company is licensed to use our technology.")
    OVERSEAS_RND = ("overseas_rnd", "海外研究開発拠点", "Overseas R&D site",
                    "海外に研究開発拠点を置き、技術を開発・共有する。", "An R&D site abroad develops and shares technology.")


class Lang(StrEnum):
    JA = "ja"
    EN = "en"


class MeasureStatus(Vocab):
    """Status of one of our own measures (not a contract clause)."""

    IN_PLACE = ("in_place", "実施済み", "In place", "対策が整い、運用されている。", "The measure exists and is applied.")
    PARTIAL = ("partial", "一部実施", "Partly in place", "対策はあるが範囲や運用に不足がある。", "The measure exists but is incomplete in scope or practice.")
    PLANNED = ("planned", "計画中", "Planned", "実施が決まっているが、まだ運用されていない。", "Decided but not yet applied.")
    ABSENT = ("absent", "未実施", "Not in place", "対策がない。", "The measure does not exist.")
    NOT_APPLICABLE = ("not_applicable", "対象外", "Not applicable", "この案件には当てはまらない。", "Does not apply to this project.")


class ClauseStatus(Vocab):
    """Status of a protective clause in the contract draft."""

    PRESENT = ("present", "規定あり", "Present", "契約案に十分な形で規定されている。", "The draft contains the clause in adequate form.")
    PARTIAL = ("partial", "不十分", "Partial", "規定はあるが、範囲・期間・条件などが弱い。", "The draft has the clause but in a weaker form (scope, term, conditions).")
    MISSING = ("missing", "規定なし", "Missing", "契約案に規定がない。", "The draft does not contain the clause.")
    NOT_APPLICABLE = ("not_applicable", "対象外", "Not applicable", "この契約には当てはまらない。", "Does not apply to this contract.")


class DecisionStatus(Vocab):
    """Tracked decision on a finding."""

    OPEN = ("open", "未対応", "Open", "まだ判断していない。", "Not yet decided.")
    ACCEPTED = ("accepted", "リスク受容", "Accepted", "理由を付けてリスクを受け入れる。", "The risk is accepted, with a justification.")
    MITIGATION_PLANNED = ("mitigation_planned", "対策予定", "Mitigation planned", "対策を決め、実施予定である。", "A mitigation is decided and scheduled.")
    MITIGATED = ("mitigated", "対策済み", "Mitigated", "対策を実施した。", "The mitigation has been carried out.")
    NOT_APPLICABLE = ("not_applicable", "該当なし", "Not applicable", "この案件には当てはまらないと判断した。", "Judged not to apply to this project.")


class TechForm(Vocab):
    """Form in which a technology exists (guidance ch1.1.1 ③)."""

    DRAWINGS = ("drawings", "設計図面", "Drawings", "設計図面・CADデータ。", "Design drawings and CAD data.")
    FORMULATION_DATA = ("formulation_data", "配合・レシピデータ", "Formulation data", "配合比率、条件値などのデータ。", "Formulation ratios, recipes, process parameters.")
    PROCESS_KNOWHOW = ("process_knowhow", "技術者のノウハウ", "Know-how held by people", "技術者の経験や勘として人に宿るノウハウ。", "Know-how that lives in engineers' experience.")
    CUSTOM_EQUIPMENT = ("custom_equipment", "カスタマイズ設備", "Customised equipment", "独自に調整・特注した製造設備に化体した技術。", "Technology embodied in tuned or custom-built equipment.")
    SOFTWARE = ("software", "ソフトウェア", "Software", "制御ソフト、ソースコード、解析プログラム。", "Control software, source code, analysis programs.")
    PARTS_SAMPLES = ("parts_samples", "部品・サンプル", "Parts and samples", "支給部品や試作品。分解・解析される可能性がある。", "Supplied parts and samples, which can be taken apart and analysed.")
    MOULDS = ("moulds", "金型", "Moulds and tooling", "金型・治工具。形状や加工条件が読み取られうる。", "Moulds, jigs and tooling, from which shapes and conditions can be read.")


class Level(Vocab):
    """Ordinal four-step scale used for importance and similar judgements."""

    LOW = ("low", "低", "Low")
    MEDIUM = ("medium", "中", "Medium")
    HIGH = ("high", "高", "High")
    VERY_HIGH = ("very_high", "非常に高い", "Very high")


class ExportControl(Vocab):
    """Status under Japan's Foreign Exchange and Foreign Trade Act (外為法)."""

    LIST_CONTROLLED = ("list_controlled", "リスト規制該当", "List-controlled",
                       "外為法のリスト規制に該当し、提供には許可が必要。", "Listed under the Foreign Exchange Act; provision needs a licence.")
    CATCH_ALL = ("catch_all", "キャッチオール規制の対象", "Catch-all control",
                 "用途・需要者によりキャッチオール規制の対象となる。", "Controlled by end use or end user (catch-all).")
    NOT_CONTROLLED = ("not_controlled", "非該当", "Not controlled", "該非判定の結果、規制に該当しない。", "Classified as not controlled.")
    UNKNOWN = ("unknown", "未判定", "Not yet classified", "該非判定をまだ行っていない。", "Classification not yet done.")


class IpStrategy(Vocab):
    """Patent or secrecy strategy (guidance ch1.5.2)."""

    PATENT = ("patent", "権利化", "Patent", "特許等で権利化して公開する。", "Protected by patents, hence published.")
    SECRET = ("secret", "秘匿化", "Trade secret", "営業秘密として秘匿する。", "Kept as a trade secret.")
    BOTH = ("both", "権利化と秘匿化の組合せ", "Patent and secret", "一部を権利化し、周辺ノウハウは秘匿する。", "Core claims patented, surrounding know-how kept secret.")
    UNDECIDED = ("undecided", "未決定", "Undecided", "方針をまだ決めていない。", "Not yet decided.")


class Department(Vocab):
    """Owner department of a checklist item or measure."""

    MANAGEMENT = ("management", "経営層", "Top management")
    BUSINESS = ("business", "事業部門", "Business division")
    LEGAL = ("legal", "法務部門", "Legal")
    IP = ("ip", "知財部門", "Intellectual property")
    HR = ("hr", "人事部門", "Human resources")
    IT_SECURITY = ("it_security", "情報システム部門", "IT and information security")
    RND = ("rnd", "研究開発部門", "R&D")
    MANUFACTURING = ("manufacturing", "生産技術部門", "Manufacturing engineering")
    AUDIT = ("audit", "監査部門", "Internal audit")
    ECONOMIC_SECURITY = ("economic_security", "経済安全保障・技術流出対策部門", "Economic security / leakage unit")


class Phase(Vocab):
    """Project phase as structured by guidance chapter 1."""

    PLANNING = ("planning", "計画前・計画段階", "Planning")
    CONTRACT = ("contract", "契約締結時", "Contract")
    OPERATION = ("operation", "実施段階", "Operation")
    EXIT = ("exit", "撤退・契約終了時", "Exit")
    CROSS_CUTTING = ("cross_cutting", "その他（横断的事項）", "Cross-cutting")


class PartnerRole(Vocab):
    JV_PARTNER = ("jv_partner", "合弁相手方", "JV partner")
    LICENSEE = ("licensee", "ライセンシー", "Licensee")
    CONTRACT_MANUFACTURER = ("contract_manufacturer", "製造委託先", "Contract manufacturer")
    SUPPLIER = ("supplier", "部品・材料の調達先", "Supplier")
    MAINTENANCE_CONTRACTOR = ("maintenance_contractor", "設備保守業者", "Maintenance contractor")
    DISPOSAL_CONTRACTOR = ("disposal_contractor", "廃棄・処分業者", "Disposal contractor")
    AFFILIATE = ("affiliate", "取引先の関係会社", "Partner affiliate",
                 "取引先の親会社・子会社・兄弟会社。", "Parent, subsidiary or sister company of a partner.")
    OTHER = ("other", "その他", "Other")


class StateOwnership(Vocab):
    NONE = ("none", "政府出資なし", "No state ownership")
    MINORITY = ("minority", "政府が少数出資", "State minority stake")
    MAJORITY = ("majority", "政府が過半数出資・支配", "State-controlled")


class GovernmentTies(Vocab):
    NONE = ("none", "特になし", "None known")
    INDIRECT = ("indirect", "間接的な関係あり", "Indirect",
                "政府系ファンドの出資、公的支援の受給、業界団体を通じた関係など。", "State fund investment, public support, ties through industry bodies.")
    DIRECT = ("direct", "直接的な関係あり", "Direct",
              "政府・党・軍関係者の役員就任、国家プロジェクトへの参画など。", "Officials on the board, participation in state programmes, and similar.")


class DueDiligenceResult(Vocab):
    """Result of one due-diligence check on a partner (guidance ch1.1.6)."""

    ADEQUATE = ("adequate", "十分", "Adequate", "自社と同等以上の水準。", "At or above our own standard.")
    WEAK = ("weak", "不十分", "Weak", "体制はあるが自社水準に達しない。", "Exists but below our standard.")
    ABSENT = ("absent", "なし", "Absent", "体制がない。", "Does not exist.")


class IncidentHistory(Vocab):
    NONE = ("none", "なし", "None")
    MINOR = ("minor", "軽微な事案あり", "Minor incidents")
    SERIOUS = ("serious", "重大な事案あり", "Serious incidents")


class FinancialHealth(Vocab):
    SOUND = ("sound", "健全", "Sound")
    CONCERN = ("concern", "懸念あり", "Some concern")
    POOR = ("poor", "悪化", "Poor")


class MeetsStandard(Vocab):
    """Whether a partner meets our information-management standard (ch1.1.6.c)."""

    # Values avoid yes/no: YAML 1.1 would read a bare yes/no as true/false.
    MEETS = ("meets", "自社水準を満たす", "Meets our standard")
    AFTER_REMEDIATION = ("after_remediation", "改善後に満たす予定", "Will after agreed remediation",
                         "改善を要請し、完了してから契約する。", "Improvements requested; contract only after they are done.")
    BELOW = ("below", "満たさない", "Below our standard")


class DisclosureLevel(Vocab):
    """How much of a technology is disclosed, from least to most (ordered)."""

    OVERVIEW = ("overview", "概要", "Overview", "製品・技術の概要のみ。", "A general description only.")
    SPECIFICATION = ("specification", "仕様", "Specification", "性能・仕様・受入基準。", "Performance, specifications and acceptance criteria.")
    SANITISED_DRAWINGS = ("sanitised_drawings", "機密削除済み図面", "Sanitised drawings",
                          "機密性の高い情報を削除した図面（ch1.3.2）。", "Drawings with the highly confidential information removed (ch1.3.2).")
    FULL_DRAWINGS = ("full_drawings", "完全な図面", "Full drawings", "加工条件等を含む完全な設計図面。", "Complete design drawings with all details.")
    PROCESS_KNOWHOW = ("process_knowhow", "工程ノウハウ", "Process know-how", "製造条件・調整方法などの工程ノウハウ。", "Process conditions, tuning methods and other know-how.")
    RECIPE_SOURCE = ("recipe_source", "レシピ・ソースコード", "Recipe or source code",
                     "配合比率・ソースコードなど技術の核心。", "Formulations, source code: the heart of the technology.")


class DisclosureMethod(Vocab):
    VIEW_ONLY_CLOUD = ("view_only_cloud", "クラウド閲覧のみ", "View-only cloud", "ダウンロード不可の閲覧環境。", "Viewing only, no download.")
    ON_SITE_TRAINING = ("on_site_training", "現地での技術指導", "On-site training", "技術者が現地で口頭・実演で指導する。", "Our engineers teach on site, orally or by demonstration.")
    PAPER = ("paper", "紙媒体", "Paper", "管理番号を付した紙の文書。", "Numbered paper documents.")
    ELECTRONIC_COPY = ("electronic_copy", "電子データの引渡し", "Electronic copy", "ファイルを相手方に引き渡す。", "Files handed over to the recipient.")
    PHYSICAL_DELIVERY = ("physical_delivery", "現物の引渡し", "Physical delivery", "部品・サンプル・金型・設備の引渡し。", "Parts, samples, moulds or equipment delivered.")


class GateCondition(Vocab):
    """Condition that must hold before a disclosure stage opens (guidance ch1.3.1)."""

    CONTRACT_SIGNED = ("contract_signed", "最終契約の締結", "Definitive contract signed")
    MILESTONE_MET = ("milestone_met", "事業計画上のマイルストーン達成", "Business milestone met")
    AUDIT_PASSED = ("audit_passed", "情報管理監査の合格", "Information-security audit passed")
    TRUST_ESTABLISHED = ("trust_established", "信頼関係の確認", "Trust established", "一定期間の取引実績などで確認する。", "Confirmed e.g. by a period of trouble-free cooperation.")
    EXPORT_LICENCE = ("export_licence", "輸出許可の取得", "Export licence obtained")
    MANAGEMENT_APPROVAL = ("management_approval", "経営層・専門部署の承認", "Approval by management / leakage unit")


class PeopleKind(Vocab):
    DISPATCHED_ENGINEERS = ("dispatched_engineers", "自社からの派遣技術者", "Our dispatched engineers")
    LOCAL_STAFF = ("local_staff", "現地採用スタッフ", "Local staff")
    LOCAL_MANAGERS = ("local_managers", "現地採用の管理職", "Local managers")
    PARTNER_DIRECTORS = ("partner_directors", "合弁相手方が指名した役員", "Partner-appointed directors")
    PARTNER_STAFF = ("partner_staff", "取引先の役職員", "Partner's staff", "委託先・ライセンシーの従業員。", "Employees of the contract manufacturer or licensee.")
    CONTRACTOR_STAFF = ("contractor_staff", "請負・派遣スタッフ", "Contractor staff")
    MAINTENANCE_STAFF = ("maintenance_staff", "保守作業員", "Maintenance staff")


class EquipmentCategory(Vocab):
    """Sensitivity category of production equipment (guidance ch1.4.2 ①)."""

    GENERAL_AS_IS = ("general_as_is", "ア）汎用設備をそのまま使用", "(a) General-purpose, used as is")
    GENERAL_TUNED = ("general_tuned", "イ）汎用設備を独自に調整", "(b) General-purpose with our own settings")
    CUSTOM = ("custom", "ウ）内製・特注の専用設備", "(c) Custom-built or in-house")


class Maintenance(Vocab):
    OUR_ENGINEERS = ("our_engineers", "自社技術者", "Our engineers")
    EQUIPMENT_MAKER = ("equipment_maker", "設備メーカー", "Equipment maker")
    LOCAL_CONTRACTOR = ("local_contractor", "現地の保守業者", "Local contractor")


class DisposalPlan(Vocab):
    SELL = ("sell", "そのまま売却", "Sell as is")
    RESET_AND_SELL = ("reset_and_sell", "初期化して売却", "Reset to factory settings and sell")
    RETURN = ("return", "日本へ返却", "Return to us")
    DESTROY = ("destroy", "廃棄（破壊）", "Destroy")
    UNDECIDED = ("undecided", "未定", "Undecided")


class ReservedMatter(Vocab):
    """Matters that need our consent in the JV (guidance ch1.2.5 ③)."""

    TECHNOLOGY_TRANSFER_OUT = ("technology_transfer_out", "合弁会社から第三者への技術移転", "Technology transfer out of the JV")
    CONTRACTS_WITH_PARTNER_GROUP = ("contracts_with_partner_group", "合弁相手方グループとの契約", "Contracts with the partner's group")
    INFORMATION_RULES_CHANGE = ("information_rules_change", "情報管理規程の改廃", "Changes to information-management rules")
    ENGINEER_POACHING = ("engineer_poaching", "技術者の引抜き・転籍", "Poaching or transfer of engineers")
    SUBLICENSING = ("sublicensing", "再許諾・再委託", "Sublicensing and subcontracting")
    NEW_COMPETING_BUSINESS = ("new_competing_business", "競合事業への進出", "Entry into competing business")
    CAPITAL_CHANGE = ("capital_change", "増資・新株発行・株式譲渡", "Capital increase, new shares, share transfers")
    DIRECTOR_APPOINTMENT = ("director_appointment", "役員の選解任", "Appointment and removal of directors")
    DISSOLUTION = ("dissolution", "解散・事業譲渡", "Dissolution or sale of the business")
    PATENT_FILINGS = ("patent_filings", "特許出願・知財の処分", "Patent filings and disposal of IP")


class ChangeOfControlTrigger(Vocab):
    """Events that give us consent, notice or termination rights (guidance ch1.2.3)."""

    CONTROL_CHANGE = ("control_change", "経営権の変動（CoC）", "Change of control")
    COMPETITOR_ENTRY = ("competitor_entry", "競合事業への進出・競合製品の開発", "Entry into a competing business")
    SECURITY_CHANGE = ("security_change", "情報管理体制の変更", "Change of information-security set-up")
    CREDIT_DETERIORATION = ("credit_deterioration", "信用状態の悪化", "Credit deterioration")
    SUBSIDY_APPLICATION = ("subsidy_application", "関連技術に係る補助金申請", "Subsidy application related to the technology")
    AUTHORITY_ORDER = ("authority_order", "当局の報告徴求・立入検査", "Authority order or inspection")
    HOST_LAW_CHANGE = ("host_law_change", "相手国制度の変更", "Change in host-country law")


class DeadlockMechanism(Vocab):
    NONE = ("none", "定めなし", "None")
    ESCALATION = ("escalation", "経営トップ間の協議", "Escalation to top management")
    MEDIATION = ("mediation", "調停", "Mediation")
    BUY_SELL = ("buy_sell", "株式売渡・買取請求", "Buy-sell (call/put)")
    RUSSIAN_ROULETTE = ("russian_roulette", "ロシアンルーレット条項", "Russian roulette")
    DISSOLUTION = ("dissolution", "解散", "Dissolution")


class Renewal(Vocab):
    NONE = ("none", "更新なし", "No renewal")
    AUTOMATIC = ("automatic", "自動更新", "Automatic renewal")
    BY_REVIEW = ("by_review", "審査の上で更新", "Renewal after review",
                 "監査結果等を踏まえた契約審査を経て更新する（ch1.3.1）。", "Renewed only after a review informed by audit results (ch1.3.1).")


class DisputeResolution(Vocab):
    ARBITRATION = ("arbitration", "仲裁（非公開）", "Arbitration (private)")
    COURTS_HOST = ("courts_host", "相手国の裁判所", "Host-country courts")
    COURTS_JAPAN = ("courts_japan", "日本の裁判所", "Japanese courts")
    COURTS_OTHER = ("courts_other", "第三国の裁判所", "Courts of a third country")


class CountryFactor(Vocab):
    """Host-country factors of guidance ch1.1.3–1.1.5, each rated in a country profile."""

    DATA_DEMAND_POWER = ("data_demand_power", "当局による技術データ提出要求", "Authorities' power to demand technical data",
                         "安全・環境・競争法の許認可等で技術データの提出を求められる可能性。", "Safety, environmental or competition approvals that can require technical data.")
    EMERGENCY_SEIZURE = ("emergency_seizure", "有事の接収・差押え", "Seizure in emergencies")
    ENGINEER_DETENTION = ("engineer_detention", "技術者の身柄拘束", "Detention of engineers")
    FORCED_LOCAL_TERMS = ("forced_local_terms", "自国企業優遇の契約条件の強制", "Forced local-favouring terms")
    FOREIGN_EQUITY_DISADVANTAGE = ("foreign_equity_disadvantage", "外資比率による不利益", "Disadvantage for high foreign equity")
    LITIGATION_DISCLOSURE = ("litigation_disclosure", "訴訟での図面提出・記録公開", "Disclosure of drawings in litigation")
    INTELLIGENCE_COOPERATION = ("intelligence_cooperation", "情報機関への協力義務", "Laws obliging cooperation with state intelligence")
    GEOPOLITICAL_RISK = ("geopolitical_risk", "地政学リスク", "Geopolitical risk")
    LOCALISATION_POLICY = ("localisation_policy", "国産化政策・技術的関心", "Localisation policy and state technology interest")
    LABOUR_LAW = ("labour_law", "労働法制・慣習の違い", "Labour law and customs")
    JOB_MOBILITY = ("job_mobility", "技術者の流動性", "Job mobility of engineers")
    TRADE_SECRET_ENFORCEMENT = ("trade_secret_enforcement", "営業秘密保護の実効性", "Enforcement of trade secrets",
                                "高いほど保護が弱い（リスクが高い）。", "Higher means weaker protection (more risk).")
    NON_COMPETE_ENFORCEMENT = ("non_compete_enforcement", "競業避止の実効性", "Enforcement of non-competes",
                               "高いほど競業避止が効きにくい（リスクが高い）。", "Higher means non-competes are harder to enforce (more risk).")
    ARBITRATION_ENFORCEMENT = ("arbitration_enforcement", "仲裁判断の執行", "Enforcement of arbitral awards",
                               "ニューヨーク条約の加盟状況と執行の実務。高いほど執行が難しい。", "New York Convention status and practice; higher means harder to enforce.")
    FOREIGN_EQUITY_CAP = ("foreign_equity_cap", "外資出資比率の上限", "Foreign-equity caps",
                          "業種により外資の出資比率が制限され、過半数を確保できない可能性。", "Sector caps that can prevent us from holding a majority.")


class RiskRating(Vocab):
    """Country-factor rating: how much the factor raises leakage risk (ordered)."""

    LOW = ("low", "低", "Low")
    MEDIUM = ("medium", "中", "Medium")
    HIGH = ("high", "高", "High")
    VERY_HIGH = ("very_high", "非常に高い", "Very high")


class ClauseKind(Vocab):
    """Which part of the deal documentation a clause belongs to."""

    NDA = ("nda", "秘密保持契約", "Non-disclosure agreement")
    MAIN_CONTRACT = ("main_contract", "本契約（ライセンス・製造委託等）", "Main contract (licence, manufacturing, …)")
    JV_AGREEMENT = ("jv_agreement", "合弁契約・定款", "JV agreement and articles")
    EMPLOYMENT = ("employment", "雇用契約・誓約書", "Employment contracts and pledges")


class LeakChannel(Vocab):
    """Paths by which a technology can reach someone who should not hold it (PRODUCT §4)."""

    PARTNER_DIRECTORS = ("partner_directors", "合弁相手方派遣役員からの流出", "Partner-appointed directors",
                         "合弁相手方が指名した役員が合弁会社の技術情報を持ち出す。", "Directors appointed by the partner take JV technical information out.")
    LOCAL_STAFF_TURNOVER = ("local_staff_turnover", "現地スタッフの転職", "Local staff moving to competitors",
                            "ノウハウを身につけた現地スタッフが競合他社へ移る。", "Local staff who learnt the know-how move to a competitor.")
    CONTRACTOR_STAFF = ("contractor_staff", "委託先・請負スタッフからの流出", "Contractor staff",
                        "委託先や請負の役職員が情報を持ち出す。", "Staff of a contractor take information out.")
    PARTNER_AFFILIATES = ("partner_affiliates", "関係会社・再許諾による流出", "Partner affiliates and sublicensing",
                          "取引先が関係会社に技術を回す、無断で再許諾・再委託する。", "The partner passes technology to affiliates or sublicenses or subcontracts it.")
    REVERSE_ENGINEERING = ("reverse_engineering", "リバースエンジニアリング", "Reverse engineering",
                           "支給した部品・サンプル・金型・設備から技術を読み取る。", "Technology is read out of supplied parts, samples, moulds or equipment.")
    HOST_AUTHORITIES = ("host_authorities", "相手国当局による取得", "Host authorities",
                        "データ提出要求、立入検査、訴訟での開示、情報機関への協力義務、接収。", "Data demands, inspections, disclosure in litigation, intelligence laws, seizure.")
    LOSS_OF_CONTROL = ("loss_of_control", "合弁会社の支配権喪失", "Loss of control of the JV",
                       "出資比率・取締役会・黄金株などを通じて合弁会社の支配を失う。", "Control of the JV is lost through equity, the board or golden shares.")
    EQUIPMENT_AT_EXIT = ("equipment_at_exit", "撤退時に残る設備・媒体", "Equipment and media left at exit",
                         "コア技術が化体した設備や記録媒体が撤退後に残り、転売・解析される。", "Equipment or media embodying core technology stay behind and are resold or analysed.")
    CYBER_ATTACK = ("cyber_attack", "現地ITへのサイバー攻撃", "Local IT and cyber attack",
                    "現地任せのシステムが攻撃され、技術情報が盗まれる。", "Local systems left to the site are attacked and technical data stolen.")
    MAINTENANCE_VENDORS = ("maintenance_vendors", "設備保守業者からの流出", "Maintenance vendors",
                           "保守のために立ち入る第三者が設備のノウハウを得る。", "Third parties who service the equipment learn what is built into it.")
    HOSTILE_PATENTS = ("hostile_patents", "取引先・元従業員による特許出願", "Patents filed by others on our technology",
                       "取引先や元従業員が自社技術を特許出願する。", "The partner or former staff file patents on our technology.")
    ENGINEER_POACHING = ("engineer_poaching", "派遣技術者の引抜き", "Poaching of our dispatched engineers",
                         "自社から派遣した技術者が引き抜かれる。", "Our dispatched engineers are hired away.")
