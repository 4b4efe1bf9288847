"""A Pareto/NBD or BG/NBD fit whose likelihood stays flat as two parameters of one mixing distribution grow together.

Twelve customers (the BG/NBD docstring's) fitted by Pareto/NBD gave s = 121,554 and beta = 3,042,817 with status ok
and standard errors (0.91 on ln s): a point far along a ridge where the likelihood changes by 3e-6 over a factor 20
in both, the homogeneous limit of the lifetimes (one dropout rate, s / beta = 0.04, for everyone). The observed
information by differences of the numerical gradient is noise there (it reported a curvature of 0.66), so the ridge
check (a standard error of a log-parameter above 5) passed. Another start or machine would stop elsewhere on it.
"""

import numpy as np
import pytest

import xl_retention as xr
from xl_retention.cells import evaluate
from xl_retention.errors import OutOfRangeError
from xl_retention.registry import BY_NAME

FREQUENCY = [1, 1, 1, 9, 8, 1, 1, 0, 3, 2, 1, 2]
RECENCY = [1, 10, 2, 25, 10, 12, 1, 0, 13, 28, 11, 28]
AGE = [38, 33, 39, 28, 34, 32, 37, 29, 37, 34, 38, 33]


def test_a_pareto_nbd_fit_along_a_flat_ridge_is_refused_naming_it():
    column = lambda values: [[v] for v in values]  # noqa: E731 - Excel passes a column as rows
    error = evaluate(BY_NAME["PARETONBD_FIT"], column(FREQUENCY), column(RECENCY), column(AGE))
    assert error.code == "#NUM!"
    assert error.message.startswith(
        "Pareto/NBD fit: the likelihood has no finite peak; it stays flat as s and beta grow together"
    )
    assert "the data show no spread between customers in lifetimes (s / beta = 0.040" in error.message


def test_the_bg_nbd_fit_of_the_same_customers_has_a_peak_and_is_kept():
    fit = xr.bgnbd_fit(FREQUENCY, RECENCY, AGE)
    assert [round(v, 3) for v in fit] == [1.136, 5.047, 0.596, 0.63, -91.248]


def test_the_ridge_check_compares_the_likelihood_itself():
    from xl_retention.models._optimize import _check_ridges

    def flat(theta):  # a likelihood of ln s - ln beta alone: flat along s, beta growing together
        return -((theta[0] - theta[1] + 3.0) ** 2), np.zeros(2)

    def peaked(theta):
        return -float(np.sum(theta**2)), np.zeros(2)

    with pytest.raises(OutOfRangeError, match=r"stays flat as s and beta grow together"):
        _check_ridges(flat, np.array([2.0, 5.0]), 0.0, ((0, 1, "lifetimes"),), ("s", "beta"), "frequency", "Test")
    _check_ridges(peaked, np.zeros(2), 0.0, ((0, 1, "lifetimes"),), ("s", "beta"), "frequency", "Test")
