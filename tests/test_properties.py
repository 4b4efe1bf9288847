"""Properties that hold for every consistent input (hypothesis)."""

import random

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import xl_retention as xr

counts = st.integers(min_value=0, max_value=10**7)


@st.composite
def customer_flows(draw):
    """(E, N, S) with S > 0 and 0 <= L <= S + N, E >= N."""
    s = draw(st.integers(min_value=1, max_value=10**7))
    n = draw(counts)
    lost = draw(st.integers(min_value=0, max_value=s))  # lost among the starting customers
    return s + n - lost, n, s


@st.composite
def revenue(draw):
    start = draw(st.floats(min_value=0.01, max_value=1e9, allow_nan=False))
    lost = draw(st.floats(min_value=0, max_value=1, allow_nan=False)) * start
    expansion = draw(st.floats(min_value=0, max_value=1e9, allow_nan=False))
    return lost, expansion, start


score_lists = st.lists(st.one_of(st.integers(0, 10), st.none()), min_size=1, max_size=200).filter(
    lambda xs: any(x is not None for x in xs)
)


@given(customer_flows())
def test_crr_plus_churn_is_one_and_crr_in_unit_interval(flow):
    e, n, s = flow
    assert xr.crr(e, n, s) + xr.churn_rate(e, n, s) == pytest.approx(1.0, abs=1e-12)
    assert 0.0 <= xr.crr(e, n, s) <= 1.0
    assert xr.customers_lost(e, n, s) == s + n - e


@given(revenue())
def test_nrr_is_one_minus_net_revenue_churn_and_grr_at_most_one(r):
    lost, expansion, start = r
    assert xr.nrr(lost, expansion, start) == pytest.approx(
        1 - xr.net_revenue_churn(lost, expansion, start), rel=1e-12, abs=1e-12
    )
    assert xr.grr(lost, start) <= 1.0
    assert xr.grr(lost, start) == pytest.approx(1 - xr.gross_revenue_churn(lost, start), abs=1e-12)


@given(score_lists, st.randoms(use_true_random=False))
def test_nps_bounded_and_unchanged_by_order_and_blanks(scores, rnd: random.Random):
    value = xr.nps(scores)
    assert -100.0 <= value <= 100.0
    shuffled = scores + [None] * rnd.randint(0, 5)
    rnd.shuffle(shuffled)
    assert xr.nps(shuffled) == value
    assert xr.nps([s for s in scores if s is not None]) == value
    b = xr.nps_breakdown(scores)
    assert b.promoters + b.passives + b.detractors == b.responses


@given(st.lists(customer_flows(), min_size=1, max_size=30))
def test_arrays_equal_a_loop_of_scalar_calls(flows):
    e, n, s = (np.array(col) for col in zip(*flows, strict=False))
    for func in (xr.crr, xr.churn_rate, xr.customers_lost):
        np.testing.assert_array_equal(func(e, n, s), [func(*f) for f in flows])


@given(st.lists(revenue(), min_size=1, max_size=30))
def test_revenue_arrays_equal_a_loop_of_scalar_calls(rows):
    lost, expansion, start = (np.array(col) for col in zip(*rows, strict=False))
    np.testing.assert_array_equal(xr.nrr(lost, expansion, start), [xr.nrr(*r) for r in rows])
    np.testing.assert_array_equal(xr.grr(lost, start), [xr.grr(a, c) for a, _, c in rows])


@given(
    st.floats(min_value=0, max_value=1e6, allow_nan=False),
    st.floats(min_value=0, max_value=1, allow_nan=False),
    st.floats(min_value=1e-6, max_value=1, allow_nan=False),
)
def test_clv_without_discount_is_margin_over_churn(arpa, margin, churn):
    assert xr.clv(arpa, margin, churn) == pytest.approx(arpa * margin / churn, rel=1e-12)
    assert xr.clv(arpa, margin, churn, 0.0) == xr.clv(arpa, margin, churn)
