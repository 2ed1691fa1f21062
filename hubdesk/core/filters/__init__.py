"""Filter conditions over contacts: one expression tree, built by the GUI's builder or parsed
from the text syntax (`label:vip and account_size>100`), checked against the database's
fields and attributes (resolve), and compiled into the contact query (core.query)."""

from hubdesk.core.filters.model import All, Any_, Condition, Expr, Not
from hubdesk.core.filters.resolve import FilterError, resolve
from hubdesk.core.filters.syntax import FilterSyntaxError, format_expr, parse

__all__ = ["All", "Any_", "Condition", "Expr", "FilterError", "FilterSyntaxError", "Not",
           "format_expr", "parse", "resolve"]
