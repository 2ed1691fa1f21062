"""The text syntax of filters, for scripts and saved segments:

    label:vip and account_size>100 and (city:Tokyo or city:Osaka) and not label:churned

Grammar: `or` binds loosest, then `and`, then `not`; parentheses group. A condition is
`field OP value`: OP is one of `:` `=` `!=` `~` (contains) `!~` `^` (starts with) `<` `<=`
`>` `>=`, or a word: is, is-not, contains, not-contains, starts-with, is-empty, not-empty,
before, after, on, between, in-last, older-than, any-of, none-of, has-any, has-all,
has-none, is-true, is-false. Values are bare words or "quoted" (backslash escapes); a list
is comma-separated (`label:vip,gold`), a range is `low..high`. `has:notes` (or
conversations, problems, labels) tests whether a contact has any; `invalid_email:yes` and
`invalid_phone:yes` find values kept as typed because they did not validate. Keywords are
case-insensitive.

`parse` checks only the form; `resolve` checks fields, operators and values against the
database. `format_expr` writes a tree back in this syntax (what a segment stores).
"""

from __future__ import annotations

import re

from hubdesk.core.errors import HubDeskError
from hubdesk.core.filters.model import All, Any_, Condition, Expr, Not

SYMBOL_OPS = ("!=", "!:", "!~", "<=", ">=", ":", "=", "~", "^", "<", ">")
WORD_OPS = ("is", "is-not", "contains", "not-contains", "starts-with", "is-empty",
            "not-empty", "before", "after", "on", "between", "in-last", "older-than",
            "any-of", "none-of", "has-any", "has-all", "has-none", "is-true", "is-false")
NO_VALUE = ("is-empty", "not-empty", "is-true", "is-false")
KEYWORDS = ("and", "or", "not")
_FIELD = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*")
_BARE_STOP = set(" \t\r\n(),\"")


class FilterSyntaxError(HubDeskError):
    def __init__(self, message: str, position: int, text: str):
        self.position, self.text, self.reason = position, text, message
        super().__init__(f"{message} (at position {position + 1})")

    def pointer(self) -> str:
        """The expression with a caret under the problem, for a terminal."""
        return f"{self.text}\n{' ' * self.position}^"


class _Parser:
    def __init__(self, text: str):
        self.text, self.pos = text, 0

    # --- characters ----------------------------------------------------------------------
    def error(self, message: str, position: int | None = None) -> FilterSyntaxError:
        return FilterSyntaxError(message, self.pos if position is None else position, self.text)

    def skip(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos].isspace():
            self.pos += 1

    def at_end(self) -> bool:
        self.skip()
        return self.pos >= len(self.text)

    def peek_word(self) -> str:
        self.skip()
        m = re.compile(r"[A-Za-z][A-Za-z-]*").match(self.text, self.pos)
        if not m:
            return ""
        end = m.end()
        # A keyword only when it stands alone: "order:1" is a field called order.
        if end < len(self.text) and not (self.text[end].isspace() or self.text[end] in "()"):
            return ""
        return m.group().lower()

    def take_word(self, word: str) -> bool:
        if self.peek_word() == word:
            self.pos += len(word)
            return True
        return False

    # --- grammar -------------------------------------------------------------------------
    def parse(self) -> Expr:
        if self.at_end():
            raise self.error("the filter is empty")
        expr = self.parse_or()
        if not self.at_end():
            if self.text[self.pos] == ")":
                raise self.error("')' without a matching '('")
            raise self.error("expected 'and', 'or' or the end of the filter")
        return expr

    def parse_or(self) -> Expr:
        items = [self.parse_and()]
        while self.take_word("or"):
            items.append(self.parse_and())
        return items[0] if len(items) == 1 else Any_(tuple(items))

    def parse_and(self) -> Expr:
        items = [self.parse_not()]
        while self.take_word("and"):
            items.append(self.parse_not())
        return items[0] if len(items) == 1 else All(tuple(items))

    def parse_not(self) -> Expr:
        if self.take_word("not"):
            return Not(self.parse_not())
        self.skip()
        if self.pos < len(self.text) and self.text[self.pos] == "(":
            start = self.pos
            self.pos += 1
            if self.at_end():
                raise self.error("'(' is never closed", start)
            expr = self.parse_or()
            self.skip()
            if self.pos >= len(self.text) or self.text[self.pos] != ")":
                raise self.error("expected ')' to close the '(' here", start)
            self.pos += 1
            return expr
        return self.parse_condition()

    def parse_condition(self) -> Condition:
        self.skip()
        start = self.pos
        if self.pos >= len(self.text):
            raise self.error("expected a condition such as city:Tokyo")
        word = self.peek_word()
        if word in KEYWORDS:
            raise self.error(f"expected a condition before '{word}'")
        m = _FIELD.match(self.text, self.pos)
        if not m:
            raise self.error("expected a field name such as city or label")
        name = m.group()
        self.pos = m.end()
        self.skip()
        op = next((s for s in SYMBOL_OPS if self.text.startswith(s, self.pos)), "")
        if op:
            self.pos += len(op)
        else:
            word = self.peek_word()
            if word not in WORD_OPS:
                raise self.error(f"expected an operator after '{name}', such as : = < > ~")
            op = word
            self.pos += len(word)
        if op in NO_VALUE:
            return Condition(name, op, (), position=start)
        values = self.parse_values()
        if len(values) == 1 and ".." in values[0][0] and not values[0][1]:
            low, _, high = values[0][0].partition("..")
            if not low or not high:
                raise self.error("a range needs both ends, like 10..100", values[0][2])
            return Condition(name, "between", (low, high), position=start)
        if op == "between":
            raise self.error("'between' takes a range like 10..100", values[0][2])
        return Condition(name, op, tuple(v for v, _, _ in values), position=start)

    def parse_values(self) -> list[tuple[str, bool, int]]:
        """Comma-separated values: (text, was quoted, position)."""
        values = [self.parse_value()]
        while self.pos < len(self.text) and self.text[self.pos] == ",":
            self.pos += 1
            values.append(self.parse_value())
        return values

    def parse_value(self) -> tuple[str, bool, int]:
        self.skip()
        start = self.pos
        if self.pos >= len(self.text):
            raise self.error("expected a value")
        if self.text[self.pos] == '"':
            self.pos += 1
            out = []
            while self.pos < len(self.text):
                ch = self.text[self.pos]
                if ch == "\\" and self.pos + 1 < len(self.text):
                    out.append(self.text[self.pos + 1])
                    self.pos += 2
                    continue
                if ch == '"':
                    self.pos += 1
                    return "".join(out), True, start
                out.append(ch)
                self.pos += 1
            raise self.error("this quote is never closed", start)
        while self.pos < len(self.text) and self.text[self.pos] not in _BARE_STOP:
            self.pos += 1
        if self.pos == start:
            raise self.error("expected a value (use \"\" quotes around spaces or commas)")
        return self.text[start:self.pos], False, start


