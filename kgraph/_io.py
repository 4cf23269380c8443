"""Atomic file output: write beside the target, then rename over it."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from kgraph.errors import OutputError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def unlink_quietly(path: str) -> None:
    """Remove a temporary file, ignoring a file that is already gone."""
    try:
        os.unlink(path)
    except OSError:
        pass


#: What to write: the bytes, or a function that writes them to a binary file (streamed output).
Payload = bytes | Callable[[BinaryIO], None]


def stage(target: str | os.PathLike[str], data: Payload) -> str:
    """Write *data* to a new temporary file beside *target* (flushed, mode 0666 less the umask).

    *data* is the bytes, or a function that writes them to the open file, so a large
    output goes to disk as it is made instead of being held in memory first.

    Returns:
        The temporary file's path, for :func:`os.replace` over *target*.

    Raises:
        OutputError: the file cannot be written; nothing is left behind.
    """
    target = Path(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(target, f"cannot write: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            if isinstance(data, bytes):
                fh.write(data)
            else:
                data(fh)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private (0600); outputs are ordinary files
        os.chmod(tmp, 0o666 & ~_umask())
    except OSError as exc:
        unlink_quietly(tmp)
        raise OutputError(target, f"cannot write: {exc.strerror or exc}") from exc
    except BaseException:
        unlink_quietly(tmp)  # the writer failed: leave nothing behind
        raise
    return tmp


def write_atomic(path: str | os.PathLike[str], data: Payload) -> None:
    """Write *data* (bytes, or a function writing them) to a temporary file beside *path*, then rename it over *path*.

    Raises:
        OutputError: the file cannot be written (the old file is left as it was).
    """
    tmp = stage(path, data)
    try:
        os.replace(tmp, path)
    except OSError as exc:
        unlink_quietly(tmp)
        raise OutputError(path, f"cannot write: {exc.strerror or exc}") from exc
