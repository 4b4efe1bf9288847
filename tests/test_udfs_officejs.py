"""The Excel formulas through xlwings' own Office.js custom-function machinery.

``custom_functions_meta`` and ``custom_functions_call`` are what xlwings Server and
xlwings Lite run for Excel; the payloads below are the ones Excel sends: every argument
a 2-D matrix, blank cells as "" (or null), error cells as error objects.
"""

import asyncio
import json

import pytest
import xlwings as xw
from xlwings.server import custom_functions_call, custom_functions_meta

from xl_retention import udfs
from xl_retention.registry import FUNCTIONS

DIV0 = {"type": "Error", "errorType": "Div0"}
NUM = {"type": "Error", "errorType": "Num"}
VALUE = {"type": "Error", "errorType": "Value"}
NA_CELL = {"type": "Error", "errorType": "NotAvailable", "basicValue": "#N/A"}


def call(name, *args):
    data = {
        "func_name": name,
        "args": list(args),
        "version": xw.__version__,
        "client": "Office.js",
        "runtime": "1.4",
        "caller_address": "Sheet1!D2",
        "formula_name": name,
        "culture_info_name": "en-US",
        "date_format": "M/d/yyyy",
    }
    return asyncio.run(custom_functions_call(data, udfs))


def test_metadata_lists_every_registry_function_with_its_arguments():
    meta = custom_functions_meta(udfs)
    listed = {f["name"]: [p["name"] for p in f["parameters"]] for f in meta["functions"]}
    assert listed == {
        "CHURN_RATE": ["customers_end", "customers_gained", "customers_start"],
        "CLV": ["arpa", "gross_margin", "churn_rate", "discount_rate"],
        "CRR": ["customers_end", "customers_gained", "customers_start"],
        "CUSTOMERS_LOST": ["customers_end", "customers_gained", "customers_start"],
        "CUSTOMER_LIFETIME": ["churn_rate"],
        "GROSS_REVENUE_CHURN": ["lost_mrr", "start_mrr"],
        "GRR": ["lost_mrr", "start_mrr"],
        "NET_REVENUE_CHURN": ["lost_mrr", "expansion_mrr", "start_mrr"],
        "NPS": ["scores"],
        "NPS_BREAKDOWN": ["scores"],
        "NPS_MOE": ["scores", "confidence"],
        "NPS_MOE_FROM_COUNTS": ["promoters", "detractors", "responses", "confidence"],
        "NRR": ["lost_mrr", "expansion_mrr", "start_mrr"],
        "QUICK_RATIO": ["new_mrr", "expansion_mrr", "lost_mrr"],
        "REPEAT_PURCHASE_RATE": ["returning", "total"],
        "RETURNING_CUSTOMER_RATE": ["returning", "total"],
        "RETURNING_VISITOR_RATE": ["returning", "total"],
        "SBG_FIT": ["survivors", "cohort_size"],
        "SBG_SURVIVAL": ["alpha", "beta", "t"],
        "SBG_RETENTION": ["alpha", "beta", "t"],
        "SBG_CHURN_PROBABILITY": ["alpha", "beta", "t"],
        "SBG_DEL": ["alpha", "beta", "discount_rate"],
        "SBG_DERL": ["alpha", "beta", "discount_rate", "renewals"],
        "SBG_CLV": ["margin", "alpha", "beta", "discount_rate"],
        "BGNBD_FIT": ["frequency", "recency", "age"],
        "BGNBD_EXPECTED": ["r", "alpha", "a", "b", "t", "frequency", "recency", "age"],
        "BGNBD_P_ALIVE": ["r", "alpha", "a", "b", "frequency", "recency", "age"],
        "BGNBD_CLV": [
            "r", "alpha", "a", "b", "frequency", "recency", "age", "order_value", "margin", "months", "discount_rate",
            "periods_per_month",
        ],
        "GAMMAGAMMA_FIT": ["frequency", "monetary_value"],
        "GAMMAGAMMA_MEAN": ["p", "q", "v", "frequency", "monetary_value"],
        "BDW_FIT": ["survivors", "cohort_size"],
        "BDW_SURVIVAL": ["alpha", "beta", "c", "t"],
        "BDW_RETENTION": ["alpha", "beta", "c", "t"],
        "BDW_CHURN_PROBABILITY": ["alpha", "beta", "c", "t"],
        "BDW_DEL": ["alpha", "beta", "c", "discount_rate"],
        "BDW_DERL": ["alpha", "beta", "c", "discount_rate", "renewals"],
        "BDW_CLV": ["margin", "alpha", "beta", "c", "discount_rate"],
        "BGBB_FIT": ["frequency", "recency", "n_periods", "counts"],
        "BGBB_P_ALIVE": ["alpha", "beta", "gamma", "delta", "frequency", "recency", "n_periods"],
        "BGBB_EXPECTED": ["alpha", "beta", "gamma", "delta", "periods", "frequency", "recency", "n_periods"],
        "BGBB_DERT": ["alpha", "beta", "gamma", "delta", "discount_rate", "frequency", "recency", "n_periods"],
        "PARETONBD_FIT": ["frequency", "recency", "age"],
        "PARETONBD_P_ALIVE": ["r", "alpha", "s", "beta", "frequency", "recency", "age"],
        "PARETONBD_EXPECTED": ["r", "alpha", "s", "beta", "t", "frequency", "recency", "age"],
        "PARETONBD_CLV": [
            "r", "alpha", "s", "beta", "frequency", "recency", "age", "order_value", "margin", "months",
            "discount_rate", "periods_per_month",
        ],
        "SBG_FIT_SE": ["survivors", "cohort_size"],
        "BDW_FIT_SE": ["survivors", "cohort_size"],
        "BGNBD_FIT_SE": ["frequency", "recency", "age"],
        "PARETONBD_FIT_SE": ["frequency", "recency", "age"],
        "BGBB_FIT_SE": ["frequency", "recency", "n_periods", "counts"],
        "GAMMAGAMMA_FIT_SE": ["frequency", "monetary_value"],
        "SBG_SURVIVAL_INTERVAL": ["survivors", "t", "confidence", "cohort_size"],
        "SBG_RETENTION_INTERVAL": ["survivors", "t", "confidence", "cohort_size"],
        "BDW_RETENTION_INTERVAL": ["survivors", "t", "confidence", "cohort_size"],
        "SBG_CLV_INTERVAL": ["survivors", "margin", "discount_rate", "confidence", "cohort_size"],
        "BDW_SURVIVAL_INTERVAL": ["survivors", "t", "confidence", "cohort_size"],
        "BDW_CLV_INTERVAL": ["survivors", "margin", "discount_rate", "confidence", "cohort_size"],
        "BGNBD_EXPECTED_INTERVAL": [
            "frequencies", "recencies", "ages", "t", "frequency", "recency", "age", "confidence",
        ],
        "PARETONBD_EXPECTED_INTERVAL": [
            "frequencies", "recencies", "ages", "t", "frequency", "recency", "age", "confidence",
        ],
    }  # fmt: skip
    assert set(listed) == {f.name for f in FUNCTIONS}
    by_name = {f["name"]: f for f in meta["functions"]}
    assert by_name["CRR"]["description"] == "Customer retention rate: (E - N) / S."
    assert by_name["CLV"]["parameters"][3]["optional"] is True
    assert "optional" not in by_name["CLV"]["parameters"][2]
    json.dumps(meta)  # what xlwings Server serves to Excel must be JSON


