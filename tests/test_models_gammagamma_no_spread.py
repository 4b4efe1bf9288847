"""Gamma-Gamma fits where every customer with repeat purchases has the same average order value: the likelihood
(a density of the averages) grows without bound as p and q grow, so there is no estimate. It was refused after the
optimizer's walk as 'did not converge (ABNORMAL: ...; reached p = 3.7e7, q = 6.6e7 ...)'; now by its reason."""

import xl_retention as xr
from xl_retention.cells import evaluate
from xl_retention.registry import BY_NAME


def test_one_average_order_value_for_everyone_is_refused_naming_it():
    column = lambda values: [[v] for v in values]  # noqa: E731 - Excel passes a column as rows
    error = evaluate(BY_NAME["GAMMAGAMMA_FIT"], column([1, 2, 3, 0]), column([10, 10, 10, 0]))
    assert error.code == "#NUM!"
    assert error.message == (
        "monetary_value is 10 for every customer with repeat purchases: the Gamma-Gamma likelihood has no finite "
        "maximum without a spread in average order values (p and q -> infinity); the mean order value is 10"
    )


def test_the_docstring_customers_are_still_fitted():
    fit = xr.gammagamma_fit(
        [6, 5, 4, 2, 3, 1, 1, 1, 2, 6, 0], [22.6, 22.3, 81.2, 32.6, 21.7, 36.8, 52.7, 5.4, 14.4, 24.8, 0.0]
    )
    assert [round(v, 3) for v in fit] == [2.224, 7.488, 91.441, -41.497]
