"""The core against METRICS.md: worked examples exactly, errors, and input kinds."""

import numpy as np
import pandas as pd
import pytest

import xl_retention as xr


# -- worked examples of METRICS.md, exactly ------------------------------------------
def test_crr_500_start_75_gained_535_end():
    assert xr.crr(535, 75, 500) == 0.92
    assert xr.churn_rate(535, 75, 500) == 0.08
    assert xr.customers_lost(535, 75, 500) == 40


def test_crr_70_start():
    assert xr.crr(90, 30, 70) == 60 / 70


def test_crr_every_customer_kept():
    assert xr.crr(120, 20, 100) == 1.0


def test_yearly_churn_without_gains():
    assert xr.churn_rate(90, 0, 100) == 0.10


def test_nps_worked_example():
    assert xr.nps_breakdown([10, 9, 9, 8, 7, 6, 3]) == (3, 2, 2, 7)
    assert xr.nps([10, 9, 9, 8, 7, 6, 3]) == 100 * (3 - 2) / 7


def test_net_revenue_churn_worked_example():
    assert xr.net_revenue_churn(800, 500, 10000) == 0.03
    assert xr.nrr(800, 500, 10000) == 0.97
    assert xr.gross_revenue_churn(800, 10000) == 0.08
    assert xr.grr(800, 10000) == 0.92


# -- the other formulas ----------------------------------------------------------------
def test_net_negative_churn():
    assert xr.net_revenue_churn(300, 800, 10000) == -0.05
    assert xr.nrr(300, 800, 10000) == 1.05


def test_quick_ratio():
    assert xr.quick_ratio(1500, 500, 800) == 2.5


def test_repeat_purchase_rate_two_forms():
    assert xr.repeat_purchase_rate(30, 120) == 0.25
    # buyers are counts >= 1: 2 of 4 buyers ordered twice or more; blanks and zeros skipped
    assert xr.repeat_purchase_rate([1, 2, 1, 3, None, 0]) == 0.5


def test_returning_visitor_rate():
    assert xr.returning_visitor_rate(300, 1200) == 0.25


def test_returning_customer_rate():
    assert xr.returning_customer_rate(45, 180) == 0.25
    assert xr.returning_customer_rate([0, 3], [2, 4]).tolist() == [0.0, 0.75]


def test_nps_moe_formula():
    p, d, n = 3 / 7, 2 / 7, 7
    z = 1.959963984540054
    assert xr.nps_moe([10, 9, 9, 8, 7, 6, 3]) == pytest.approx(
        z * 100 * np.sqrt(((p + d) - (p - d) ** 2) / n), rel=1e-15
    )
    assert xr.nps_moe([10, 9, 9, 8, 7, 6, 3], 0.90) == pytest.approx(
        1.6448536269514722 * 100 * np.sqrt(((p + d) - (p - d) ** 2) / n), rel=1e-15
    )


def test_nps_all_promoters_and_all_detractors():
    assert xr.nps([9, 10, 10]) == 100.0
    assert xr.nps([0, 6, 3]) == -100.0
    assert xr.nps_moe([10, 10]) == 0.0


def test_customer_lifetime_and_clv():
    assert xr.customer_lifetime(0.05) == 20.0
    assert xr.clv(100, 0.8, 0.05) == 1600.0
    # m (1 + d) / (1 + d - r): m = 80, d = 0.1, r = 0.95
    assert xr.clv(100, 0.8, 0.05, 0.1) == pytest.approx(80 * 1.1 / (1.1 - 0.95), rel=1e-15)


# -- kinds in, the same kind out ------------------------------------------------------
def test_scalar_in_float_out():
    assert type(xr.crr(535, 75, 500)) is float


def test_arrays_broadcast_elementwise():
    result = xr.crr(np.array([535, 90, 120]), np.array([75, 30, 20]), np.array([500, 70, 100]))
    assert isinstance(result, np.ndarray)
    np.testing.assert_array_equal(result, [0.92, 60 / 70, 1.0])
    np.testing.assert_array_equal(xr.gross_revenue_churn([800, 100], 10000), [0.08, 0.01])


def test_series_keeps_its_index():
    months = pd.period_range("2026-01", periods=3, freq="M")
    end = pd.Series([535, 90, 120], index=months)
    result = xr.crr(end, [75, 30, 20], [500, 70, 100])
    assert isinstance(result, pd.Series)
    assert list(result.index) == list(months)
    assert result.tolist() == [0.92, 60 / 70, 1.0]


