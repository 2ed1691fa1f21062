<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About HubDesk</source>
        <translation>HubDesk について</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>バージョン %1</translation>
    </message>
    <message>
        <source>Curate customer contacts offline: a fast contact list, profiles, import, export and duplicate merging.</source>
        <translation>顧客の連絡先をオフラインで管理：高速な連絡先リスト、プロフィール、インポート、エクスポート、重複の統合。</translation>
    </message>
    <message>
        <source>Bundled libraries and their licences</source>
        <translation>同梱ライブラリとライセンス</translation>
    </message>
    <message>
        <source>HubDesk includes these libraries, each under its own licence:</source>
        <translation>HubDesk には次のライブラリが含まれており、それぞれのライセンスに従います：</translation>
    </message>
    <message>
        <source>Open the user guide</source>
        <translation>ユーザーガイドを開く</translation>
    </message>
    <message>
        <source>Copy version details</source>
        <translation>バージョン情報をコピー</translation>
    </message>
    <message>
        <source>For a bug report: HubDesk&apos;s version and what it runs on</source>
        <translation>不具合報告用：HubDesk のバージョンと動作環境</translation>
    </message>
</context>
<context>
    <name>AttributeDefinitionsDialog</name>
    <message>
        <source>Custom attributes</source>
        <translation>カスタム属性</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>追加…</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上へ移動</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下へ移動</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <source>Add attribute</source>
        <translation>属性を追加</translation>
    </message>
    <message>
        <source>Move attribute up</source>
        <translation>属性を上へ移動</translation>
    </message>
    <message>
        <source>Move attribute down</source>
        <translation>属性を下へ移動</translation>
    </message>
    <message>
        <source>Delete attribute</source>
        <translation>属性を削除</translation>
    </message>
    <message>
        <source>Selected attribute</source>
        <translation>選択した属性</translation>
    </message>
    <message>
        <source>Change type…</source>
        <translation>種類を変更…</translation>
    </message>
    <message>
        <source>One option per line</source>
        <translation>1 行に 1 つの選択肢</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>変更を保存</translation>
    </message>
    <message>
        <source>Attribute name</source>
        <translation>属性名</translation>
    </message>
    <message>
        <source>Attribute key</source>
        <translation>属性キー</translation>
    </message>
    <message>
        <source>Attribute type</source>
        <translation>属性の種類</translation>
    </message>
    <message>
        <source>Change attribute type</source>
        <translation>属性の種類を変更</translation>
    </message>
    <message>
        <source>List options</source>
        <translation>リストの選択肢</translation>
    </message>
    <message>
        <source>Save attribute changes</source>
        <translation>属性の変更を保存</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>選択肢</translation>
    </message>
    <message>
        <source>%n contact(s) have a value for it; those values will be deleted too.</source>
        <translation>%n 件の連絡先にこの属性の値があります。それらの値も削除されます。</translation>
    </message>
    <message>
        <source>No contact has a value for it.</source>
        <translation>この属性に値を持つ連絡先はありません。</translation>
    </message>
    <message>
        <source>Delete the attribute “%1”?</source>
        <translation>属性「%1」を削除しますか？</translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>この操作は元に戻せません。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>contact #%1</source>
        <translation>連絡先 #%1</translation>
    </message>
    <message>
        <source>…and %n more</source>
        <translation>…ほか %n 件</translation>
    </message>
    <message>
        <source>%n value(s) cannot become %1</source>
        <translation>%n 件の値を %1 に変換できません</translation>
    </message>
    <message>
        <source>Type not changed</source>
        <translation>種類は変更されませんでした</translation>
    </message>
    <message>
        <source>%n value(s) of “%1” cannot become %2, so nothing was converted.</source>
        <translation>「%1」の %n 件の値を %2 に変換できないため、何も変換しませんでした。</translation>
    </message>
    <message>
        <source>Correct or clear these contacts&apos; values, then try again.</source>
        <translation>これらの連絡先の値を修正するか消去してから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>Change type</source>
        <translation>種類を変更</translation>
    </message>
    <message>
        <source>Change “%1” from %2 to %3?</source>
        <translation>「%1」を %2 から %3 に変更しますか？</translation>
    </message>
    <message>
        <source>Every contact&apos;s value will be converted; all of them can be.</source>
        <translation>すべての連絡先の値が変換されます（すべて変換可能です）。</translation>
    </message>
    <message>
        <source>Convert</source>
        <translation>変換</translation>
    </message>
</context>
<context>
    <name>AttributeRow</name>
    <message>
        <source>Edit %1</source>
        <translation>%1 を編集</translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation>%1 を保存</translation>
    </message>
    <message>
        <source>Cancel editing %1</source>
        <translation>%1 の編集をキャンセル</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <source>Clear %1</source>
        <translation>%1 をクリア</translation>
    </message>
</context>
<context>
    <name>AttributeTableModel</name>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>List (%n options)</source>
        <translation>リスト（選択肢 %n 個）</translation>
    </message>
</context>
<context>
    <name>AttributeTypes</name>
    <message>
        <source>Text</source>
        <translation>テキスト</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>通貨</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>パーセント</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>リンク</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>List</source>
        <translation>リスト</translation>
    </message>
    <message>
        <source>Checkbox</source>
        <translation>チェックボックス</translation>
    </message>
</context>
<context>
    <name>AttributesTab</name>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Custom attributes</source>
        <translation>カスタム属性</translation>
    </message>
    <message>
        <source>No custom attributes yet. Define them in Settings → Custom attributes.</source>
        <translation>カスタム属性はまだありません。「設定」→「カスタム属性」で定義できます。</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>識別子</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>タイムゾーン</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>配信状況</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>最終アクティビティ</translation>
    </message>
    <message>
        <source>Other emails</source>
        <translation>その他のメール</translation>
    </message>
    <message>
        <source>Other phones</source>
        <translation>その他の電話番号</translation>
    </message>
    <message>
        <source>Local time %1</source>
        <translation>現地時刻 %1</translation>
    </message>
</context>
<context>
    <name>BulkEditDialog</name>
    <message>
        <source>Add labels</source>
        <translation>ラベルを追加</translation>
    </message>
    <message>
        <source>Remove labels</source>
        <translation>ラベルを削除</translation>
    </message>
    <message>
        <source>Set a custom attribute</source>
        <translation>カスタム属性を設定</translation>
    </message>
    <message>
        <source>Set subscription status</source>
        <translation>配信状況を設定</translation>
    </message>
    <message>
        <source>Labels, separated by commas</source>
        <translation>ラベル（カンマ区切り）</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>ラベル：</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Leave empty to clear the value</source>
        <translation>空欄にすると値を消去します</translation>
    </message>
    <message>
        <source>Attribute:</source>
        <translation>属性：</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>値：</translation>
    </message>
    <message>
        <source>Subscription status</source>
        <translation>配信状況</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Subscribed</source>
        <translation>配信中</translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation>配信停止</translation>
    </message>
    <message>
        <source>Subscription:</source>
        <translation>配信状況：</translation>
    </message>
    <message>
        <source>Apply to %n contact(s)</source>
        <translation>%n 件の連絡先に適用</translation>
    </message>
    <message>
        <source>%n contact(s) selected.</source>
        <translation>%n 件の連絡先を選択中。</translation>
    </message>
    <message>
        <source>There are no custom attributes yet: define one in Settings → Custom attributes.</source>
        <translation>カスタム属性はまだありません。「設定」→「カスタム属性」で定義してください。</translation>
    </message>
    <message>
        <source>(clear the value)</source>
        <translation>（値を消去）</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>No contacts are selected.</source>
        <translation>連絡先が選択されていません。</translation>
    </message>
</context>
<context>
    <name>BulkRunner</name>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>キャンセルしました。何も変更されていません。</translation>
    </message>
</context>
<context>
    <name>ChangesModel</name>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>Other phone</source>
        <translation>その他の電話番号</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>Other email</source>
        <translation>その他のメール</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>タイムゾーン</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>連絡先</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>現在</translation>
    </message>
    <message>
        <source>After the fix</source>
        <translation>修正後</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
</context>
<context>
    <name>CheckRows</name>
    <message>
        <source>Show</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>確認…</translation>
    </message>
    <message>
        <source>Fix…</source>
        <translation>修正…</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>検出</translation>
    </message>
    <message>
        <source>Look for duplicates now (a big database takes a few seconds)</source>
        <translation>今すぐ重複を探す（大きなデータベースでは数秒かかります）</translation>
    </message>
    <message>
        <source>Looking for duplicates…</source>
        <translation>重複を探しています…</translation>
    </message>
    <message>
        <source>Possible duplicates: not counted yet</source>
        <translation>重複の可能性：未集計</translation>
    </message>
    <message>
        <source>Show: %1</source>
        <translation>表示：%1</translation>
    </message>
</context>
<context>
    <name>ColorPicker</name>
    <message>
        <source>Colour %1</source>
        <translation>色 %1</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>その他…</translation>
    </message>
    <message>
        <source>Choose another colour</source>
        <translation>別の色を選択</translation>
    </message>
    <message>
        <source>Label colour</source>
        <translation>ラベルの色</translation>
    </message>
</context>
<context>
    <name>ConditionGroup</name>
    <message>
        <source>all</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>any</source>
        <translation>いずれか</translation>
    </message>
    <message>
        <source>Match all or any</source>
        <translation>すべて／いずれかに一致</translation>
    </message>
    <message>
        <source>Remove group</source>
        <translation>グループを削除</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>次の条件の</translation>
    </message>
    <message>
        <source>of these:</source>
        <translation>に一致：</translation>
    </message>
    <message>
        <source>+ Add condition</source>
        <translation>＋ 条件を追加</translation>
    </message>
</context>
<context>
    <name>ConditionRow</name>
    <message>
        <source>Operator</source>
        <translation>演算子</translation>
    </message>
    <message>
        <source>Remove this condition</source>
        <translation>この条件を削除</translation>
    </message>
    <message>
        <source>Remove condition</source>
        <translation>条件を削除</translation>
    </message>
    <message>
        <source>Choose a field for every condition.</source>
        <translation>すべての条件で項目を選んでください。</translation>
    </message>
    <message>
        <source>“%1 %2” needs a value.</source>
        <translation>「%1 %2」には値が必要です。</translation>
    </message>
    <message>
        <source>Subscribed</source>
        <translation>配信中</translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation>配信停止</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
</context>
<context>
    <name>ContactActions</name>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>復元</translation>
    </message>
    <message>
        <source>Delete permanently…</source>
        <translation>完全に削除…</translation>
    </message>
    <message>
        <source>Empty Trash…</source>
        <translation>ゴミ箱を空にする…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>やり直し</translation>
    </message>
    <message>
        <source>Add labels…</source>
        <translation>ラベルを追加…</translation>
    </message>
    <message>
        <source>Remove labels…</source>
        <translation>ラベルを削除…</translation>
    </message>
    <message>
        <source>Set custom attribute…</source>
        <translation>カスタム属性を設定…</translation>
    </message>
    <message>
        <source>Set subscription status…</source>
        <translation>配信状況を設定…</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>元に戻す %1</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>やり直し %1</translation>
    </message>
    <message>
        <source> and %n more</source>
        <translation> ほか %n 件</translation>
    </message>
    <message>
        <source>%n contacts: </source>
        <translation>%n 件の連絡先：</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>インポートを元に戻す</translation>
    </message>
    <message>
        <source>Move %1 to Trash? You can undo this or restore it from the Trash.</source>
        <translation>%1 をゴミ箱に移動しますか？元に戻すことも、ゴミ箱から復元することもできます。</translation>
    </message>
    <message>
        <source>Delete %1 permanently? This cannot be undone.</source>
        <translation>%1 を完全に削除しますか？この操作は元に戻せません。</translation>
    </message>
    <message>
        <source>Delete permanently</source>
        <translation>完全に削除</translation>
    </message>
    <message>
        <source>Delete every contact in the Trash permanently? This cannot be undone.</source>
        <translation>ゴミ箱内のすべての連絡先を完全に削除しますか？この操作は元に戻せません。</translation>
    </message>
    <message>
        <source>Empty Trash</source>
        <translation>ゴミ箱を空にする</translation>
    </message>
