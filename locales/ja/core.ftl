# tenken core: domain labels and error messages (Japanese, default)

kind-self-inspection = 自己点検
kind-internal-audit = 内部監査
kind-external-audit = 外部監査

scale-audit = 監査評価（○△×－）
scale-self-inspection = 自己点検回答（実施している／一部／実施していない／わからない／該当なし）

scheme-four-level = 4区分（重大な不適合／軽微な不適合／観察事項／推奨事項）
scheme-two-level = 2区分（指摘／意見）

rating-audit-conform = ○ 適合
rating-audit-partial = △ 一部不適合
rating-audit-nonconform = × 不適合
rating-audit-na = － 対象外
rating-audit-unrated = 未評価
rating-self-inspection-implemented = 実施している
rating-self-inspection-partial = 一部実施している
rating-self-inspection-not-implemented = 実施していない
rating-self-inspection-unknown = わからない
rating-self-inspection-not-applicable = 該当なし

class-major = 重大な不適合
class-minor = 軽微な不適合
class-observation = 観察事項
class-recommendation = 推奨事項
class-finding = 指摘
class-opinion = 意見

priority-high = 高
priority-medium = 中
priority-low = 低

status-open = 未対応
status-in-progress = 対応中
status-done = 完了
status-continued = 継続

evidence-kind-file = ファイル
evidence-kind-paper = 紙文書
evidence-kind-observation = 観察記録

remark-good = 良好事項
remark-notable = 特記事項

method-interview = ヒアリング
method-document = 文書確認
method-onsite = 現地確認
method-technical = 技術的検証

tier-executive = CISO・統括情報セキュリティ責任者
tier-manager = 情報セキュリティ責任者・管理者
tier-system-admin = 情報システム管理者・担当者
tier-staff = 職員等

error-data-dir-not-writable = データフォルダ { $path } に書き込めません（{ $reason }）。書き込み可能なフォルダを --data-dir または TENKEN_DATA_DIR で指定してください。
error-not-a-database = { $path } は tenken のデータベース（SQLite）ではありません。ファイルを確認してください。何も変更していません。
error-schema-too-new = { $path } は新しい版の tenken で作成されています（スキーマ { $found }、この版が扱えるのは { $supported } まで）。tenken を更新してから開いてください。何も変更していません。
error-unknown-organisation = 団体「{ $id }」が見つかりません。
error-unknown-assessment = 点検・監査「{ $id }」が見つかりません。
error-unknown-department = 部署「{ $department }」は点検・監査 { $assessment } の対象部署にありません。
error-unknown-item = 項目「{ $item }」は点検・監査 { $assessment } のチェックリストにありません。
error-out-of-scope = 項目 { $item } は部署「{ $department }」の点検範囲外です（対象外の評価とは別で、この部署には質問しない項目です）。評価を記録するには、先に範囲に含めてください（tenken scope set）。何も変更していません。
error-unknown-interview = ヒアリング記録 { $id } が見つかりません。
error-unknown-finding = 指摘事項 { $id } が見つかりません。
error-unknown-evidence = 証跡 { $id } が見つかりません。
error-unknown-policy = ポリシー文書 { $id } が見つかりません。
error-unknown-checklist = チェックリスト「{ $id }」が見つかりません。
error-rating-not-in-scale = 部署「{ $department }」項目 { $item }: 評価「{ $rating }」は尺度「{ $scale }」にありません。選択肢: { $choices }
error-unknown-classification = 区分「{ $value }」は「{ $scheme }」にありません。選択肢: { $choices }
error-invalid = { $field } の値「{ $value }」が正しくありません（{ $expected }）。
error-already-exists = { $what }「{ $name }」は既に登録されています。
error-evidence-missing = 証跡ファイル { $path } が見つかりません。何も登録していません。
error-evidence-unreadable = 証跡ファイル { $path } を読み取れません（{ $reason }）。何も登録していません。
error-checklist-invalid = チェックリストに誤りがあります:
    { $problems }
