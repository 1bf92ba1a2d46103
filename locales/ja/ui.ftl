# tenken 点検 — 画面の文言（日本語・既定）
# 各メッセージの ID は locales/en/ui.ftl と一致させること（ui のテストで検査）。
# 数値・年は UI 側で整形済みの文字列として渡す（Fluent の NUMBER は桁区切りをしないため）。

## アプリ全体

app-title = tenken 点検
app-subtitle = 情報セキュリティ自己点検・監査
app-loading = 読み込んでいます…
skip-to-main = 本文へ移動

## 表示言語の切り替え

language-switch-label = 表示言語
language-ja = 日本語
language-en = English

## スタート画面

start-heading = 点検・監査の一覧
start-summary = { $organisations } 団体・{ $assessments } 件の点検・監査
start-empty-title = 点検・監査はまだ登録されていません
start-empty-body = まず下の欄で団体を登録し、その団体の情報セキュリティポリシーを取り込んでから、年度の点検・監査を作成してください。
organisation-assessment-count = 点検・監査 { $count } 件
organisation-no-assessments = この団体の点検・監査はまだありません。

## 点検・監査の一覧表

assessment-table-caption = { $organisation }の点検・監査
column-fiscal-year = 年度
column-kind = 種別
column-title = 名称
column-departments = 対象部門
column-progress = 回答状況

# $label は core が返す和暦の年度表記（例: 令和8年度）、$year は西暦の年度（例: 2026）
fiscal-year = { $label }（{ $year }年度）

kind-self_inspection = 自己点検
kind-internal_audit = 内部監査
kind-external_audit = 外部監査
kind-unknown = 不明な種別

assessment-departments = { $count } 部門
assessment-progress = { $answered } / { $total } 項目 回答済み（{ $percent }%）
assessment-progress-label = { $title }の回答状況

## エラー

error-heading = データを読み込めませんでした
error-code = エラーコード: { $code }
error-retry = 再読み込み

## 画面の切り替え

nav-settings = 設定
assessment-tabs = 点検・監査の画面
tab-dashboard = ダッシュボード
tab-scope = 点検範囲
tab-interview = ヒアリング
tab-evidence = 証跡
tab-findings = 指摘事項
tab-report = 報告書

## スタート画面の操作

organisation-policy = ポリシー
organisation-new-assessment = 新しい点検・監査
organisation-add-label = 団体名（例: 〇〇市）
organisation-add = 団体を登録

## ネットワークの区分

segment-mynumber = マイナンバー利用事務系
segment-lgwan = LGWAN接続系
segment-internet = インターネット接続系
segment-independent = 独自系ネットワーク

## ポリシー

policy-heading = { $organisation }の情報セキュリティポリシー
policy-to-checklist = チェックリストの作成へ
policy-documents = 取り込んだ文書
policy-none = まだ文書がありません。基本方針（必要に応じて対策基準も）のテキストファイルを取り込んでください。
policy-kind-basic = 基本方針
policy-kind-standards = 対策基準
policy-sections = { $count } 条項
policy-drop = ポリシーのファイル（PDF・Word (.docx)・例規集などの HTML・テキスト）をこの画面にドラッグ＆ドロップするか、ファイルを選択してください。文字コード（UTF-8・Shift_JIS・UTF-16）も形式も中身から判定します。
policy-pick = ファイルを選択…
policy-pick-title = 取り込むポリシー文書
policy-file-filter = ポリシー文書（PDF・Word・HTML・テキスト）
policy-importing = 取り込んでいます…
policy-kind = 文書の種類
policy-encoding = 文字コード
policy-segments = 定義されている区分
policy-segments-none = （見つかりません）
policy-warnings = 構成を読み取れなかった箇所 { $count } 件
policy-structure = 条項の構成
policy-original = 原文
policy-topics = 項目の対応（どの条項が何を定めているか）
policy-topics-help = チェックリストの各項目は、ここで対応付けた条項を根拠として引用します。誤りがあれば正しい条項を選んでください。修正は同じ文書を取り込み直しても保たれます。
policy-topic = 項目
policy-topic-citation = 該当する条項
policy-topic-correct = 修正
policy-topic-missing = （この文書にはない）
policy-topic-corrected = 手動で修正
policy-topic-absent = この文書にはない
policy-topic-select = 「{ $topic }」に該当する条項
policy-changes-heading = 前回取り込んだ文書との違い
policy-changes-same = 前回と同じ文書です（本文に変更はありません）。
policy-changes-none = 条項の構成に変更はありません。
policy-changes-added = 追加された条項 { $count } 件
policy-changes-removed = 削除された条項 { $count } 件
policy-changes-changed = 内容が変わった条項 { $count } 件
policy-changes-topics = 対応先が変わった項目 { $count } 件
policy-changes-segments = 定義されている区分: { $before } → { $after }

