"""Entry point of the frozen app (PyInstaller needs a script, not a `-m` module)."""

from hubdesk.cli import main

raise SystemExit(main())