def test_single_cells():
    assert call("CRR", [[535]], [[75]], [[500]]) == [[0.92]]
    assert call("CHURN_RATE", [[535]], [[75]], [[500]]) == [[0.08]]
    assert call("CUSTOMERS_LOST", [[535]], [[75]], [[500]]) == [[40.0]]
    assert call("NET_REVENUE_CHURN", [[800]], [[500]], [[10000]]) == [[0.03]]
    assert call("NRR", [[800]], [[500]], [[10000]]) == [[0.97]]
    assert call("GROSS_REVENUE_CHURN", [[800]], [[10000]]) == [[0.08]]
    assert call("GRR", [[800]], [[10000]]) == [[0.92]]
    assert call("QUICK_RATIO", [[1500]], [[500]], [[800]]) == [[2.5]]
    assert call("REPEAT_PURCHASE_RATE", [[30]], [[120]]) == [[0.25]]
    assert call("RETURNING_VISITOR_RATE", [[300]], [[1200]]) == [[0.25]]
    assert call("RETURNING_CUSTOMER_RATE", [[45]], [[180]]) == [[0.25]]
    assert call("CUSTOMER_LIFETIME", [[0.05]]) == [[20.0]]
    assert call("CLV", [[100]], [[0.8]], [[0.05]], None) == [[1600.0]]
    assert call("CLV", [[100]], [[0.8]], [[0.05]], [[""]]) == [[1600.0]]


