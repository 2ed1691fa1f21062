"""A startup check that hostile XML in a workbook cannot hurt: openpyxl must parse through
defusedxml (or lxml without entity resolution), which refuses entity expansion ("billion
laughs") and external entities. openpyxl silently falls back to the standard library's
parser when defusedxml is missing or OPENPYXL_DEFUSEDXML=False is set, so this asks the
parsers openpyxl will really use to read an attack, instead of trusting a flag.
"""

from __future__ import annotations

import io
from functools import cache

from hubdesk.core.errors import HubDeskError

_ATTACK = b"""<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<x>&b;</x>"""


class UnsafeXmlError(HubDeskError):
    pass


def _expanded(parse) -> bool:
    """True when the parser expanded the entity (unsafe); refusing or not expanding is safe."""
    try:
        root = parse()
    except Exception:  # defusedxml's EntitiesForbidden, or any refusal: what we want
        return False
    return "aaaaaaaaaa" in ("".join(root.itertext()) if hasattr(root, "itertext") else "")


@cache
def ensure_defused() -> None:
    """Raise UnsafeXmlError unless openpyxl's parsers refuse entity expansion. Cheap after
    the first call; the app calls it at startup, the XLSX reader before opening a file."""
    import openpyxl
    from openpyxl.xml import functions

    problems = []
    if not openpyxl.DEFUSEDXML and not openpyxl.LXML:
        problems.append("defusedxml is not installed or is switched off (OPENPYXL_DEFUSEDXML)")
    if _expanded(lambda: functions.fromstring(_ATTACK)):
        problems.append("workbook parts are parsed with entity expansion")

    def streamed():
        for _, element in functions.iterparse(io.BytesIO(_ATTACK)):
            return element
        return None

    if _expanded(streamed):
        problems.append("worksheets are streamed with entity expansion")
    if problems:
        raise UnsafeXmlError("XLSX import is switched off because it would not be safe: "
                             + "; ".join(problems) + ". Reinstall HubDesk.")