def test_missing_values_propagate_as_nan():
    result = xr.crr([535, np.nan], [75, 30], [500, 70])
    assert result[0] == 0.92 and np.isnan(result[1])


def test_nps_skips_blanks_and_takes_2d_ranges():
    assert xr.nps([[10, None], [9, 3], [np.nan, 6]]) == 0.0
    assert xr.nps(pd.Series([10, 9, None, 3])) == 100 * (2 - 1) / 3


# -- bad input: a ValueError subclass naming the argument and the value ----------------
@pytest.mark.parametrize(
    ("call", "error", "excel", "words"),
    [
        (lambda: xr.crr(10, 0, 0), xr.ZeroDenominatorError, "#DIV/0!", ["customers_start", "0"]),
        (lambda: xr.crr(10, -1, 20), xr.OutOfRangeError, "#NUM!", ["customers_gained", "-1"]),
        (lambda: xr.crr(30, 75, 500), xr.OutOfRangeError, "#NUM!", ["customers_end", "30", "75"]),
        (lambda: xr.crr(700, 75, 500), xr.OutOfRangeError, "#NUM!", ["customers_end", "700", "500", "75"]),
        (lambda: xr.crr("535", 75, 500), xr.NotANumberError, "#VALUE!", ["customers_end", "'535'"]),
        (lambda: xr.crr(True, 75, 500), xr.NotANumberError, "#VALUE!", ["customers_end", "True"]),
        (lambda: xr.churn_rate(10, 0, 0), xr.ZeroDenominatorError, "#DIV/0!", ["customers_start"]),
        (lambda: xr.customers_lost(10, 0, -5), xr.OutOfRangeError, "#NUM!", ["customers_start", "-5"]),
        (lambda: xr.net_revenue_churn(800, 500, 0), xr.ZeroDenominatorError, "#DIV/0!", ["start_mrr"]),
        (lambda: xr.net_revenue_churn(12000, 500, 10000), xr.OutOfRangeError, "#NUM!", ["lost_mrr", "12000", "10000"]),
        (lambda: xr.gross_revenue_churn(-1, 10000), xr.OutOfRangeError, "#NUM!", ["lost_mrr", "-1"]),
        (lambda: xr.nrr(800, -500, 10000), xr.OutOfRangeError, "#NUM!", ["expansion_mrr", "-500"]),
        (lambda: xr.grr(800, 0), xr.ZeroDenominatorError, "#DIV/0!", ["start_mrr"]),
        (lambda: xr.quick_ratio(100, 50, 0), xr.ZeroDenominatorError, "#DIV/0!", ["lost_mrr"]),
        (lambda: xr.repeat_purchase_rate(130, 120), xr.OutOfRangeError, "#NUM!", ["returning", "130", "120"]),
        (lambda: xr.repeat_purchase_rate([0, None]), xr.ZeroDenominatorError, "#DIV/0!", ["returning (the order"]),
        (lambda: xr.repeat_purchase_rate([1, 2.5]), xr.OutOfRangeError, "#NUM!", ["returning must", "2.5"]),
        (lambda: xr.returning_visitor_rate(5, 0), xr.ZeroDenominatorError, "#DIV/0!", ["total"]),
        (lambda: xr.returning_customer_rate(5, 0), xr.ZeroDenominatorError, "#DIV/0!", ["total"]),
        (lambda: xr.returning_customer_rate(5, 4), xr.OutOfRangeError, "#NUM!", ["returning", "5", "4"]),
        (lambda: xr.returning_customer_rate(-1, 4), xr.OutOfRangeError, "#NUM!", ["returning", "-1"]),
        (lambda: xr.nps([]), xr.ZeroDenominatorError, "#DIV/0!", ["scores", "no responses"]),
        (lambda: xr.nps([None, None]), xr.ZeroDenominatorError, "#DIV/0!", ["scores"]),
        (lambda: xr.nps([10, 11]), xr.OutOfRangeError, "#NUM!", ["scores", "11"]),
        (lambda: xr.nps([10, 7.5]), xr.OutOfRangeError, "#NUM!", ["scores", "7.5"]),
        (lambda: xr.nps([10, "nine"]), xr.NotANumberError, "#VALUE!", ["scores", "'nine'"]),
        (lambda: xr.nps([10, -1]), xr.OutOfRangeError, "#NUM!", ["scores", "-1"]),
        (lambda: xr.nps_moe([10, 9], 1.5), xr.OutOfRangeError, "#NUM!", ["confidence", "1.5"]),
        (lambda: xr.nps_breakdown([10, 12]), xr.OutOfRangeError, "#NUM!", ["scores", "12"]),
        (lambda: xr.customer_lifetime(0), xr.ZeroDenominatorError, "#DIV/0!", ["churn_rate"]),
        (lambda: xr.customer_lifetime(1.2), xr.OutOfRangeError, "#NUM!", ["churn_rate", "1.2"]),
        (lambda: xr.clv(100, 0.8, 0), xr.ZeroDenominatorError, "#DIV/0!", ["churn_rate"]),
        (lambda: xr.clv(100, 1.8, 0.05), xr.OutOfRangeError, "#NUM!", ["gross_margin", "1.8"]),
        (lambda: xr.clv(-100, 0.8, 0.05), xr.OutOfRangeError, "#NUM!", ["arpa", "-100"]),
        (lambda: xr.clv(100, 0.8, 0.05, -0.1), xr.OutOfRangeError, "#NUM!", ["discount_rate", "-0.1"]),
        (lambda: xr.crr([535, 90], [75, 30, 1], 500), xr.NotANumberError, "#VALUE!", ["shapes"]),
        (lambda: xr.crr(np.inf, 75, 500), xr.OutOfRangeError, "#NUM!", ["customers_end", "inf"]),
    ],
)
def test_bad_input_raises_named_error(call, error, excel, words):
    with pytest.raises(error) as info:
        call()
    assert isinstance(info.value, ValueError)
    assert info.value.excel_error == excel
    for word in words:
        assert word in str(info.value)


