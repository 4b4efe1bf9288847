"""A file of PARALLEL_ROWS rows or more is read in two threads (reading.preparation._read_columns); the readers
silence pandas' warnings with warnings.catch_warnings(), which Python's documentation says is not thread-safe: one
thread leaving its block restored the filters while the other parsed, and the import printed pandas' "UserWarning:
Parsing dates in %Y-%m-%d %H:%M:%S format when dayfirst=True" between its lines (H170 finding 08). Warnings raised
while the threads read are ignored, and the filters are as before once they end."""

from __future__ import annotations

import warnings

import pytest

from xl_retention.reading import preparation


def _read(name: str) -> str:
    warnings.warn(f"pandas says something about {name}", UserWarning, stacklevel=1)
    return name.upper()


def test_warnings_of_the_threads_are_not_shown() -> None:
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        got = preparation._read_columns(_read, ["start", "end", "mrr"], preparation.PARALLEL_ROWS)
        assert got == {"start": "START", "end": "END", "mrr": "MRR"}
        assert [str(w.message) for w in seen] == []
        warnings.warn("after the threads", UserWarning, stacklevel=1)  # the filters are the caller's again
        assert [str(w.message) for w in seen] == ["after the threads"]


def test_an_error_of_a_thread_is_raised() -> None:
    def read(name: str) -> str:
        if name == "end":
            raise ValueError("end")
        return name

    with pytest.raises(ValueError, match="end"):
        preparation._read_columns(read, ["start", "end"], preparation.PARALLEL_ROWS)