</context>
<context>
    <name>ContactEditor</name>
    <message>
        <source>Not a valid phone number in %1 — it will be saved as typed</source>
        <translation>%1 の電話番号として正しくありません（入力どおりに保存されます）</translation>
    </message>
    <message>
        <source>Enter a name, an email or a phone number</source>
        <translation>名前、メール、電話番号のいずれかを入力してください</translation>
    </message>
    <message>
        <source>Save contact</source>
        <translation>連絡先を保存</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 を編集</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>連絡先</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>新規連絡先</translation>
    </message>
    <message>
        <source>Choose a country from the list</source>
        <translation>リストから国を選んでください</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>変更を破棄</translation>
    </message>
    <message>
        <source>Discard what you typed in this contact?</source>
        <translation>この連絡先に入力した内容を破棄しますか？</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>破棄</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>保存されませんでした</translation>
    </message>
    <message>
        <source>Someone deleted this contact after you opened it, so your changes were not saved. It may be in the Trash.</source>
        <translation>この連絡先は、開いた後に他のユーザーによって削除されたため、変更は保存されませんでした。ゴミ箱にある可能性があります。</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <source>Person</source>
        <translation>個人</translation>
    </message>
    <message>
        <source>Work and address</source>
        <translation>勤務先・住所</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>First name reading</source>
        <translation>名（よみがな）</translation>
    </message>
    <message>
        <source>Last name reading</source>
        <translation>姓（よみがな）</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>会社名</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>役職</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>番地・建物</translation>
    </message>
    <message>
        <source>City</source>
        <translation>市区町村</translation>
    </message>
    <message>
        <source>State or prefecture</source>
        <translation>都道府県・州</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <source>Reading (optional)</source>
        <translation>よみがな（任意）</translation>
    </message>
    <message>
        <source>Phone region</source>
        <translation>電話番号の地域</translation>
    </message>
    <message>
        <source>Numbers typed without +country code are read as from this region</source>
        <translation>+国番号なしで入力した番号は、この地域の番号として読み取ります</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>タイムゾーン</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Subscribed</source>
        <translation>配信中</translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation>配信停止</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>配信状況</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <source>Additional email</source>
        <translation>追加のメール</translation>
    </message>
    <message>
        <source>Add email</source>
        <translation>メールを追加</translation>
    </message>
    <message>
        <source>Additional phone</source>
        <translation>追加の電話番号</translation>
    </message>
    <message>
        <source>Add phone</source>
        <translation>電話番号を追加</translation>
    </message>
    <message>
        <source>More emails</source>
        <translation>その他のメール</translation>
    </message>
    <message>
        <source>More phones</source>
        <translation>その他の電話番号</translation>
    </message>
</context>
<context>
    <name>ContactListModel</name>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>配信状況</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>会社名</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>最終アクティビティ</translation>
    </message>
    <message>
        <source>This number could not be read: %1</source>
        <translation>この番号は読み取れませんでした：%1</translation>
    </message>
</context>
<context>
    <name>ContactStore</name>
    <message>
        <source>Create %1</source>
        <translation>「%1」を作成</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>「%1」を編集</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>%1 を変更</translation>
    </message>
    <message>
        <source>Delete %n contact(s)</source>
        <translation>連絡先 %n 件を削除</translation>
    </message>
    <message>
        <source>Restore %n contact(s)</source>
        <translation>連絡先 %n 件を復元</translation>
    </message>
    <message>
        <source>Add label %1</source>
        <translation>ラベル %1 を追加</translation>
    </message>
    <message>
        <source>Remove label %1</source>
        <translation>ラベル %1 を削除</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>メモを追加</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>メモを編集</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>メモを削除</translation>
    </message>
    <message>
        <source>Add label %1 to %n contact(s)</source>
        <translation>連絡先 %n 件にラベル %1 を追加</translation>
    </message>
    <message>
        <source>Remove label %1 from %n contact(s)</source>
        <translation>連絡先 %n 件からラベル %1 を削除</translation>
    </message>
    <message>
        <source>Set %1 on %n contact(s)</source>
        <translation>連絡先 %n 件に %1 を設定</translation>
    </message>
    <message>
        <source>Set subscription to %1 on %n contact(s)</source>
        <translation>連絡先 %n 件の配信状況を %1 に設定</translation>
    </message>
    <message>
        <source>no such attribute</source>
        <translation>その属性はありません</translation>
    </message>
    <message>
        <source>Set conversation to %1</source>
        <translation>会話を「%1」に設定</translation>
    </message>
    <message>
        <source>Add message</source>
        <translation>メッセージを追加</translation>
    </message>
    <message>
        <source>Log %1</source>
        <translation>%1 を記録</translation>
    </message>
    <message>
        <source>New %1 conversation</source>
        <translation>新しい会話（%1）</translation>
    </message>
    <message>
        <source>Import messages from %1</source>
        <translation>%1 からメッセージをインポート</translation>
    </message>
    <message>
        <source>Merge %1</source>
        <translation>%1 を統合</translation>
    </message>
    <message>
        <source>Undo the import of %1? The %2 contacts it created are removed and the %3 it updated get their earlier values back.</source>
        <translation>%1 のインポートを元に戻しますか？作成された %2 件の連絡先は削除され、更新された %3 件は以前の値に戻ります。</translation>
    </message>
    <message>
        <source>Import of %1</source>
        <translation>%1 のインポート</translation>
    </message>
</context>
<context>
    <name>ConversationItem</name>
    <message>
        <source>Show messages of %1</source>
        <translation>%1 のメッセージを表示</translation>
    </message>
    <message>
        <source>conversation</source>
        <translation>会話</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>（件名なし）</translation>
    </message>
    <message>
        <source>No messages</source>
        <translation>メッセージはありません</translation>
    </message>
</context>
<context>
    <name>ConversationsTab</name>
    <message>
        <source>New message…</source>
        <translation>新規メッセージ…</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>新規メッセージ</translation>
    </message>
    <message>
        <source>Log call or meeting…</source>
        <translation>電話・打ち合わせを記録…</translation>
    </message>
    <message>
        <source>Log call or meeting</source>
        <translation>電話・打ち合わせを記録</translation>
    </message>
    <message>
        <source>No conversations yet</source>
        <translation>会話はまだありません</translation>
    </message>
</context>
<context>
    <name>CopyField</name>
    <message>
        <source>Copy %1</source>
        <translation>%1 をコピー</translation>
    </message>
    <message>
        <source>Copied ✓</source>
        <translation>コピーしました ✓</translation>
    </message>
    <message>
        <source>Copied to the clipboard</source>
        <translation>クリップボードにコピーしました</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Copy to the clipboard</source>
        <translation>クリップボードにコピー</translation>
    </message>
</context>
<context>
    <name>CountryCombo</name>
    <message>
        <source>None — type a country</source>
        <translation>なし（国名を入力）</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong: %1

Your data is safe: every change is saved in full or not at all. The details were written to the log.</source>
        <translation>問題が発生しました：%1

データは安全です。変更はすべて、完全に保存されるか、まったく保存されないかのどちらかです。詳細はログに記録されました。</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>詳細をコピー</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>ログフォルダーを開く</translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <source>Database location</source>
        <translation>データベースの場所</translation>
    </message>
    <message>
        <source>In use now:</source>
        <translation>現在使用中：</translation>
    </message>
    <message>
        <source>Database HubDesk opens</source>
        <translation>HubDesk が開くデータベース</translation>
    </message>
    <message>
        <source>This computer (default)</source>
        <translation>このコンピューター（既定）</translation>
    </message>
    <message>
        <source>Team server</source>
        <translation>チームサーバー</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>接続テスト</translation>
    </message>
    <message>
        <source>Saved when you press OK; HubDesk opens this database from its next start.</source>
        <translation>「OK」を押すと保存され、次回の起動から HubDesk はこのデータベースを開きます。</translation>
    </message>
    <message>
        <source>This computer&apos;s database</source>
        <translation>このコンピューターのデータベース</translation>
    </message>
    <message>
        <source>Move database…</source>
        <translation>データベースを移動…</translation>
    </message>
    <message>
        <source>Copy my contacts to the team server…</source>
        <translation>連絡先をチームサーバーにコピー…</translation>
    </message>
    <message>
        <source>Cancel copy</source>
        <translation>コピーをキャンセル</translation>
    </message>
    <message>
        <source>HUBDESK_DATABASE_URL is set, so HubDesk opens the database it names. What you choose here applies when HubDesk starts without it.</source>
        <translation>環境変数 HUBDESK_DATABASE_URL が設定されているため、HubDesk はそこで指定されたデータベースを開きます。ここでの選択は、この変数なしで HubDesk を起動したときに適用されます。</translation>
    </message>
    <message>
        <source>This database was given for this run only (with --db). What you choose here applies from the next start without --db.</source>
        <translation>このデータベースは今回の起動に限り（--db で）指定されたものです。ここでの選択は、次回 --db なしで起動したときから適用されます。</translation>
    </message>
    <message>
        <source>The database in use lives on a server. Moving and copying work on this computer&apos;s database: start HubDesk on it to use them.</source>
        <translation>使用中のデータベースはサーバー上にあります。移動とコピーはこのコンピューターのデータベースが対象です。使うには、このコンピューターのデータベースで HubDesk を起動してください。</translation>
    </message>
    <message>
        <source>Move database… moves this computer&apos;s own database; the one in use was named with --db or HUBDESK_DATABASE_URL. To move it, copy the file with File → Back up database… and open the copy with --db next time. Copy my contacts to the team server copies the database in use.</source>
        <translation>「データベースを移動…」はこのコンピューター自身のデータベースを移動します。使用中のデータベースは --db または HUBDESK_DATABASE_URL で指定されたものです。これを移動するには、「ファイル」→「データベースをバックアップ…」でファイルをコピーし、次回からそのコピーを指定してください。「連絡先をチームサーバーにコピー」は使用中のデータベースをチームサーバーにコピーします。</translation>
    </message>
    <message>
        <source>Move database… copies it to a file you choose, checks the copy, and HubDesk uses the copy from its next start; the old file stays until you delete it. Copy my contacts to the team server copies everything into the team server&apos;s empty database, checks every table&apos;s row count, and keeps nothing of a copy that fails or is cancelled.</source>
        <translation>「データベースを移動…」は、選んだファイルにデータベースをコピーして検証し、次回の起動から HubDesk はそのコピーを使います。元のファイルは削除するまで残ります。「連絡先をチームサーバーにコピー」は、チームサーバーの空のデータベースにすべてをコピーし、各テーブルの行数を検証します。コピーが失敗した場合やキャンセルした場合は、何も残りません。</translation>
    </message>
    <message>
        <source>This computer has no system keychain, so the password is not saved: HubDesk asks for it when it starts, or the PGPASSWORD variable or a ~/.pgpass file can supply it.</source>
        <translation>このコンピューターにはシステムのキーチェーンがないため、パスワードは保存されません。HubDesk の起動時に入力を求めます（環境変数 PGPASSWORD または ~/.pgpass ファイルで指定することもできます）。</translation>
    </message>
    <message>
        <source>The password is saved in the system keychain; type a new one to replace it.</source>
        <translation>パスワードはシステムのキーチェーンに保存されています。変更するには新しいパスワードを入力してください。</translation>
    </message>
    <message>
        <source>Saved in the keychain</source>
        <translation>キーチェーンに保存済み</translation>
    </message>
    <message>
        <source>The password is saved in the system keychain when you press OK (leave it empty if PGPASSWORD or ~/.pgpass supplies it).</source>
        <translation>「OK」を押すと、パスワードはシステムのキーチェーンに保存されます（PGPASSWORD または ~/.pgpass で指定する場合は空欄のままにしてください）。</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>%1 に接続しています…</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>接続できませんでした：%1</translation>
    </message>
    <message>
        <source>Check the user name and the password.</source>
        <translation>ユーザー名とパスワードを確認してください。</translation>
    </message>
    <message>
        <source>Connected: PostgreSQL %1, %2 contacts</source>
        <translation>接続しました：PostgreSQL %1、連絡先 %2 件</translation>
    </message>
    <message>
        <source>Connected: PostgreSQL %1, %2 contacts. HubDesk updates this database&apos;s tables to its own version when it opens it.</source>
        <translation>接続しました：PostgreSQL %1、連絡先 %2 件。このデータベースを開くときに、HubDesk がテーブルを現在のバージョンに更新します。</translation>
    </message>
    <message>
        <source>Connected: PostgreSQL %1. This database has no HubDesk tables yet; HubDesk creates them when it first opens it.</source>
        <translation>接続しました：PostgreSQL %1。このデータベースにはまだ HubDesk のテーブルがありません。最初に開くときに HubDesk が作成します。</translation>
    </message>
    <message>
        <source>Connected: PostgreSQL %1, but a newer HubDesk set up this database; update HubDesk to use it.</source>
        <translation>接続しました：PostgreSQL %1。ただし、このデータベースは新しいバージョンの HubDesk で作成されています。使用するには HubDesk を更新してください。</translation>
    </message>
    <message>
        <source>Connected: PostgreSQL %1, but this database holds other tables and is not a HubDesk database; choose an empty one or one HubDesk set up.</source>
        <translation>接続しました：PostgreSQL %1。ただし、このデータベースには別のテーブルがあり、HubDesk のデータベースではありません。空のデータベースか、HubDesk で作成したデータベースを選んでください。</translation>
    </message>
    <message>
        <source>Fill in the team server above first. %1</source>
        <translation>先に上のチームサーバーの各項目を入力してください。%1</translation>
    </message>
    <message>
        <source>That team server database is the one in use.</source>
        <translation>そのチームサーバーのデータベースは現在使用中です。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
    <message>
        <source>Copying… %1 of %2 rows</source>
        <translation>コピーしています… %2 行中 %1 行</translation>
    </message>
    <message>
        <source>Copy cancelled; nothing was copied to the team server.</source>
        <translation>コピーをキャンセルしました。チームサーバーには何もコピーされていません。</translation>
    </message>
    <message>
        <source>Copied and checked: %1 contacts (%2 rows in %3 tables) to %4; every table&apos;s row count matches. Press OK to work on the team server from the next start.</source>
        <translation>コピーと検証が完了しました：連絡先 %1 件（%3 テーブル、%2 行）を %4 にコピーし、すべてのテーブルの行数が一致しました。「OK」を押すと、次回の起動からチームサーバーで作業できます。</translation>
    </message>
    <message>
        <source>Nothing was copied: %1</source>
        <translation>何もコピーされませんでした：%1</translation>
    </message>
    <message>
        <source>Move database to</source>
        <translation>データベースの移動先</translation>
    </message>
    <message>
        <source>SQLite database (*.db)</source>
        <translation>SQLite データベース (*.db)</translation>
    </message>
    <message>
        <source>The database is already there.</source>
        <translation>データベースはすでにその場所にあります。</translation>
    </message>
    <message>
        <source>Copying and checking the database…</source>
        <translation>データベースをコピーして検証しています…</translation>
    </message>
    <message>
        <source>Copied and checked: %1 contacts in %2. Close HubDesk and start it again to work in the new location; the old file stays in %3 until you delete it.</source>
        <translation>コピーと検証が完了しました（%2 に連絡先 %1 件）。HubDesk を終了して起動し直すと、新しい場所で作業できます。元のファイルは削除するまで %3 に残ります。</translation>
    </message>
    <message>
        <source>The database was not moved: %1</source>
        <translation>データベースは移動されませんでした：%1</translation>
    </message>