def parse(text: str) -> Expr:
    return _Parser(text or "").parse()


# --- writing a tree back ------------------------------------------------------------------
CANONICAL_SYNTAX = {
    "is": ":", "is_not": "!=", "contains": "~", "not_contains": "!~", "starts_with": "^",
    "eq": ":", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">=",
    "on": ":", "before": "<", "after": ">", "any_of": ":", "none_of": "!=",
    "has_any": ":", "has_none": "!=",
    "empty": " is-empty", "not_empty": " not-empty", "is_true": ":yes",
    "is_false": ":no", "has_all": " has-all ", "last_days": " in-last ",
    "older_days": " older-than ",
}


def quote(value: str) -> str:
    text = str(value)
    # Any space (also U+3000 or U+00A0): the parser skips them before a value.
    if text and not any(ch in _BARE_STOP or ch.isspace() for ch in text) and ".." not in text \
            and text.lower() not in KEYWORDS and not text.startswith(SYMBOL_OPS):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def format_condition(c: Condition, name: str | None = None) -> str:
    name = name or c.field
    values = [_text(v) for v in c.values]
    if c.op == "between":
        return f"{name}:{quote(values[0])}..{quote(values[1])}"
    if c.kind == "presence" and c.op == "is_true":
        return f"has:{name}"
    symbol = CANONICAL_SYNTAX.get(c.op, f" {c.op} ")
    if c.op in ("last_days", "older_days"):
        return f"{name}{symbol}{values[0]}d"
    return f"{name}{symbol}{','.join(quote(v) for v in values)}".rstrip()


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()  # type: ignore[union-attr]
    return str(value)


def format_expr(expr: Expr, names: dict[str, str] | None = None, _inside: str = "") -> str:
    """The tree in the text syntax; `names` maps field keys to the names to write."""
    names = names or {}
    if isinstance(expr, Condition):
        return format_condition(expr, names.get(expr.field))
    if isinstance(expr, Not):
        inner = format_expr(expr.item, names, "not")
        return f"not {inner}"
    word = "and" if isinstance(expr, All) else "or"
    text = f" {word} ".join(format_expr(item, names, word) for item in expr.items)
    # Parentheses only where the grammar needs them: an or inside an and, anything under not.
    return f"({text})" if _inside and (_inside == "not" or _inside != word) and \
        not (_inside == "or" and word == "and") else text
