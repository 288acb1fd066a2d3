"""Writing results: UTF-8 always, atomically (a failed write leaves no half file)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from orggraph.errors import OutputError


def write_text(path: str | Path, text: str) -> Path:
    """Write ``text`` to ``path`` as UTF-8, replacing it only once the whole file is written.

    Raises
    ------
    OutputError
        If the folder does not exist or cannot be written.
    """
    p = Path(path)
    folder = p.parent if str(p.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"cannot write {p}: folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        # mkstemp makes owner-only files; a map is meant to be handed round like any file.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, p)
    except OSError as e:
        raise OutputError(f"cannot write {p}: {e.strerror or e}") from e
    return p
