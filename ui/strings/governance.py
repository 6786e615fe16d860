"""Strings of the governance and exit page."""

STRINGS = {
    "title": ("ガバナンスと撤退", "Governance and exit"),
    "intro": (
        "合弁会社の支配（出資・取締役・拒否権）、契約上の解除事由、設備の扱い、撤退の準備を確認します。"
        "値を変えると、支配権に関わるリスクがすぐに計算し直されます。",
        "Check who controls the JV (equity, board, vetoes), the contract's change-of-circumstance triggers, "
        "the equipment and the exit plan. Change a value and the governance risk is recalculated at once.",
    ),
    "no_project": (
        "案件が開かれていません。サイドバーで案件を選ぶか、「案件の編集」で作成してください。",
        "No project is open. Pick one in the sidebar or create one in the project editor.",
    ),
    "not_jv": (
        "この案件の形態は「{deal}」です。出資比率・取締役・拒否権事項などの合弁ガバナンスは合弁会社（JV）の場合に"
        "だけ評価するため、ここでは表示しません。下の設備と撤退の項目はすべての形態に当てはまります。",
        "This project is a {deal}. JV governance (equity, board, reserved matters…) is only assessed for "
        "joint ventures, so it is not shown here. The equipment and exit sections below apply to every deal.",
    ),
    "gov_title": ("合弁会社の支配", "Control of the JV"),
    "equity": ("出資比率（%）", "Equity (%)"),
    "equity_help": (
        "議決権のある株式の保有割合。過半数（50%超）を持てば、普通決議で合弁会社の意思決定を握れます。",
        "Share of the voting equity. More than 50 % lets a holder carry ordinary resolutions.",
    ),
    "board": ("取締役の人数", "Board seats"),
    "board_help": (
        "各株主が指名する取締役の人数。相手方の取締役が多いほど、技術に関わる決定を相手方に握られやすくなります。",
        "Directors each holder appoints. The more seats the partner has, the more it decides about our technology.",
    ),
    "us": ("当社", "Us"),
    "total": ("合計 {total}%", "Total {total} %"),
    "equity_over": (
        "出資比率の合計が {total}% で 100% を超えています。どれかを下げてください（まだ反映していません）。",
        "The equity adds up to {total} %, over 100 %. Lower one of the holdings (not applied yet).",
    ),
    "equity_under": (
        "出資比率の合計が {total}% です。残りの株主がいなければ 100% になるように入力してください。",
        "The equity adds up to {total} %. Unless other holders exist, make it add up to 100 %.",
    ),
    "not_changed": (
        "入力に問題があるため、変更は反映していません。",
        "Nothing was changed: please check these entries.",
    ),
    "updated": ("ガバナンスを更新しました。", "Governance updated."),
    "effect_title": ("この設定で支配権のリスクはどうなるか", "What these settings do to the governance risk"),
    "effect_help": (
        "「合弁会社の支配権喪失」と「合弁相手方派遣役員からの流出」の指摘のうち、最も高いスコアです。"
        "保存済みの版と比べた差を示します。スコアは優先順位付けのための相対値です。",
        "The highest score among the 'loss of control of the JV' and 'partner-appointed directors' "
        "findings, compared with the saved version. Scores are relative, for prioritising.",
    ),
    "effect_none": (
        "この案件には、支配権や派遣役員に関わる指摘がまだありません（現地拠点に技術を渡していないか、"
        "合弁会社ではありません）。",
        "There are no findings on JV control or partner-appointed directors yet (no technology is "
        "handed to the site, or the deal is not a JV).",
    ),
    "highest": ("最高スコア: {channel}", "Highest score: {channel}"),
    "vs_saved": ("保存済みの版との差", "vs. saved version"),
    "col_finding": ("指摘", "Finding"),
    "col_now": ("現在", "Now"),
    "col_saved": ("保存済み", "Saved"),
    "col_delta": ("差", "Change"),
    "col_severity": ("重大度", "Severity"),
    "at51": (
        "当社の出資を 51% にすると（相手方をその分減らす）: 支配権喪失の最高スコアは {now} → {then}、"
        "案件スコアは {score_now} → {score_then}（評価 {grade}）になります。",
        "At 51 % for us (the partner reduced accordingly): the highest loss-of-control score would go "
        "from {now} to {then}, and the project score from {score_now} to {score_then} (grade {grade}).",
    ),
    "at51_already": ("当社はすでに過半数（{ours}%）を持っています。", "We already hold a majority ({ours} %)."),
    "at51_none": (
        "相手方の出資がないため、51% の場合は計算できません。",
        "There is no partner equity to reduce, so the 51 % case cannot be worked out.",
    ),
    "project_score": ("案件スコア", "Project score"),
    "flags_title": ("株式と取締役会の取り決め", "Shares and board arrangements"),
    "yes": ("はい", "Yes"),
    "no": ("いいえ", "No"),
    "unknown": ("不明", "Not known"),
    "transfer_restricted_shares": ("株式の譲渡制限あり", "Shares are transfer-restricted"),
    "transfer_restricted_shares_help": (
        "相手方が株式を第三者（競合など）に無断で譲渡できないようにする定め。",
        "The partner cannot sell its shares to a third party (e.g. a competitor) without consent.",
    ),
    "partner_golden_share": ("相手方が黄金株を持つ", "The partner holds a golden share"),
    "partner_golden_share_help": (
        "特定の決議を拒否できる特別な株式。相手方が持つと、当社が過半数でも決定を止められます。",
        "A special share with a veto over certain resolutions; held by the partner, it "
        "can block us even when we hold a majority.",
    ),
    "partner_latent_shares": ("相手方が潜在株を持つ", "The partner holds latent shares"),
    "partner_latent_shares_help": (
        "新株予約権や転換社債など、将来株式になって出資比率を変えうる権利。",
        "Options, convertibles and similar rights that can later become shares and shift the equity.",
    ),
    "director_election_special_resolution": ("取締役の選任は特別決議", "Director elections need a special resolution"),
    "director_election_special_resolution_help": (
        "取締役の選任に特別決議（例: 3分の2以上）を必要とする定め。少数株主でも取締役会の構成を守りやすくなります。",
        "Electing directors needs a special resolution (e.g. two thirds), "
        "which protects the board's make-up even for a minority holder.",
    ),
    "non_voting_share_option": ("無議決権株式の活用", "Non-voting shares used"),
    "non_voting_share_option_help": (
        "出資比率は相手方に譲っても、議決権は当社が確保できるよう無議決権株式を使う選択肢。",
        "Using non-voting shares so that we keep the votes even if the partner holds more of the capital.",
    ),
    "chair": ("取締役会の議長（董事長）", "Chair of the board"),
    "reserved": ("当社の同意が必要な事項（拒否権事項）", "Matters that need our consent (reserved matters)"),
    "reserved_help": (
        "ここに挙げた事項は、当社が同意しない限り合弁会社が決められません（ch1.2.5）。",
        "The JV cannot decide these matters without our consent (ch1.2.5).",
    ),
    "triggers": (
        "同意・通知・解除の権利が生じる事由（契約）",
        "Events that give us consent, notice or termination rights",
    ),
    "triggers_help": (
        "相手方の支配権の変動や競合への進出などが起きたときに、当社が技術提供を止めたり契約を解除したりできる事由（ch1.2.3）。",
        "Changes on the partner's side (control change, entry into a competing business…) that let "
        "us stop disclosure or terminate (ch1.2.3).",
    ),
    "deadlock": ("デッドロック（膠着）の解決方法", "Deadlock mechanism"),
    "exit_terms": ("合弁解消の条件", "Dissolution terms"),
    "call_option": ("当社のコールオプション（相手方株式の買取り）", "Our call option (buy the partner's shares)"),
    "call_option_help": (
        "相手方の契約違反などの場合に、相手方の株式を買い取れる権利。",
        "Our right to buy the partner's shares, e.g. if it breaches the contract.",
    ),
    "put_option": ("当社のプットオプション（当社株式の売渡し）", "Our put option (sell our shares to the partner)"),
    "put_option_help": (
        "当社の株式を相手方に買い取らせて合弁から抜けられる権利。",
        "Our right to make the partner buy our shares, so we can leave the JV.",
    ),
    "licence_terminates_on_dissolution": ("解消時にライセンスが終了する", "The licence ends on dissolution"),
    "licence_terminates_on_dissolution_help": (
        "合弁解消とともに技術ライセンスが終わり、合弁会社が技術を使い続けられない定め。",
        "The technology licence ends with the JV, so the technology cannot keep being used.",
    ),
    "technology_returned_on_dissolution": (
        "解消時に技術資料を返還・廃棄する",
        "Technology returned or destroyed on dissolution",
    ),
    "technology_returned_on_dissolution_help": (
        "合弁解消時に図面・データなどの技術資料を返還または廃棄させる定め。",
        "Drawings, data and other technical material are returned or destroyed when the JV ends.",
    ),
    "no_poach_months": ("解消後の引抜き禁止期間（月）", "No-poach after termination (months)"),
    "no_poach_months_help": (
        "合弁終了後、相手方が技術者を引き抜くことを禁じる期間。空欄は未定・不明。",
        "How long after the JV ends the partner may not hire away our engineers. Empty means not known.",
    ),
    "equipment_title": ("設備", "Equipment"),
    "equipment_intro": (
        "設備は区分（ア・イ・ウ）ごとに、所有者・組み込まれた技術・保守・撤退時の処分を確認します（ch1.3.4、ch1.4.2）。",
        "For each equipment category (a/b/c), check the owner, the technologies built in, the "
        "maintenance and the disposal plan at exit (ch1.3.4, ch1.4.2).",
    ),
    "no_equipment": (
        "設備が登録されていません。「案件の編集」で追加できます。",
        "No equipment is entered. Add it in the project editor.",
    ),
    "col_name": ("設備", "Equipment"),
    "col_owner": ("所有者", "Owner"),
    "col_embodies": ("組み込まれた技術", "Technologies built in"),
    "col_maintenance": ("保守", "Maintenance"),
    "col_disposal": ("撤退時の処分", "Disposal at exit"),
    "col_witnessed": ("処分に立会い", "Disposal witnessed"),
    "col_vetted": ("処分業者の確認", "Contractor vetted"),
    "col_location": ("場所", "Location"),
    "edit_equipment": ("設備ごとの設定を変更", "Change an equipment's settings"),
    "pick_equipment": ("設備", "Equipment"),
    "owner": ("所有者", "Owner"),
    "embodies": ("組み込まれた技術", "Technologies built in"),
    "maintenance": ("保守", "Maintenance"),
    "disposal": ("撤退時の処分", "Disposal at exit"),
    "witnessed": ("処分に当社が立ち会う", "We witness the disposal"),
    "vetted": ("処分業者の信頼性を確認済み", "Disposal contractor vetted"),
    "apply_equipment": ("この設備の変更を反映", "Apply changes to this equipment"),
    "equipment_updated": ("設備を更新しました。", "Equipment updated."),
    "site": ("現地拠点（合弁会社・子会社など）", "The local site (JV, subsidiary…)"),
    "warnings_title": ("設備についての注意", "Equipment warnings"),
    "no_warnings": ("設備について目立つ問題はありません。", "No equipment issues stand out."),
    "warn_partner_owner": (
        "「{name}」はコア技術（{techs}）を組み込んでいますが、相手方（{owner}）の所有です。"
        "撤退時に当社が処分を決められません。当社所有にするか、返還の定めを置いてください。",
        "'{name}' embodies core technology ({techs}) but belongs to the partner ({owner}); we "
        "cannot decide its fate at exit. Own it ourselves or agree its return.",
    ),
    "warn_no_witness": (
        "「{name}」は当社の技術（{techs}）を組み込んでいますが、処分への立会いを予定していません。"
        "初期化・廃棄を自社で確認してください（ch1.4.2）。",
        "'{name}' embodies our technology ({techs}) but no witness is planned for its disposal. "
        "Check the reset or destruction yourselves (ch1.4.2).",
    ),
    "warn_local_contractor": (
        "「{name}」は現地の保守業者が保守します。業者の信頼性の確認、立入範囲の制限、作業への立会いが"
        "必要です（ch1.3.4）。",
        "'{name}' is serviced by a local contractor: vet the firm, limit where its staff may "
        "go and accompany them (ch1.3.4).",
    ),
    "warn_custom_sold": (
        "「{name}」は特注・内製の設備（ウ）ですが、撤退時に「{plan}」の予定です。"
        "コア技術が組み込まれた設備は返却か廃棄が原則です（ch1.4.2）。",
        "'{name}' is custom-built (c) but is planned to be '{plan}' at exit. Equipment that "
        "embodies core technology should be returned or destroyed (ch1.4.2).",
    ),
    "exit_title": ("撤退の準備", "Exit plan"),
    "exit_intro": (
        "撤退時と撤退後の対策です（ch1.4）。実施状況を選ぶと、関係する指摘とチェックリストにすぐ反映されます。",
        "Measures for and after the exit (ch1.4). Choose how far each is in place; the related findings "
        "and checklist update at once.",
    ),
    "status": ("実施状況", "Status"),
    "exit_updated": ("撤退の対策を更新しました。", "Exit measure updated."),
    "none": ("（なし）", "(none)"),
}
