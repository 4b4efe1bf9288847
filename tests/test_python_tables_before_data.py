"""``start=`` (or ``end=``) before the first month of a Python table's input (snapshots, intervals, orders, visits,
answers) is refused naming the argument and the input's first month, on pandas and the engine, as a month after the
input's last is: its months were written as months of 0 customers, buyers, visitors or answers, under no word. A
segment's part of an input is observed from the whole input's first month (``import --segment`` is unchanged)."""

from __future__ import annotations

import pandas as pd
import pytest

import xl_retention.relational as R
from xl_retention import movements as M
from xl_retention.errors import RetentionInputError

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

#: a from March 2024 (10, then 10), b from April (5): the data begin in March
SNAPS = pd.DataFrame({"customer_id": ["a", "a", "b"], "month": ["2024-03", "2024-04", "2024-04"], "mrr": [10, 10, 5]})
ORDERS = pd.DataFrame({"customer_id": ["a", "b", "a"], "date": ["2024-03-05", "2024-04-02", "2024-04-20"]})
VISITS = ORDERS.rename(columns={"customer_id": "visitor_id"})
ANSWERS = pd.DataFrame({"date": ["2024-03-05", "2024-04-02"], "score": [9, 3]})
INTERVALS = pd.DataFrame({"customer_id": ["a"], "start": ["2024-03-01"], "end": ["2024-05-01"], "mrr": [10]})


def _said(what: str, name: str = "start", month: str = "2024-01") -> str:
    return (
        f"{name} {month} is before input's first month, 2024-03: the tables would show the months before it as months "
        f"without {what}, though nothing says there were none (give {name} from 2024-03 on)"
    )


CASES = [
    (lambda f: f.monthly_movements(SNAPS, start="2024-01"), "customers"),
    (lambda f: f.subscription_tables(SNAPS, start="2024-01", end="2024-04"), "customers"),
    (lambda f: f.monthly_movements(INTERVALS, start="2024-01", end="2024-04"), "customers"),
    (lambda f: f.order_tables(ORDERS, start="2024-01"), "orders"),
    (lambda f: f.repeat_purchases(ORDERS, start="2024-01", end="2024-04"), "orders"),
    (lambda f: f.returning_visitors(VISITS, start="2024-01"), "visits"),
    (lambda f: f.nps_by_month(ANSWERS, start="2024-01"), "answers"),
]


@pytest.mark.parametrize("module", [M, R], ids=["pandas", "engine"])
@pytest.mark.parametrize("case", range(len(CASES)))
def test_start_before_the_first_month_refused(module, case) -> None:
    call, what = CASES[case]
    with pytest.raises(RetentionInputError) as caught:
        call(module)
    assert str(caught.value) == _said(what)
    assert (caught.value.argument, caught.value.value) == ("start", "2024-01")


def test_end_before_the_first_month_refused() -> None:
    with pytest.raises(RetentionInputError) as caught:
        M.monthly_movements(SNAPS, end="2024-02")  # was one month, February, of 0 customers
    assert str(caught.value) == _said("customers", "end", "2024-02")
    with pytest.raises(RetentionInputError) as caught:
        M.repeat_purchases(ORDERS, end="2024-01")
    assert str(caught.value) == _said("orders", "end", "2024-01")


def test_from_the_first_month_on_counted() -> None:
    # March: a new (10); April: b new (5), a kept. Orders: March a; April b new, a returning.
    for module in (M, R):
        moves = module.monthly_movements(SNAPS, start="2024-03")
        assert moves["customers_end"].tolist() == [1, 2] and moves["new"].tolist() == [1, 1]
        bought = module.repeat_purchases(ORDERS, start="2024-03")
        assert bought["buyers"].tolist() == [1, 2] and bought["returning"].tolist() == [0, 1]


def test_a_segment_is_observed_from_the_whole_inputs_first_month(tmp_path) -> None:
    # segment 'y' begins in April, the whole input in March: its March is a month of 0 buyers, not refused
    from xl_retention import cli

    text = "customer_id,date,ch\na,2024-03-05,x\nb,2024-04-02,y\na,2024-04-20,x\n"
    (tmp_path / "orders.csv").write_text(text)
    out = tmp_path / "out"
    assert cli.main(["import", "--orders", str(tmp_path / "orders.csv"), "--segment", "ch", "--to-csv", str(out)]) == 0
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases[["segment", "month", "buyers"]].values.tolist() == [
        ["x", "2024-03", 1], ["x", "2024-04", 1], ["y", "2024-03", 0], ["y", "2024-04", 1]
    ]  # fmt: skip
    got = R.order_tables(pd.read_csv(tmp_path / "orders.csv"), segment="ch").purchases
    assert got["buyers"].tolist() == [1, 1, 0, 1]
