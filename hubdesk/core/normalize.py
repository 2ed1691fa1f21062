"""Text, email, phone and timezone normalisation shared by search, validation and import."""

from __future__ import annotations

import locale
import os
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import available_timezones

import phonenumbers
from email_validator import SPECIAL_USE_DOMAIN_NAMES, EmailNotValidError, validate_email

_KATAKANA_TO_HIRAGANA = {cp: cp - 0x60 for cp in range(0x30A1, 0x30F7)}
_SPACES = re.compile(r"\s+")
_LATIN_ACCENTS = re.compile("[\u0300-\u036f]+")
_PHONE_CHARS = re.compile(r"^[\d\s+\-().\u2010-\u2015\u30fc]+$")
_NON_DIGITS = re.compile(r"\D+")


def fold(text: str | None) -> str:
    """Case-, width- and kana-insensitive form used for search and sorting.

    NFKC turns full-width Latin and half-width katakana into their usual forms; katakana
    become hiragana so カナ and かな match each other.
    """
    if not text:
        return ""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_KATAKANA_TO_HIRAGANA)
    if not folded.isascii():
        # Accents off Latin letters (zoë → zoe). Only U+0300–U+036F go: the kana voicing
        # marks (U+3099/309A) stay, so が does not become か.
        folded = unicodedata.normalize(
            "NFC", _LATIN_ACCENTS.sub("", unicodedata.normalize("NFD", folded)))
    return _SPACES.sub(" ", folded).strip()


def clean_text(value: str | None) -> str:
    """What we store for a typed name or company: trimmed, inner runs of spaces kept as typed."""
    return (value or "").strip()


# The scripts written without spaces between words (and so searched by 1–2 character grams).
CJK_CLASS = (
    "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
    "\uac00-\ud7af\U00020000-\U0002fa1f"
)
_CJK = re.compile("[" + CJK_CLASS + "]")


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (
        0x3040 <= o <= 0x30FF  # hiragana, katakana
        or 0x3400 <= o <= 0x4DBF
        or 0x4E00 <= o <= 0x9FFF
        or 0xF900 <= o <= 0xFAFF
        or 0xFF66 <= o <= 0xFF9F  # half-width katakana
        or 0x20000 <= o <= 0x2FA1F
        or 0xAC00 <= o <= 0xD7AF  # hangul
    )


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def display_name(first: str, last: str) -> str:
    """Japanese (and other East Asian) names read family name first."""
    first, last = (first or "").strip(), (last or "").strip()
    if has_cjk(first + last):
        return f"{last} {first}".strip()
    return f"{first} {last}".strip()


def initials(first: str, last: str, fallback: str = "") -> str:
    first, last = (first or "").strip(), (last or "").strip()
    if has_cjk(first + last):
        return (last[:1] or first[:1] or "?")
    letters = (first[:1] + last[:1]) or fallback[:1]
    return letters.upper() or "?"


# --- email -------------------------------------------------------------------------------


_PLAIN_EMAIL = re.compile(
    r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63})$")


def normalize_email(value: str) -> str:
    """Validated email with its domain normalised; raises ValueError with a readable reason."""
    value = unicodedata.normalize("NFKC", value).strip()
    plain = _PLAIN_EMAIL.match(value)
    if plain and len(value) <= 254 and len(value.split("@")[0]) <= 64:
        # The common case, checked without email-validator's full parse (10× faster; it
        # matters for a million-row import). Same verdict: special-use domains still fail.
        domain = plain.group(1).lower()
        if domain.rsplit(".", 1)[-1] not in SPECIAL_USE_DOMAIN_NAMES:
            return value.split("@")[0] + "@" + domain
    try:
        result = validate_email(value, check_deliverability=False)
    except EmailNotValidError as exc:
        raise ValueError(str(exc)) from exc
    return result.normalized


# --- phone -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Phone:
    value: str  # E.164 when valid, otherwise the trimmed text as typed
    valid: bool


def default_region() -> str:
    """Region for numbers written without a country code: HUBDESK_REGION, else the locale."""
    env = os.environ.get("HUBDESK_REGION", "").strip().upper()
    if len(env) == 2:
        return env
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:
        loc = ""
    if "_" in loc:
        region = loc.split("_", 1)[1][:2].upper()
        if region.isalpha() and len(region) == 2:
            return region
    return "US"


def normalize_phone(value: str, region: str | None = None) -> Phone:
    text = (value or "").strip()
    if not text:
        return Phone("", True)
    # Full-width digits and dashes are common in Japanese input.
    ascii_text = unicodedata.normalize("NFKC", text)
    try:
        parsed = phonenumbers.parse(ascii_text, (region or default_region()).upper())
    except phonenumbers.NumberParseException:
        return Phone(text, False)
    if not phonenumbers.is_valid_number(parsed):
        return Phone(text, False)
    return Phone(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164), True)


def looks_like_phone(text: str) -> bool:
    """Phone punctuation and digits only, and clearly a number: three digits, or a country
    code (+81) or an area code in brackets ((03))."""
    text = unicodedata.normalize("NFKC", text).strip()
    if not _PHONE_CHARS.match(text):
        return False
    count = sum(c.isdigit() for c in text)
    return count >= 3 or (count >= 1 and (text.startswith("+") or "(" in text))


def digits(text: str) -> str:
    return _NON_DIGITS.sub("", unicodedata.normalize("NFKC", text or ""))


@lru_cache(maxsize=4096)
def _national_prefix(country_code: int) -> str:
    region = phonenumbers.region_code_for_country_code(country_code)
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region, None)
    return (meta.national_prefix or "") if meta else ""


def _split_country_code(e164_digits: str) -> tuple[int, str] | None:
    # E.164 country codes are prefix-free, so the first 1–3 digits that name one are it.
    for size in (1, 2, 3):
        code = int(e164_digits[:size] or 0)
        if code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
            return code, e164_digits[size:]
    return None


def phone_search_forms(phone: str | None) -> list[str]:
    """Digit strings under which a stored phone is found: E.164 and national notation.

    "+819012345678" is found as 819012345678 and as 09012345678, so typing
    090-1234-5678 or +81 90 finds it.
    """
    if not phone:
        return []
    d = digits(phone)
    if not d:
        return []
    forms = [d]
    if phone.startswith("+"):
        split = _split_country_code(d)
        if split is not None:
            code, national = split
            national_form = _national_prefix(code) + national
            if national_form != d:
                forms.append(national_form)
    return forms


# --- timezone ----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _timezones() -> dict[str, str]:
    return {name.casefold(): name for name in available_timezones()}


def normalize_timezone(value: str) -> str:
    """The canonical IANA name; raises ValueError for anything else."""
    name = _timezones().get((value or "").strip().casefold())
    if not name:
        raise ValueError(f"'{value}' is not an IANA time zone name (e.g. Asia/Tokyo)")
    return name


@lru_cache(maxsize=8192)  # called per painted cell; formatting costs ~25 µs
def display_phone(value: str | None, valid: bool = True) -> str:
    """International notation for a stored E.164 number; invalid numbers as typed."""
    if not value:
        return ""
    if not valid or not value.startswith("+"):
        return value
    try:
        parsed = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        return value
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
