"""A frame with some rows left out (card checks, earlier versions, rows collecting no money) that still names the
rows it keeps by their place in the file, so a later refusal says "row 7" of the file, not of what is left."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .errors import numbered, row_number

__all__ = ["without_rows"]


def without_rows(df: pd.DataFrame, left_out: np.ndarray, where: str) -> pd.DataFrame:
    """``df`` without the rows ``left_out`` (a boolean per row) marks, its ``attrs`` kept; where ``where`` (the
    source as :func:`.errors.numbered` reads it) numbers rows, ``attrs["file_rows"]`` gives each kept row's number
    in the file (a frame's rows keep their index labels, a table's their values).

    >>> df = pd.DataFrame({"id": ["a", "b", "c"]})
    >>> list(without_rows(df, np.array([False, True, False]), "input")["id"])
    ['a', 'c']
    """
    kept = np.flatnonzero(~left_out)
    out = df.iloc[kept]
    out.attrs = dict(df.attrs)
    if numbered(where):
        out.attrs["file_rows"] = tuple(row_number(where, int(p)) for p in kept)
    return out