## チェックリスト

checklist-heading = { $organisation }のチェックリスト作成
checklist-to-policy = ポリシーへ戻る
checklist-derive-heading = 導出の条件
checklist-bank = チェックリスト
checklist-item-count = { $count } 項目
checklist-policy = 基本方針
checklist-no-policy = 使わない（モデルの節番号を引用）
checklist-standards = 対策基準
checklist-no-standards = 使わない
checklist-network-model = ネットワークの分離モデル
checklist-network-unknown = 指定しない
checklist-cloud = クラウドサービスを利用している
checklist-social = ソーシャルメディアを利用している
checklist-result-heading = 導出の結果
checklist-counts = 採用 { $kept } 項目・除外 { $left } 項目
checklist-segments = 区分: { $segments }
checklist-kept = 採用した項目（{ $count }）
checklist-left-out = 除外した項目と理由（{ $count }）
checklist-coverage = 網羅性の確認（項目のない条項 { $sections } 件・ポリシーにない項目 { $topics } 件）
checklist-uncovered = { $citation } { $title }: この条項を確認する項目がありません
checklist-topic-missing = 「{ $topic }」はこのポリシーに見当たりません
checklist-citation = 根拠条項
checklist-question = 確認内容
checklist-without-policy = ポリシーを使わずに { $count } 項目をそのまま使います。
checklist-freeze-heading = 点検・監査として確定
checklist-freeze-help = この内容でチェックリストを確定し、新しい点検・監査を作成します。確定後にポリシーや項目集を変更しても、この点検・監査の項目は変わりません。
checklist-fiscal-year = 年度（西暦）
checklist-kind = 種別
checklist-title = 名称
checklist-default-title = 情報セキュリティ{ $kind }
checklist-classification = 指摘の区分
checklist-auditors = 監査人（読点区切り）
checklist-departments = 対象部門（1行に1部門）
checklist-departments-count = { $count } 部門
checklist-departments-duplicates = 重複を除きました: { $names }
checklist-create = 作成する

## ダッシュボード

dashboard-answered = 回答済み
dashboard-answered-detail = { $answered } / { $total } 項目
dashboard-score = 適合度
dashboard-worst = 不適合・未実施 { $count } 件
dashboard-open-findings = 未完了の指摘事項
dashboard-evidence = 証跡 { $count } 件
dashboard-heat-heading = 部門 × 対策分野
dashboard-heat-legend = 各欄: 回答済み/項目数、適合度（最良の評価を100%とした割合）、×は不適合・未実施の件数。部門名を選ぶとその部門のヒアリングを開きます。
dashboard-department = 部門
dashboard-total = 合計
dashboard-row-findings = 指摘 { $count } 件
dashboard-todo = 残っている作業
dashboard-todo-interview = { $department }: ヒアリングの記録がありません
dashboard-todo-required = { $department }: 必須項目 { $count } 件が未評価です
dashboard-todo-none = 残っている作業はありません。
dashboard-no-open-findings = 未完了の指摘事項はありません。
dashboard-clause = 根拠条項
dashboard-fact = 事実
dashboard-status = 状況
dashboard-all-findings = すべての指摘事項（{ $count } 件）を表示

## ヒアリング

