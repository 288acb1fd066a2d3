"""Writing results atomically: a failed write leaves neither a half file nor a temporary one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from orggraph.errors import OutputError
from orggraph.i18n import tr


def write_bytes(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path``, replacing it only once the whole file is written.

    The bytes go to a temporary file beside ``path`` that is renamed over it at the end; on any
    failure the temporary file is removed and ``path`` is left as it was.

    Raises
    ------
    OutputError
        If the folder does not exist or cannot be written.
    """
    p = Path(path)
    folder = p.parent if str(p.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(
            tr("cannot write {path}: folder {folder} does not exist", path=p, folder=folder)
        )
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", dir=folder)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        # mkstemp makes owner-only files; a map is meant to be handed round like any file.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, p)
        tmp = None
    except OSError as e:
        raise OutputError(
            tr("cannot write {path}: {reason}", path=p, reason=e.strerror or e)
        ) from e
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return p


def write_text(path: str | Path, text: str) -> Path:
    """Write ``text`` to ``path`` as UTF-8, atomically (see :func:`write_bytes`).

    Raises
    ------
    OutputError
        If the folder does not exist or cannot be written.
    """
    return write_bytes(path, text.encode("utf-8"))


def write_output(path: str | Path, content: str | bytes) -> Path:
    """Write text (as UTF-8) or bytes to ``path`` atomically."""
    if isinstance(content, bytes):
        return write_bytes(path, content)
    return write_text(path, content)
