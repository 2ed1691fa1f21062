"""Entry point of the frozen app (PyInstaller needs a script, not a `-m` module).

hubdeskw.exe (Windows, no console) starts with sys.stdout and sys.stderr set to None; anything
printed — a CLI command given to it, a library's warning — would then raise. They go nowhere
instead; the log file (Help → Open log folder) still records what matters."""

import os
import sys

if sys.stdout is None or sys.stderr is None:
    _devnull = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 — lives as long as the app
    sys.stdout = sys.stdout or _devnull
    sys.stderr = sys.stderr or _devnull

from hubdesk.cli import main

raise SystemExit(main())
