"""Realistic demo contacts, in bulk: a million in a few minutes.

Half Japanese (kanji names with kana readings, Japanese companies and numbers), half
international; labels, custom attributes of several types, conversations and notes.
"""

from __future__ import annotations

import json
import random
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, timedelta

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from hubdesk.core.clock import utcnow
from hubdesk.core.db import sync_id_sequences
from hubdesk.core.models import (
    AttributeDefinition,
    AttributeValue,
    Contact,
    ContactLabel,
    Conversation,
    Label,
    Message,
    Note,
)
from hubdesk.core.normalize import fold
from hubdesk.core.searchtext import derived_columns

JP_SURNAMES = [
    ("佐藤", "サトウ", "sato"),
    ("鈴木", "スズキ", "suzuki"),
    ("高橋", "タカハシ", "takahashi"),
    ("田中", "タナカ", "tanaka"),
    ("伊藤", "イトウ", "ito"),
    ("渡辺", "ワタナベ", "watanabe"),
    ("山本", "ヤマモト", "yamamoto"),
    ("中村", "ナカムラ", "nakamura"),
    ("小林", "コバヤシ", "kobayashi"),
    ("加藤", "カトウ", "kato"),
    ("吉田", "ヨシダ", "yoshida"),
    ("山田", "ヤマダ", "yamada"),
    ("佐々木", "ササキ", "sasaki"),
    ("山口", "ヤマグチ", "yamaguchi"),
    ("松本", "マツモト", "matsumoto"),
    ("井上", "イノウエ", "inoue"),
    ("木村", "キムラ", "kimura"),
    ("林", "ハヤシ", "hayashi"),
    ("斎藤", "サイトウ", "saito"),
    ("清水", "シミズ", "shimizu"),
    ("森", "モリ", "mori"),
    ("池田", "イケダ", "ikeda"),
    ("橋本", "ハシモト", "hashimoto"),
    ("石川", "イシカワ", "ishikawa"),
    ("前田", "マエダ", "maeda"),
    ("藤田", "フジタ", "fujita"),
    ("岡田", "オカダ", "okada"),
    ("長谷川", "ハセガワ", "hasegawa"),
    ("村上", "ムラカミ", "murakami"),
    ("近藤", "コンドウ", "kondo"),
]
JP_GIVEN = [
    ("太郎", "タロウ", "taro"),
    ("花子", "ハナコ", "hanako"),
    ("翔太", "ショウタ", "shota"),
    ("陽菜", "ヒナ", "hina"),
    ("大輝", "ダイキ", "daiki"),
    ("美咲", "ミサキ", "misaki"),
    ("健", "ケン", "ken"),
    ("さくら", "サクラ", "sakura"),
    ("蓮", "レン", "ren"),
    ("結衣", "ユイ", "yui"),
    ("拓海", "タクミ", "takumi"),
    ("葵", "アオイ", "aoi"),
    ("悠真", "ユウマ", "yuma"),
    ("真由美", "マユミ", "mayumi"),
    ("直樹", "ナオキ", "naoki"),
    ("恵", "メグミ", "megumi"),
    ("誠", "マコト", "makoto"),
    ("彩", "アヤ", "aya"),
    ("大和", "ヤマト", "yamato"),
    ("千尋", "チヒロ", "chihiro"),
]
JP_COMPANIES = [
    "株式会社山田商事",
    "東京テクノロジー株式会社",
    "さくらソリューションズ",
    "株式会社ミライ",
    "大阪物産株式会社",
    "株式会社ひかり工業",
    "みどり銀行",
    "株式会社アオバ",
    "京都デザイン合同会社",
    "北海道フーズ株式会社",
    "株式会社ネクスト",
    "富士システム株式会社",
]
JP_DOMAINS = ["example.co.jp", "example.jp", "mail.example.com"]
JP_CITIES = [
    ("東京都", "渋谷区"),
    ("東京都", "新宿区"),
    ("大阪府", "大阪市"),
    ("京都府", "京都市"),
    ("北海道", "札幌市"),
    ("福岡県", "福岡市"),
    ("愛知県", "名古屋市"),
    ("神奈川県", "横浜市"),
]
INTL_FIRST = [
    "James",
    "Mary",
    "Olivia",
    "Liam",
    "Emma",
    "Noah",
    "Sophie",
    "Lucas",
    "Mia",
    "Ethan",
    "Chloé",
    "Léa",
    "Hugo",
    "Anna",
    "Lukas",
    "Mateo",
    "Isabella",
    "Zoë",
    "Amelia",
    "Oliver",
    "Fatima",
    "Ana",
    "João",
    "Priya",
    "Chen",
]
INTL_LAST = [
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Garcia",
    "Miller",
    "Davis",
    "Martin",
    "Bernard",
    "Dubois",
    "Müller",
    "Schmidt",
    "Rossi",
    "Silva",
    "Novak",
    "O'Brien",
    "Kowalski",
    "Jensen",
    "Patel",
    "Nguyen",
    "Kim",
    "López",
    "Anderson",
    "Taylor",
]
INTL_COMPANIES = [
    "Acme Corp",
    "Globex",
    "Initech",
    "Umbrella Ltd",
    "Stark Industries",
    "Wayne Enterprises",
    "Hooli",
    "Vandelay Industries",
    "Soylent GmbH",
    "Cyberdyne Systems",
    "Nordwind AB",
    "Blue Harbor SARL",
    "",
]
INTL_PLACES = [  # country, timezone, city, phone country code, national number length
    ("US", "America/New_York", "New York", "1", 10),
    ("US", "America/Los_Angeles", "San Francisco", "1", 10),
    ("GB", "Europe/London", "London", "44", 10),
    ("DE", "Europe/Berlin", "Berlin", "49", 11),
    ("FR", "Europe/Paris", "Paris", "33", 9),
    ("AU", "Australia/Sydney", "Sydney", "61", 9),
    ("BR", "America/Sao_Paulo", "São Paulo", "55", 11),
    ("IN", "Asia/Kolkata", "Bengaluru", "91", 10),
]
US_AREA = ["212", "415", "646", "312", "617", "206"]
LABELS = [
    ("vip", "#d97706"),
    ("lead", "#2563eb"),
    ("customer", "#16a34a"),
    ("churned", "#dc2626"),
    ("partner", "#7c3aed"),
    ("newsletter", "#0891b2"),
    ("要フォロー", "#db2777"),
]
ATTRIBUTES = [
    ("account_size", "Account size", "number", None),
    ("plan", "Plan", "list", ["free", "pro", "enterprise"]),
    ("renewal_date", "Renewal date", "date", None),
    ("mrr", "Monthly revenue", "currency", None),
    ("website", "Website", "link", None),
    ("beta_tester", "Beta tester", "checkbox", None),
]
SUBJECTS = [
    "Question about pricing",
    "請求書について",
    "Onboarding call",
    "納期の確認",
    "Feature request",
    "Renewal",
    "お見積りのお願い",
    "Login problem",
]
BODIES = [
    "Thanks for getting back to me.",
    "いつもお世話になっております。",
    "Could you send the invoice?",
    "承知しました。よろしくお願いいたします。",
    "We would like to upgrade to the pro plan.",
    "Let's schedule a call next week.",
    "資料を送付いたしました。",
]
NOTES = [
    "Prefers email over phone.",
    "展示会で名刺交換。",
    "Decision maker for the renewal.",
    "Call back after the holidays.",
    "担当者変更あり（前任：佐藤様）。",
]
BATCH = 5000