def test_error_in_an_array_names_its_position_and_series_its_label():
    with pytest.raises(xr.ZeroDenominatorError, match="at position 1"):
        xr.crr([535, 10], [75, 0], [500, 0])
    index = pd.period_range("2026-01", periods=2, freq="M")
    with pytest.raises(xr.OutOfRangeError, match="2026-02"):
        xr.crr(pd.Series([535, 10], index=index), [75, 20], [500, 30])


def test_clv_with_discount_and_no_churn_is_finite():
    # the denominator is d + churn_rate: only 0 when both are 0
    assert xr.clv(100, 0.8, 0, 0.1) == pytest.approx(80 * 1.1 / 0.1, rel=1e-15)


def test_an_error_names_the_values_place_in_the_range_as_given_blanks_counted():
    with pytest.raises(xr.OutOfRangeError) as caught:
        xr.nps([10, None, 100])
    assert str(caught.value) == "scores must be a whole score from 0 to 10, got 100 at position 2"
    assert caught.value.position == (2,)  # its place in the list given, the blank counted (was 1, blanks dropped)
    with pytest.raises(xr.OutOfRangeError, match=r"got 100 at position \(1, 1\)$"):
        xr.nps_moe([[10, 9], [None, 100]])
    with pytest.raises(xr.OutOfRangeError, match=r"got 2.5 at position 3$"):
        xr.repeat_purchase_rate([1, 2, None, 2.5])
    from xl_retention._validation import Inputs

    with pytest.raises(xr.OutOfRangeError, match=r"got -1 at position \(1, 1\)$"):  # plain numbers, not np.int64(1)
        Inputs(a=np.array([[1.0, 2.0], [3.0, -1.0]])).check_range("a")


def test_a_cells_reason_counts_the_place_in_the_range_from_1():
    from xl_retention import cells
    from xl_retention.registry import BY_NAME

    column = [[10.0], [9.0], [None], [100.0]]  # a range of one column, as Excel gives it
    result = cells.evaluate(BY_NAME["NPS_MOE"], column)
    assert (result.code, result.message) == (
        "#NUM!",
        "scores must be a whole score from 0 to 10, got 100 in cell 4 of scores",
    )
    result = cells.evaluate(BY_NAME["REPEAT_PURCHASE_RATE"], [[1.0], [2.5]])
    assert result.message == "returning must be a whole number of orders >= 0, got 2.5 in cell 2 of returning"
    error = xr.OutOfRangeError("a must be a number >= 0, got -1 at position (1, 0)", "a", -1.0)
    error.position = (1, 0)
    assert cells.excel_message(error) == "a must be a number >= 0, got -1 in row 2, column 1 of a"


