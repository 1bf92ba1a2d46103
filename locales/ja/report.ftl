# tenken report: every fixed string of the PDF 監査報告書 (Japanese)
# Numbers and dates are formatted by the caller (和暦); no bidi isolation marks.

report-handling = 取扱注意
report-title = { $year } { $kind ->
    [self_inspection] 情報セキュリティ自己点検結果報告書
   *[audit] 情報セキュリティ監査報告書
}
report-addressee = { $addressee }　御中
report-cover-prepared = 作成　{ $who }
report-cover-assessment = 対象　{ $title }
report-cover-notice = 本報告書には、組織の情報セキュリティ上の弱点に関する情報が含まれています。取扱いに注意し、関係者以外に開示しないでください。
report-page = { $n } / { $total }
report-continued = （続き）
report-none = －
report-size = { $n } B

report-toc = 目次
report-sec-overview = { $audit ->
    [yes] 監査の概要
   *[no] 点検の概要
}
report-sec-summary = 総評
report-sec-findings = 指摘事項
report-sec-remarks = 良好事項・特記事項
report-sec-previous = 前年度指摘事項の改善状況
report-sec-app-results = 別紙1　部署別・項目別の結果
report-sec-app-evidence = 別紙2　証跡一覧
report-sec-approval = 承認欄

report-ov-purpose = 目的
report-ov-purpose-text = { $audit ->
    [yes] 情報セキュリティポリシーに定める対策が各部署で適切に実施されているかを確認し、改善すべき事項を明らかにすることにより、本市の情報セキュリティ水準の維持・向上を図る。
   *[no] 各部署が情報セキュリティポリシーに定める対策の実施状況を自ら点検し、改善すべき事項を明らかにすることにより、情報セキュリティ水準の維持・向上を図る。
}
report-ov-scope = 対象
report-ov-scope-text = { $count } 部署：{ $names }
report-ov-criteria = 基準
report-ov-criteria-text = { $policy }（{ $date } 取込）
report-ov-criteria-none = （ポリシー未登録）
report-ov-checklist = チェックリスト
report-ov-checklist-text = { $title }（版 { $version }、{ $items } 項目）
report-ov-period = 期間
report-ov-period-text = { $from } ～ { $to }
report-ov-team = 実施体制
report-ov-method = 方法
report-ov-interviews = ヒアリング実施状況

report-sum-none = （総評は入力されていません。）
report-sum-counts = 判定対象 { $total } 件（{ $scoped ->
    [yes] { $departments } 部署 × { $items } 項目のうち、部署ごとの点検範囲外の { $out } 件を除く
   *[other] { $departments } 部署 × { $items } 項目
}）のうち判定済み { $rated } 件、指摘事項 { $findings } 件。
report-sum-by-area = 分野別の結果
report-sum-by-dept = 部署別の結果
report-chart-by-area = 分野別の結果（構成比）
report-chart-by-dept = 部署別の結果（構成比）
report-chart-note = 各行の帯は、その行の全判定対象に占める各結果の割合を示す。右端の数値は{ $rate }。
report-col-area = 分野
report-col-department = 部署
report-col-total = 対象
report-col-rate-audit = 適合率
report-col-rate-self = 実施率
report-col-unrated = 未評価
report-col-number = No.
report-col-date = 実施日
report-col-place = 場所
report-col-attendees = 対応者
report-col-auditor = 担当
report-col-kind = 種別
report-col-content = 内容
report-col-fact = 指摘内容
report-col-status = 状況
report-col-followup = 今年度の指摘
report-col-item = 点検項目
report-col-clause = 根拠規定
report-col-result = 結果
report-col-note = 備考
report-col-evidence-name = 名称
report-col-size = サイズ
report-col-evidence-date = 日付
report-col-sha = SHA-256
report-col-supports = 裏付ける項目

report-topic-purpose = 目的
report-topic-definitions = 定義
report-topic-threats = 脅威
report-topic-scope = 適用範囲
report-topic-obligations = 職員等の遵守義務
report-topic-measures = 対策
report-topic-organization = 組織体制
report-topic-asset_classification = 情報資産の分類と管理
report-topic-resilience = 情報システム全体の強靱性の向上
report-topic-physical = 物理的セキュリティ
report-topic-human = 人的セキュリティ
report-topic-technical = 技術的セキュリティ
report-topic-operations = 運用
report-topic-outsourcing = 業務委託と外部サービスの利用
report-topic-evaluation = 評価・見直し
report-topic-audit = 監査及び自己点検
report-topic-review = 見直し
report-topic-standards = 対策基準
report-topic-procedures = 実施手順
report-topic-other = その他

report-findings-intro = 指摘事項は { $count } 件である（{ $breakdown }）。
report-findings-none = 指摘事項はない。
report-finding-title = 指摘事項 { $number }　{ $department }
report-f-department = 部署
report-f-clause = 根拠規定
report-f-item = 点検項目
report-f-fact = 事実
report-f-risk = リスク
report-f-recommendation = 改善提言
report-f-class = 区分
report-f-priority = 優先度
report-f-due = 改善期限
report-f-owner = 担当
report-f-status = 状況
report-f-evidence = 証跡
report-f-followup = 前年度指摘事項 { $number } の継続

report-remarks-none = 良好事項・特記事項の記載はない。
report-remark-org-wide = 全庁

report-prev-intro = { $title } の指摘事項 { $count } 件の状況は次のとおりである。
report-prev-none = 前年度の指摘事項はない。

report-app-results-intro = 各部署の点検項目ごとの結果を示す（未評価を含む）。
report-app-evidence-intro = 本監査で記録した証跡 { $count } 件を示す。SHA-256 は証跡ファイルの内容のハッシュ値である。
report-ev-paper = 保管場所：{ $location }

