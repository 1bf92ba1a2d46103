# tenken 点検 — records screens: evidence, findings, report, settings (ja)
# Numbers, sizes and dates arrive already formatted (grouped digits, "1.5 MB").

## 証跡 (evidence)

ev-heading = 証跡
ev-count = { $count } 件
ev-loading = 証跡を読み込んでいます…
ev-empty = この点検・監査には、まだ証跡がありません。上の「証跡を追加」から登録してください。
ev-add-heading = 証跡を追加
ev-required = （必須）
ev-close = 閉じる

ev-link-legend = 紐付け先（追加する証跡に適用）
ev-link-department = 部署
ev-link-department-none = （部署を選ばない）
ev-link-finding = 指摘事項
ev-link-finding-none = （指摘事項に紐付けない）
ev-finding-option = No.{ $number } { $department } — { $fact }
ev-link-items-filter = 項目を絞り込む
ev-link-items-filter-hint = 項目番号・条項・キーワード
ev-link-items-label = { $department } の点検項目
ev-link-items-count = { $total } 項目中 { $shown } 項目を表示、{ $count } 項目を選択中
ev-link-items-none = 条件に合う項目はありません。
ev-link-already = （紐付け済み）
ev-loading-items = 項目を読み込んでいます…
ev-link-summary = 追加する証跡は { $count } か所に紐付けられます。
ev-link-summary-none = 紐付け先は未選択です（証跡だけを登録し、あとから紐付けることもできます）。

ev-files-heading = ファイル
ev-files-title = 件名（省略時はファイル名）
ev-files-title-hint = 件名は1ファイルずつ追加するときに使われます。複数のファイルはそれぞれのファイル名が件名になります。
ev-drop-here = ここ（またはウィンドウ内のどこか）にファイルをドロップすると、すぐに取り込みます。
ev-drop-release = 離すと取り込みます
ev-files-pick = ファイルを選ぶ…
ev-files-dialog-title = 証跡として取り込むファイルを選択
ev-uploads-label = 取り込み中のファイル
ev-upload-progress-label = { $name } の取り込み
ev-upload-waiting = 待機中
ev-upload-copying = コピー中 { $percent }%（{ $done } / { $total }）
ev-upload-done = 取り込み完了（{ $size }）
ev-upload-failed = 取り込めませんでした

ev-record-heading = 紙文書・観察記録
ev-record-kind = 種類
ev-record-title = 件名
ev-record-location = 保管場所
ev-record-location-hint = 例：総務課 書庫 キャビネットB
ev-record-description = 内容・備考
ev-record-observed = 確認した内容
ev-record-save = 記録する
ev-record-saved = 「{ $title }」を記録しました。
ev-record-title-required = 件名を入力してください。
ev-record-location-required = 紙文書の保管場所を入力してください。

ev-list-heading = 登録済みの証跡
ev-table-caption = この点検・監査の証跡一覧
ev-col-kind = 種類
ev-col-title = 件名
ev-col-size = サイズ
ev-col-recorded = 登録日時
ev-col-sha256 = SHA-256
ev-col-links = 紐付け先
ev-col-actions = 操作
ev-original-name = 元のファイル名：{ $name }
ev-location = 保管場所：{ $location }
ev-file-date = ファイルの日付 { $date }
ev-no-file = （ファイルなし）
ev-links-none = 未紐付け
ev-link-finding-number = 指摘 No.{ $number }
ev-relink = 紐付けを追加…
ev-relink-legend = 「{ $title }」の紐付け先を追加
ev-relink-save = 紐付けを追加（{ $count } 件）
ev-relink-nothing = 新しい紐付け先が選ばれていません。
ev-relink-done = { $count } 件の紐付けを追加しました。

## 指摘事項 (findings)

fnd-heading = 指摘事項
fnd-loading = 指摘事項を読み込んでいます…
fnd-new = 指摘事項を追加
fnd-new-heading = 新しい指摘事項
fnd-form-label = 指摘事項の入力
fnd-required = （必須）
fnd-choose = 選択してください
fnd-department = 部署
fnd-cited-clause = 根拠条項
fnd-item = 点検項目 { $item } から起票
fnd-fact = 事実
fnd-risk = リスク
fnd-recommendation = 改善提案
fnd-classification = 区分
fnd-priority = 優先度
fnd-due = 期限
fnd-owner = 担当
fnd-status = 対応状況
fnd-save = 指摘事項を保存
fnd-saving = 保存しています…
fnd-cancel = キャンセル
fnd-save-keys = Ctrl+Enter でも保存できます。
fnd-problem-required = 入力（選択）してください。
fnd-problem-date = 日付を YYYY-MM-DD の形で入力してください。
fnd-problem-needs-evidence = 完了にするには、この指摘事項に紐付いた証跡が1件以上必要です。
fnd-created = 指摘事項 No.{ $number } を登録しました。
fnd-updated = 指摘事項 No.{ $number } を更新しました。
fnd-closed = 指摘事項 No.{ $number } を完了にしました。