error-policy-unreadable = ポリシー文書 { $file } を読み取れません: { $reason }
error-policy-binary = ポリシー文書 { $file } はテキストではありません（{ $reason }）。何も登録していません。
error-policy-unsupported-format = ポリシー文書 { $file } は読めない形式です（{ $reason }）。PDF・Word (.docx)・HTML・テキストのいずれかで保存し直してください。
error-policy-damaged = ポリシー文書 { $file } が壊れているため読めません（{ $reason }）。何も登録していません。
error-policy-too-large = ポリシー文書 { $file } は大きすぎます（{ $reason }）。何も登録していません。
error-policy-no-text-layer = ポリシー文書 { $file } は文字データのない PDF です（スキャン画像など）。テキストか Word で保存したもの、または例規集のページに表示される本文を使ってください。
error-policy-undecodable-pdf = ポリシー文書 { $file } の PDF の文字を読み取れません（{ $reason }）。テキストか Word で保存したもの、または例規集のページに表示される本文を使ってください。
error-policy-encrypted-pdf = ポリシー文書 { $file } はパスワードで保護された PDF です。保護を解除して保存し直すか、テキスト・Word で保存したものを使ってください。
error-policy-timeout = ポリシー文書 { $file } の読み取りが時間内に終わりませんでした（{ $reason }）。何も登録していません。
error-policy-empty = ポリシー文書 { $file } は空です（空白しかありません）。何も登録していません。
error-policy-no-structure = ポリシー文書 { $file } には番号の付いた条項（第1条、1.、(1) など）がありません。ポリシー以外の文書か、別のファイルではありませんか。それでも登録する場合は --force を付けてください。
error-policy-not-a-file = { $path } は通常のファイルではありません（フォルダ・名前付きパイプ・デバイスなど）。ポリシー文書のファイルを指定してください。
error-policy-in-use = ポリシー文書 { $id } は点検・監査 { $assessments } で使われているため削除できません。
error-store-not-empty = データフォルダ { $path } には既にデータがあります。デモデータは空のデータフォルダにのみ作成します。
error-package-passphrase-required = チーム用パッケージ { $path } は暗号化されます（暗号化したデータが書くパッケージは暗号化されます）。チームで決めたパッケージのパスフレーズを指定してください（環境変数 TENKEN_PACKAGE_PASSPHRASE、--package-passphrase-file、または端末での入力）。何も変更していません。
error-wrong-package-passphrase = パッケージのパスフレーズが違います（{ $path }）。何も変更していません。
error-team-package-invalid = チーム用パッケージ { $path } は使用できません（改ざんまたは途中で切れている可能性があります）: { $reason } 何も変更していません。
error-team-package-foreign = チーム用パッケージ { $path } はこのデータ向けではありません: { $reason } 何も変更していません。
error-team-package-too-new = チーム用パッケージ { $path } は新しい版の tenken で作成されています（スキーマ { $found }、この版が扱えるのは { $supported } まで）。tenken を更新してください。何も変更していません。
error-team-package-wrong-kind = チーム用パッケージ { $path } は「{ $found }」用です（ここで使えるのは「{ $expected }」用）。share は join で、return は merge で読み込んでください。何も変更していません。
error-team-join-conflict = 点検・監査 { $assessment } には、まだ返却していない作業のうち { $count } 件が監査責任者の変更と重なっています。先に team return で返却し、統合後に配布されたパッケージを読み込んでください。何も変更していません。
error-team-not-joined = 点検・監査 { $id } はチーム用パッケージから読み込まれていません（team join を先に行ってください）。
error-unknown-conflict = 競合 { $id } が見つかりません。
error-conflict-resolved = 競合 { $id } は既に解決済みです。
error-backup-invalid = バックアップ { $path } は使用できません: { $reason }
error-output-inside-data-dir = { $path } はデータフォルダ（{ $data_dir }）の中です。記録を失わないよう、データフォルダの外に保存してください。何も書き込んでいません。
error-output-exists = { $path } は既にあります。置き換える場合は --force を付けてください（画面では上書きの確認に「はい」）。何も書き込んでいません。
error-text-too-long = { $field } が長すぎます（{ $length } 文字。上限は { $limit } 文字）。何も変更していません。
error-control-character = { $field } の { $position } 文字目に制御文字（{ $code }）があります。制御文字は記録できません。何も変更していません。
error-rating-blank = 部署「{ $department }」項目 { $item }: 評価が空です。評価を消す場合は --clear を付けてください（画面では「未評価に戻す」）。何も変更していません。
error-file-changed = { $path } は読み取り中に変更されました（大きさまたは更新日時が変わりました）。書き込みが終わってからもう一度追加してください。何も登録していません。
error-disk-full = ディスクの空きがありません（{ $path }）。空きを作ってからもう一度実行してください。途中のファイルは残していません。
error-io = { $path }: { $reason }
error-database = データベースのエラー: { $reason }
error-json = JSON を読み取れません: { $reason }
error-in-use = { $key ->
    [issued-report] { $what }「{ $name }」は発行済みの確定版報告書 { $count } 件に記載されているため削除できません（報告書と記録の一致を保つため）。
   *[other] { $what }「{ $name }」は削除できません。{ $blocker }が { $count } 件あります。先にそちらを削除するか、紐付けを外してください。
}
entity-organisation = 団体
entity-assessment = 点検・監査
entity-department = 部門
entity-finding = 指摘事項
entity-evidence = 証跡
entity-evidence-link = 証跡の紐付け
entity-issued-report = 発行済みの報告書
entity-team-record = チーム作業の記録（配布・参加・統合）
entity-answer = 記録済みの評価・メモ
entity-interview = ヒアリング記録
entity-remark = 良好事項・特記事項
entity-auditor = 監査人

