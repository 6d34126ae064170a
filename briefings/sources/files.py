"""Local files: regular files only, and a size cap on the bytes actually read."""

from __future__ import annotations

import os
import stat
from pathlib import Path


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; anything else is refused.

    A FIFO would block the read forever and /dev/zero never ends, so both are refused before
    reading (the check is repeated on the opened file, which a rename cannot swap). The cap
    counts bytes read: /proc files and growing files say less in ``stat`` than they give."""
    kind = _file_kind(os.stat(path).st_mode)
    if kind:
        raise ValueError(f"not a regular file ({kind}); only regular files are read")
    # O_NONBLOCK: opening a FIFO swapped in after the check must not wait for a writer.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with open(fd, "rb", closefd=True) as file:
        kind = _file_kind(os.fstat(file.fileno()).st_mode)
        if kind:
            raise ValueError(f"not a regular file ({kind}); only regular files are read")
        data = file.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"file too large (over {_size(limit)})")
    return data


def _file_kind(mode: int) -> str:
    """What a non-regular file is, or "" for a regular file."""
    if stat.S_ISREG(mode):
        return ""
    for test, name in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISDIR, "a folder"),
    ):
        if test(mode):
            return name
    return "not a file"


def _size(limit: int) -> str:
    return f"{limit // 1024 // 1024} MB" if limit >= 1024 * 1024 else f"{limit:,} bytes"