fnd-filters-label = 指摘事項の絞り込み
fnd-filter-all = すべて
fnd-filter-clear = 絞り込みを解除
fnd-due-filter-all = すべて
fnd-due-filter-overdue = 期限超過
fnd-due-filter-soon = 30日以内に期限
fnd-due-filter-none = 期限なし
fnd-count = { $total } 件中 { $shown } 件を表示
fnd-empty = まだ指摘事項はありません。
fnd-none-match = 絞り込み条件に合う指摘事項はありません。

fnd-table-caption = 指摘事項の一覧
fnd-col-number = No.
fnd-col-actions = 操作
fnd-number = （No.{ $number }）
fnd-due-overdue = 期限超過
fnd-due-soon = 期限間近
fnd-edit = 編集
fnd-edit-label = 指摘事項 No.{ $number } の編集
fnd-edit-save = 変更を保存
fnd-edit-keys = Ctrl+Enter で保存、Esc で閉じます。

fnd-close-with-evidence = 証跡を付けて完了
fnd-close-label = 指摘事項 No.{ $number } を完了にする
fnd-close-lead = 完了にするには、改善を確認できる証跡を1件以上この指摘事項に紐付けます。
fnd-close-how = 証跡の示し方
fnd-close-mode-linked = 紐付け済みの証跡（{ $count } 件）で完了にする
fnd-close-mode-existing = 登録済みの証跡から選んで紐付ける
fnd-close-mode-new = 紙文書・観察記録を新しく記録する
fnd-close-no-other-evidence = （選べる証跡がありません）
fnd-close-linked-label = この指摘事項に紐付いている証跡
fnd-close-evidence = 紐付ける証跡
fnd-close-choose-first = 紐付ける証跡を選んでください。
fnd-close-confirm = 完了にする
fnd-close-link-confirm = 紐付けて完了にする
fnd-close-record-confirm = 記録して完了にする

## 報告書 (report)

rpt-heading = 報告書
rpt-lead = 「{ $title }」の報告書（PDF）を作成します。「報告書を作成」は出力フォルダの reports フォルダに保存し、「保存先を選んで作成…」では保存先と名前を選べます。
rpt-export = 報告書を作成
rpt-export-again = もう一度作成
rpt-open-folder = 保存先フォルダを開く
rpt-progress-label = 報告書の作成状況
rpt-running = 報告書を作成しています…
rpt-progress = 作成中 { $percent }%
rpt-done = 報告書を作成しました。
rpt-file = ファイル
rpt-pages = ページ数
rpt-pages-value = { $pages } ページ
rpt-size = サイズ
rpt-size-value = { $size }（{ $bytes } バイト）
rpt-fingerprint = フィンガープリント
rpt-fingerprint-explain = このフィンガープリントは報告書の末尾（データの指紋）にも記載されます。控えておけば、後日このPDFが記録と一致するかを照合できます。

## 設定 (settings)

set-heading = 設定
set-loading = 読み込んでいます…
set-lang-heading = 表示言語
set-lang-hint = 選んだ言語は次回の起動時にも使われます。報告書の言語は報告書の作成時の表示言語です。
set-data-heading = データフォルダ
set-data-dir = フォルダ
set-database = データベース
set-schema = スキーマの版
set-data-hint = 別のフォルダを選ぶと、そこにあるデータを開きます（空のフォルダなら新しく作ります）。今のフォルダのデータはそのまま残ります。
set-data-change = 変更…
set-data-dialog-title = データフォルダを選択
set-data-changed = データフォルダを切り替えました。

set-backup-heading = バックアップ
set-backup-hint = データベースとすべての証跡ファイルを、選んだフォルダの中の新しいフォルダにコピーします。
set-backup = バックアップ先を選んで実行…
set-backup-running = バックアップしています…
set-backup-dialog-title = バックアップを作るフォルダを選択
set-backup-done = バックアップを作成しました。
set-backup-summary = 証跡ファイル { $files } 件、合計 { $size }

set-restore-heading = 復元
set-restore-hint = バックアップのフォルダからデータを復元します。内容は復元前に検証されます。
set-restore = バックアップを選んで復元…
set-restore-dialog-title = 復元するバックアップのフォルダを選択
set-restore-confirm-title = 現在のデータがバックアップの内容に置き換わります。
set-restore-confirm-from = 復元元：
set-restore-confirm-body = 今使っているデータベースは削除されず、同じフォルダに tenken.db.before-restore-（日時）という名前で残ります。復元してよろしいですか。
set-restore-confirm-yes = 置き換えて復元する
set-restore-confirm-no = やめる
set-restore-running = 復元しています…
set-restore-done = 復元しました。
set-restore-kept = 以前のデータベースの保存先：
set-restore-nothing-kept = このフォルダには以前のデータベースがなかったため、退避したものはありません。

