"""Where HubDesk writes its log: a rotating file in the user's log folder, so a problem a user
reports can be looked at afterwards. Nothing personal is logged on purpose — errors and their
tracebacks only (which may name a file the user chose)."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from platformdirs import user_log_dir

from hubdesk.config import APP_AUTHOR, APP_NAME

LOG_ENV = "HUBDESK_LOG_DIR"  # tests and portable installs point it elsewhere
_handler: logging.Handler | None = None


def log_dir() -> Path:
    return Path(os.environ.get(LOG_ENV) or user_log_dir(APP_NAME, APP_AUTHOR))


def log_file() -> Path:
    return log_dir() / "hubdesk.log"


def setup_logging(level: int = logging.INFO) -> Path:
    """Log to hubdesk.log (1 MB × 5 files kept); returns the file. Safe to call twice."""
    global _handler
    path = log_file()
    if _handler is not None:
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler()  # a read-only home must not stop the app
    handler.setFormatter(logging.Formatter(
        "%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level))
    _handler = handler
    return path