</context>
<context>
    <name>DatabaseWarnings</name>
    <message>
        <source>This database is on a network share (%1): %2. A database file can be damaged when computers write to it over a share. Keep it on this computer (Settings → Preferences… → Database → Move database…) and share a backup, or let the team use a PostgreSQL server.</source>
        <translation>このデータベースはネットワーク共有上にあります（%1）：%2。共有を介して複数のコンピューターから書き込むと、データベースファイルが破損することがあります。データベースはこのコンピューターに置いてバックアップを共有する（「設定」→「環境設定…」→「データベース」→「データベースを移動…」）か、チームで PostgreSQL サーバーを使用してください。</translation>
    </message>
    <message>
        <source>Importing Excel workbooks is switched off: %1</source>
        <translation>Excel ブックのインポートは無効になっています：%1</translation>
    </message>
</context>
<context>
    <name>DuplicateReason</name>
    <message>
        <source>same email %1</source>
        <translation>同じメール %1</translation>
    </message>
    <message>
        <source>same phone %1</source>
        <translation>同じ電話番号 %1</translation>
    </message>
    <message>
        <source>same name and company</source>
        <translation>同じ名前と会社名</translation>
    </message>
    <message>
        <source>same name and similar email</source>
        <translation>同じ名前と似たメール</translation>
    </message>
</context>
<context>
    <name>DuplicatesModel</name>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>会社名</translation>
    </message>
    <message>
        <source>%1%  ·  %2  ·  %3</source>
        <translation>%1%  ·  %2  ·  %3</translation>
    </message>
</context>
<context>
    <name>DuplicatesView</name>
    <message>
        <source>Find duplicates</source>
        <translation>重複を検出</translation>
    </message>
    <message>
        <source>Contacts that look like the same person. Merge them, or mark them as not duplicates so they are not suggested again.</source>
        <translation>同じ人物と思われる連絡先です。統合するか、「重複ではない」として今後の候補から外してください。</translation>
    </message>
    <message>
        <source>Scan progress</source>
        <translation>検出の進行状況</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Groups of possible duplicates</source>
        <translation>重複の可能性があるグループ</translation>
    </message>
    <message>
        <source>Rescan</source>
        <translation>再検出</translation>
    </message>
    <message>
        <source>Not duplicates</source>
        <translation>重複ではない</translation>
    </message>
    <message>
        <source>Stop suggesting this group</source>
        <translation>このグループを候補から外す</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>統合…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Looking for duplicates…</source>
        <translation>重複を探しています…</translation>
    </message>
    <message>
        <source>Scan cancelled. Rescan to look again.</source>
        <translation>検出をキャンセルしました。「再検出」でもう一度探せます。</translation>
    </message>
    <message>
        <source>Comparing %1 of %2 contacts…</source>
        <translation>連絡先を比較しています（%1 / %2 件）…</translation>
    </message>
    <message>
        <source>The scan failed: %1</source>
        <translation>検出に失敗しました：%1</translation>
    </message>
    <message>
        <source>No likely duplicates found.</source>
        <translation>重複の可能性がある連絡先は見つかりませんでした。</translation>
    </message>
    <message>
        <source>1 group of possible duplicates.</source>
        <translation>重複の可能性があるグループ：1 件</translation>
    </message>
    <message>
        <source>%1 groups of possible duplicates.</source>
        <translation>重複の可能性があるグループ：%1 件</translation>
    </message>
    <message>
        <source>Contacts have changed since the scan: Rescan to bring the list up to date.</source>
        <translation>検出後に連絡先が変更されました。「再検出」で一覧を最新にしてください。</translation>
    </message>
</context>
<context>
    <name>EditConflictDialog</name>
    <message>
        <source>Other emails</source>
        <translation>その他のメール</translation>
    </message>
    <message>
        <source>Other phones</source>
        <translation>その他の電話番号</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>他のユーザーが変更しました</translation>
    </message>
    <message>
        <source>Someone saved this contact after you opened it. Nothing of yours is saved yet. Where you both changed a field, yours is kept if you save your changes; their other changes are kept either way.</source>
        <translation>この連絡先は、開いた後に他のユーザーによって保存されました。あなたの変更はまだ保存されていません。両方が変更した項目は、「自分の変更を保存」を選ぶとあなたの値になります。相手のその他の変更はどちらを選んでも残ります。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>あなたの値</translation>
    </message>
    <message>
        <source>Saved by someone else</source>
        <translation>他のユーザーが保存した値</translation>
    </message>
    <message>
        <source>✎ marks the fields you changed.</source>
        <translation>✎ はあなたが変更した項目です。</translation>
    </message>
    <message>
        <source>Save my changes</source>
        <translation>自分の変更を保存</translation>
    </message>
    <message>
        <source>Use their version</source>
        <translation>相手の値を使う</translation>
    </message>
</context>
<context>
    <name>ExportColumnsList</name>
    <message>
        <source>Columns to export</source>
        <translation>エクスポートする列</translation>
    </message>
    <message>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Drag to change the order.</source>
        <translation>ドラッグして順序を変更できます。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>Excel workbook (XLSX)</source>
        <translation>Excel ブック（XLSX）</translation>
    </message>
    <message>
        <source>vCard 3.0</source>
        <translation>vCard 3.0</translation>
    </message>
    <message>
        <source>vCard 4.0</source>
        <translation>vCard 4.0</translation>
    </message>
    <message>
        <source>UTF-8 for Excel (with BOM)</source>
        <translation>UTF-8（Excel 用、BOM 付き）</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>Windows Japanese (Shift_JIS / CP932)</source>
        <translation>Windows 日本語（Shift_JIS / CP932）</translation>
    </message>
    <message>
        <source>Windows Western (cp1252)</source>
        <translation>Windows 西欧（cp1252）</translation>
    </message>
    <message>
        <source>Export contacts</source>
        <translation>連絡先をエクスポート</translation>
    </message>
    <message>
        <source>Write them as &quot;?&quot; and export</source>
        <translation>「?」に置き換えてエクスポート</translation>
    </message>
    <message>
        <source>All contacts (%1)</source>
        <translation>すべての連絡先（%1 件）</translation>
    </message>
    <message>
        <source>The current search and filter (%1)</source>
        <translation>現在の検索・フィルターの結果（%1 件）</translation>
    </message>
    <message>
        <source>The selected contacts (%1)</source>
        <translation>選択した連絡先（%1 件）</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>レイアウト</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>文字コード</translation>
    </message>
    <message>
        <source>Protect spreadsheets from formulas in cells (a leading &apos; before = + - @)</source>
        <translation>セルの数式から表計算ソフトを保護する（= + - @ の前に &apos; を付ける）</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>対象：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>形式：</translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation>レイアウト：</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>文字コード：</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>列：</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>保存先：</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>エクスポート先</translation>
    </message>
    <message>
        <source>%1 files (*%2)</source>
        <translation>%1 ファイル (*%2)</translation>
    </message>
    <message>
        <source>Yes, export %1 contacts</source>
        <translation>はい、%1 件をエクスポート</translation>
    </message>
    <message>
        <source>Choose at least one column.</source>
        <translation>列を 1 つ以上選んでください。</translation>
    </message>
    <message>
        <source>Choose where to save the file.</source>
        <translation>ファイルの保存先を選んでください。</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>エクスポートをキャンセル</translation>
    </message>
    <message>
        <source>Exporting %1 contacts to %2…</source>
        <translation>%1 件の連絡先を %2 にエクスポートしています…</translation>
    </message>
    <message>
        <source>Export cancelled. No file was written.</source>
        <translation>エクスポートをキャンセルしました。ファイルは作成されていません。</translation>
    </message>
    <message>
        <source>Exported %1 contacts to %2</source>
        <translation>%1 件の連絡先を %2 にエクスポートしました</translation>
    </message>
    <message>
        <source>%1 control characters a workbook cannot hold were replaced.</source>
        <translation>ブックに保存できない制御文字 %1 個を置き換えました。</translation>
    </message>
    <message>
        <source>Written as &quot;?&quot;: </source>
        <translation>「?」に置き換えた文字：</translation>
    </message>
    <message>
        <source>Labels containing separators (they re-import as several labels): </source>
        <translation>区切り文字を含むラベル（再インポートすると複数のラベルになります）：</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>ファイルを開く</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>フォルダーに表示</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>ExportPresets</name>
    <message>
        <source>HubDesk (every field)</source>
        <translation>HubDesk（全項目）</translation>
    </message>
    <message>
        <source>MessageHub / Chatwoot import</source>
        <translation>MessageHub / Chatwoot インポート用</translation>
    </message>
    <message>
        <source>Google Contacts CSV</source>
        <translation>Google コンタクト CSV</translation>
    </message>
</context>
<context>
    <name>ExtraValueRows</name>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 を削除</translation>
    </message>
</context>
<context>
    <name>FieldCombo</name>
    <message>
        <source>Field</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>連絡先</translation>
    </message>
    <message>
        <source>Labels and activity</source>
        <translation>ラベルとアクティビティ</translation>
    </message>
    <message>
        <source>Custom attributes</source>
        <translation>カスタム属性</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Contact files (*.csv *.tsv *.txt *.tab *.xlsx *.xlsm *.vcf *.vcard);;All files (*)</source>
        <translation>連絡先ファイル (*.csv *.tsv *.txt *.tab *.xlsx *.xlsm *.vcf *.vcard);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>ファイルを選択</translation>
    </message>
    <message>
        <source>HubDesk reads %1.</source>
        <translation>HubDesk は %1 を読み込めます。</translation>
    </message>
    <message>
        <source>Choose or type the path of a file</source>
        <translation>ファイルを選ぶか、パスを入力してください</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>文字コード</translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation>区切り文字</translation>
    </message>
    <message>
        <source>The first row holds the column names</source>
        <translation>1 行目は列名</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>シート</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>ファイル：</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>文字コード：</translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation>区切り文字：</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>シート：</translation>
    </message>
    <message>
        <source>File problem</source>
        <translation>ファイルの問題</translation>
    </message>
    <message>
        <source>Preview of the first rows</source>
        <translation>先頭行のプレビュー</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>連絡先をインポート</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>guessed, please check</source>
        <translation>推測・要確認</translation>
    </message>
    <message>
        <source>detected</source>
        <translation>検出済み</translation>
    </message>
    <message>
        <source>Guessed from the file&apos;s contents: check that names read correctly below.</source>
        <translation>ファイルの内容から推測しました。下で名前が正しく読めているか確認してください。</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation>自動（%1）</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>TSV</source>
        <translation>TSV</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel ブック</translation>
    </message>
    <message>
        <source>vCard</source>
        <translation>vCard</translation>
    </message>
    <message>
        <source>%1 with %2 columns — the first %3 rows:</source>
        <translation>%1、%2 列 — 先頭 %3 行：</translation>
    </message>
</context>
<context>
    <name>FilterBuilder</name>
    <message>
        <source>Match</source>
        <translation>次の条件の</translation>
    </message>
    <message>
        <source>of these conditions</source>
        <translation>に一致</translation>
    </message>
    <message>
        <source>This filter has more levels than the builder shows; it still applies. Clear removes it.</source>
        <translation>このフィルターはビルダーで表示できる以上の階層を持っていますが、適用はされています。「クリア」で解除できます。</translation>
    </message>
    <message>
        <source>+ Add condition</source>
        <translation>＋ 条件を追加</translation>
    </message>
    <message>
        <source>+ Add group</source>
        <translation>＋ グループを追加</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <source>Save as segment…</source>
        <translation>セグメントとして保存…</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>適用</translation>
    </message>
    <message>
        <source>Add a condition first, then save it as a segment.</source>
        <translation>まず条件を追加してから、セグメントとして保存してください。</translation>
    </message>
    <message>
        <source>Save as segment</source>
        <translation>セグメントとして保存</translation>
    </message>
    <message>
        <source>Segment name:</source>
        <translation>セグメント名：</translation>
    </message>