## Dates (和暦 input, report screen)
date-placeholder = 例: 令和8年10月1日、R8.10.1
date-invalid = 「{ $text }」は日付として読めません。「令和8年10月1日」「R8.10.1」「2026-10-01」のように入力してください。
date-required = 日付を入力してください。
draft-restored = 前回保存されなかった入力を復元しました。内容を確かめて保存してください。
front-heading = 報告書の記載事項
front-addressee = 宛先
front-addressee-help = 表紙に「御中」を付けて印刷されます（例: 東雲市情報セキュリティ委員会）。
front-auditors = 作成者（監査人）
front-auditors-help = 1行に1人。表紙と監査の概要に印刷されます。
front-period = 監査期間
front-period-start = 開始日
front-period-end = 終了日
front-period-order = 終了日が開始日より前になっています。
front-summary = 総評
front-save = 記載事項を保存
front-saved = 保存しました
gaps-heading = 報告書にまだ入力されていない項目があります
gaps-none = 報告書に必要な項目はすべて入力済みです
rpt-interviews = ヒアリング（実施日・場所・対応者・担当監査人）
rpt-interviews-none = ヒアリングの記録はまだありません。
rpt-interviews-edit = ヒアリング画面で記録・修正する
iv-held-on = 実施日
iv-place = 場所
iv-attendees = 対応者
iv-auditor = 担当監査人
remarks-heading = 良好事項・特記事項
remarks-none = まだ登録されていません。
remark-kind = 種類
remark-department = 部門
remark-whole = 全体
remark-text = 内容
remark-add = 追加
remark-edit = 編集
remark-save = 保存
remark-cancel = やめる
remark-text-required = 内容を入力してください。
remove = 削除
remove-label = { $name } を削除
remove-confirm = 「{ $name }」を削除しますか？
remove-evidence = 削除
remove-evidence-label = { $name } を削除
remove-evidence-confirm = 「{ $name }」を削除しますか？項目・指摘事項への紐付けも外れます（発行済みの確定版報告書に記載された証跡は削除できません）。
remove-evidence-yes = 削除する
remove-yes = 削除する
remove-no = やめる
ev-unlink-name = 紐付け（{ $link }）
rpt-export-as = 保存先を選んで作成…
rpt-save-title = 報告書の保存先
unlink = 外す
unlink-label = { $name } を外す
unlink-confirm = { $name } を外しますか？（証跡そのものは残ります）
unlink-yes = 外す
unscope = 対象から外す
unscope-label = { $name } を対象から外す
unscope-confirm = 「{ $name }」をこの点検・監査の対象から外しますか？
unscope-yes = 外す

## Issuing: final versions, notices per department
rpt-final = 確定版として発行する（第N版として記録。チェックしないと「案」の透かし入りの草案）
issue-draft = 案（草案）
issue-version = 第{ $version }版
notice-heading = 部署ごとの監査結果通知
notice-lead = 部署ごとに、その部署の結果と指摘事項、改善計画の提出依頼を記した通知（PDF）を作成します。保存先のフォルダを選んでください（データフォルダの中には保存できません）。同じ名前のファイルがあるときは「(2)」を付けた名前で保存します。
notice-department = 対象
notice-all = すべての部署
notice-export = フォルダを選んで通知を作成…
notice-folder-title = 通知の保存先フォルダ
notice-done = { $count } 件の通知を { $folder } に保存しました。
issues-heading = 発行済みの確定版
issues-none = 確定版はまだ発行していません。
issues-document = 文書
issues-version = 版
issues-at = 発行日時（UTC）
issues-by = 発行者
issues-committee = 監査報告書（委員会向け）
issues-notice = 監査結果通知（{ $department }）
## About (設定の中の「このアプリについて」)
about-heading = このアプリについて
about-version = 版
about-build-date = ビルド日
about-data-dir = データフォルダ
about-log-dir = ログフォルダ
about-log-hint = ログには操作の種類・件数・所要時間・エラーの種類だけを記録します。回答・メモ・指摘・証跡の内容は記録しません。問い合わせの際に担当者へ渡してください。
about-diagnostics = 診断情報
about-copy = 診断情報をコピー
about-copied = コピーしました
about-copy-failed = コピーできませんでした。上の枠の文字を選んでコピーしてください。
about-licences = ライセンス
about-ipa-licence = IPAexゴシック（報告書のフォント）: IPAフォントライセンスv1.0
about-third-party = 使用している第三者ソフトウェアの一覧
about-third-party-missing = 一覧はインストール版に含まれています（開発用のビルドにはありません）。

## Settings: lock
set-lock-heading = 暗号化と自動ロック
set-lock-encrypted = この点検データは暗号化されています。
set-autolock = 操作がないときに自動でロックするまでの時間
set-autolock-never = ロックしない
set-autolock-minutes = { $n } 分
set-autolock-saved = 保存しました。
set-lock-hint = ロックすると点検データが閉じられ、パスフレーズを入力するまで表示されません。書きかけの内容は残ります。
set-pass-heading = パスフレーズの変更
set-pass-old = 現在のパスフレーズ
set-pass-new = 新しいパスフレーズ
set-pass-new2 = 新しいパスフレーズ（確認のためもう一度）
set-pass-mismatch = 新しいパスフレーズが2回の入力で一致しません。
set-pass-change = パスフレーズを変更
set-pass-changed = パスフレーズを変更しました。次回からは新しいパスフレーズでロックを解除します。
