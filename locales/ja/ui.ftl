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
start-empty-body = 新しい年度の点検・監査を作成すると、ここに一覧で表示されます。試しに使う場合は、コマンド「tenken demo」でデモデータを作成できます。
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
fiscal-year = { $label }

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