def test_column_ranges_spill_one_value_per_row():
    end = [[535], [90], [120], [""]]
    gained = [[75], [30], [20], [""]]
    start = [[500], [70], [100], [""]]
    assert call("CRR", end, gained, start) == [[0.92], [60 / 70], [1.0], [""]]
    # a single value broadcasts against a range
    assert call("GRR", [[800], [100]], [[10000]]) == [[0.92], [0.99]]


def test_each_cell_of_a_spill_gets_its_own_error():
    end = [[535], [10], [30], [5], ["text"], [NA_CELL]]
    gained = [[75], [0], [75], [""], [1], [1]]
    start = [[500], [0], [500], [4], [2], [2]]
    assert call("CRR", end, gained, start) == [[0.92], [DIV0], [NUM], [VALUE], [VALUE], [VALUE]]


def test_nps_over_a_2d_range_with_blanks():
    scores = [[10, 9, ""], [9, 8, None], [7, "", 6], [3, None, ""]]
    assert call("NPS", scores) == [[100 * (3 - 2) / 7]]
    assert call("NPS_BREAKDOWN", scores) == [[3, 2, 2, 7]]
    assert call("NPS_MOE", scores, None)[0][0] == pytest.approx(61.70786056491141, rel=1e-12)


def test_nps_range_with_an_error_cell_is_value_error():
    assert call("NPS", [[10, 9], [NA_CELL, 3]]) == [[VALUE]]


def test_repeat_purchase_rate_over_order_counts():
    assert call("REPEAT_PURCHASE_RATE", [[1], [2], [1], [3], [""]], None) == [[0.5]]
    # one cell alone is not a range of order counts: refuse rather than guess
    assert call("REPEAT_PURCHASE_RATE", [[30]], [[""]]) == [[VALUE]]


@pytest.mark.parametrize(
    ("name", "args", "expected"),
    [
        ("CRR", ([[10]], [[0]], [[0]]), DIV0),
        ("NET_REVENUE_CHURN", ([[800]], [[500]], [[0]]), DIV0),
        ("GROSS_REVENUE_CHURN", ([[800]], [[0]]), DIV0),
        ("QUICK_RATIO", ([[100]], [[50]], [[0]]), DIV0),
        ("NPS", ([["", None]],), [[""]]),
        ("CUSTOMER_LIFETIME", ([[0]],), DIV0),
        ("CLV", ([[100]], [[0.8]], [[0]], None), DIV0),
        ("CRR", ([[10]], [[-1]], [[20]]), NUM),
        ("CRR", ([[30]], [[75]], [[500]]), NUM),
        ("CHURN_RATE", ([[700]], [[75]], [[500]]), NUM),
        ("NRR", ([[12000]], [[0]], [[10000]]), NUM),
        ("GRR", ([[-5]], [[10000]]), NUM),
        ("CUSTOMER_LIFETIME", ([[1.5]],), NUM),
        ("CLV", ([[100]], [[1.2]], [[0.05]], None), NUM),
        ("NPS", ([[10], [11]],), NUM),
        ("NPS", ([[10], [8.5]],), NUM),
        ("NPS_MOE", ([[10], [9]], [[2]]), NUM),
        ("CRR", ([["535"]], [[75]], [[500]]), VALUE),
        ("CRR", ([[True]], [[75]], [[500]]), VALUE),
        ("CRR", ([[NA_CELL]], [[75]], [[500]]), VALUE),
        ("NPS", ([[10], ["ten"]],), VALUE),
        ("CRR", ([[535]], [[""]], [[500]]), VALUE),
        ("CRR", ([[""]], [[""]], [[""]]), ""),
        ("NRR", ([[""]], [[None]], [[""]]), ""),
    ],
)
def test_every_error_of_metrics_md(name, args, expected):
    result = call(name, *args)
    assert result == (expected if isinstance(expected, list) else [[expected]])