</context>
<context>
    <name>FilterChips</name>
    <message>
        <source>Showing only:</source>
        <translation>絞り込み：</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>すべてクリア</translation>
    </message>
    <message>
        <source>Remove this condition</source>
        <translation>この条件を削除</translation>
    </message>
    <message>
        <source>Remove: %1</source>
        <translation>解除：%1</translation>
    </message>
</context>
<context>
    <name>FilterField</name>
    <message>
        <source>First name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>First name reading</source>
        <translation>名（よみがな）</translation>
    </message>
    <message>
        <source>Last name reading</source>
        <translation>姓（よみがな）</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>会社名</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>役職</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>タイムゾーン</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>番地・建物</translation>
    </message>
    <message>
        <source>City</source>
        <translation>市区町村</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>都道府県・州</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>配信状況</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>識別子</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新日時</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>最終アクティビティ</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <source>Has notes</source>
        <translation>メモあり</translation>
    </message>
    <message>
        <source>Has conversations</source>
        <translation>会話あり</translation>
    </message>
    <message>
        <source>Has problems</source>
        <translation>問題あり</translation>
    </message>
    <message>
        <source>Has labels</source>
        <translation>ラベルあり</translation>
    </message>
    <message>
        <source>Invalid email</source>
        <translation>無効なメール</translation>
    </message>
    <message>
        <source>Invalid phone</source>
        <translation>無効な電話番号</translation>
    </message>
    <message>
        <source>Conversation status</source>
        <translation>会話のステータス</translation>
    </message>
</context>
<context>
    <name>FilterOperator</name>
    <message>
        <source>is</source>
        <translation>が次と一致</translation>
    </message>
    <message>
        <source>is not</source>
        <translation>が次と不一致</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>が次を含む</translation>
    </message>
    <message>
        <source>does not contain</source>
        <translation>が次を含まない</translation>
    </message>
    <message>
        <source>starts with</source>
        <translation>が次で始まる</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>が空</translation>
    </message>
    <message>
        <source>is not empty</source>
        <translation>が空でない</translation>
    </message>
    <message>
        <source>=</source>
        <translation>＝</translation>
    </message>
    <message>
        <source>≠</source>
        <translation>≠</translation>
    </message>
    <message>
        <source>&lt;</source>
        <translation>＜</translation>
    </message>
    <message>
        <source>≤</source>
        <translation>≦</translation>
    </message>
    <message>
        <source>&gt;</source>
        <translation>＞</translation>
    </message>
    <message>
        <source>≥</source>
        <translation>≧</translation>
    </message>
    <message>
        <source>between</source>
        <translation>が次の範囲内</translation>
    </message>
    <message>
        <source>on</source>
        <translation>が次の日</translation>
    </message>
    <message>
        <source>before</source>
        <translation>が次より前</translation>
    </message>
    <message>
        <source>after</source>
        <translation>が次より後</translation>
    </message>
    <message>
        <source>in the last N days</source>
        <translation>が過去 N 日以内</translation>
    </message>
    <message>
        <source>more than N days ago</source>
        <translation>が N 日以上前</translation>
    </message>
    <message>
        <source>is any of</source>
        <translation>が次のいずれか</translation>
    </message>
    <message>
        <source>is none of</source>
        <translation>が次のいずれでもない</translation>
    </message>
    <message>
        <source>is true</source>
        <translation>に該当する</translation>
    </message>
    <message>
        <source>is false</source>
        <translation>に該当しない</translation>
    </message>
    <message>
        <source>has any of</source>
        <translation>に次のいずれかを含む</translation>
    </message>
    <message>
        <source>has all of</source>
        <translation>に次のすべてを含む</translation>
    </message>
    <message>
        <source>has none of</source>
        <translation>に次のいずれも含まない</translation>
    </message>
</context>
<context>
    <name>FixDialog</name>
    <message>
        <source>Normalise phone numbers</source>
        <translation>電話番号を正規化</translation>
    </message>
    <message>
        <source>Tidy emails</source>
        <translation>メールを整える</translation>
    </message>
    <message>
        <source>Fill in time zones</source>
        <translation>タイムゾーンを補完</translation>
    </message>
    <message>
        <source>Numbers kept as typed become international numbers (E.164) where they are valid numbers of the region below. Numbers that still do not parse stay as they are.</source>
        <translation>入力どおりに保存された番号のうち、下の地域の番号として正しいものを国際形式（E.164）に変換します。それでも読み取れない番号はそのまま残ります。</translation>
    </message>
    <message>
        <source>Spaces, a leading “mailto:”, a name around the address and stray punctuation are removed, and the domain is written in lower case. Only results that are valid emails are written.</source>
        <translation>空白、先頭の「mailto:」、アドレスを囲む名前、余分な記号を取り除き、ドメインを小文字にします。正しいメールアドレスになったものだけを書き込みます。</translation>
    </message>
    <message>
        <source>Contacts without a time zone get their country&apos;s, where the country has one time zone (or several that always show the same time).</source>
        <translation>タイムゾーンのない連絡先に、国のタイムゾーンを設定します（タイムゾーンが 1 つの国、または常に同じ時刻を示す国に限ります）。</translation>
    </message>
    <message>
        <source>Also write the part before the @ in lower case</source>
        <translation>@ より前の部分も小文字にする</translation>
    </message>
    <message>
        <source>Mail servers almost always ignore its case, and so does HubDesk when it compares emails; strictly, a server may treat it as case-sensitive.</source>
        <translation>メールサーバーはほぼ常に大文字・小文字を区別せず、HubDesk もメールの比較で区別しません。ただし厳密には、区別するサーバーもあり得ます。</translation>
    </message>
    <message>
        <source>Read numbers as from:</source>
        <translation>番号の地域：</translation>
    </message>
    <message>
        <source>Looking for changes</source>
        <translation>変更点を確認中</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>変更点</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>適用</translation>
    </message>
    <message>
        <source>Looking at every contact…</source>
        <translation>すべての連絡先を確認しています…</translation>
    </message>
    <message>
        <source>Apply %1 changes</source>
        <translation>%1 件の変更を適用</translation>
    </message>
    <message>
        <source>Apply 1 change</source>
        <translation>1 件の変更を適用</translation>
    </message>
    <message>
        <source>Nothing to change.</source>
        <translation>変更する項目はありません。</translation>
    </message>
    <message>
        <source>%1 values of %2 contacts will change.</source>
        <translation>%2 件の連絡先の %1 個の値が変更されます。</translation>
    </message>
    <message>
        <source>The first %1 are listed.</source>
        <translation>最初の %1 件を表示しています。</translation>
    </message>
    <message>
        <source>%1 numbers are not valid numbers of %2 and stay as they are.</source>
        <translation>%1 件の番号は %2 の番号として正しくないため、そのまま残ります。</translation>
    </message>
    <message>
        <source>%1 emails are not valid even when tidied; they stay as they are.</source>
        <translation>%1 件のメールは整えても正しくないため、そのまま残ります。</translation>
    </message>
    <message>
        <source>%1 contacts are in countries with several time zones and stay without one.</source>
        <translation>%1 件の連絡先は複数のタイムゾーンを持つ国にあるため、未設定のまま残ります。</translation>
    </message>
    <message>
        <source>%1 contacts have a country HubDesk does not recognise and stay without a time zone.</source>
        <translation>%1 件の連絡先は HubDesk が認識できない国のため、タイムゾーンは未設定のまま残ります。</translation>
    </message>
</context>
<context>
    <name>HealthChecks</name>
    <message>
        <source>Contacts with no email: %1</source>
        <translation>メールのない連絡先：%1 件</translation>
    </message>
    <message>
        <source>Invalid or unparseable emails: %1</source>
        <translation>無効または読み取れないメール：%1 件</translation>
    </message>
    <message>
        <source>Phones kept as typed (not E.164): %1</source>
        <translation>入力どおりの電話番号（E.164 以外）：%1 件</translation>
    </message>
    <message>
        <source>Contacts with no name: %1</source>
        <translation>名前のない連絡先：%1 件</translation>
    </message>
    <message>
        <source>Contacts with import problems: %1</source>
        <translation>インポート時の問題がある連絡先：%1 件</translation>
    </message>
    <message>
        <source>Possible duplicates: %1 contacts</source>
        <translation>重複の可能性：%1 件</translation>
    </message>
    <message>
        <source>Contacts with no labels: %1</source>
        <translation>ラベルのない連絡先：%1 件</translation>
    </message>
    <message>
        <source>Contacts with no time zone: %1</source>
        <translation>タイムゾーンのない連絡先：%1 件</translation>
    </message>
    <message>
        <source>Not updated for over a year: %1</source>
        <translation>1 年以上更新されていない連絡先：%1 件</translation>
    </message>
    <message>
        <source>In the Trash: %1</source>
        <translation>ゴミ箱内：%1 件</translation>
    </message>
    <message>
        <source>Contacts without a primary email.</source>
        <translation>メインのメールアドレスがない連絡先です。</translation>
    </message>
    <message>
        <source>Emails kept as typed because they are not valid addresses (an import records why).</source>
        <translation>正しいアドレスでないため入力どおりに保存されたメールです（理由はインポート時に記録されます）。</translation>
    </message>
    <message>
        <source>Numbers that did not parse for their region, primary or additional, kept exactly as typed.</source>
        <translation>地域の番号として読み取れず、入力どおりに保存された電話番号です（メイン・追加の両方）。</translation>
    </message>
    <message>
        <source>Contacts with neither a first nor a last name.</source>
        <translation>姓も名もない連絡先です。</translation>
    </message>
    <message>
        <source>Contacts with values an import or an edit could not make valid; the profile lists them.</source>
        <translation>インポートや編集で正しい値にできなかった項目がある連絡先です。プロフィールに一覧が表示されます。</translation>
    </message>
    <message>
        <source>Contacts in a group of likely duplicates (Tools → Find duplicates).</source>
        <translation>重複の可能性があるグループに含まれる連絡先です（「ツール」→「重複を検出」）。</translation>
    </message>
    <message>
        <source>Contacts without any label.</source>
        <translation>ラベルが 1 つもない連絡先です。</translation>
    </message>
    <message>
        <source>Contacts without a time zone.</source>
        <translation>タイムゾーンが設定されていない連絡先です。</translation>
    </message>
    <message>
        <source>Contacts nobody has changed for more than 365 days.</source>
        <translation>365 日以上誰も変更していない連絡先です。</translation>
    </message>
    <message>
        <source>Deleted contacts that can still be restored.</source>
        <translation>削除されたが、まだ復元できる連絡先です。</translation>
    </message>
</context>
<context>
    <name>HealthDock</name>
    <message>
        <source>Health</source>
        <translation>データ品質</translation>
    </message>
    <message>
        <source>Counts of contacts that need attention, with fixes (Ctrl+Shift+H)</source>
        <translation>対応が必要な連絡先の件数と修正（Ctrl+Shift+H）</translation>
    </message>
    <message>
        <source>Normalise %1 phone numbers</source>
        <translation>電話番号 %1 件を正規化</translation>
    </message>
    <message>
        <source>Tidy %1 emails</source>
        <translation>メール %1 件を整える</translation>
    </message>
    <message>
        <source>Fill in %1 time zones</source>
        <translation>タイムゾーン %1 件を補完</translation>
    </message>
</context>
<context>
    <name>HealthView</name>
    <message>
        <source>Data health</source>
        <translation>データ品質</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>集計中…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Contacts added per month</source>
        <translation>月別の追加件数</translation>
    </message>
    <message>
        <source>Contacts by label</source>
        <translation>ラベル別の連絡先</translation>
    </message>
    <message>
        <source>Contacts by country</source>
        <translation>国別の連絡先</translation>
    </message>
    <message>
        <source>Contacts by time zone</source>
        <translation>タイムゾーン別の連絡先</translation>
    </message>
    <message>
        <source>Contacts by subscription</source>
        <translation>配信状況別の連絡先</translation>
    </message>
    <message>
        <source>%1 contacts, counted at %2</source>
        <translation>連絡先 %1 件（%2 時点）</translation>
    </message>
    <message>
        <source>Other labels</source>
        <translation>その他のラベル</translation>
    </message>
    <message>
        <source>%1: %2 contacts</source>
        <translation>%1：%2 件</translation>
    </message>
    <message>
        <source>Any other label: %2 contacts</source>
        <translation>その他のラベル：%2 件</translation>
    </message>
    <message>
        <source>Other countries</source>
        <translation>その他の国</translation>
    </message>
    <message>
        <source>No country</source>
        <translation>国なし</translation>
    </message>
    <message>
        <source>Other countries: %2 contacts</source>
        <translation>その他の国：%2 件</translation>
    </message>
    <message>
        <source>Other time zones</source>
        <translation>その他のタイムゾーン</translation>
    </message>
    <message>
        <source>No time zone</source>
        <translation>タイムゾーンなし</translation>
    </message>
    <message>
        <source>Other time zones: %2 contacts</source>
        <translation>その他のタイムゾーン：%2 件</translation>
    </message>
    <message>
        <source>Subscribed</source>
        <translation>配信中</translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation>配信停止</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>%1: %2 contacts added</source>
        <translation>%1：%2 件追加</translation>
    </message>
