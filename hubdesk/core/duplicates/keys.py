"""Duplicate keys: what two contacts must share to be suggested as one person (the mailbox an
email reaches, a valid phone in E.164, the folded name with the company or a similar email),
and the reason each key gives. The rules are in the package's docstring."""

from __future__ import annotations

from functools import lru_cache

from hubdesk.core.normalize import fold, has_cjk

EMAIL, PHONE, NAME_COMPANY, NAME_EMAIL, SIMILAR_NAME = (
    "email", "phone", "name_company", "name_email", "similar_name")
CONFIDENCE = {EMAIL: 0.95, PHONE: 0.9, NAME_COMPANY: 0.85, NAME_EMAIL: 0.75, SIMILAR_NAME: 0.5}

# Gmail ignores dots and +tags; googlemail.com is the same mailbox.
_GMAIL = frozenset({"gmail.com", "googlemail.com"})
# Providers that deliver local+tag to local. Yahoo is not here on purpose: its disposable
# "base-keyword" addresses have a base that is not the account's name, so dropping "-keyword"
# would join different people (mary-jane@ and mary@). Proton also ignores dots, dashes and
# underscores, but undocumented, so only the +tag goes.
_PLUS_TAGS = frozenset({
    "outlook.com", "outlook.jp", "hotmail.com", "hotmail.co.jp", "hotmail.co.uk", "live.com",
    "live.jp", "msn.com", "icloud.com", "me.com", "mac.com", "fastmail.com", "fastmail.fm",
    "protonmail.com", "protonmail.ch", "proton.me", "pm.me",
})
# Domains shared by unrelated people, and the reserved example domains (placeholders in
# test and demo data): the same name there says nothing.
_WEBMAIL = _GMAIL | _PLUS_TAGS | frozenset({
    "yahoo.com", "yahoo.co.jp", "ymail.com", "aol.com", "gmx.com", "gmx.net", "gmx.de",
    "web.de", "mail.ru", "yandex.ru", "zoho.com", "qq.com", "163.com", "126.com", "naver.com",
    "docomo.ne.jp", "ezweb.ne.jp", "au.com", "softbank.ne.jp", "i.softbank.jp", "nifty.com",
    "biglobe.ne.jp", "ocn.ne.jp", "so-net.ne.jp", "example.com", "example.org", "example.net",
})

Key = tuple[str, ...]


def email_key(email: str | None) -> str:
    """The mailbox an address reaches: lower case; for Gmail without dots and +tag (and
    googlemail.com as gmail.com); for providers that ignore +tags, without the tag. Other
    domains keep the local part as written: a company server may deliver a.b and ab apart."""
    value = (email or "").strip().lower()
    local, at, domain = value.rpartition("@")
    if not at or not local:
        return value
    if domain in _GMAIL:
        local = local.split("+", 1)[0].replace(".", "") or local
        domain = "gmail.com"
    elif domain in _PLUS_TAGS:
        local = local.split("+", 1)[0] or local
    return f"{local}@{domain}"


@lru_cache(maxsize=1 << 16)  # first names, surnames and companies repeat: fold each once
def _folded(part: str) -> tuple[str, bool]:
    """A name part folded without spaces, and whether it is East Asian (family name first)."""
    folded = fold(part).replace(" ", "")
    return folded, has_cjk(folded)


def _joined(first: str, last: str) -> str:
    f, f_cjk = _folded(first or "")
    la, l_cjk = _folded(last or "")
    # display_name's order, so one field holding the whole name as people write it matches.
    return la + f if f_cjk or l_cjk else f + la


def _is_full_name(first: str, last: str, joined: str) -> bool:
    # "Taro" alone (common in chat contacts) is not a name to match people on.
    if first.strip() and last.strip():
        return True
    single = first.strip() or last.strip()
    return (" " in single and len(joined) >= 4) or (has_cjk(joined) and len(joined) >= 3)


def name_key(first: str | None, last: str | None, first_reading: str | None = "",
             last_reading: str | None = "") -> tuple[str, ...]:
    """The name folded (case, width, kana) without spaces, in display order; plus the reading
    folded the same way when every written part has one, so 山田太郎 (やまだ たろう) and ヤマダ
    タロウ share a key. Empty when there is no full name to match on."""
    first, last = first or "", last or ""
    joined = _joined(first, last)
    if not joined or not _is_full_name(first, last, joined):
        return ()
    keys = [joined]
    fr, lr = (first_reading or "").strip(), (last_reading or "").strip()
    # A reading for only the surname would make a key of half a name.
    has_readings = (fr or lr) and (fr or not first.strip()) and (lr or not last.strip())
    if has_readings:
        reading = _joined(fr, lr)
        if reading and reading != joined:
            keys.append(reading)
    return tuple(keys)


def _phone_key(phone: str | None, valid: object) -> str | None:
    return phone if phone and valid and phone.startswith("+") else None


def _company_key(company: str | None) -> str:
    return _folded(company or "")[0]


def _email_parts(key: str) -> tuple[str, str]:
    local, _, domain = key.rpartition("@")
    local = local.split("+", 1)[0]
    # Three replaces beat one str.translate (a per-character table lookup) fourfold here.
    return local.replace(".", "").replace("-", "").replace("_", ""), domain


# Names repeat (a million contacts of the demo have 1,200 names; real lists repeat less), and
# a hit returns the same strings, so repeated names also cost no memory in the blocks.
_names = lru_cache(maxsize=1 << 17)(name_key)


def _row_keys(first: str, last: str, fr: str, lr: str, email: str | None, phone: str | None,
              valid: object, company: str) -> tuple[list[Key], Key | None]:
    """One contact row's strong keys and its fuzzy block (same company, same first letter of
    the name)."""
    keys: list[Key] = []
    ekey = email_key(email) if email else ""
    if ekey:
        keys.append((EMAIL, ekey))
    pkey = _phone_key(phone, valid)
    if pkey:
        keys.append((PHONE, pkey))
    names = _names(first, last, fr, lr)
    block = None
    if names:
        ckey = _company_key(company)
        local, domain = _email_parts(ekey) if ekey else ("", "")
        for n in names:
            if ckey:
                keys.append((NAME_COMPANY, n, ckey))
            if len(local) >= 2:
                keys.append((NAME_EMAIL, n, local + "@"))
            if domain and domain not in _WEBMAIL:
                keys.append((NAME_EMAIL, n, "@" + domain))
        if ckey:
            block = (SIMILAR_NAME, ckey, names[0][0])
    return keys, block


def reason_text(key: Key) -> str:
    kind = key[0]
    if kind == EMAIL:
        return f"same email {key[1]}"
    if kind == PHONE:
        return f"same phone {key[1]}"
    if kind == NAME_COMPANY:
        return "same name and company"
    return "same name and similar email"
