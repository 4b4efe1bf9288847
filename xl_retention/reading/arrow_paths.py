"""A file for pyarrow by its path, or opened by Python where its name is not UTF-8."""

from __future__ import annotations

import os
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import BinaryIO


def arrow_source(path: Path) -> AbstractContextManager[Path | BinaryIO]:
    """``path`` for pyarrow, or the file opened by Python where its name is not UTF-8.

    A Latin-1 ``abonn\\xe9s.csv`` unzipped from a Windows archive reaches Python with a surrogate, which pyarrow
    cannot encode ("'utf-8' codec can't encode character '\\udce9' ... surrogates not allowed").

    >>> with arrow_source(Path("a.csv")) as source:
    ...     source == Path("a.csv")
    True
    """
    try:
        os.fsdecode(path).encode("utf-8")
    except UnicodeEncodeError:
        return open(path, "rb")
    return nullcontext(path)