def test_survey_columns_mostly_empty_give_the_same_results_and_places_as_without_their_empty_tail():
    """The template reads each month's answers as 1,000 rows, mostly empty: the empty cells after the last answer
    are not passed to the core (NPS skips blanks), which changes neither a result nor the place an error names."""
    from xl_retention import cells
    from xl_retention.registry import BY_NAME

    answers = [10.0, 9.0, None, 3.0, 7.0, "", 10.0, 0.0]
    column = [[v] for v in answers] + [[None]] * 993  # 1,001 rows: empty runs of 64 and a remainder
    assert cells.evaluate(BY_NAME["NPS"], column) == cells.evaluate(BY_NAME["NPS"], [[v] for v in answers])
    assert cells.evaluate(BY_NAME["NPS"], column) == pytest.approx(100 * (3 - 2) / 6)
    assert cells.evaluate(BY_NAME["NPS_BREAKDOWN"], column) == [[3, 1, 2, 6]]  # promoters, passives, detractors, n
    assert cells.evaluate(BY_NAME["NPS_MOE"], column) == cells.evaluate(BY_NAME["NPS_MOE"], column[:8])
    assert cells.evaluate(BY_NAME["NPS"], [[None]] * 1000) is None  # no answers at all: a blank, as before
    bad = [[10.0]] + [[None]] * 130 + [[11.0]] + [[None]] * 500
    result = cells.evaluate(BY_NAME["NPS"], bad)
    assert (result.code, result.message) == (
        "#NUM!",
        "scores must be a whole score from 0 to 10, got 11 in cell 132 of scores",
    )


def test_series_are_matched_by_their_index_labels_or_refused():
    """Series in another order are matched by label, as pandas arithmetic matches them (a number is never
    computed from another month's figures); labels that differ are refused, naming the argument and labels."""
    import pandas as pd

    months = ["2026-01", "2026-02", "2026-03"]
    end = pd.Series([100, 110, 120], index=months)
    start = pd.Series([90, 100, 110], index=months)
    new = pd.Series([20, 15, 10], index=months).sort_values()  # 2026-03 first
    got = xr.crr(end, new, start)
    assert list(got.index) == months
    assert got.tolist() == [(100 - 20) / 90, (110 - 15) / 100, (120 - 10) / 110]
    assert xr.nrr(
        pd.Series([5.0, 8.0], index=["b", "a"]), 0.0, pd.Series([50.0, 100.0], index=["a", "b"])
    ).to_dict() == {
        "a": (50 - 8) / 50,
        "b": (100 - 5) / 100,
    }
    with pytest.raises(xr.NotANumberError) as caught:
        xr.crr(end, new.rename(index={"2026-02": "2026-04"}), start)
    assert str(caught.value) == (
        "customers_gained's index does not match customers_end's (labels '2026-02' of customers_end are not in "
        "customers_gained): Series are matched by their index labels, so give them the same labels "
        "(e.g. customers_gained.reindex(customers_end.index)) or pass arrays"
    )
    assert caught.value.argument == "customers_gained"
    with pytest.raises(xr.NotANumberError, match=r"\(a label repeats\)"):
        xr.crr(end, pd.Series([20, 15, 10, 5], index=[*months, "2026-01"]), start)
    assert xr.crr(end, [20, 15, 10], start).tolist() == [(100 - 20) / 90, (110 - 15) / 100, (120 - 10) / 110]
    # one index with a repeated label (two plans of one month) in the same order: row by row, as pandas does
    twice = ["2026-01", "2026-01"]
    got = xr.crr(
        pd.Series([100, 190], index=twice), pd.Series([10, 20], index=twice), pd.Series([95, 180], index=twice)
    )
    assert list(got.index) == twice and got.tolist() == [(100 - 10) / 95, (190 - 20) / 180]
    with pytest.raises(xr.NotANumberError, match=r"\(a label repeats\)"):  # in another order: which row is which?
        xr.crr(pd.Series([100, 190, 5], index=["a", "a", "b"]), 0, pd.Series([95, 5, 180], index=["a", "b", "a"]))