</context>
<context>
    <name>HubDesk</name>
    <message>
        <source>Your database was moved to %1, but that file is not there now (is the drive connected?). Connect it and start HubDesk again, or go back to the database in the default location.</source>
        <translation>データベースは %1 に移動されましたが、現在そのファイルが見つかりません（ドライブは接続されていますか？）。接続してから HubDesk を起動し直すか、既定の場所のデータベースに戻してください。</translation>
    </message>
    <message>
        <source>Use the default location</source>
        <translation>既定の場所を使う</translation>
    </message>
    <message>
        <source>HubDesk did not connect to the team server %1. Open the database on this computer instead? The team server stays your choice for the next start; Settings → Preferences… → Database changes it.</source>
        <translation>HubDesk はチームサーバー %1 に接続できませんでした。代わりにこのコンピューターのデータベースを開きますか？次回の起動時もチームサーバーが選択されたままです。変更するには「設定」→「環境設定…」→「データベース」を使います。</translation>
    </message>
    <message>
        <source>Use this computer&apos;s database</source>
        <translation>このコンピューターのデータベースを使用</translation>
    </message>
    <message>
        <source>Close HubDesk</source>
        <translation>HubDesk を終了</translation>
    </message>
</context>
<context>
    <name>ImportFilePage</name>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8（BOM 付き）</translation>
    </message>
    <message>
        <source>Shift_JIS (Windows, cp932)</source>
        <translation>Shift_JIS（Windows、cp932）</translation>
    </message>
    <message>
        <source>EUC-JP</source>
        <translation>EUC-JP</translation>
    </message>
    <message>
        <source>ISO-2022-JP (JIS)</source>
        <translation>ISO-2022-JP（JIS）</translation>
    </message>
    <message>
        <source>UTF-16</source>
        <translation>UTF-16</translation>
    </message>
    <message>
        <source>UTF-16 little-endian</source>
        <translation>UTF-16（リトルエンディアン）</translation>
    </message>
    <message>
        <source>UTF-16 big-endian</source>
        <translation>UTF-16（ビッグエンディアン）</translation>
    </message>
    <message>
        <source>Western European (Windows-1252)</source>
        <translation>西欧（Windows-1252）</translation>
    </message>
    <message>
        <source>Latin-1 (ISO-8859-1)</source>
        <translation>Latin-1（ISO-8859-1）</translation>
    </message>
    <message>
        <source>Latin-9 (ISO-8859-15)</source>
        <translation>Latin-9（ISO-8859-15）</translation>
    </message>
    <message>
        <source>Central European (Windows-1250)</source>
        <translation>中欧（Windows-1250）</translation>
    </message>
    <message>
        <source>Cyrillic (Windows-1251)</source>
        <translation>キリル文字（Windows-1251）</translation>
    </message>
    <message>
        <source>Chinese Simplified (GB18030)</source>
        <translation>簡体字中国語（GB18030）</translation>
    </message>
    <message>
        <source>Chinese Traditional (Big5)</source>
        <translation>繁体字中国語（Big5）</translation>
    </message>
    <message>
        <source>Korean (EUC-KR)</source>
        <translation>韓国語（EUC-KR）</translation>
    </message>
    <message>
        <source>Mac OS Roman</source>
        <translation>Mac OS Roman</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>Comma ( , )</source>
        <translation>カンマ（ , ）</translation>
    </message>
    <message>
        <source>Semicolon ( ; )</source>
        <translation>セミコロン（ ; ）</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>タブ</translation>
    </message>
    <message>
        <source>Vertical bar ( | )</source>
        <translation>縦線（ | ）</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>カンマ</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>セミコロン</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>タブ</translation>
    </message>
    <message>
        <source>vertical bar</source>
        <translation>縦線</translation>
    </message>
</context>
<context>
    <name>ImportFormats</name>
    <message>
        <source>CSV (.csv, .txt), TSV (.tsv), Excel workbooks (.xlsx, .xlsm) and vCard (.vcf)</source>
        <translation>CSV（.csv、.txt）、TSV（.tsv）、Excel ブック（.xlsx、.xlsm）、vCard（.vcf）</translation>
    </message>
</context>
<context>
    <name>ImportMessagesDialog</name>
    <message>
        <source>Import messages</source>
        <translation>メッセージをインポート</translation>
    </message>
    <message>
        <source>A CSV, XLSX or JSON file with one message per row: the contact&apos;s email or phone, channel, direction, time and text (subject, author and a thread key are optional).</source>
        <translation>1 行に 1 件のメッセージを記録した CSV、XLSX、JSON ファイル：連絡先のメールまたは電話番号、チャネル、方向、日時、本文（件名、作成者、スレッドキーは任意）。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <source>Rows not imported</source>
        <translation>インポートされない行</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>インポート</translation>
    </message>
    <message>
        <source>Message files (*.csv *.tsv *.txt *.xlsx *.json)</source>
        <translation>メッセージファイル (*.csv *.tsv *.txt *.xlsx *.json)</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>%1 of %2 messages match a contact and will be imported. %3 will not:</source>
        <translation>%2 件中 %1 件のメッセージが連絡先に一致し、インポートされます。%3 件はインポートされません：</translation>
    </message>
    <message>
        <source>All %1 messages match a contact and will be imported.</source>
        <translation>%1 件すべてのメッセージが連絡先に一致し、インポートされます。</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>%1 行目：%2</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>…ほか %1 件</translation>
    </message>
</context>
<context>
    <name>ImportPresets</name>
    <message>
        <source>vCard</source>
        <translation>vCard</translation>
    </message>
    <message>
        <source>Google Contacts</source>
        <translation>Google コンタクト</translation>
    </message>
    <message>
        <source>Google Contacts (old format)</source>
        <translation>Google コンタクト（旧形式）</translation>
    </message>
    <message>
        <source>Outlook</source>
        <translation>Outlook</translation>
    </message>
    <message>
        <source>Outlook (日本語)</source>
        <translation>Outlook（日本語）</translation>
    </message>
    <message>
        <source>Thunderbird</source>
        <translation>Thunderbird</translation>
    </message>
    <message>
        <source>HubSpot</source>
        <translation>HubSpot</translation>
    </message>
    <message>
        <source>Chatwoot / MessageHub</source>
        <translation>Chatwoot / MessageHub</translation>
    </message>
</context>
<context>
    <name>ImportTargets</name>
    <message>
        <source>First name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>First name reading</source>
        <translation>名（よみがな）</translation>
    </message>
    <message>
        <source>Last name reading</source>
        <translation>姓（よみがな）</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>会社名</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>役職</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>タイムゾーン</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>番地・建物</translation>
    </message>
    <message>
        <source>City</source>
        <translation>市区町村</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>都道府県・州</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>配信状況</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>識別子</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>インポートしない</translation>
    </message>
    <message>
        <source>Full name (split into first and last)</source>
        <translation>氏名（姓と名に分割）</translation>
    </message>
    <message>
        <source>Additional email</source>
        <translation>追加のメール</translation>
    </message>
    <message>
        <source>Additional phone</source>
        <translation>追加の電話番号</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Attribute: %1</source>
        <translation>属性：%1</translation>
    </message>
    <message>
        <source>New custom attribute</source>
        <translation>新しいカスタム属性</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import contacts</source>
        <translation>連絡先をインポート</translation>
    </message>
</context>
<context>
    <name>InterruptedImports</name>
    <message>
        <source>The import of %1 was interrupted after %2 rows (%3 contacts created).</source>
        <translation>%1 のインポートは %2 行目の後で中断されました（作成された連絡先：%3 件）。</translation>
    </message>
    <message>
        <source>It cannot be resumed: %1</source>
        <translation>再開できません：%1</translation>
    </message>
    <message>
        <source>Resume import</source>
        <translation>インポートを再開</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>インポートを元に戻す</translation>
    </message>
    <message>
        <source>Import of %1 resumed and finished: %2 created, %3 updated, %4 rejected</source>
        <translation>%1 のインポートを再開し、完了しました：作成 %2 件、更新 %3 件、除外 %4 件</translation>
    </message>
    <message>
        <source>The import was not resumed: %1</source>
        <translation>インポートは再開されませんでした：%1</translation>
    </message>
    <message>
        <source>Undo the interrupted import of %1? The %2 contacts it created are removed and the contacts it updated get their earlier values back.</source>
        <translation>中断された %1 のインポートを元に戻しますか？作成された %2 件の連絡先は削除され、更新された連絡先は以前の値に戻ります。</translation>
    </message>
</context>
<context>
    <name>LabelChip</name>
    <message>
        <source>Remove label %1</source>
        <translation>ラベル %1 を外す</translation>
    </message>
</context>
<context>
    <name>LabelTableModel</name>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>色</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>連絡先数</translation>
    </message>
</context>
<context>
    <name>LabelsEdit</name>
    <message>
        <source>Comma-separated, e.g. customer, tokyo</source>
        <translation>カンマ区切り（例：顧客, 東京）</translation>
    </message>
</context>
<context>
    <name>LabelsManagerDialog</name>
    <message>
        <source>Manage labels</source>
        <translation>ラベルの管理</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <source>No labels yet. Add labels to contacts from their profile or when editing them.</source>
        <translation>ラベルはまだありません。連絡先のプロフィールや編集画面からラベルを追加できます。</translation>
    </message>
    <message>
        <source>Selected label</source>
        <translation>選択したラベル</translation>
    </message>
    <message>
        <source>What this label means (optional)</source>
        <translation>このラベルの意味（任意）</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>変更を保存</translation>
    </message>
    <message>
        <source>Delete label…</source>
        <translation>ラベルを削除…</translation>
    </message>
    <message>
        <source>Label name</source>
        <translation>ラベル名</translation>
    </message>
    <message>
        <source>Label description</source>
        <translation>ラベルの説明</translation>
    </message>
    <message>
        <source>Save label changes</source>
        <translation>ラベルの変更を保存</translation>
    </message>
    <message>
        <source>Delete label</source>
        <translation>ラベルを削除</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>色</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>「%1」を保存しました。</translation>
    </message>
    <message>
        <source>Delete the label “%1”?</source>
        <translation>ラベル「%1」を削除しますか？</translation>
    </message>
    <message>
        <source>It will be removed from %n contact(s); the contacts themselves are kept.</source>
        <translation>%n 件の連絡先からラベルが外されます。連絡先自体は削除されません。</translation>
    </message>
    <message>
        <source>No contact has this label.</source>
        <translation>このラベルが付いた連絡先はありません。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Deleted “%1” from %n contact(s).</source>
        <translation>%n 件の連絡先から「%1」を削除しました。</translation>
    </message>
</context>
<context>
    <name>LabelsTab</name>
    <message>
        <source>Add a label…</source>
        <translation>ラベルを追加…</translation>
    </message>
    <message>
        <source>Add label</source>
        <translation>ラベルを追加</translation>
    </message>
    <message>
        <source>Colour for a new label</source>
        <translation>新しいラベルの色</translation>
    </message>
    <message>
        <source>Automatic colour</source>
        <translation>自動で色を選ぶ</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Add the typed label</source>
        <translation>入力したラベルを追加</translation>
    </message>
    <message>
        <source>No labels yet</source>
        <translation>ラベルはまだありません</translation>
    </message>
    <message>
        <source>Colour ▾</source>
        <translation>色 ▾</translation>
    </message>
</context>
<context>
    <name>LibraryTableModel</name>
    <message>
        <source>Library</source>
        <translation>ライブラリ</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>ライセンス</translation>
    </message>
    <message>
        <source>Needed by</source>
        <translation>依存元</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>記載なし</translation>
    </message>
</context>
<context>
    <name>LinkLabel</name>
    <message>
        <source>Open %1 in the browser</source>
        <translation>%1 をブラウザーで開く</translation>
    </message>
    <message>
        <source>Open link %1</source>
        <translation>リンク %1 を開く</translation>
    </message>
