# 監査チーム（評価の「チーム」タブ、ダッシュボード、設定の「配布を開く」）

tab-team = チーム
team-heading = 監査チーム
team-members-heading = 担当者と担当部署
team-joined-heading = 受け取った配布
team-member = 担当者
team-member-unnamed = （名前なし）
team-departments = 担当部署
team-shared-at = 配布日時
team-last-returned = 最終返却
team-not-returned = 未返却
team-no-shares = まだ誰にも配布していません。担当者ごとに部署を選んで配布ファイルを作ると、ここに一覧されます。
team-open-conflicts = 未決定 { $count } 件
team-open-conflicts-go = 競合 { $count } 件を決定する
team-joined-as = 担当者「{ $name }」として { $date } に受け取り（{ $names }）。
team-joined-returned = 最終返却 { $date }。

team-share-heading = 担当者に配布
team-share-help = 担当者が自分のPCでネットワークなしに作業できるよう、組織・規程・評価・選んだ部署の回答と証跡を一つのファイルにまとめます。
team-share-all-hint = 部署を選ばなければ、全部署を配布します。
team-share = 配布ファイルを保存…
team-share-dialog = 配布ファイルの保存先
team-share-file = 配布
team-shared = 「{ $name }」への配布ファイルを保存しました（{ $names }、{ $size }）。

team-merge-heading = 返却ファイルの統合
team-merge-drop = 担当者の返却ファイル（.zip）をここにドロップ（複数可）
team-merge-pick = 返却ファイルを選ぶ…
team-merge-dialog = 統合する返却ファイル
team-working = 検証して統合しています…
team-refused = 返却ファイルではないため取り込みませんでした: { $names }
team-merged = 反映 { $applied } 件、変更なし { $unchanged } 件、競合 { $conflicts } 件
team-package-again = 統合済みのファイルです（変化なし）
team-merged-title = 統合しました —

team-return-heading = 責任者に返却
team-return-help = 配布を受け取ってからの回答・メモ・指摘事項・証跡と操作記録を返却ファイルにまとめます。
team-return = 返却ファイルを保存…
team-return-dialog = 返却ファイルの保存先
team-return-file = 返却
team-returned = 返却ファイルを保存しました（変更 { $count } 件、証跡ファイル { $files } 件、{ $size }）。

team-join-heading = 監査チームの配布を開く
team-join-help = 監査責任者から受け取った配布ファイルを開き、担当部署の作業を始めます。新しい配布を開いても、まだ返却していない作業は残ります。
team-join = 配布ファイルを開く…
team-join-dialog = 開く配布ファイル
team-joined = 配布を開きました（{ $names }）。残した未返却の変更: { $count } 件。
team-open-assessment = この評価を開く

team-conflicts-heading = 競合 { $count } 件 — どちらを残すか決めてください
team-conflicts-help = 責任者と担当者がそれぞれ別の値に変えた記録だけを表示しています。行ごとに残す方を選び、すべて選ぶと反映できます。決定は通常の修正として操作記録に残ります。
team-conflict-record = 部署・項目
team-conflict-field = 内容
team-conflict-lead = 責任者側の値
team-conflict-member = 担当者の値
team-conflict-choice = 残す方
team-who-lead = このPCの現在の値
team-keep-lead = 責任者
team-keep-member = 担当者
team-removed = （削除済み）
team-apply = { $count } 件の決定を反映
team-undecided = 未選択 { $count } 件
team-resolved = { $count } 件の競合を決定し、反映しました。
team-kind-answer = 回答
team-kind-finding = 指摘事項
team-kind-interview = ヒアリング
team-kind-remark = 所見
team-kind-evidence = 証跡
team-kind-evidence_link = 証跡の紐付け

team-field-record = 記録
team-field-rating = 評価
team-field-note = メモ
team-field-fact = 事実
team-field-risk = リスク
team-field-recommendation = 改善提案
team-field-classification = 分類
team-field-priority = 優先度
team-field-due_date = 期限
team-field-owner = 担当
team-field-status = 状態
team-field-cited_clause = 根拠条項
team-field-held_on = 実施日
team-field-place = 場所
team-field-attendees = 出席者
team-field-auditor = 監査人
team-field-notes = 記録
team-field-text = 本文
team-field-kind = 種類

# The team's package passphrase (an encrypted store writes encrypted packages).
team-pp-label = パッケージのパスフレーズ
team-pp-again = パッケージのパスフレーズ（確認のためもう一度）
team-pp-write-help = このデータは暗号化されているため、ファイルも暗号化します。チームで決めたパッケージのパスフレーズ（8 文字以上、このPCのパスフレーズとは別のもの）を入力してください。相手には対面で伝えてください。
team-pp-read-help = このファイルは暗号化されています。チームで決めたパッケージのパスフレーズを入力してください。
team-pp-short = { $count } 文字以上にしてください。
team-pp-mismatch = 2 回の入力が一致しません。
team-pp-wrong = パッケージのパスフレーズが違います。何も変更していません。
team-merge-encrypted = 暗号化されたファイルを取り込む
team-join-encrypted = 暗号化された配布を開く
team-pp-cancel = やめる
