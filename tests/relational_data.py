"""Shared inputs for the relational tests: Hypothesis strategies and a comparison against the numpy tables."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import strategies as st

from xl_retention import tables as T

BASE = pd.Period("2023-11", "M")
PLANS = ("Basic", "Pro", None)


@st.composite
def snapshots(draw: st.DrawFn, fractional: bool = False) -> pd.DataFrame:
    """Snapshots ``customer_id, month, mrr, plan``: one row per customer and month, MRR 0 rows included."""
    stream = draw(
        st.dictionaries(
            keys=st.tuples(st.integers(0, 6), st.integers(0, 9)),
            values=st.tuples(st.integers(0, 4), st.sampled_from(PLANS)),
            min_size=1,
            max_size=40,
        )
    )
    items = list(stream.items())
    draw(st.randoms(use_true_random=False)).shuffle(items)
    unit = 12.37 if fractional else 25
    return pd.DataFrame(
        {
            "customer_id": [f"c{c:02d}" for (c, _), _ in items],
            "month": [str(BASE + m) for (_, m), _ in items],
            "mrr": [v * unit for _, (v, _) in items],
            "plan": [p for _, (_, p) in items],
        }
    )


@st.composite
def orders(draw: st.DrawFn) -> pd.DataFrame:
    """Orders ``customer_id, date, amount, channel`` with refunds (negative amounts) and several orders a month."""
    rows = draw(
        st.lists(
            st.tuples(st.integers(0, 5), st.integers(0, 150), st.integers(-2, 6), st.sampled_from(("web", "shop"))),
            min_size=1,
            max_size=40,
        )
    )
    base = pd.Timestamp("2024-01-01")
    return pd.DataFrame(
        {
            "customer_id": [str(c + 1) for c, _, _, _ in rows],  # 0 is a guest checkout (refused)
            "date": [(base + pd.Timedelta(days=d)).strftime("%Y-%m-%d") for _, d, _, _ in rows],
            "amount": [a * 10 for _, _, a, _ in rows],
            "channel": [ch for _, _, _, ch in rows],
        }
    )


@st.composite
def visits(draw: st.DrawFn) -> pd.DataFrame:
    rows = draw(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 120)), min_size=1, max_size=30))
    base = pd.Timestamp("2024-01-01")
    return pd.DataFrame(
        {
            "visitor_id": [f"v{v}" for v, _ in rows],
            "date": [(base + pd.Timedelta(days=d)).strftime("%Y-%m-%d") for _, d in rows],
        }
    )


@st.composite
def answers(draw: st.DrawFn) -> pd.DataFrame:
    rows = draw(
        st.lists(
            st.tuples(st.integers(0, 120), st.one_of(st.none(), st.integers(0, 10))), min_size=1, max_size=30
        ).filter(lambda rows: any(score is not None for _, score in rows))  # all blank: the reading's own case
    )
    base = pd.Timestamp("2024-01-01")
    return pd.DataFrame(
        {
            "date": [(base + pd.Timedelta(days=d)).strftime("%Y-%m-%d") for d, _ in rows],
            "score": [s for _, s in rows],
        }
    )


@st.composite
def intervals(draw: st.DrawFn) -> pd.DataFrame:
    rows = draw(
        st.lists(
            st.tuples(
                st.integers(0, 3), st.integers(0, 200), st.one_of(st.none(), st.integers(1, 120)), st.integers(0, 9)
            ),  # fmt: skip  (an end at the start is refused: tables.subscriptions.NO_SERVICE)
            min_size=1,
            max_size=12,
        )
    )
    base = pd.Timestamp("2024-01-01")
    return pd.DataFrame(
        {
            "customer_id": [f"k{c}" for c, _, _, _ in rows],
            "start": [(base + pd.Timedelta(days=s)).strftime("%Y-%m-%d") for _, s, _, _ in rows],
            "end": [
                None if d is None else (base + pd.Timedelta(days=s + d)).strftime("%Y-%m-%d") for _, s, d, _ in rows
            ],  # fmt: skip
            # an interval that ended with MRR 0 is refused (today's MRR, reading.revenue): an open one may have 0
            "mrr": [(v if d is None else v or 1) * 10 for _, _, d, v in rows],
        }
    ).drop_duplicates(ignore_index=True)  # a row twice in every column is refused (reading.copies)


def same(got: object, expected: object, exact: bool = True) -> None:
    """Tables (or NamedTuples of tables) equal: index, columns, dtypes, values (exactly, or to 1e-9 relative)."""
    if isinstance(expected, tuple):
        assert type(got) is type(expected)
        for g, e in zip(got, expected, strict=True):
            same(g, e, exact)
        return
    if expected is None:
        assert got is None
        return
    if exact:
        pd.testing.assert_frame_equal(got, expected, check_exact=True)
    else:
        pd.testing.assert_frame_equal(got, expected, check_exact=False, rtol=1e-9, atol=1e-9)


def reference(kind: str, df: pd.DataFrame) -> object:
    """The numpy tables of one input (the reference)."""
    if kind == "subscriptions":
        return T.subscription_tables(df)
    if kind == "intervals":
        return T.subscription_tables(T.snapshots_from_intervals(df))
    if kind == "orders":
        return T.order_tables(df)
    if kind == "visits":
        return T.returning_visitors(df)
    return T.nps_by_month(df)


def same_as_the_slow_count(got: T.SubscriptionTables, snaps: pd.DataFrame) -> None:
    """Movements and customer cohorts of :func:`snapshots` equal the customer-by-customer count (the reference)."""
    from test_movements import check_reconciles, oracle

    check_reconciles(got.movements)
    ordinal = {str(p): i for i, p in enumerate(pd.period_range(BASE, periods=10, freq="M"))}
    stream = {(c, ordinal[m]): v for c, m, v in zip(snaps.customer_id, snaps.month, snaps.mrr, strict=True)}
    first, last = min(k[1] for k in stream), max(k[1] for k in stream)
    expected, cohorts = oracle(stream, first, last)
    for column in expected.columns:
        np.testing.assert_array_equal(got.movements[column].to_numpy(dtype=float), expected[column].to_numpy())
    table = got.customer_cohorts.to_numpy()
    for c in range(len(table)):
        for k in range(len(table) - c):
            assert table[c, k] == cohorts[c, c + k]