def test_all_blank_breakdown_stays_blank():
    assert call("NPS_BREAKDOWN", [[""], [""]]) == [["", "", "", ""]]


def test_sbg_fit_over_a_cohort_triangle_with_blanks_spills_one_row():
    # Fader & Hardie (2007): the "regular" and "high end" cohorts, fitted together as a table
    regular = [1000, 631, 468, 382, 326, 289, 262, 241]
    triangle = [regular, [1000, 631, 468, 382, "", "", "", ""], [900, None, None, None, None, None, None, None]]
    single = call("SBG_FIT", [regular])[0]
    assert [round(v, 3) for v in single[:2]] == [0.704, 1.182]
    assert single[2] == pytest.approx(-1680.265188, abs=1e-6)
    assert len(call("SBG_FIT", triangle)[0]) == 3
    assert call("SBG_FIT", [[1000, 1200, 800]]) == [[NUM]]  # survivors that rise
    assert call("SBG_FIT", [[1000, 500]]) == [[NUM]]  # fewer than three periods
    assert call("SBG_FIT", [[1000, NA_CELL, 500]]) == [[VALUE]]
    retention = call("SBG_RETENTION", [[0.704]], [[1.182]], [[1], [2]])
    assert retention == [
        [pytest.approx(1.182 / (0.704 + 1.182), rel=1e-15)],
        [pytest.approx(2.182 / (0.704 + 2.182), rel=1e-15)],
    ]


def test_bgnbd_and_gamma_gamma_through_the_custom_function_path():
    import numpy as np

    import xl_retention as xr

    rng = np.random.default_rng(5)
    n = 600  # BG/NBD customers (r, alpha, a, b = 0.24, 4.41, 0.79, 2.43: the CDNOW estimates), 39 weeks
    age = np.full(n, 39.0)
    frequency, recency = np.zeros(n), np.zeros(n)
    for i, (rate, p) in enumerate(zip(rng.gamma(0.24, 1 / 4.41, n), rng.beta(0.79, 2.43, n), strict=True)):
        t = 0.0
        while True:
            t += rng.exponential(1 / rate)
            if t > 39:
                break
            frequency[i], recency[i] = frequency[i] + 1, t
            if rng.random() < p:
                break
    value = np.where(frequency > 0, rng.gamma(6, 3, n) * 5, 0.0).round(2)
    column = lambda a: [[float(v)] for v in a]  # noqa: E731 - Excel sends each range as rows
    fit = xr.bgnbd_fit(frequency, recency, age)
    spilled = call("BGNBD_FIT", column(frequency), column(recency), column(age))[0]
    assert spilled == pytest.approx(list(fit), rel=1e-12)
    expected = call("BGNBD_EXPECTED", *([[p]] for p in fit[:4]), [[39]], column(frequency[:3]), column(recency[:3]),
                    column(age[:3]))  # fmt: skip
    assert [row[0] for row in expected] == pytest.approx(
        list(xr.bgnbd_expected(*fit[:4], 39, frequency[:3], recency[:3], age[:3])), rel=1e-12
    )
    gg = xr.gammagamma_fit(frequency, value)
    assert call("GAMMAGAMMA_FIT", column(frequency), column(value))[0] == pytest.approx(list(gg), rel=1e-12)
    assert call("BGNBD_FIT", column(frequency), column(recency), column(age[:-1])) == [[VALUE]]  # sizes differ
