"""The Arrow paths of the reading (issue 14 item 5): the same codes, values and errors as the pandas paths."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xl_retention.reading import DataError, clean_ids, parse_dates, parse_numbers, read_table
from xl_retention.reading._distinct import arrow_text, distinct, factorize
from xl_retention.reading.csv_files import _holds_byte
from xl_retention.reading.values import WHITESPACE, visible_text


def arrow_series(*chunks: list) -> pd.Series:
    """A ``str`` Series held by Arrow in these chunks (as pyarrow's CSV reader gives them)."""
    series = pa.chunked_array(chunks, pa.large_string()).to_pandas()
    assert series.dtype == pd.StringDtype("pyarrow", na_value=np.nan)
    assert arrow_text(series).num_chunks == len(chunks)
    return series


def test_factorize_by_arrow_gives_pandas_codes_on_tricky_chunks() -> None:
    series = arrow_series(
        ["b", None, " b", "é", ""],
        [None, None],  # a chunk all missing
        [],
        ["\u3000", "b", "z only here", "é", " b"],  # values only in a later chunk
    )
    codes, uniques = factorize(series)
    assert codes.tolist() == [0, -1, 1, 2, 3, -1, -1, 4, 0, 5, 2, 1]
    assert uniques.tolist() == ["b", " b", "é", "", "\u3000", "z only here"]
    assert all(type(u) is str for u in uniques)
    expected_codes, expected_uniques = pd.factorize(series.astype(object), use_na_sentinel=True)
    assert codes.tolist() == expected_codes.tolist() and uniques.tolist() == list(expected_uniques)


def test_factorize_of_other_columns_is_pandas() -> None:
    codes, uniques = factorize(pd.Series([3, None, 3.5, 3], dtype=object))
    assert codes.tolist() == [0, -1, 1, 0] and uniques.tolist() == [3, 3.5]
    codes, uniques = factorize(arrow_series([None, None], [None]))
    assert codes.tolist() == [-1, -1, -1] and uniques.tolist() == []
    codes, uniques = factorize(pd.Series([], dtype="str"))
    assert codes.tolist() == [] and uniques.tolist() == []


def test_distinct_of_arrow_text_only() -> None:
    assert distinct(arrow_series(["a", None], ["b", "a", None])).to_pylist() == ["a", "b", None]  # missing: last
    assert distinct(pd.Series(["a"], dtype=object)) is None


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.none(),
            st.sampled_from(["", " ", "a", "a ", " a", "0123", "123", "é", "\x85", "\u3000x"]),
            st.text(max_size=3),
        ),
        max_size=30,
    ),  # fmt: skip
    st.lists(st.integers(0, 30), max_size=4),
)
def test_any_chunking_factorizes_and_cleans_as_pandas(values: list, cuts: list[int]) -> None:
    cuts = sorted({min(c, len(values)) for c in cuts})
    bounds = [0, *cuts, len(values)]
    series = arrow_series(*[values[a:b] for a, b in zip(bounds, bounds[1:], strict=False)])
    codes, uniques = factorize(series)
    expected_codes, expected_uniques = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=True)
    assert codes.tolist() == expected_codes.tolist()
    assert uniques.tolist() == list(expected_uniques)
    cleaned = clean_ids(series)
    by_objects = clean_ids(pd.Series(values, dtype=object))
    assert cleaned.isna().tolist() == by_objects.isna().tolist()
    assert cleaned.fillna("<missing>").tolist() == by_objects.fillna("<missing>").tolist()
    assert cleaned.fillna("<missing>").tolist() == [  # as it shows: a soft hyphen alone ('\xad') is no id
        (visible_text(v).strip() or "<missing>") if v is not None else "<missing>" for v in values
    ]


def test_whitespace_is_what_python_strips() -> None:
    assert WHITESPACE == "".join(chr(c) for c in range(0x110000) if chr(c).isspace())


def test_clean_ids_keeps_a_clean_arrow_column_and_cleans_the_rest() -> None:
    clean = arrow_series(["c1", None], ["c2", "c1"])
    assert clean_ids(clean) is clean  # nothing to strip: the column as read, missing ids still missing
    for dirty, expected in (
        (arrow_series(["c1", "c2 "], ["c1"]), ["c1", "c2", "c1"]),
        (arrow_series(["c1"], ["\u3000"]), ["c1", None]),
        (arrow_series(["c1\x1c"], ["", "c1"]), ["c1", None, "c1"]),
        (arrow_series([], ["\u2028c3"]), ["c3"]),
    ):
        out = clean_ids(dirty)
        assert out is not dirty and out.dtype == clean.dtype
        assert [None if pd.isna(v) else v for v in out] == expected


def test_dates_and_numbers_from_arrow_chunks_with_blanks() -> None:
    dates = arrow_series(["2024-01-05", None], ["  ", "2024-02-29 "], [None])
    got = parse_dates(dates, "o.csv", "date", allow_blank=True)
    assert got.astype(str).tolist() == ["2024-01-05T00:00:00.000000", "NaT", "NaT", "2024-02-29T00:00:00.000000",
                                        "NaT"]  # fmt: skip
    with pytest.raises(DataError, match=r"o\.csv, column 'date': missing dates in rows 3, 4, 6"):
        parse_dates(dates, "o.csv", "date")
    with pytest.raises(DataError, match=r"dates that do not parse in row 3 .*: '2024-02-30'"):
        parse_dates(arrow_series(["2024-01-05"], ["2024-02-30", None]), "o.csv", "date", allow_blank=True)
    amounts = arrow_series(["12.5", None], ["1,234.50", "-3"], [None, "12.5"])
    assert parse_numbers(amounts, "o.csv", "amount", allow_blank=True).tolist() == [12.5, pytest.approx(np.nan,
                         nan_ok=True), 1234.5, -3.0, pytest.approx(np.nan, nan_ok=True), 12.5]  # fmt: skip
    with pytest.raises(DataError, match=r"missing values in rows 3, 6 "):
        parse_numbers(amounts, "o.csv", "amount")
    with pytest.raises(DataError, match=r"values that are not numbers in row 4 .*: 'abc'"):
        parse_numbers(arrow_series(["1"], [None, "abc"]), "o.csv", "amount", allow_blank=True)