report-approval-intro = 本報告書の内容を確認し、承認する。
report-approval-role = 役職
report-approval-name = 氏名
report-approval-date = 日付
report-approval-seal = 印
report-approval-date-blank = 令和　　年　　月　　日
report-role-ciso = 最高情報セキュリティ責任者（CISO）
report-role-committee = 情報セキュリティ委員会
report-role-lead = 監査責任者

report-fp-title = データの指紋
report-fp-text = 本報告書は、次の SHA-256 値を持つデータから作成した。「tenken verify-report」で現在の記録と照合できる。
report-generated = tenken により { $date } 作成

report-part-assessment = 基本情報（組織・監査・ポリシー）
report-part-summary = 総評
report-part-checklist = チェックリスト
report-part-departments = 対象部署
report-part-interviews = ヒアリング記録
report-part-answers = 判定結果
report-part-findings = 指摘事項
report-part-remarks = 良好事項・特記事項
report-part-evidence = 証跡
report-part-previous = 前年度指摘事項
report-change-section = 変更あり：{ $part }
report-change-finding-changed = 指摘事項 { $number } が変更されている
report-change-finding-added = 指摘事項 { $number } が追加されている
report-change-finding-removed = 指摘事項 { $number } が削除されている
report-change-answers = 部署「{ $department }」の判定結果が変更されている
report-verify-match = 一致：この報告書は現在の記録と一致する（指紋 { $fingerprint }）。
report-verify-mismatch = 不一致：報告書の作成後に記録が変更されている（報告書 { $old }、現在 { $new }）。
report-verify-no-stamp = この PDF には tenken の指紋が見つからない：{ $file }
report-progress = 報告書を作成中… { $done } / { $total }
report-written = 報告書を書き出した：{ $file }（{ $version }、{ $pages } ページ、{ $bytes } バイト）
report-class-count = { $label } { $count } 件
report-list-sep = 、
report-total = 合計
report-f-previous = 前年度

# Versions (案 / 第N版), the committee report's short forms, department notices.
report-issue-draft = 案
report-issue-final = 第{ $version }版
report-watermark = 案
report-findings-table-note = 各指摘事項のリスク、改善提言及び証跡は、部署ごとの監査結果通知に記載する。
report-sec-app-matrix = 別紙1　結果一覧表（項目 × 部署）
report-app-matrix-intro = 点検項目 { $items } 件 × 対象部署 { $departments } 部署の判定結果を記号で示す（{ $legend }）。
report-app-matrix-group = 部署 { $from }～{ $to }（全 { $total } 部署、{ $group }/{ $groups }）
report-app-matrix-note = 各部署の項目ごとの結果と備考は、部署ごとの監査結果通知に記載する。
report-matrix-out-of-scope = ／
report-out-of-scope = 範囲外（この部署には質問しない項目。対象外の評価とは別）
report-matrix-unrated = 未
report-ev-finding = 指摘{ $number }
notice-title = { $year } { $audit ->
    [yes] 情報セキュリティ監査結果通知
   *[no] 情報セキュリティ自己点検結果通知
}
notice-subtitle = { $department }　（{ $title }）
notice-addressee = { $department }長　様
notice-sec-request = 改善計画の提出について
notice-request-text = { $title } の結果を通知する。貴部署に対する指摘事項は { $count } 件（{ $breakdown }）である。各指摘事項について改善計画を作成し、{ $due } までに提出されたい。
notice-plan-items = 改善計画には、指摘事項ごとに改善の内容、担当者及び完了予定日を記載すること。提出期限：{ $due }
notice-sec-results = 分野別の結果
notice-prev-none = 貴部署に対する前年度の指摘事項はない。
notice-sec-items = 点検項目ごとの結果
notice-sec-end = 以上
report-verify-altered = 文書の改変：この PDF の内容は、tenken が作成した時から変更されている（文書のハッシュ値が一致しない）。
report-verify-altered-no-digest = 文書の改変：この PDF には文書のハッシュ値がなく、内容を確認できない。
report-verify-altered-unrecorded = 文書の改変：この PDF は確定版を名乗るが、その版は記録されていない。
report-verify-altered-recorded = 文書の改変：この PDF は、記録された同じ版の文書と一致しない。
report-verify-different = 別の監査：この報告書は監査 { $report } のものであり、照合した監査 { $given } のものではない（または別のデータの同じ番号の監査）。
report-verify-what-committee = 報告書：委員会報告書、{ $version }
report-verify-what-notice = 報告書：{ $department } への監査結果通知、{ $version }
report-sec-yoy = 前年度との比較
report-yoy-intro = { $title } と比較した。比較は両年度に共通する { $common } 項目（今年度 { $now } 項目、前年度 { $before } 項目）、共通する { $departments } 部署について行った。前年度より判定が改善した回答は { $improved } 件、悪化した回答は { $worsened } 件である。
report-yoy-before = 前年度
report-yoy-now = 今年度
report-yoy-delta = 増減
report-yoy-by-area = 分野別の適合率の推移
report-yoy-chart = 分野別の結果（前年度・今年度）
report-yoy-by-dept = 部署別の適合率の推移
report-yoy-findings = 区分別の指摘事項数
report-verify-issued = （{ $at } 発行、{ $by }）
report-docx-working-copy = この文書は編集用の作業コピーである。正本は tenken が作成した PDF であり、その指紋（データの SHA-256）は { $fingerprint } である。
report-docx-toc-hint = （目次は、Word では右クリックして「フィールドの更新」を選ぶと作成される。）