</context>
<context>
    <name>LogCallDialog</name>
    <message>
        <source>Reached</source>
        <translation>つながった</translation>
    </message>
    <message>
        <source>Left voicemail</source>
        <translation>留守電に伝言</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>応答なし</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>話し中</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>番号違い</translation>
    </message>
    <message>
        <source>Scheduled follow-up</source>
        <translation>フォローアップを予定</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>実施済み</translation>
    </message>
    <message>
        <source>Rescheduled</source>
        <translation>日程変更</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>欠席</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Log call or meeting</source>
        <translation>電話・打ち合わせを記録</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>打ち合わせ</translation>
    </message>
    <message>
        <source>Outgoing (you reached out)</source>
        <translation>発信（こちらから連絡）</translation>
    </message>
    <message>
        <source>Incoming (they reached out)</source>
        <translation>着信（相手から連絡）</translation>
    </message>
    <message>
        <source>Optional, e.g. Renewal</source>
        <translation>任意（例：契約更新）</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>What was discussed, next steps</source>
        <translation>話した内容、次のステップ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>所要時間</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Duration in minutes</source>
        <translation>所要時間（分）</translation>
    </message>
    <message>
        <source>Log meeting</source>
        <translation>打ち合わせを記録</translation>
    </message>
    <message>
        <source>Log call</source>
        <translation>電話を記録</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Contacts</source>
        <translation>連絡先</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>新規連絡先</translation>
    </message>
    <message>
        <source>Edit contact…</source>
        <translation>連絡先を編集…</translation>
    </message>
    <message>
        <source>Custom attributes…</source>
        <translation>カスタム属性…</translation>
    </message>
    <message>
        <source>Manage labels…</source>
        <translation>ラベルの管理…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>インポート…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Back up database…</source>
        <translation>データベースをバックアップ…</translation>
    </message>
    <message>
        <source>Restore backup…</source>
        <translation>バックアップから復元…</translation>
    </message>
    <message>
        <source>Add %n demo contacts</source>
        <translation>デモ用の連絡先を %n 件追加</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>ゴミ箱</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>フィルター</translation>
    </message>
    <message>
        <source>Show the filter builder (Ctrl+Shift+F)</source>
        <translation>フィルタービルダーを表示（Ctrl+Shift+F）</translation>
    </message>
    <message>
        <source>Find duplicates…</source>
        <translation>重複を検出…</translation>
    </message>
    <message>
        <source>About HubDesk</source>
        <translation>HubDesk について</translation>
    </message>
    <message>
        <source>Preferences…</source>
        <translation>環境設定…</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>ユーザーガイド</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>メイン</translation>
    </message>
    <message>
        <source>Search name, email, phone or company  (Ctrl+F)</source>
        <translation>名前・メール・電話番号・会社名で検索（Ctrl+F）</translation>
    </message>
    <message>
        <source>Search contacts</source>
        <translation>連絡先を検索</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>Import messages…</source>
        <translation>メッセージをインポート…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>Trash actions</source>
        <translation>ゴミ箱の操作</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>ツール(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>設定(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Import a file…</source>
        <translation>ファイルをインポート…</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>検索をクリア</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>セグメント</translation>
    </message>
    <message>
        <source>Number of contacts</source>
        <translation>連絡先の件数</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>検索中…</translation>
    </message>
    <message>
        <source>HubDesk</source>
        <translation>HubDesk</translation>
    </message>
    <message>
        <source>%1 of %2 match</source>
        <translation>%2 件中 %1 件が一致</translation>
    </message>
    <message>
        <source>%1 in Trash</source>
        <translation>ゴミ箱に %1 件</translation>
    </message>
    <message>
        <source>%1 from this import</source>
        <translation>このインポートから %1 件</translation>
    </message>
    <message>
        <source>1 contact</source>
        <translation>1 件</translation>
    </message>
    <message>
        <source>%1 contacts</source>
        <translation>%1 件</translation>
    </message>
    <message>
        <source>Clear filter</source>
        <translation>フィルターをクリア</translation>
    </message>
    <message>
        <source>Show all contacts</source>
        <translation>すべての連絡先を表示</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>一致する連絡先はありません</translation>
    </message>
    <message>
        <source>No contact matches this filter.</source>
        <translation>このフィルターに一致する連絡先はありません。</translation>
    </message>
    <message>
        <source>Nothing from this import</source>
        <translation>このインポートの連絡先はありません</translation>
    </message>
    <message>
        <source>The contacts this import created or updated are gone (deleted, or the import was undone).</source>
        <translation>このインポートで作成・更新された連絡先はもうありません（削除されたか、インポートが元に戻されました）。</translation>
    </message>
    <message>
        <source>Trash is empty</source>
        <translation>ゴミ箱は空です</translation>
    </message>
    <message>
        <source>Deleted contacts wait here until you restore them or empty the Trash.</source>
        <translation>削除した連絡先は、復元するかゴミ箱を空にするまでここに残ります。</translation>
    </message>
    <message>
        <source>No contact matches “%1”. Search by name, email, phone or company.</source>
        <translation>「%1」に一致する連絡先はありません。名前・メール・電話番号・会社名で検索できます。</translation>
    </message>
    <message>
        <source>No contacts yet</source>
        <translation>連絡先はまだありません</translation>
    </message>
    <message>
        <source>Import a file or create a contact to get started.</source>
        <translation>ファイルをインポートするか、連絡先を作成して始めましょう。</translation>
    </message>
    <message>
        <source>Imported from %1</source>
        <translation>%1 からインポート</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>インポート %1</translation>
    </message>
    <message>
        <source>or</source>
        <translation>または</translation>
    </message>
    <message>
        <source>Segment: %1</source>
        <translation>セグメント：%1</translation>
    </message>
    <message>
        <source>Saved segment %1</source>
        <translation>セグメント %1 を保存しました</translation>
    </message>
    <message>
        <source>Undoing the import…</source>
        <translation>インポートを元に戻しています…</translation>
    </message>
    <message>
        <source>Import undone: %1 contacts removed or restored</source>
        <translation>インポートを元に戻しました：%1 件の連絡先を削除または復元</translation>
    </message>
    <message>
        <source>Add demo contacts</source>
        <translation>デモ用の連絡先を追加</translation>
    </message>
    <message>
        <source>Add %n made-up demo contacts to this database, beside your own %1 contacts?</source>
        <translation>このデータベースに、既存の %1 件の連絡先とは別に、架空のデモ用連絡先を %n 件追加しますか？</translation>
    </message>
    <message>
        <source>Added %1 demo contacts</source>
        <translation>デモ用の連絡先を %1 件追加しました</translation>
    </message>
    <message>
        <source>That contact is not in the list: clear the search or filter to see it.</source>
        <translation>その連絡先は一覧にありません。検索またはフィルターをクリアすると表示されます。</translation>
    </message>
    <message>
        <source>Back up database</source>
        <translation>データベースをバックアップ</translation>
    </message>
    <message>
        <source>SQLite database (*.db)</source>
        <translation>SQLite データベース (*.db)</translation>
    </message>
    <message>
        <source>Backed up to %1</source>
        <translation>%1 にバックアップしました</translation>
    </message>
</context>
<context>
    <name>MappingModel</name>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Sample values</source>
        <translation>値の例</translation>
    </message>
    <message>
        <source>Guess</source>
        <translation>推測</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>インポート先</translation>
    </message>
    <message>
        <source>— not imported</source>
        <translation>— インポートしない</translation>
    </message>
    <message>
        <source>⚠ also from “%1”</source>
        <translation>⚠「%1」からも</translation>
    </message>
    <message>
        <source>✓ your choice</source>
        <translation>✓ 指定済み</translation>
    </message>
    <message>
        <source>✓ sure</source>
        <translation>✓ 確実</translation>
    </message>
    <message>
        <source>? %1 % — check</source>
        <translation>? %1 % — 要確認</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Match the columns</source>
        <translation>列の対応付け</translation>
    </message>
    <message>
        <source>Choose where each column goes. ✓ marks a sure match, ? a guess to check.</source>
        <translation>各列のインポート先を選んでください。✓ は確実な対応、? は確認が必要な推測です。</translation>
    </message>
    <message>
        <source>Exported from</source>
        <translation>エクスポート元</translation>
    </message>
    <message>
        <source>Any program (match by column names)</source>
        <translation>任意のプログラム（列名で対応付け）</translation>
    </message>
    <message>
        <source>Mapping template</source>
        <translation>対応付けテンプレート</translation>
    </message>
    <message>
        <source>Save as template…</source>
        <translation>テンプレートとして保存…</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>テンプレートを削除</translation>
    </message>
    <message>
        <source>Exported from:</source>
        <translation>エクスポート元：</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>テンプレート：</translation>
    </message>
    <message>
        <source>Column mapping</source>
        <translation>列の対応付け</translation>
    </message>
    <message>
        <source>recognised from the column names</source>
        <translation>列名から認識しました</translation>
    </message>
    <message>
        <source>chosen by you</source>
        <translation>指定されたプログラム</translation>
    </message>
    <message>
        <source>no known program recognised: columns matched by their names</source>
        <translation>既知のプログラムは認識できませんでした。列名で対応付けています</translation>
    </message>
    <message>
        <source>same columns as import %1: its mapping is applied</source>
        <translation>インポート %1 と同じ列のため、その対応付けを適用しました</translation>
    </message>
    <message>
        <source>same columns as template “%1”: its mapping is applied</source>
        <translation>テンプレート「%1」と同じ列のため、その対応付けを適用しました</translation>
    </message>
    <message>
        <source>template “%1” applied</source>
        <translation>テンプレート「%1」を適用しました</translation>
    </message>
    <message>
        <source>; %1 column(s) it does not know were guessed</source>
        <translation>（テンプレートにない %1 列は推測）</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Save mapping template</source>
        <translation>対応付けテンプレートを保存</translation>
    </message>
    <message>
        <source>Template name (saving under an existing name replaces that template):</source>
        <translation>テンプレート名（既存の名前で保存するとそのテンプレートを置き換えます）：</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>保存されませんでした：%1</translation>
    </message>
    <message>
        <source>mapping saved as template “%1”</source>
        <translation>対応付けをテンプレート「%1」として保存しました</translation>
    </message>
    <message>
        <source>Delete mapping template</source>
        <translation>対応付けテンプレートを削除</translation>
    </message>
    <message>
        <source>Delete the mapping template “%1”?
Imports already made are not changed, and the columns shown keep their choices.</source>
        <translation>対応付けテンプレート「%1」を削除しますか？
実行済みのインポートは変わらず、表示中の列の選択もそのまま残ります。</translation>
    </message>
    <message>
        <source>template “%1” deleted; the columns keep their current choices</source>
        <translation>テンプレート「%1」を削除しました。列の選択はそのまま残ります</translation>
    </message>
    <message>
        <source>%1 of %2 columns will be imported.</source>
        <translation>%2 列中 %1 列をインポートします。</translation>
    </message>
    <message>
        <source>%1 guesses to check (?).</source>
        <translation>確認が必要な推測：%1 件（?）。</translation>
    </message>
    <message>
        <source>Choose where at least one column goes.</source>
        <translation>少なくとも 1 列のインポート先を選んでください。</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge contacts</source>
        <translation>連絡先を統合</translation>
    </message>
    <message>
        <source>Pick the value to keep for each field. The other contacts are merged into the kept one and removed; Edit → Undo brings them all back.</source>
        <translation>項目ごとに残す値を選んでください。他の連絡先は残す連絡先に統合されて削除されます。「編集」→「元に戻す」ですべて元に戻せます。</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>統合</translation>
    </message>
    <message>
        <source>#%1 · updated %2</source>
        <translation>#%1 · %2 に更新</translation>
    </message>
    <message>
        <source>Keep this contact</source>
        <translation>この連絡先を残す</translation>
    </message>
    <message>
        <source>Keep %1</source>
        <translation>%1 を残す</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Labels, notes (%1), conversations (%2), additional emails and phones of all %3 contacts are kept. Values not chosen are recorded in a note.</source>
        <translation>%3 件すべての連絡先のラベル、メモ（%1）、会話（%2）、追加のメール・電話番号は引き継がれます。選ばなかった値はメモに記録されます。</translation>
    </message>
    <message>
        <source>Merge %n contacts</source>
        <translation>%n 件の連絡先を統合</translation>
    </message>
</context>
<context>
    <name>MergeFields</name>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>会社名</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>役職</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>タイムゾーン</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>配信状況</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>識別子</translation>
    </message>
</context>
<context>
    <name>MessageBubble</name>
    <message>
        <source>Meeting</source>
        <translation>打ち合わせ</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>You</source>
        <translation>あなた</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>連絡先</translation>
    </message>
    <message>
        <source>Message from %1</source>
        <translation>%1 からのメッセージ</translation>
    </message>
</context>
<context>
    <name>MultiSelectButton</name>
    <message>
        <source>No options</source>
        <translation>選択肢なし</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <source>Values: %1</source>
        <translation>値：%1</translation>
    </message>
    <message>
        <source>Choose values</source>
        <translation>値を選択</translation>
    </message>
</context>
<context>
    <name>NewAttributeDialog</name>
    <message>
        <source>New attribute</source>
        <translation>新しい属性</translation>
    </message>
    <message>
        <source>One option per line</source>
        <translation>1 行に 1 つの選択肢</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>選択肢</translation>
    </message>
    <message>
        <source>Used in imports, exports and the command line (--attr key=value); cannot be changed later</source>
        <translation>インポート、エクスポート、コマンドライン（--attr key=value）で使います。後から変更できません</translation>
    </message>
    <message>
        <source>Add attribute</source>
        <translation>属性を追加</translation>
    </message>
</context>
<context>
    <name>NewMessageDialog</name>
    <message>
        <source>New message</source>
        <translation>新規メッセージ</translation>
    </message>
    <message>
        <source>What you wrote or said</source>
        <translation>書いた内容・話した内容</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>チャネル</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Add message</source>
        <translation>メッセージを追加</translation>
    </message>
    <message>
        <source>Record the message in a new conversation</source>
        <translation>新しい会話としてメッセージを記録</translation>
    </message>
    <message>
        <source>Send with mail app</source>
        <translation>メールアプリで送信</translation>
    </message>
    <message>
        <source>Open the message in your mail app, addressed to %1, and record it</source>
        <translation>%1 宛てのメッセージをメールアプリで開き、記録します</translation>
    </message>
    <message>
        <source>This contact has no email address to send to</source>
        <translation>この連絡先には送信先のメールアドレスがありません</translation>
    </message>
    <message>
        <source>No mail app could be opened; nothing was recorded.</source>
        <translation>メールアプリを開けませんでした。何も記録されていません。</translation>
    </message>
</context>
<context>
    <name>NoteItem</name>
    <message>
        <source>You</source>
        <translation>あなた</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>不明なユーザー</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>編集済み</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>編集</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>メモを編集</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>メモを削除</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>メモを保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Cancel editing note</source>
        <translation>メモの編集をキャンセル</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>メモの本文</translation>
    </message>
    <message>
        <source>Ctrl+Enter saves, Esc cancels</source>
        <translation>Ctrl+Enter で保存、Esc でキャンセル</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <source>Write a note…  (Ctrl+Enter adds it)</source>
        <translation>メモを入力…（Ctrl+Enter で追加）</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>新しいメモ</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>メモを追加</translation>
    </message>
    <message>
        <source>No notes yet</source>
        <translation>メモはまだありません</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <source>Options and preview</source>
        <translation>オプションとプレビュー</translation>
    </message>
    <message>
        <source>Nothing is written yet: the counts below are what the import will do.</source>
        <translation>まだ何も書き込まれていません。下の件数はインポートで行われる処理です。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>インポート</translation>
    </message>
    <message>
        <source>When a contact already exists</source>
        <translation>連絡先がすでに存在する場合</translation>
    </message>
    <message>
        <source>Update it (never overwrites with blanks)</source>
        <translation>更新する（空欄で上書きはしない）</translation>
    </message>
    <message>
        <source>Skip the row</source>
        <translation>その行をスキップ</translation>
    </message>
    <message>
        <source>Create another contact anyway</source>
        <translation>別の連絡先として作成</translation>
    </message>
    <message>
        <source>Only fill fields that are empty</source>
        <translation>空の項目だけを埋める</translation>
    </message>
    <message>
        <source>Find existing contacts by</source>
        <translation>既存の連絡先の照合方法</translation>
    </message>
    <message>
        <source>Email, then phone</source>
        <translation>メール、次に電話番号</translation>
    </message>
    <message>
        <source>Email only</source>
        <translation>メールのみ</translation>
    </message>
    <message>
        <source>Phone only</source>
        <translation>電話番号のみ</translation>
    </message>
    <message>
        <source>Phone numbers without a country code are from</source>
        <translation>国番号のない電話番号の地域</translation>
    </message>
    <message>
        <source>Labels for every imported contact</source>
        <translation>インポートするすべての連絡先に付けるラベル</translation>
    </message>
    <message>
        <source>e.g. Fair 2025, Tokyo — separated by commas</source>
        <translation>例：展示会2025, 東京（カンマ区切り）</translation>
    </message>
    <message>
        <source>Skip rows with questionable values (they go to the rejected-rows file)</source>
        <translation>疑わしい値のある行をスキップする（除外行ファイルに出力されます）</translation>
    </message>
    <message>
        <source>When a contact already exists:</source>
        <translation>連絡先がすでに存在する場合：</translation>
    </message>
    <message>
        <source>Find existing contacts by:</source>
        <translation>既存の連絡先の照合：</translation>
    </message>
    <message>
        <source>Phones without +country are from:</source>
        <translation>+国番号なしの電話番号の地域：</translation>
    </message>
    <message>
        <source>Add labels to every contact:</source>
        <translation>すべての連絡先にラベルを追加：</translation>
    </message>
    <message>
        <source>Checking the file</source>
        <translation>ファイルの確認</translation>
    </message>
    <message>
        <source>Rows read</source>
        <translation>読み込んだ行</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有効</translation>
    </message>
    <message>
        <source>With problems</source>
        <translation>問題あり</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>除外</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>重複</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>見つかった問題</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>ファイルを確認しています…</translation>
    </message>
    <message>
        <source>Checking the file… %1 rows</source>
        <translation>ファイルを確認しています… %1 行</translation>
    </message>
    <message>
        <source>The import will: create new contacts: %1 · update: %2 · skip: %3 · reject: %4</source>
        <translation>インポートの内容：新規作成 %1 · 更新 %2 · スキップ %3 · 除外 %4</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>問題は見つかりませんでした。</translation>
    </message>
    <message>
        <source>Problems (%1 of %2 shown):</source>
        <translation>問題（%2 件中 %1 件を表示）：</translation>
    </message>
</context>
<context>
    <name>PickContactDialog</name>
    <message>
        <source>Choose a contact</source>
        <translation>連絡先を選択</translation>
    </message>
    <message>
        <source>Search for the contact by name, email, phone or company.</source>
        <translation>名前・メール・電話番号・会社名で連絡先を検索してください。</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Search contacts</source>
        <translation>連絡先を検索</translation>
    </message>
    <message>
        <source>Matching contacts</source>
        <translation>一致する連絡先</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>選択</translation>
    </message>
    <message>
        <source>No matching contact.</source>
        <translation>一致する連絡先はありません。</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>ファイルの行</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>除外</translation>
    </message>
    <message>
        <source>Imported, flagged</source>
        <translation>インポート（要確認）</translation>
    </message>
</context>
<context>
    <name>ProfileHeader</name>
    <message>
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>編集</translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation>連絡先を編集</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>新規メッセージ</translation>
    </message>
    <message>
        <source>Merge with…</source>
        <translation>統合先を選択…</translation>
    </message>
    <message>
        <source>Merge with another contact</source>
        <translation>別の連絡先と統合</translation>
    </message>
    <message>
        <source>Find another contact and merge the two</source>
        <translation>別の連絡先を探して 2 件を統合します</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Delete contact</source>
        <translation>連絡先を削除</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>統合…</translation>
    </message>
    <message>
        <source>Merge with the possible duplicate</source>
        <translation>重複の可能性がある連絡先と統合</translation>
    </message>
    <message>
        <source>Not a duplicate</source>
        <translation>重複ではない</translation>
    </message>
    <message>
        <source>Stop suggesting these two</source>
        <translation>この 2 件を候補から外す</translation>
    </message>
    <message>
        <source>Possible duplicate of %1 (%2)</source>
        <translation>%1 と重複の可能性があります（%2）</translation>
    </message>
    <message>
        <source>and %n more</source>
        <translation>ほか %n 件</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（名前なし）</translation>
    </message>
    <message>
        <source>This number does not look valid</source>
        <translation>この番号は正しくないようです</translation>
    </message>
</context>
<context>
    <name>ProfilePanel</name>
    <message>
        <source>Contact details</source>
        <translation>連絡先の詳細</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>会話</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Select a contact</source>
        <translation>連絡先を選択してください</translation>
    </message>
    <message>
        <source>Choose someone in the list to see their details here.</source>
        <translation>一覧から選ぶと、ここに詳細が表示されます。</translation>
    </message>
    <message>
        <source>Contact not found</source>
        <translation>連絡先が見つかりません</translation>
    </message>
    <message>
        <source>It was deleted. Edit → Undo brings it back.</source>
        <translation>削除されました。「編集」→「元に戻す」で元に戻せます。</translation>
    </message>
    <message>
        <source>Merge with…</source>
        <translation>統合先を選択…</translation>
    </message>
    <message>
        <source>Find the contact to merge with %1.</source>
        <translation>%1 と統合する連絡先を探してください。</translation>
    </message>
</context>
<context>
    <name>ReloadBar</name>
    <message>
        <source>This contact was changed by someone else.</source>
        <translation>この連絡先は他の人によって変更されました。</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>再読み込み</translation>
    </message>
    <message>
        <source>Reload the contact</source>
        <translation>連絡先を再読み込み</translation>
    </message>
    <message>
        <source>Show the saved contact; what you have not saved yet is discarded</source>
        <translation>保存されている連絡先を表示します。まだ保存していない内容は破棄されます</translation>
    </message>
</context>
<context>
    <name>ReplyBox</name>
    <message>
        <source>conversation</source>
        <translation>会話</translation>
    </message>
    <message>
        <source>Write a reply…  (Ctrl+Enter adds it)</source>
        <translation>返信を入力…（Ctrl+Enter で追加）</translation>
    </message>
    <message>
        <source>Reply to %1</source>
        <translation>%1 に返信</translation>
    </message>
    <message>
        <source>Add reply</source>
        <translation>返信を追加</translation>
    </message>
    <message>
        <source>Record this reply in the conversation (Ctrl+Enter)</source>
        <translation>この返信を会話に記録（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Send with mail app</source>
        <translation>メールアプリで送信</translation>
    </message>
    <message>
        <source>Open the reply in your mail app, addressed to %1, and record it</source>
        <translation>%1 宛ての返信をメールアプリで開き、記録します</translation>
    </message>
    <message>
        <source>This contact has no email address to send to</source>
        <translation>この連絡先には送信先のメールアドレスがありません</translation>
    </message>
    <message>
        <source>No mail app could be opened; the reply was not recorded.</source>
        <translation>メールアプリを開けませんでした。返信は記録されていません。</translation>
    </message>
</context>
<context>
    <name>RestoreBackup</name>
    <message>
        <source>Restoring a backup works on a database file on this computer. A team server is backed up and restored by its administrator (for example with pg_dump and pg_restore).</source>
        <translation>バックアップからの復元は、このコンピューター上のデータベースファイルが対象です。チームサーバーのバックアップと復元は、サーバーの管理者が行います（pg_dump や pg_restore を使用するなど）。</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>バックアップから復元</translation>
    </message>
    <message>
        <source>HubDesk backups (*.db *.bak *.sqlite);;All files (*)</source>
        <translation>HubDesk のバックアップ (*.db *.bak *.sqlite);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>%1 を確認しています…</translation>
    </message>
    <message>
        <source>This file cannot be restored: %1</source>
        <translation>このファイルは復元できません：%1</translation>
    </message>
    <message>
        <source>Replace the database %1 with the backup %2?

The backup holds %3 contacts (and %4 in the Trash); it was written %5. Everything changed since then is replaced. The current database is kept beside it as a copy ending in “.before-restore-….bak”, so this can be reversed by restoring that copy.

This window closes and opens again on the restored database.</source>
        <translation>データベース %1 をバックアップ %2 で置き換えますか？

このバックアップには連絡先 %3 件（ゴミ箱内 %4 件）が含まれ、%5 に作成されたものです。それ以降の変更はすべて置き換えられます。現在のデータベースは、名前が「.before-restore-….bak」で終わるコピーとして同じ場所に残るため、そのコピーを復元すれば元に戻せます。

このウィンドウはいったん閉じ、復元したデータベースで開き直します。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>復元</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>バックアップを復元しています…</translation>
    </message>
    <message>
        <source>The backup was not restored; the database is as it was: %1</source>
        <translation>バックアップは復元されませんでした。データベースは元のままです：%1</translation>
    </message>
    <message>
        <source> The database before it was kept as %1.</source>
        <translation>復元前のデータベースは %1 として残してあります。</translation>
    </message>
    <message>
        <source>Backup restored.</source>
        <translation>バックアップを復元しました。</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Importing</source>
        <translation>インポート中</translation>
    </message>
    <message>
        <source>You can keep working; cancelling keeps what was imported so far, and it can be undone.</source>
        <translation>作業を続けられます。キャンセルしてもそれまでにインポートした分は残り、元に戻すこともできます。</translation>
    </message>
    <message>
        <source>Show summary</source>
        <translation>結果を表示</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>インポートの進行状況</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>インポートをキャンセル</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>開始しています…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> / %1</translation>
    </message>
    <message>
        <source>%1%2 rows · %3 rows/s</source>
        <translation>%1%2 行 · %3 行/秒</translation>
    </message>
    <message>
        <source>The import stopped: %1</source>
        <translation>インポートが停止しました：%1</translation>
    </message>
</context>
<context>
    <name>SegmentsPanel</name>
    <message>
        <source>Segments</source>
        <translation>セグメント</translation>
    </message>
    <message>
        <source>No segments yet. Build a filter, then choose “Save as segment…” to keep it here.</source>
        <translation>セグメントはまだありません。フィルターを作成し、「セグメントとして保存…」を選ぶとここに保存されます。</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>名前を変更…</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Replace this segment&apos;s filter with the current filter</source>
        <translation>このセグメントのフィルターを現在のフィルターで置き換えます</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <source>Replace segment</source>
        <translation>セグメントを置き換え</translation>
    </message>
    <message>
        <source>A segment named “%1” already exists. Replace its filter with this one?</source>
        <translation>「%1」という名前のセグメントはすでにあります。そのフィルターをこのフィルターで置き換えますか？</translation>
    </message>
    <message>
        <source>No filter is applied: apply one first, then update the segment with it.</source>
        <translation>フィルターが適用されていません。先にフィルターを適用してから、セグメントを更新してください。</translation>
    </message>
    <message>
        <source>Rename segment</source>
        <translation>セグメント名を変更</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新しい名前：</translation>
    </message>
    <message>
        <source>Update segment</source>
        <translation>セグメントを更新</translation>
    </message>
    <message>
        <source>Replace the filter of “%1” with the filter applied now?</source>
        <translation>「%1」のフィルターを現在適用中のフィルターで置き換えますか？</translation>
    </message>
    <message>
        <source>Delete segment</source>
        <translation>セグメントを削除</translation>
    </message>
    <message>
        <source>Delete the segment “%1”? No contacts are deleted.</source>
        <translation>セグメント「%1」を削除しますか？連絡先は削除されません。</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>適用</translation>
    </message>
    <message>
        <source>Update with current filter</source>
        <translation>現在のフィルターで更新</translation>
    </message>
</context>
<context>
    <name>SelectionCommands</name>
    <message>
        <source>Export…</source>
        <translation>エクスポート…</translation>
    </message>
    <message>
        <source>Export selected…</source>
        <translation>選択した連絡先をエクスポート…</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>統合…</translation>
    </message>
    <message>
        <source>Merge the selected contacts into one</source>
        <translation>選択した連絡先を 1 件に統合</translation>
    </message>
    <message>
        <source>&amp;Contacts</source>
        <translation>連絡先(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Merge at most %1 contacts at a time (%2 are selected).</source>
        <translation>一度に統合できるのは %1 件までです（%2 件を選択中）。</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>処理中…</translation>
    </message>
    <message>
        <source>%1 of %2 contacts…</source>
        <translation>%1 / %2 件…</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>完了：%1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセルしました</translation>
    </message>
</context>
<context>
    <name>ServerLoginDialog</name>
    <message>
        <source>Team server</source>
        <translation>チームサーバー</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>Remember in keychain</source>
        <translation>キーチェーンに保存</translation>
    </message>
    <message>
        <source>This computer has no system keychain: the password is used for this session only. The PGPASSWORD variable or a ~/.pgpass file can supply it instead.</source>
        <translation>このコンピューターにはシステムのキーチェーンがないため、パスワードは今回のセッションでのみ使用されます。代わりに環境変数 PGPASSWORD または ~/.pgpass ファイルで指定することもできます。</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>%1 のパスワード：</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>接続</translation>
    </message>
    <message>
        <source>Connecting to the team server %1…</source>
        <translation>チームサーバー %1 に接続しています…</translation>
    </message>
    <message>
        <source>The team server %1 refused the password:
%2</source>
        <translation>チームサーバー %1 にパスワードが拒否されました：
%2</translation>
    </message>
    <message>
        <source>The team server %1 needs your password.
%2</source>
        <translation>チームサーバー %1 に接続するにはパスワードが必要です。
%2</translation>
    </message>
    <message>
        <source>HubDesk could not connect to the team server %1:
%2</source>
        <translation>HubDesk はチームサーバー %1 に接続できませんでした：
%2</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>再試行</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>UTF-8 for Excel (with BOM)</source>
        <translation>UTF-8（Excel 用、BOM 付き）</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>Windows Japanese (Shift_JIS / CP932)</source>
        <translation>Windows 日本語（Shift_JIS / CP932）</translation>
    </message>
    <message>
        <source>Windows Western (cp1252)</source>
        <translation>Windows 西欧（cp1252）</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>環境設定</translation>
    </message>
    <message>
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外観</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>データベース</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>システムの既定</translation>
    </message>
    <message>
        <source>Default phone region</source>
        <translation>既定の電話番号の地域</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>あなたの名前</translation>
    </message>
    <message>
        <source>e.g. Mika Sato</source>
        <translation>例：佐藤 美香</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>言語：</translation>
    </message>
    <message>
        <source>A new language takes effect the next time HubDesk starts.</source>
        <translation>言語の変更は、次回 HubDesk を起動したときに反映されます。</translation>
    </message>
    <message>
        <source>Default phone region:</source>
        <translation>既定の電話番号の地域：</translation>
    </message>
    <message>
        <source>Phone numbers typed without a +country code are read as numbers from this country.</source>
        <translation>+国番号なしで入力した電話番号は、この国の番号として読み取ります。</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>あなたの名前：</translation>
    </message>
    <message>
        <source>Notes and messages you write are signed with this name, so your team knows who wrote them.</source>
        <translation>作成したメモやメッセージにはこの名前が記録され、誰が書いたかチームで分かるようになります。</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>テーマ</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>システムと同じ</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>テーマ：</translation>
    </message>
    <message>
        <source>Same as the system follows your computer&apos;s light or dark mode as it changes; where HubDesk cannot tell, it is light.</source>
        <translation>「システムと同じ」は、コンピューターのライト／ダークモードの切り替えに追従します。判別できない場合はライトになります。</translation>
    </message>
    <message>
        <source>CSV encoding</source>
        <translation>CSV の文字コード</translation>
    </message>
    <message>
        <source>Protect spreadsheets from formulas in cells (a leading &apos; before = + - @)</source>
        <translation>セルの数式から表計算ソフトを保護する（= + - @ の前に &apos; を付ける）</translation>
    </message>
    <message>
        <source>CSV encoding:</source>
        <translation>CSV の文字コード：</translation>
    </message>
    <message>
        <source>File → Export… starts from these; what you choose there is remembered for the next export.</source>
        <translation>「ファイル」→「エクスポート…」はこの設定から始まります。そこで選んだ内容は次回のエクスポートに引き継がれます。</translation>
    </message>
    <message>
        <source>Close HubDesk</source>
        <translation>HubDesk を終了</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Import finished</source>
        <translation>インポート完了</translation>
    </message>
    <message>
        <source>What the import did. Undo removes what it created and puts back what it changed.</source>
        <translation>インポートの結果です。元に戻すと、作成した連絡先は削除され、変更した値は元に戻ります。</translation>
    </message>
    <message>
        <source>Rows read</source>
        <translation>読み込んだ行</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>スキップ</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Save rejected rows…</source>
        <translation>除外された行を保存…</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>インポートを元に戻す</translation>
    </message>
    <message>
        <source>Show imported contacts</source>
        <translation>インポートした連絡先を表示</translation>
    </message>
    <message>
        <source>Close the wizard and list only the contacts this import created or updated</source>
        <translation>ウィザードを閉じ、このインポートで作成・更新された連絡先だけを一覧に表示します</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>インポートをキャンセルしました</translation>
    </message>
    <message>
        <source>Cancelled after row %1: the rest of the file was not read.</source>
        <translation>%1 行目の後でキャンセルしました。残りの行は読み込まれていません。</translation>
    </message>
    <message>
        <source>Imported with questionable values, kept as written and flagged as having problems: %1</source>
        <translation>疑わしい値を含むためそのまま保存し、問題ありとしてマークした連絡先：%1 件</translation>
    </message>
    <message>
        <source>Not imported: %1. Save these rows, fix them in a spreadsheet and import that file.</source>
        <translation>インポートされなかった行：%1 件。これらの行を保存して表計算ソフトで修正し、そのファイルをインポートしてください。</translation>
    </message>
    <message>
        <source>Save rejected rows</source>
        <translation>除外された行を保存</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <source>Rejected rows saved (%1) to %2</source>
        <translation>除外された行（%1 件）を %2 に保存しました</translation>
    </message>
    <message>
        <source>Undo this import? The %1 contacts it created are removed and the %2 it updated get their earlier values back.</source>
        <translation>このインポートを元に戻しますか？作成された %1 件の連絡先は削除され、更新された %2 件は以前の値に戻ります。</translation>
    </message>
    <message>
        <source>Import undone</source>
        <translation>インポートを元に戻しました</translation>
    </message>
    <message>
        <source>Import undone. Contacts removed or restored: %1</source>
        <translation>インポートを元に戻しました。削除または復元した連絡先：%1 件</translation>
    </message>
</context>
<context>
    <name>TargetDelegate</name>
    <message>
        <source>Import column “%1” as</source>
        <translation>列「%1」のインポート先</translation>
    </message>
</context>
<context>
    <name>TeamServerForm</name>
    <message>
        <source>Server</source>
        <translation>サーバー</translation>
    </message>
    <message>
        <source>e.g. db.example.com</source>
        <translation>例：db.example.com</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>Database name</source>
        <translation>データベース名</translation>
    </message>
    <message>
        <source>e.g. hubdesk</source>
        <translation>例：hubdesk</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>TLS encryption</source>
        <translation>TLS 暗号化</translation>
    </message>
    <message>
        <source>Off (disable)</source>
        <translation>使用しない（disable）</translation>
    </message>
    <message>
        <source>When the server offers it (prefer)</source>
        <translation>サーバーが対応している場合（prefer）</translation>
    </message>
    <message>
        <source>Always (require)</source>
        <translation>常に使用（require）</translation>
    </message>
    <message>
        <source>Always, and check the server&apos;s certificate (verify-full)</source>
        <translation>常に使用し、サーバー証明書を検証（verify-full）</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>サーバー：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>ポート：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>データベース：</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>ユーザー：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>パスワード：</translation>
    </message>
    <message>
        <source>TLS:</source>
        <translation>TLS：</translation>
    </message>
    <message>
        <source>Enter the server&apos;s name or address.</source>
        <translation>サーバー名またはアドレスを入力してください。</translation>
    </message>
    <message>
        <source>“%1” is not a server name or address.</source>
        <translation>「%1」は有効なサーバー名またはアドレスではありません。</translation>
    </message>
    <message>
        <source>Enter the name of the database on the server.</source>
        <translation>サーバー上のデータベース名を入力してください。</translation>
    </message>
    <message>
        <source>Enter the user name to log in with.</source>
        <translation>ログインに使うユーザー名を入力してください。</translation>
    </message>
</context>
<context>
    <name>ThreadView</name>
    <message>
        <source>conversation</source>
        <translation>会話</translation>
    </message>
    <message>
        <source>Status of %1</source>
        <translation>%1 のステータス</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>No messages</source>
        <translation>メッセージはありません</translation>
    </message>
    <message>
        <source>Show 1 earlier message</source>
        <translation>以前のメッセージを 1 件表示</translation>
    </message>
    <message>
        <source>Show %n earlier messages</source>
        <translation>以前のメッセージを %n 件表示</translation>
    </message>
    <message>
        <source>Show %1 of %2 earlier messages</source>
        <translation>以前のメッセージ %2 件中 %1 件を表示</translation>
    </message>
</context>
<context>
    <name>TimezoneCombo</name>
    <message>
        <source>None — type a city, e.g. Tokyo</source>
        <translation>なし（都市名を入力。例：Tokyo）</translation>
    </message>
</context>
<context>
    <name>UserGuide</name>
    <message>
        <source>The user guide is not installed here (%1).</source>
        <translation>ユーザーガイドがインストールされていません（%1）。</translation>
    </message>
    <message>
        <source>No program opened the user guide. It is a text file; open %1 with any text editor.</source>
        <translation>ユーザーガイドを開けるプログラムがありませんでした。テキストファイルなので、%1 を任意のテキストエディターで開いてください。</translation>
    </message>
</context>
<context>
    <name>ValueEditor</name>
    <message>
        <source>and</source>
        <translation>～</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Upper value</source>
        <translation>上限の値</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>終了日</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <source>Number of days</source>
        <translation>日数</translation>
    </message>
</context>
<context>
    <name>WarningBar</name>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>channels</name>
    <message>
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>打ち合わせ</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未対応</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>保留中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解決済み</translation>
    </message>
</context>
<context>
    <name>format</name>
    <message>
        <source>just now</source>
        <translation>たった今</translation>
    </message>
    <message>
        <source>%n min ago</source>
        <translation>%n 分前</translation>
    </message>
    <message>
        <source>%n h ago</source>
        <translation>%n 時間前</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>昨日</translation>
    </message>
    <message>
        <source>%n days ago</source>
        <translation>%n 日前</translation>
    </message>
    <message>
        <source>Subscribed</source>
        <translation>配信中</translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation>配信停止</translation>
    </message>
</context>
<context>
    <name>message_times</name>
    <message>
        <source>MMM d</source>
        <extracomment>A QLocale date pattern: MMM the month&apos;s short name, d the day, yyyy the year.</extracomment>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>MMM d, yyyy</source>
        <extracomment>A QLocale date pattern: MMM the month&apos;s short name, d the day, yyyy the year.</extracomment>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <source>their time %1 (%2)</source>
        <translation>相手の時刻 %1（%2）</translation>
    </message>
    <message>
        <source>%n min</source>
        <translation>%n 分</translation>
    </message>
    <message>
        <source>%n h</source>
        <translation>%n 時間</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 時間 %2 分</translation>
    </message>
</context>
<context>
    <name>times</name>
    <message>
        <source>Mon</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>火</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>水</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>木</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>金</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>土</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>日</translation>
    </message>
</context>
</TS>
