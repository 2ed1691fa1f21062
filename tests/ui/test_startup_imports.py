"""The frozen app leaves some modules out (hubdesk.spec's excludes); the window must not
need them, or it fails only in the installed app."""

from __future__ import annotations

import subprocess
import sys

LEFT_OUT = ("phonenumbers.geocoder", "phonenumbers.geodata", "phonenumbers.carrier",
            "phonenumbers.carrierdata", "tkinter", "unittest")


def test_the_window_and_dialogs_need_nothing_the_bundle_leaves_out():
    code = (
        "import sys\n"
        "import hubdesk.ui.app, hubdesk.ui.main_window\n"
        "from hubdesk.ui.dialogs import attribute_definitions, contact_editor, labels_manager\n"
        f"bad = sorted(m for m in sys.modules if m.startswith({LEFT_OUT!r}))\n"
        "print(','.join(bad))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""})
    assert done.stdout.strip() == ""
