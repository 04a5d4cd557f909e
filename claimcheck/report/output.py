"""Writing a report file all at once: a failure never leaves half a report behind."""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

from claimcheck.errors import ClaimcheckError


def _create_beside(path: Path) -> tuple[int, Path]:
    """A new, empty temporary file in `path`'s folder, with the permissions `open` would give."""
    for _ in range(100):
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            # 0o666 minus the umask, like any new file; mkstemp would make a shared report 0600
            return os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), temporary
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {path}")


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to a temporary file beside `path`, then rename it over `path`."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ClaimcheckError(f"{path}: folder {folder} does not exist")
    try:
        handle, temporary = _create_beside(path)
    except OSError as exc:
        raise ClaimcheckError(f"{path}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        if path.exists():  # replacing a report keeps its permissions
            os.chmod(temporary, stat.S_IMODE(path.stat().st_mode))
        os.replace(temporary, path)
    except OSError as exc:
        raise ClaimcheckError(f"{path}: cannot write ({exc.strerror or exc})") from None
    finally:
        if temporary.exists():
            temporary.unlink()
