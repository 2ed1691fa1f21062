"""Replaces pyinstaller-hooks-contrib's hook, which collects every phonenumbers submodule.

The per-region metadata (phonenumbers.data.region_XX, shortdata, tzdata) is imported by name
at run time, so it is collected here; the geocoder and carrier tables (~43 MB) are left out,
and hubdesk.spec excludes those modules so that using them fails loudly rather than silently.
"""

from PyInstaller.utils.hooks import collect_submodules

_UNUSED = ("phonenumbers.geo", "phonenumbers.carrier")

hiddenimports = collect_submodules("phonenumbers", filter=lambda name: not name.startswith(_UNUSED))
