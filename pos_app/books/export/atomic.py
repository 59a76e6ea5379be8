"""Write a file whole or not at all: into a temporary file beside the target, flushed to disk, then moved
over the target in one step (``os.replace``).  If the folder is missing, read-only or vanishes midway, the
temporary file is removed and a clear :class:`ExportError` says what happened; no half file is left."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from pos_app.errors import PosError


class ExportError(PosError):
    """An export could not be written (the folder is missing or not writable); nothing was left behind."""


def check_folder(folder: Path) -> Path:
    if not folder.exists():
        raise ExportError("The folder {path} does not exist", path=str(folder))
    if not folder.is_dir():
        raise ExportError("{path} is not a folder", path=str(folder))
    if not os.access(folder, os.W_OK):
        raise ExportError("The folder {path} cannot be written to (it is read-only)", path=str(folder))
    return folder


def write_atomic(target: Path, write: Callable[[BinaryIO], None]) -> Path:
    folder = check_folder(target.parent)
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)  # mkstemp makes it private (0600); an export is an ordinary file
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise ExportError("Could not write {path}: {reason}. Nothing was saved; check the folder and try again.",
                          path=str(target), reason=exc.strerror or type(exc).__name__) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return target