def _ensure_catalogue(session: Session, now: datetime) -> tuple[list[int], dict[str, int]]:
    label_ids = []
    for name, color in LABELS:
        existing = session.scalar(select(Label.id).where(Label.name_key == fold(name)))
        if existing is None:
            lb = Label(name=name, name_key=fold(name), color=color, created_at=now)
            session.add(lb)
            session.flush()
            existing = lb.id
        label_ids.append(existing)
    attr_ids = {}
    for key, label, type_, options in ATTRIBUTES:
        existing = session.scalar(
            select(AttributeDefinition.id).where(AttributeDefinition.key == key)
        )
        if existing is None:
            d = AttributeDefinition(
                key=key,
                label=label,
                type=type_,
                created_at=now,
                options=json.dumps(options) if options else None,
            )
            session.add(d)
            session.flush()
            existing = d.id
        attr_ids[key] = existing
    return label_ids, attr_ids


def _person(rng: random.Random, serial: int) -> dict:
    if rng.random() < 0.5:
        (last, last_r, last_a), (first, first_r, first_a) = (
            rng.choice(JP_SURNAMES),
            rng.choice(JP_GIVEN),
        )
        pref, city = rng.choice(JP_CITIES)
        mobile = rng.choice(["90", "80", "70"])
        return {
            "first_name": first,
            "last_name": last,
            "first_name_reading": first_r,
            "last_name_reading": last_r,
            "email": f"{first_a}.{last_a}{serial}@{rng.choice(JP_DOMAINS)}",
            "phone": f"+81{mobile}{rng.randrange(10**8):08d}",
            "company": rng.choice(JP_COMPANIES),
            "timezone": "Asia/Tokyo",
            "address_region": pref,
            "address_city": city,
            "address_country": "JP",
            "address_postal_code": f"{rng.randrange(100, 999)}-{rng.randrange(10000):04d}",
        }
    first, last = rng.choice(INTL_FIRST), rng.choice(INTL_LAST)
    country, tz, city, cc, length = rng.choice(INTL_PLACES)
    if cc == "1":
        national = rng.choice(US_AREA) + f"555{rng.randrange(100, 200):04d}"
    else:
        national = "7" + "".join(str(rng.randrange(10)) for _ in range(length - 1))
        if cc == "44":
            national = "7700900" + f"{rng.randrange(1000):03d}"
        elif cc == "49":
            national = "1512" + f"{rng.randrange(10**7):07d}"
        elif cc == "33":
            national = "6" + f"{rng.randrange(10**8):08d}"
        elif cc == "61":
            national = "4" + f"{rng.randrange(10**8):08d}"
        elif cc == "55":
            national = "119" + f"{rng.randrange(10**8):08d}"
        elif cc == "91":
            national = "9" + f"{rng.randrange(10**9):09d}"
    plain = unicodedata.normalize("NFKD", f"{first}.{last}".lower())
    slug = "".join(ch for ch in plain if ch.isascii() and (ch.isalnum() or ch == "."))
    return {
        "first_name": first,
        "last_name": last,
        "first_name_reading": "",
        "last_name_reading": "",
        "email": f"{slug}{serial}@{rng.choice(['example.com', 'example.org', 'example.net'])}",
        "phone": f"+{cc}{national}",
        "company": rng.choice(INTL_COMPANIES),
        "timezone": tz,
        "address_region": "",
        "address_city": city,
        "address_country": country,
        "address_postal_code": f"{rng.randrange(10000, 99999)}",
    }