def test_the_quote_search_of_the_csv_reader(tmp_path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert not _holds_byte(empty, b'"')
    last = tmp_path / "last.csv"
    last.write_bytes(b"a,b\n1,2" + b"x" * (1 << 20) + b'"')
    assert _holds_byte(last, b'"') and not _holds_byte(last, b"'")


def test_the_arrow_reader_gives_pandas_str_columns_without_a_copy(tmp_path) -> None:
    path = tmp_path / "o.csv"
    path.write_text("customer_id,date\nc1,2024-01-05\n,2024-01-06\n c2 ,\n", encoding="utf-8")
    df = read_table(path)
    assert [str(t) for t in df.dtypes] == ["str", "str"]
    assert arrow_text(df["customer_id"]).type == pa.large_string()
    assert [None if pd.isna(v) else v for v in df["customer_id"]] == ["c1", None, " c2 "]
    assert [None if pd.isna(v) else v for v in clean_ids(df["customer_id"])] == ["c1", None, "c2"]


def test_the_tables_codes_of_arrow_ids_are_pandas_codes() -> None:
    from xl_retention.tables._months import _id_codes

    ids = arrow_series(["c2", "c1"], [], ["c3", "c2"], ["c1"])
    codes = _id_codes(ids)
    assert codes.codes.tolist() == [0, 1, 2, 0, 1] and codes.count == 3 and codes.offset == 0
    assert codes.codes.dtype == np.intp
    assert _id_codes(pd.Series(["c2", "c1", "c2"], dtype=object)).codes.tolist() == [0, 1, 0]


def test_prepare_keeps_its_new_columns_and_copies_the_inputs() -> None:
    from xl_retention.reading import prepare

    source = pd.DataFrame({"customer_id": [7, 8], "date": ["2024-01-01", "2024-01-31"], "amount": [1.5, 2.5]})
    frame, _ = prepare(source, "orders")
    assert frame["customer_id"].tolist() == [7, 8] and frame["amount"].tolist() == [1.5, 2.5]
    assert not np.shares_memory(frame["amount"].to_numpy(), source["amount"].to_numpy())
    assert not np.shares_memory(frame["customer_id"].to_numpy(), source["customer_id"].to_numpy())
    frame.loc[0, "amount"] = 99.0
    assert source["amount"].tolist() == [1.5, 2.5]


def test_one_shared_dictionary_is_told_from_separate_ones() -> None:
    from xl_retention.reading._distinct import _address

    chunks = pa.chunked_array([["a", "b", None], ["b", "a"]], pa.large_string())
    shared = chunks.dictionary_encode()
    assert _address(shared.chunk(0).dictionary) == _address(shared.chunk(1).dictionary)
    separate = [pa.chunked_array([c]).dictionary_encode().chunk(0).dictionary for c in chunks.chunks]
    assert separate[0].to_pylist() == ["a", "b"] and separate[1].to_pylist() == ["b", "a"]
    assert _address(separate[0]) != _address(separate[1])


def test_numbers_of_a_text_column_under_each_decimal_mark() -> None:
    told = arrow_series(["1.234", " 2,5 "], [None, "7", "1.234"])
    assert parse_numbers(told, "o.csv", "amount", allow_blank=True)[[0, 1, 3, 4]].tolist() == [1234.0, 2.5, 7.0, 1234.0]
    assert parse_numbers(arrow_series(["1.234", "7"]), "o.csv", "amount", decimal=",").tolist() == [1234.0, 7.0]
    assert parse_numbers(arrow_series(["1.234", "7"]), "o.csv", "amount", decimal=".").tolist() == [1.234, 7.0]
    with pytest.raises(DataError, match=r"numbers whose decimal mark cannot be told .* in row 2 "):
        parse_numbers(arrow_series(["1.234", "7"]), "o.csv", "amount")
    with pytest.raises(DataError, match=r"TRUE/FALSE where numbers belong in row 3 "):
        parse_numbers(arrow_series(["7"], ["true"]), "o.csv", "amount")


def test_a_column_is_hashed_once_while_it_lives_and_forgotten_after() -> None:
    """The ids are cleaned, checked and grouped by several rules; each asks for the column's distinct values or codes:
    one encoding is shared (read-only, so no rule can change another's), and it goes with its column."""
    import gc

    from xl_retention.reading import _distinct

    series = arrow_series(["b", None, "a"], ["b", "c"])
    first = _distinct.arrow_codes(series)
    again = _distinct.arrow_codes(series)
    assert again[0] is first[0] and again[1] is first[1]
    assert first[0].tolist() == [0, -1, 1, 0, 2] and not first[0].flags.writeable
    assert distinct(series).to_pylist() == ["b", "a", "c", None]
    key = id(_distinct.arrow_text(series))
    assert key in _distinct._ENCODED
    del series, first, again
    gc.collect()
    assert key not in _distinct._ENCODED