interview-department = 部門
interview-progress = { $rated } / { $total } 項目を評価済み
interview-auto-advance = 評価したら次の項目へ進む
interview-keys = キー操作: 1〜{ $max } 評価、0 未評価に戻す、↑↓ または j / k 移動、n または Enter メモ、Esc 一覧に戻る、f 指摘事項を起票、Ctrl+Z 評価の取り消し（キーは一覧を選択しているときに有効）
interview-save-saved = 保存済み
interview-save-pending = 入力中…
interview-save-saving = 保存しています…
interview-save-failed = 保存できませんでした
interview-previous = 前年度の未完了の指摘事項（{ $count } 件）
interview-items = 確認項目
interview-rating = 評価
interview-has-note = メモあり
interview-required = 必須
interview-look-at = 確認資料の例:
interview-methods = 確認方法:
interview-note = メモ
interview-raise = 指摘事項を起票
interview-raise-heading = 項目 { $item } から指摘事項を起票
interview-findings-here = この項目の指摘: No.{ $numbers }
interview-evidence-here = 証跡 { $count } 件
interview-record = 面談記録
interview-held-on = 実施日: { $date }
interview-record-notes = 面談全体のメモ
interview-start = 面談を記録する
interview-pick = 面談
interview-nth = { $n } 回目（{ $date }）
interview-start-another = 別の面談を記録する
rating-unrated = 未評価

## Excel 回収

tab-sheets = Excel 回収
sheets-heading = Excel による回答の配布と回収
sheets-out-heading = 回答用シートの作成
sheets-out-help = 対象の { $count } 部門それぞれに、確定したチェックリストの回答用 Excel ファイルを作成します。評価欄は選択肢から選ぶ形式で、回答欄以外は保護されています。
sheets-generate = 回答用シートを作成
sheets-open-folder = 保存先フォルダを開く
sheets-written = { $count } 件のファイルを作成しました。
sheets-in-heading = 記入済みシートの取り込み
sheets-conflict-legend = 部門の回答と、シート配布後に tenken で変更した回答が食い違うとき
sheets-conflict-refuse = そのファイルを取り込まず、食い違いを一覧にする（推奨）
sheets-conflict-tenken = tenken の値を残し、ほかの回答を取り込む
sheets-conflict-sheet = シートの値で上書きする
sheets-drop = 記入済みの .xlsx ファイルをこの画面にドロップするか、ファイルを選択してください。ファイルごとに、すべての回答を取り込むか、何も取り込まないかのどちらかです。
sheets-pick = ファイルを選択…
sheets-pick-title = 取り込む回答シート
sheets-working = 処理しています…
sheets-status-imported = 取り込み済み
sheets-status-unchanged = 変更なし
sheets-status-refused = 取り込めませんでした

## Interview: record details, undo, keys
interview-single-keys = 1文字キーで操作する
interview-keys-off = 1文字キーの操作は切っています: ↑↓ で移動、Enter でメモ、Ctrl+Z で評価を取り消し。評価はボタンで入力します。
interview-at-end = 以降の項目はすべて評価済みです。次の評価は選択中の項目に入ります。
iv-new-heading = 新しい面談の記録
iv-edit-heading = 面談記録の修正
iv-edit = 実施日・場所などを修正
iv-save = 保存
iv-name = { $date } の面談記録
column-actions = 操作
dashboard-scope = 対象部門
dashboard-scope-help = 記録のない部門（誤って追加した部門）は対象から外せます。評価・メモ・指摘事項・面談記録がある部門は外せません。

## Policy parse warnings (stored in Japanese, shown in the UI language)
pw-out-of-order = { $line }行目: 「{ $label }」は直前の「{ $previous }」より前の番号のため、本文として扱いました
pw-gap = { $line }行目: 番号が連続していません（「{ $previous }」の次が「{ $label }」）
pw-no-parent = { $line }行目: 「{ $label }」の上位の項目（{ $parent }）が見つかりません
pw-more = { $line }行目: ほかに { $count } 件の警告を省略しました
sheets-refused = { $names } は Excel の回答シート（.xlsx）ではないため、取り込みませんでした。
organisation-name-required = 団体名を入力してください。