def add_demo_contacts(
    session: Session,
    n: int,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> list[int]:
    """Insert n demo contacts (and their labels, attributes, conversations, notes).

    Commits are the caller's; this only flushes in batches. Returns the new ids.
    """
    rng = random.Random(seed)
    now = utcnow()
    label_ids, attr_ids = _ensure_catalogue(session, now)
    next_id = (session.scalar(select(func.max(Contact.id))) or 0) + 1
    next_conv = (session.scalar(select(func.max(Conversation.id))) or 0) + 1
    ids: list[int] = []
    conn = session.connection()
    done = 0
    while done < n:
        size = min(BATCH, n - done)
        contacts, links, values, convs, msgs, notes = [], [], [], [], [], []
        for i in range(size):
            cid = next_id + done + i
            p = _person(rng, cid)
            if rng.random() < 0.01:  # a few numbers as typed badly, as real lists have
                p["phone"], valid = f"0{rng.randrange(10**5)}-xx", False
            else:
                valid = True
            created = now - timedelta(days=rng.randrange(1, 1500), seconds=rng.randrange(86400))
            row = {
                **p,
                "id": cid,
                "phone_valid": valid,
                "job_title": "",
                "address_street": "",
                "external_id": None,
                "problems": None,
                "subscription_status": rng.choice(("subscribed", "unsubscribed", "unknown")),
                "created_at": created,
                "updated_at": created,
                "last_activity_at": None,
                "deleted_at": None,
                "import_job_id": None,
                "version": 1,
            }
            if rng.random() < 0.35:
                for _ in range(rng.randint(1, 2)):
                    conv_id = next_conv
                    next_conv += 1
                    age_days = max(1, (now - created).days)
                    started = created + timedelta(days=rng.randrange(age_days))
                    t = started
                    count = rng.randint(1, 4)
                    for m in range(count):
                        t = min(now, t + timedelta(hours=rng.randrange(1, 72)))
                        msgs.append(
                            {
                                "conversation_id": conv_id,
                                "direction": "incoming" if m % 2 == 0 else "outgoing",
                                "author": "" if m % 2 == 0 else "Agent",
                                "body": rng.choice(BODIES),
                                "sent_at": t,
                            }
                        )
                    convs.append(
                        {
                            "id": conv_id,
                            "contact_id": cid,
                            "channel": rng.choice(("email", "email", "whatsapp", "sms", "phone")),
                            "subject": rng.choice(SUBJECTS),
                            "status": rng.choice(("open", "pending", "resolved", "resolved")),
                            "created_at": started,
                            "updated_at": t,
                            "last_message_at": t,
                        }
                    )
                    if row["last_activity_at"] is None or t > row["last_activity_at"]:
                        row["last_activity_at"] = t
            row.update(derived_columns(row))
            contacts.append(row)
            for lid in rng.sample(label_ids, rng.choice((0, 1, 1, 2, 3))):
                links.append({"contact_id": cid, "label_id": lid})
            values.append(
                {
                    "contact_id": cid,
                    "definition_id": attr_ids["account_size"],
                    "value_number": float(rng.choice((5, 10, 50, 120, 500, 2000))),
                }
            )
            values.append(
                {
                    "contact_id": cid,
                    "definition_id": attr_ids["plan"],
                    "value_text": rng.choice(("free", "pro", "enterprise")),
                }
            )
            if rng.random() < 0.5:
                values.append(
                    {
                        "contact_id": cid,
                        "definition_id": attr_ids["renewal_date"],
                        "value_date": date.today() + timedelta(days=rng.randrange(-90, 365)),
                    }
                )
                values.append(
                    {
                        "contact_id": cid,
                        "definition_id": attr_ids["mrr"],
                        "value_number": float(rng.randrange(10, 5000)),
                    }
                )
            if rng.random() < 0.2:
                values.append(
                    {
                        "contact_id": cid,
                        "definition_id": attr_ids["beta_tester"],
                        "value_bool": rng.random() < 0.5,
                    }
                )
            if rng.random() < 0.2:
                notes.append(
                    {
                        "contact_id": cid,
                        "body": rng.choice(NOTES),
                        "author": "Demo",
                        "created_at": created,
                        "updated_at": created,
                    }
                )
        conn.execute(insert(Contact.__table__), contacts)
        if links:
            conn.execute(insert(ContactLabel.__table__), links)
        for key in ("value_text", "value_number", "value_date", "value_bool"):
            for v in values:
                v.setdefault(key, None)
        conn.execute(insert(AttributeValue.__table__), values)
        if convs:
            conn.execute(insert(Conversation.__table__), convs)
            conn.execute(insert(Message.__table__), msgs)
        if notes:
            conn.execute(insert(Note.__table__), notes)
        ids.extend(r["id"] for r in contacts)
        done += size
        if progress:
            progress(done, n)
    # Demo rows carry ids chosen here; PostgreSQL's sequences must hear of them.
    sync_id_sequences(session, Contact.__tablename__, Conversation.__tablename__)
    return ids
