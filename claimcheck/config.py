"""Settings resolved from flags, environment variables and defaults, in that order."""

from __future__ import annotations

import getpass
import os
from pathlib import Path

DB_ENV = "CLAIMCHECK_DB"
ANALYST_ENV = "CLAIMCHECK_ANALYST"
DEFAULT_DB = "claimcheck.db"
MAX_FILE_BYTES = 10 * 1024 * 1024
"""Larger source files are refused: news articles are kilobytes, a 10 MiB 'article' is a mistake."""

INGEST_SUFFIXES = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}


def resolve_db(value: str | os.PathLike[str] | None) -> Path:
    """The database path: the flag, else $CLAIMCHECK_DB, else ./claimcheck.db."""
    chosen = value or os.environ.get(DB_ENV) or DEFAULT_DB
    return Path(chosen).expanduser()


def resolve_analyst(value: str | None) -> str:
    """Who is deciding: the flag, else $CLAIMCHECK_ANALYST, else the login name."""
    if value and value.strip():
        return value.strip()
    env = os.environ.get(ANALYST_ENV, "").strip()
    if env:
        return env
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"