iv-filter-label = 項目の検索と絞り込み
iv-search = 項目を検索（質問文・項目ID・条項）
iv-search-placeholder = 検索: 質問文・ID・第8条…
iv-filter-unrated = 未評価
iv-filter-required = 必須のみ
iv-filter-problems = △・× のみ
iv-filter-note = メモあり
iv-filter-finding = 指摘あり
iv-jump-area = 分野へ移動…
iv-shown = { $shown } / { $total } 項目を表示
iv-previous-year = 前回:
checklist-scroll-label = 一覧（スクロールできます）
policy-text-scroll = 原文（スクロールできます）
error-heading-action = 保存・実行できませんでした

## Scope per department
scope-heading = 部署ごとの点検範囲
scope-intro = 部署ごとに、質問する項目を決めます。範囲外の項目はその部署に質問せず、件数・進捗・Excel の回答シート・報告書に含めません。これは評価「－ 対象外」とは別のものです（対象外は、質問したうえで「当てはまらない」と判定した結果です）。役割を設定していない部署には全項目を質問します。
scope-role = 役割
scope-role-of = { $department } の役割
scope-in-count = 範囲内の項目
scope-out-count = 範囲外の項目
scope-items = 項目ごとの指定
scope-show-items = 項目を見る（個別指定 { $count } 件）
scope-hidden-answers = 範囲外の項目に記録済みの回答 { $count } 件（保存したまま、集計しません）
scope-hidden-answer = 回答が保存されています（範囲外のため集計しません）
scope-rules-heading = 役割ごとの規則（回答者の区分 × 部署の役割）
scope-rules-intro = チェックを付けた組み合わせの項目を、その役割の部署に質問します。変えた規則はこの点検・監査だけに適用されます。
scope-tier = 回答者の区分
scope-changed = （変更）
scope-items-heading = { $department } に質問する項目
scope-back-to-rule = 規則に戻す
scope-saved = 点検範囲を保存しました
interview-out-of-scope = この部署の点検範囲外の { $count } 項目は表示していません（質問しない項目で、評価「対象外」とは別です。「点検範囲」タブで変更できます）。

## Year comparison on the dashboard
yoy-heading = 前年度との比較
yoy-intro = 「{ $title }」との比較です。両年度に共通する { $common } 項目（今年度 { $now } 項目、前年度 { $before } 項目）と、両年度の対象の { $departments } 部署で比べています。評価が上がった回答 { $improved } 件、下がった回答 { $worsened } 件。割合は、判定した項目のうち最もよい評価（○ など）の割合です。
yoy-by-area = 対策分野
yoy-by-department = 部署
yoy-before = 前年度
yoy-now = 今年度
yoy-delta = 差
yoy-chart = 前年度（灰）と今年度（青）の棒グラフ
yoy-findings = 指摘事項の区分

## Unlock (encrypted store)
lock-now = 今すぐロック
unlock-heading = 点検データはロックされています
unlock-intro = このデータフォルダの点検データは暗号化されています。パスフレーズを入力するとロックが解除されます。
unlock-passphrase = パスフレーズ
unlock-submit = ロックを解除
unlock-busy = 確認中…
unlock-caps-on = Caps Lock がオンになっています。
unlock-folder = データフォルダ：
unlock-wrong = パスフレーズが違います。もう一度入力してください（データは変更していません）。
unlock-auto-locked = しばらく操作がなかったため、自動でロックしました。書きかけの内容は残っています。
unlock-hint = パスフレーズを忘れた場合は、暗号化したときに控えた回復キーで新しいパスフレーズを設定できます。
unlock-forgot = 回復キーで新しいパスフレーズを設定する
unlock-remember = このコンピューターに記憶する
unlock-remember-hint = 次回の起動時にパスフレーズを入力せずに開きます（OS の資格情報の保管場所を使います）。共用のパソコンでは使わないでください。
unlock-keychain-notice = このコンピューターの資格情報の保管場所を使えませんでした（{ $reason }）。パスフレーズを入力してください。
recover-heading = 回復キーでパスフレーズを設定し直す
recover-intro = 暗号化したときに表示された回復キーと、新しいパスフレーズを入力してください。回復キーが正しければ、新しいパスフレーズが設定され、点検データが開きます。
recover-key = 回復キー
recover-submit = 新しいパスフレーズを設定して開く
recover-cancel = 戻る