checklist-syntax = TOML の書式エラー: { $what }
checklist-bad-id = id「{ $id }」は使えません（{ $pattern } の形式）
checklist-duplicate-id = 項目 id「{ $id }」が重複しています
checklist-duplicate-checklist = チェックリスト id「{ $id }」は別のファイルでも使われています
checklist-bad-section = 項目 { $item }: section「{ $value }」は対策基準の章・節番号（1〜9、例 "4.2"）ではありません
checklist-bad-value = 項目 { $item }: { $field } の値「{ $value }」は使えません（選択肢: { $allowed }）
checklist-empty-text = 項目 { $item }: { $field } が空です
checklist-empty-list = 項目 { $item }: { $field } に値がありません
checklist-look-at-mismatch = 項目 { $item }: look_at の ja（{ $ja } 件）と en（{ $en } 件）の件数が違います
checklist-no-items = 項目（[[items]]）が一つもありません
checklist-not-utf8 = UTF-8 のテキストではありません

## ポリシーの項目（topic）

topic-purpose = 目的
topic-definitions = 定義
topic-threats = 対象とする脅威
topic-scope = 適用範囲
topic-obligations = 職員等の遵守義務
topic-measures = 情報セキュリティ対策
topic-organization = 組織体制
topic-asset-classification = 情報資産の分類と管理
topic-resilience = 強靱性の向上
topic-physical = 物理的セキュリティ
topic-human = 人的セキュリティ
topic-technical = 技術的セキュリティ
topic-operations = 運用
topic-outsourcing = 業務委託と外部サービスの利用
topic-evaluation = 評価・見直し
topic-audit = 監査及び自己点検
topic-review = ポリシーの見直し
topic-standards = 対策基準の策定
topic-procedures = 実施手順の策定

## What the report would print empty (report screen)
gap-summary = 総評が未入力です。
gap-period = 監査期間（開始日・終了日）が未入力です。
gap-addressee = 宛先（報告書の表紙に「御中」を付けて印刷されます）が未入力です。
gap-auditors = 作成者（監査人）が未入力です。
gap-interview = 部門「{ $department }」のヒアリング記録がありません。
gap-interview-details = 部門「{ $department }」のヒアリング（{ $date }）の場所・対応者・担当監査人のいずれかが未入力です。
gap-unrated = 未評価の項目が { $count } 件あります。
scope-role-management = 全庁の管理部門
scope-role-systems = 情報システム所管課
scope-role-general = 一般の課
scope-role-none = 役割未設定（全項目）
scope-in = 範囲内
scope-out = 範囲外
scope-by-item = この部署で個別に指定
scope-by-rule = 役割の規則による
scope-by-no-role = 役割未設定のため全項目
error-passphrase-required = { $path } のデータは暗号化されています。パスフレーズを指定してください（環境変数 TENKEN_PASSPHRASE、--passphrase-file、または端末での入力）。何も変更していません。
error-wrong-passphrase = パスフレーズが違います（{ $path }）。何も変更していません。
error-wrong-recovery-key = 回復キーが違うか、入力に誤りがあります（{ $path }）。何も変更していません。
error-keys-file-invalid = 鍵ファイル { $path } が壊れているか変更されています（{ $reason }）。バックアップから戻すか回復キーを確認してください。何も変更していません。
error-passphrase-too-short = 新しいパスフレーズが短すぎます（{ $min } 文字以上にしてください）。何も変更していません。
error-passphrase-mismatch = 2 回入力した新しいパスフレーズが一致しません。何も変更していません。
error-already-encrypted = { $path } のデータはすでに暗号化されています。何も変更していません。
error-not-encrypted = { $path } のデータは暗号化されていません。何も変更していません。

# The text file the window saves the recovery key in (Settings → encryption on).
recovery-key-file =
    tenken 点検 — 回復キー

    回復キー: { $key }

    対象のデータフォルダ: { $folder }
    作成日: { $date }

    パスフレーズを忘れたときに、この回復キーで新しいパスフレーズを設定できます。
    回復キーを持つ人は点検データを開くことができます。この用紙は施錠できる場所に保管し、
    ノートパソコンと一緒に持ち歩かないでください。
