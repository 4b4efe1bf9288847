"""rfm_summary names a blank customer id's row as its blank date's and amount's are named (H27 finding 03: it said
'row 3', a bare 0-based position, for row 5). A DataFrame given in Python names its rows by their index labels
(session 25): 'the row at index 3' is ``df.loc[3]``."""

from __future__ import annotations

import pandas as pd
import pytest

import xl_retention as xr

ADVICE = (  # the way out, naming this function's argument (H200 finding 11)
    "a row without one is no known customer's (a guest's or till sale?): fill the ids in, map a column that names each "
    "one, customer_id='NAME', or remove those rows: the figures then count the known ones only"
)


def _orders(blank: str) -> pd.DataFrame:
    df = pd.DataFrame(
        {
            "customer_id": ["a", "b", "c", "d", "e"],
            "amount": [1.0, 2, 3, 4, 5],
            "date": pd.to_datetime(["2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04", "2026-01-05"]),
        }
    )
    df.loc[3, blank] = None  # the 4th data row: index label 3
    return df


@pytest.mark.parametrize(("blank", "what"), [("customer_id", "customer ids"), ("date", "dates"), ("amount", "values")])
def test_a_blank_cell_is_named_by_its_index_label(blank, what) -> None:
    with pytest.raises(ValueError) as caught:
        xr.rfm_summary(_orders(blank), observation_end="2026-02-01")
    advice = {"customer ids": f"(amount 4.0, date '2026-01-04'): {ADVICE}"}.get(what)  # the row by its values
    assert str(caught.value).endswith(
        f"orders, column {blank!r}: missing {what} in the row at index 3" + (f": {advice}" if advice else "")
    )


def test_a_blank_customer_id_says_the_column_is_blank() -> None:
    with pytest.raises(ValueError) as caught:
        xr.rfm_summary(_orders("customer_id"), observation_end="2026-02-01")
    assert str(caught.value) == (
        "customer_id column 'customer_id' is blank: orders, column 'customer_id': missing customer ids in the row at "
        f"index 3: (amount 4.0, date '2026-01-04'): {ADVICE}"
    )
