"""Header → target tables for the contact files other programs write.

Headers are compared by `header_key` (width, case, spaces, `-` and `_` ignored), so
"E-mail 2 Address", "E-Mail 2 Address" and "email_2_address" are one header. Columns a
preset knows but HubDesk has no field for go to NOTE ("Birthday: 1975-12-12" lines in one
note per contact) rather than being dropped; pure bookkeeping (types, sensitivity, display
names, the formatted copy of an address already mapped part by part) is IGNORE.

Choices that apply to every preset:
- One address per contact: the business/work address fills the address fields, home and
  other addresses go to the note.
- Mobile numbers are the primary phone, office/home numbers EXTRA_PHONE (row_draft promotes
  the first extra when there is no primary); faxes, pagers and switchboards ("company main
  phone") go to the note, since matching duplicates on a shared switchboard number would
  merge colleagues.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from hubdesk.core.io.draft import (
    EXTRA_EMAIL,
    EXTRA_PHONE,
    FULL_NAME,
    IGNORE,
    LABELS,
    NEW_ATTRIBUTE,
    NOTE,
)

_DROP = re.compile(r"[\s_\-]+")


def header_key(header: str) -> str:
    """The form two headers are compared in: 'E-Mail 2 Address' == 'email2address'."""
    return _DROP.sub("", unicodedata.normalize("NFKC", header or "").casefold())


@dataclass(frozen=True)
class Preset:
    name: str
    label: str  # shown in the wizard
    headers: dict[str, str]  # header_key → target
    patterns: tuple[tuple[re.Pattern[str], str], ...] = ()  # for numbered groups
    others: str | None = None  # target for columns the preset does not name (Chatwoot)
    exact: frozenset[str] = field(default_factory=frozenset)  # headers as the program writes

    def target(self, header: str) -> str | None:
        key = header_key(header)
        if key in self.headers:
            return self.headers[key]
        for pattern, target in self.patterns:
            if pattern.fullmatch(key):
                return target
        return None


def _preset(name: str, label: str, table: dict[str, str],
            patterns: tuple[tuple[str, str], ...] = (), others: str | None = None) -> Preset:
    return Preset(name, label, {header_key(h): t for h, t in table.items()},
                  tuple((re.compile(p), t) for p, t in patterns), others,
                  frozenset(h.strip() for h in table))


def _note(*headers: str) -> dict[str, str]:
    return dict.fromkeys(headers, NOTE)


def _ignore(*headers: str) -> dict[str, str]:
    return dict.fromkeys(headers, IGNORE)


# Google writes E-mail/Phone/Address/... groups "as many as the data needs"; the first
# address and organisation fill the fields, later ones reach the note whole.
_GOOGLE_GROUPS = (
    (r"email\d+value", "email"),
    (r"phone\d+value", "phone"),
    (r"(email|phone)\d+(type|label)", IGNORE),  # "* Home": row_draft reads the marker
    (r"address1(pobox|extendedaddress)", NOTE),
    (r"address1(type|label|formatted)", IGNORE),
    (r"address\d+formatted", NOTE),
    (r"address\d+(type|label|street|city|pobox|region|postalcode|country|extendedaddress)",
     IGNORE),
    (r"organization\d+(type|label)", IGNORE),
    (r"organization\d+\w+", NOTE),
    (r"(website|relation|event|im|customfield|externalid|calendarlink|sip|jot|"
     r"userdefinedfield|location|hobby|interest|clientdefined)\d+\w+", NOTE),
)

_GOOGLE_COMMON = {
    "Address 1 - Street": "address_street", "Address 1 - City": "address_city",
    "Address 1 - Region": "address_region", "Address 1 - Postal Code": "address_postal_code",
    "Address 1 - Country": "address_country",
    "Organization 1 - Name": "company", "Organization 1 - Title": "job_title",
    "Notes": NOTE, "Birthday": NOTE, "Nickname": NOTE, "Name Prefix": NOTE,
    "Name Suffix": NOTE, "Initials": IGNORE, "Photo": IGNORE,
}

GOOGLE = _preset("google", "Google Contacts", {
    **_GOOGLE_COMMON,
    "First Name": "first_name", "Last Name": "last_name",
    "Phonetic First Name": "first_name_reading", "Phonetic Last Name": "last_name_reading",
    "Organization Name": "company", "Organization Title": "job_title",
    "Labels": LABELS,
    **_note("Middle Name", "Phonetic Middle Name", "File As", "Organization Department",
            "Organization Phonetic Name", "Organization Symbol", "Organization Location",
            "Organization Job Description"),
}, _GOOGLE_GROUPS)

GOOGLE_LEGACY = _preset("google_legacy", "Google Contacts (old format)", {
    **_GOOGLE_COMMON,
    "Name": FULL_NAME, "Given Name": "first_name", "Family Name": "last_name",
    "Given Name Yomi": "first_name_reading", "Family Name Yomi": "last_name_reading",
    "Group Membership": LABELS,
    **_note("Additional Name", "Yomi Name", "Additional Name Yomi", "Short Name",
            "Maiden Name", "Gender", "Location", "Occupation", "Hobby", "Subject"),
    **_ignore("Billing Information", "Directory Server", "Mileage", "Sensitivity", "Priority"),
}, _GOOGLE_GROUPS)

# Outlook headers are translated and reordered by the UI language; these are the English
# ones (Outlook 2010 and later, plus the Yomi columns of Japanese-capable installs).
_OUTLOOK_ADDRESS = {"Business Street": "address_street", "Business City": "address_city",
                    "Business State": "address_region",
                    "Business Postal Code": "address_postal_code",
                    "Business Country/Region": "address_country",
                    "Business Country": "address_country"}
OUTLOOK = _preset("outlook", "Outlook", {
    "First Name": "first_name", "Last Name": "last_name",
    "Given Yomi": "first_name_reading", "Surname Yomi": "last_name_reading",
    "Company": "company", "Job Title": "job_title", **_OUTLOOK_ADDRESS,
    "E-mail Address": "email", "E-mail 2 Address": "email", "E-mail 3 Address": "email",
    "Mobile Phone": "phone", "Primary Phone": "phone",
    **dict.fromkeys(("Business Phone", "Business Phone 2", "Home Phone", "Home Phone 2",
                     "Car Phone", "Other Phone"), EXTRA_PHONE),
    "Categories": LABELS, "Notes": NOTE,
    **_note("Title", "Middle Name", "Suffix", "Nickname", "Department", "Company Yomi",
            "Business Street 2", "Business Street 3", "Business Address PO Box",
            "Home Street", "Home Street 2", "Home Street 3", "Home City", "Home State",
            "Home Postal Code", "Home Country/Region", "Home Address PO Box",
            "Other Street", "Other Street 2", "Other Street 3", "Other City", "Other State",
            "Other Postal Code", "Other Country/Region", "Other Address PO Box",
            "Assistant's Phone", "Business Fax", "Callback", "Company Main Phone",
            "Home Fax", "ISDN", "Other Fax", "Pager", "Radio Phone", "TTY/TDD Phone",
            "Telex", "Anniversary", "Assistant's Name", "Birthday", "Children", "Gender",
            "Hobby", "Keywords", "Language", "Location", "Manager's Name", "Office Location",
            "Profession", "Referred By", "Spouse", "Schools", "User 1", "User 2", "User 3",
            "User 4", "Web Page", "Personal Web Page"),
    **_ignore("Account", "Billing Information", "Directory Server", "E-mail Type",
              "E-mail Display Name", "E-mail 2 Type", "E-mail 2 Display Name",
              "E-mail 3 Type", "E-mail 3 Display Name", "Government ID Number", "Initials",
              "Internet Free Busy", "Mileage", "Organizational ID Number", "Priority",
              "Private", "Sensitivity"),
})

# Japanese Outlook: 2010+ writes "番地 (会社)"; older versions and some converters write
# "勤務先番地"; readings appear as "姓フリガナ" / "名前フリガナ" or "姓 (フリガナ)" etc.
_READINGS_JA = {
    **dict.fromkeys(("姓フリガナ", "姓 (フリガナ)", "姓 (ふりがな)", "姓ふりがな", "姓 (よみ)",
                     "姓よみ", "フリガナ (姓)", "ふりがな (姓)"), "last_name_reading"),
    **dict.fromkeys(("名前フリガナ", "名フリガナ", "名 (フリガナ)", "名 (ふりがな)", "名ふりがな",
                     "名 (よみ)", "名よみ", "フリガナ (名)", "ふりがな (名)"),
                    "first_name_reading"),
}
OUTLOOK_JA = _preset("outlook_ja", "Outlook (日本語)", {
    "名": "first_name", "姓": "last_name", **_READINGS_JA,
    "会社名": "company", "役職": "job_title",
    "番地 (会社)": "address_street", "市町村 (会社)": "address_city",
    "都道府県 (会社)": "address_region", "郵便番号 (会社)": "address_postal_code",
    "国 (会社)/地域": "address_country",
    "勤務先番地": "address_street", "勤務先市区町村": "address_city",
    "勤務先都道府県": "address_region", "勤務先郵便番号": "address_postal_code",
    "勤務先国": "address_country", "勤務先国/地域": "address_country",
    "電子メール アドレス": "email", "電子メール 2 アドレス": "email",
    "電子メール 3 アドレス": "email",
    "携帯電話": "phone", "通常の電話": "phone",
    **dict.fromkeys(("会社電話", "会社電話 2", "自宅電話", "自宅電話 2", "自動車電話",
                     "その他の電話", "勤務先電話", "勤務先電話 2"), EXTRA_PHONE),
    "分類": LABELS, "メモ": NOTE,
    **_note("肩書き", "ミドル ネーム", "敬称", "部署", "会社名フリガナ",
            "住所 2 (会社)", "住所 3 (会社)", "会社住所私書箱",
            "番地 (自宅)", "住所 2 (自宅)", "住所 3 (自宅)", "市町村 (自宅)", "都道府県 (自宅)",
            "郵便番号 (自宅)", "国 (自宅)/地域", "自宅住所私書箱",
            "番地 (その他)", "住所 2 (その他)", "住所 3 (その他)", "市町村 (その他)",
            "都道府県 (その他)", "郵便番号 (その他)", "国 (その他)/地域", "その他住所私書箱",
            "自宅番地", "自宅市区町村", "自宅都道府県", "自宅郵便番号", "自宅国", "自宅国/地域",
            "その他番地", "その他市区町村", "その他都道府県", "その他郵便番号", "その他国",
            "秘書の電話", "会社 FAX", "コールバック", "会社代表電話", "自宅 FAX", "ISDN",
            "その他の FAX", "ポケットベル", "無線電話", "TTY/TDD", "テレックス", "Web ページ",
            "キーワード", "マネージャー", "ユーザー 1", "ユーザー 2", "ユーザー 3", "ユーザー 4",
            "記念日", "言語", "参照事項", "子供", "事業所", "趣味", "場所", "職業", "性別",
            "誕生日", "配偶者", "秘書の氏名", "ニックネーム"),
    **_ignore("ID 番号", "アカウント", "イニシャル", "インターネット空き時間情報",
              "ディレクトリ サーバー", "プライベート", "会社 ID", "経費情報", "支払い条件",
              "電子メールの種類", "電子メール表示名", "電子メール 2 の種類", "電子メール 2 表示名",
              "電子メール 3 の種類", "電子メール 3 表示名", "秘密度", "優先度"),
})

THUNDERBIRD = _preset("thunderbird", "Thunderbird", {
    "First Name": "first_name", "Last Name": "last_name", "Display Name": FULL_NAME,
    "Primary Email": "email", "Secondary Email": "email",
    "Mobile Number": "phone", "Work Phone": EXTRA_PHONE, "Home Phone": EXTRA_PHONE,
    "Organization": "company", "Job Title": "job_title",
    "Work Address": "address_street", "Work City": "address_city",
    "Work State": "address_region", "Work ZipCode": "address_postal_code",
    "Work Country": "address_country", "Notes": NOTE,
    **_note("Nickname", "Screen Name", "Fax Number", "Pager Number", "Home Address",
            "Home Address 2", "Home City", "Home State", "Home ZipCode", "Home Country",
            "Work Address 2", "Department", "Web Page 1", "Web Page 2", "Birth Year",
            "Birth Month", "Birth Day", "Anniversary Year", "Anniversary Month",
            "Anniversary Day", "Custom 1", "Custom 2", "Custom 3", "Custom 4"),
})

# Chatwoot's importer reads name, email, phone_number, identifier, company and city and files
# every other column as a custom attribute: files written for it (MessageHub too) mean that.
CHATWOOT = _preset("chatwoot", "Chatwoot / MessageHub", {
    "name": FULL_NAME, "first_name": "first_name", "last_name": "last_name",
    "email": "email", "phone_number": "phone", "identifier": "external_id",
    "company": "company", "company_name": "company", "city": "address_city",
    "country_code": "address_country", "additional_attributes": NOTE,
    "custom_attributes": NOTE, "location": NOTE, "middle_name": NOTE,
    **_ignore("id", "account_id", "created_at", "updated_at", "last_activity_at",
              "contact_type", "blocked", "company_id"),
}, others=NEW_ATTRIBUTE)

HUBSPOT = _preset("hubspot", "HubSpot", {
    "Record ID": "external_id", "First Name": "first_name", "Last Name": "last_name",
    "Email": "email", "Phone Number": "phone", "Mobile Phone Number": "phone",
    "Company Name": "company", "Job Title": "job_title",
    "Street Address": "address_street", "City": "address_city",
    "State/Region": "address_region", "Postal Code": "address_postal_code",
    "Country/Region": "address_country", "Time Zone": "timezone",
    **dict.fromkeys(("Lifecycle Stage", "Lead Status", "Contact owner",
                     "Marketing contact status", "Original Source", "Persona",
                     "Industry"), NEW_ATTRIBUTE),
    **_note("Website URL", "Fax Number", "Associated Company", "Message"),
    **_ignore("Create Date", "Last Activity Date", "Last Modified Date", "Email Domain",
              "Primary Associated Company ID"),
})

# The columns vCards are flattened into (table.VCARD_COLUMNS).
VCARD = _preset("vcard", "vCard", {
    "Full Name": FULL_NAME, "First Name": "first_name", "Last Name": "last_name",
    "Phonetic First Name": "first_name_reading", "Phonetic Last Name": "last_name_reading",
    "E-mail": "email", "Phone": "phone", "Organization": "company", "Title": "job_title",
    "Street": "address_street", "City": "address_city", "Region": "address_region",
    "Postal Code": "address_postal_code", "Country": "address_country",
    "Categories": LABELS, "Note": NOTE, "Time Zone": "timezone", "UID": "external_id",
    **_note("Middle Name", "Prefix", "Suffix", "Nickname", "Department", "Birthday", "URL"),
})

# Order breaks ties in detection: a more specific source first.
PRESETS: dict[str, Preset] = {p.name: p for p in (
    VCARD, GOOGLE, GOOGLE_LEGACY, OUTLOOK, OUTLOOK_JA, THUNDERBIRD, HUBSPOT, CHATWOOT,
)}

# Headers whose NOTE value is the note itself (no "Header: " prefix in the joined note).
NOTE_HEADERS = frozenset(header_key(h) for h in (
    "Notes", "Note", "メモ", "備考", "Comments", "Comment", "Notizen", "Notiz", "Remarques",
    "Notas", "コメント", "notes", "description",
))


# --- the words fuzzy matching knows (mapping.py normalises them like headers) ----------

# Whole-header names per target, compared with the header as a whole.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "first_name": ("first name", "firstname", "given name", "forename", "first", "vorname",
                   "prénom", "prenom", "nombre", "名", "下の名前"),
    "last_name": ("last name", "lastname", "surname", "family name", "last", "nachname",
                  "nom", "nom de famille", "apellido", "apellidos", "姓", "苗字", "名字", "氏"),
    "first_name_reading": ("first name reading", "phonetic first name", "given name yomi",
                           "given yomi", "名前フリガナ", "名フリガナ", "メイ"),
    "last_name_reading": ("last name reading", "phonetic last name", "family name yomi",
                          "surname yomi", "姓フリガナ", "セイ"),
    FULL_NAME: ("name", "full name", "fullname", "display name", "contact name", "contact",
                "氏名", "名前", "お名前", "フルネーム", "表示名", "nom complet",
                "vollständiger name", "nombre completo"),
    "email": ("email", "e mail", "email address", "e mail address", "mail", "mail address",
              "primary email", "メール", "メールアドレス", "eメール", "電子メール",
              "電子メールアドレス", "mailadresse", "courriel", "adresse e mail", "correo",
              "correo electrónico"),
    EXTRA_EMAIL: ("secondary email", "other email", "alternate email", "alternative email",
                  "additional email", "サブメールアドレス", "予備メールアドレス"),
    "phone": ("phone", "phone number", "telephone", "tel", "mobile", "mobile phone",
              "mobile number", "cell", "cell phone", "telefon", "telefonnummer", "handy",
              "mobil", "mobiltelefon", "téléphone", "portable", "teléfono", "móvil", "電話",
              "電話番号", "携帯", "携帯電話", "携帯番号", "携帯電話番号", "連絡先"),
    EXTRA_PHONE: ("secondary phone", "other phone", "alternate phone", "additional phone"),
    "company": ("company", "company name", "organization", "organisation",
                "organization name", "employer", "business", "firma", "unternehmen",
                "société", "entreprise", "empresa", "会社", "会社名", "企業", "企業名",
                "勤務先", "勤務先名", "法人名", "所属", "組織", "社名"),
    "job_title": ("job title", "jobtitle", "position", "role", "berufsbezeichnung", "poste",
                  "fonction", "cargo", "役職", "肩書", "肩書き", "職位"),
    "timezone": ("time zone", "timezone", "tz", "zeitzone", "fuseau horaire", "タイムゾーン"),
    "address_street": ("street", "street address", "address", "address line", "straße",
                       "strasse", "adresse", "rue", "dirección", "calle", "住所", "番地",
                       "所在地"),
    "address_city": ("city", "town", "stadt", "ort", "ville", "ciudad", "市区町村", "市町村",
                     "市区郡"),
    "address_region": ("region", "state", "province", "prefecture", "state region", "county",
                       "bundesland", "état", "estado", "都道府県", "県"),
    "address_postal_code": ("postal code", "postcode", "zip", "zip code", "zipcode", "plz",
                            "postleitzahl", "code postal", "código postal", "郵便番号", "〒"),
    "address_country": ("country", "country region", "land", "pays", "país", "国", "国名",
                        "国 地域"),
    "subscription_status": ("subscription", "subscription status", "subscribed", "opt in",
                            "newsletter", "購読", "配信", "配信状況", "メルマガ"),
    "external_id": ("identifier", "external id", "id", "customer id", "contact id", "uid",
                    "record id", "顧客id", "顧客番号", "会員番号", "会員id"),
    LABELS: ("labels", "label", "tags", "tag", "categories", "category", "groups", "group",
             "group membership", "segments", "lists", "kategorien", "étiquettes", "ラベル",
             "タグ", "分類", "カテゴリ", "カテゴリー", "グループ"),
    NOTE: ("notes", "note", "memo", "comments", "comment", "remarks", "description",
           "notizen", "notiz", "bemerkung", "remarques", "notas", "メモ", "備考", "コメント",
           "注記", "特記事項"),
}

# Words that, inside a longer header, say which field it is ("Work Phone", "会社電話").
PARTS: dict[str, tuple[str, ...]] = {
    "email": ("email", "e mail", "email address", "e mail address", "mail", "courriel",
              "メール"),
    "phone": ("phone", "telephone", "tel", "mobile", "cell", "telefon", "handy", "mobil",
              "電話", "携帯"),
    "company": ("company", "organization", "organisation", "employer", "firma", "会社",
                "企業", "勤務先", "法人", "組織"),
    "job_title": ("job title", "position", "役職", "肩書"),
    "first_name": ("first name", "given name", "forename", "vorname"),
    "last_name": ("last name", "surname", "family name", "nachname"),
    "address_street": ("street", "address", "straße", "strasse", "住所", "番地"),
    "address_city": ("city", "town", "stadt", "市区町村", "市町村"),
    "address_region": ("state", "region", "province", "prefecture", "都道府県"),
    "address_postal_code": ("postal code", "postcode", "zip", "zipcode", "plz", "郵便番号"),
    "address_country": ("country",),
    NOTE: ("notes", "memo", "メモ", "備考"),
    LABELS: ("categories", "labels", "tags"),
}

# A header with one of these is bookkeeping about a value ("E-mail Type", "IP Address",
# "Email Opt Out"): only an exact name may map it.
VETO = ("type", "typ", "label", "kind", "display", "ip", "url", "web", "website", "fax",
        "pager", "date", "datum", "status", "opt", "optout", "bounce", "consent", "password",
        "種類", "表示名", "日付", "日時", "状態", "パスワード", "ファックス")

# Words that make a name column its reading.
READING_MARKS = ("フリガナ", "ふりがな", "よみがな", "よみ", "読み", "カナ", "かな", "yomi",
                 "phonetic", "reading", "kana", "furigana")
