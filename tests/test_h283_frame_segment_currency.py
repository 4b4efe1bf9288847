"""H277's finding 01: the engine's functions split by a currency column on a pandas or polars frame, and take
``segment="COLUMN=VALUE"`` (what the refusal of two currencies advises) on every input, as the import does."""

from __future__ import annotations

import warnings

import duckdb
import ibis
import pandas as pd
import pytest

import xl_retention.relational as r
from xl_retention.reading import DataError
from xl_retention.relational.load import load_tables

SUBS = pd.DataFrame(
    {
        "customer_id": ["a", "a", "a", "b", "b", "b", "c", "c"],
        "month": ["2025-01", "2025-02", "2025-03", "2025-01", "2025-02", "2025-03", "2025-03", "2025-04"],
        "mrr": [10.0, 10, 10, 20, 20, 0, 7, 7],
        "currency": ["USD"] * 6 + ["GBP"] * 2,
    }
)
ORDERS = pd.DataFrame(
    {
        "order_id": ["1", "2", "3"],
        "customer_id": ["x", "y", "y"],
        "date": ["2025-01-05", "2025-01-07", "2025-02-03"],
        "amount": [5.0, 8, 9],
        "currency": ["EUR", "USD", "USD"],
    }
)


def _kinds(df: pd.DataFrame) -> dict[str, object]:
    kinds: dict[str, object] = {"pandas": df, "relation": duckdb.sql("select * from df"), "ibis": ibis.memtable(df)}
    try:
        import polars as pl
    except ImportError:
        return kinds
    kinds["polars"] = pl.from_pandas(df)
    return kinds


@pytest.fixture(autouse=True)
def _quiet() -> None:
    warnings.simplefilter("ignore")


@pytest.mark.parametrize("kind", ["pandas", "relation", "ibis", "polars"])
def test_subscriptions_per_currency(kind: str) -> None:
    kinds = _kinds(SUBS)
    if kind not in kinds:
        pytest.skip("polars not installed")
    moves = r.subscription_tables(kinds[kind], segment="currency").movements
    assert moves.index.names == ["segment", "month"]
    assert moves["customers_end"].tolist() == [0, 0, 1, 1, 2, 2, 1, 0]
    assert moves["mrr_end"].tolist() == [0.0, 0.0, 7.0, 7.0, 30.0, 30.0, 10.0, 0.0]
    whole = r.subscription_tables(duckdb.sql("select * from SUBS"), segment="currency")
    pd.testing.assert_frame_equal(moves, whole.movements)
    pd.testing.assert_frame_equal(
        r.subscription_tables(kinds[kind], segment="currency").revenue_cohorts, whole.revenue_cohorts
    )


@pytest.mark.parametrize("kind", ["pandas", "relation", "ibis", "polars"])
@pytest.mark.parametrize("segment", ["currency=GBP", "currency=gbp", "Currency = GBP"])
def test_subscriptions_one_currency(kind: str, segment: str) -> None:
    kinds = _kinds(SUBS)
    if kind not in kinds:
        pytest.skip("polars not installed")
    tables = r.subscription_tables(kinds[kind], segment=segment)
    assert tables.movements.index.name == "month"
    assert tables.movements["customers_end"].tolist() == [0, 0, 1, 1]
    assert tables.movements["mrr_end"].tolist() == [0.0, 0.0, 7.0, 7.0]
    assert r.monthly_movements(kinds[kind], segment=segment)["customers_end"].tolist() == [0, 0, 1, 1]


def test_one_currency_not_there_is_refused_naming_the_segments() -> None:
    for data in _kinds(SUBS).values():
        with pytest.raises(ValueError, match=r"no customer is in segment currency='EUR' \(segments: 'GBP', 'USD'\)"):
            r.subscription_tables(data, segment="currency=EUR")


def test_the_refusals_advice_is_followed() -> None:
    """The refusal without a segment advises segment='currency=GBP' (the CLI's --segment): given so, it computes."""
    with pytest.raises(DataError, match=r"\(segment='currency=GBP'\)"):
        r.subscription_tables(SUBS)
    assert r.subscription_tables(SUBS, segment="currency=GBP").movements["mrr_end"].tolist() == [0.0, 0.0, 7.0, 7.0]


@pytest.mark.parametrize("kind", ["pandas", "relation", "ibis", "polars"])
def test_orders_per_currency(kind: str) -> None:
    kinds = _kinds(ORDERS)
    if kind not in kinds:
        pytest.skip("polars not installed")
    purchases = r.order_tables(kinds[kind], segment="currency").purchases
    assert purchases.index.tolist() == [
        ("EUR", pd.Period("2025-01", "M")),
        ("EUR", pd.Period("2025-02", "M")),
        ("USD", pd.Period("2025-01", "M")),
        ("USD", pd.Period("2025-02", "M")),
    ]
    assert purchases["buyers"].tolist() == [1, 0, 1, 1]
    assert purchases["returning"].tolist() == [0, 0, 0, 1]
    eur = r.order_tables(kinds[kind], segment="currency=eur")
    assert eur.purchases["buyers"].tolist() == [1, 0]
    assert r.repeat_purchases(kinds[kind], segment="currency=USD")["buyers"].tolist() == [1, 1]


@pytest.mark.parametrize("segment", ["currency", "currency=GBP"])
@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_frames_give_the_imports_tables(tmp_path, segment: str, backend: str) -> None:
    """The same figures and columns as ``xl-retention import --segment`` on the same rows as a file."""
    SUBS.to_csv(tmp_path / "s.csv", index=False)
    imported = load_tables(subscriptions=tmp_path / "s.csv", segment=segment, backend=backend)
    for data in _kinds(SUBS).values():
        tables = r.subscription_tables(data, segment=segment)
        pd.testing.assert_frame_equal(tables.movements, imported.movements, check_dtype=False)
        pd.testing.assert_frame_equal(tables.customer_cohorts, imported.customer_cohorts, check_dtype=False)
        pd.testing.assert_frame_equal(tables.revenue_cohorts, imported.revenue_cohorts, check_dtype=False)


def test_a_plan_segment_and_one_plan() -> None:
    one = SUBS.assign(currency="USD", plan=["Pro"] * 3 + ["Basic"] * 3 + ["Pro"] * 2)
    for data in _kinds(one).values():
        assert r.subscription_tables(data, segment="plan").movements["customers_end"].tolist() == [
            1, 1, 0, 0, 1, 1, 2, 1,
        ]  # fmt: skip
        assert r.subscription_tables(data, segment="plan=Pro").movements["customers_end"].tolist() == [1, 1, 2, 1]


def test_a_column_named_with_an_equals_sign_is_that_column() -> None:
    named = SUBS.rename(columns={"currency": "cur=x"}).assign(currency="USD")
    moves = r.subscription_tables(named, segment="cur=x").movements
    assert moves.index.names == ["segment", "month"]
    assert moves["customers_end"].tolist() == [0, 0, 1, 1, 2, 2, 1, 0]
