"""Distinct values of a column and its codes, by Arrow's hash kernels where the column is Arrow text.

Every column of a CSV read by :func:`~xl_retention.reading.read_table` is pandas' ``str`` dtype held
by Arrow; each reading rule works on the column's distinct values, so hashing them is most of
the reading's time. For such columns pyarrow's ``unique`` and ``dictionary_encode`` (C++, no
Python object per row) replace :func:`pandas.factorize` (which converts more on the way); any
other column goes through :func:`pandas.factorize`. Both give the same result.
"""

from __future__ import annotations

import weakref
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["arrow_codes", "arrow_text", "distinct", "factorize", "stripped_text", "text_codes"]


def arrow_text(series: pd.Series) -> Any | None:
    """The ``pyarrow.ChunkedArray`` of text behind ``series`` (no copy), or None when it is not Arrow text."""
    dtype = series.dtype
    if not (isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow"):
        return None
    try:
        import pyarrow as pa
    except ImportError:  # pragma: no cover - an Arrow-backed column implies pyarrow
        return None
    data = series.array.__arrow_array__()
    return data if isinstance(data, pa.ChunkedArray) else pa.chunked_array([data])


def factorize(series: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """``(codes, uniques)`` as ``pandas.factorize(series, use_na_sentinel=True)`` gives them.

    ``codes``: an integer array of ``len(series)``, -1 for missing values, else the position in
    ``uniques``; ``uniques``: an object array of the distinct non-missing values in order of first
    appearance (Python ``str`` for text).

    >>> codes, uniques = factorize(pd.Series(["b", None, "a", "b"], dtype="str"))
    >>> codes.tolist(), uniques.tolist()
    ([0, -1, 1, 0], ['b', 'a'])
    """
    encoded = arrow_codes(series)
    if encoded is None:
        codes, uniques = pd.factorize(series, use_na_sentinel=True)
        return codes, np.asarray(uniques, dtype=object)
    codes, dictionary = encoded
    return codes, np.asarray(dictionary.to_pylist(), dtype=object)


def arrow_codes(series: pd.Series) -> tuple[np.ndarray, Any] | None:
    """``(codes, dictionary)`` of an Arrow text column by ``dictionary_encode`` (the codes as :func:`factorize`
    gives them, the distinct values as a ``pyarrow`` array); None when the column is not Arrow text or is empty.
    Each column is encoded once while it lives (:func:`_encoded`): the codes are read-only, shared by the callers.

    >>> codes, dictionary = arrow_codes(pd.Series(["b", None, "a", "b"], dtype="str"))
    >>> codes.tolist(), dictionary.to_pylist()
    ([0, -1, 1, 0], ['b', 'a'])
    """
    data = arrow_text(series)
    if data is None or len(data) == 0:
        return None
    encoded = _encoded(data)
    return None if encoded is None else encoded[:2]


#: Each live column's encoding, by the ``id`` of its Arrow data: a weak reference to the data, its codes, its
#: dictionary, whether a value is missing. The reading's rules ask one column several times (the ids: cleaned,
#: checked, e-mails looked for, grouped into months; the amounts: currencies looked for, then parsed): one hash pass
#: each. An entry goes with its column (the weak reference's callback); Arrow data never changes.
_ENCODED: dict[int, tuple[Any, Any, Any, bool]] = {}


def _encoded(data: Any) -> tuple[np.ndarray, Any, bool] | None:
    """``(codes, dictionary, has_missing)`` of a non-empty Arrow text ChunkedArray, remembered (see :data:`_ENCODED`);
    None where its chunks do not share one dictionary."""
    key = id(data)
    hit = _ENCODED.get(key)
    if hit is not None and hit[0]() is data:
        return hit[1], hit[2], hit[3]
    import pyarrow as pa
    import pyarrow.compute as pc

    encoded = data.dictionary_encode()  # one memo table over every chunk: each chunk holds the final dictionary
    if encoded.num_chunks == 0:  # pragma: no cover - a non-empty column has a chunk
        return None
    dictionary = encoded.chunk(0).dictionary
    if any(_address(chunk.dictionary) != _address(dictionary) for chunk in encoded.chunks[1:]):
        return None  # not one shared dictionary (pyarrow has always shared it): pandas does the unifying
    indices = pa.chunked_array([chunk.indices for chunk in encoded.chunks], pa.int32())
    missing = indices.null_count > 0
    if missing:
        indices = pc.fill_null(indices, -1)
    codes = indices.to_numpy()
    codes.flags.writeable = False  # shared by every caller

    def forget(reference: Any, key: int = key) -> None:
        entry = _ENCODED.get(key)
        if entry is not None and entry[0] is reference:
            del _ENCODED[key]

    _ENCODED[key] = (weakref.ref(data, forget), codes, dictionary, missing)
    return codes, dictionary, missing


def _address(array: Any) -> tuple[int, int]:
    """Where an Arrow text array's offsets (or views) are, and how many values: one dictionary, shared, has one."""
    offsets = array.buffers()[1]
    return (offsets.address if offsets is not None else 0), len(array)


def distinct(series: pd.Series) -> Any | None:
    """The distinct values of an Arrow text column as a ``pyarrow`` array, in order of first appearance, with a null
    at the end for missing values; None when the column is not Arrow text. By the column's encoding
    (:func:`arrow_codes`, remembered: asked again, the column is not hashed again).

    >>> distinct(pd.Series(["b", None, "a", "b"], dtype="str")).to_pylist()
    ['b', 'a', None]
    """
    data = arrow_text(series)
    if data is None:
        return None
    import pyarrow as pa
    import pyarrow.compute as pc

    encoded = _encoded(data) if len(data) else None
    if encoded is None:
        return pc.unique(data)
    _, dictionary, missing = encoded
    return pa.concat_arrays([dictionary, pa.nulls(1, dictionary.type)]) if missing else dictionary


def text_codes(series: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """``(codes, texts)``: the distinct values of ``series`` as stripped text (an object array, ``""`` last: the
    missing values' text) and each row's position in it (-1, the last, where the value is missing). Worked out on the
    distinct values (:func:`factorize`: Arrow's hash where the column is Arrow text), not row by row, where the column
    is text; another (numbers, dates, Python objects: ``1`` and ``1.0`` one distinct value but two texts) is made text
    first, row by row.

    >>> codes, texts = text_codes(pd.Series([" a", None, "b ", " a"], dtype="str"))
    >>> codes.tolist(), texts.tolist()
    ([0, -1, 1, 0], ['a', 'b', ''])
    """
    if not isinstance(series.dtype, pd.StringDtype):  # numbers, dates, objects: their text as pandas writes it
        series = series.astype(object).where(series.notna(), "").astype(str).str.strip()
    codes, uniques = factorize(series)
    texts = np.empty(len(uniques) + 1, dtype=object)
    texts[:-1] = [str(v).strip() for v in uniques]
    texts[-1] = ""
    return codes, texts


def stripped_text(series: pd.Series) -> np.ndarray:
    """Each value of ``series`` as stripped text, ``""`` where it is missing (an object array of ``len(series)``): as
    ``series.astype(object).where(series.notna(), "").astype(str).str.strip()`` gives it, by :func:`text_codes`.

    >>> stripped_text(pd.Series([" a", None, "b ", " a"], dtype="str")).tolist()
    ['a', '', 'b', 'a']
    >>> stripped_text(pd.Series([1.5, float("nan"), 2.0])).tolist()
    ['1.5', '', '2.0']
    >>> stripped_text(pd.Series([1, 1.0, None], dtype=object)).tolist()
    ['1', '1.0', '']
    """
    codes, texts = text_codes(series)
    return texts[codes]
