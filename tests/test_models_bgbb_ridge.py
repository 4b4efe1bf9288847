"""A BG/BB fit whose data show no spread in dropout: every customer bought at each opportunity until she stopped
(recency = frequency), fewer the longer. The search walked gamma and delta up together (to 1.4e7 and 1.6e7, with
alpha to 6.5e7 and beta to e^-18) and refused it as 'did not converge (CONVERGENCE: RELATIVE REDUCTION OF F ...)';
now the ridge is named as for Pareto/NBD's lifetimes (the likelihood flat both ways as gamma and delta grow)."""

from xl_retention.cells import evaluate
from xl_retention.registry import BY_NAME


def test_a_bgbb_fit_along_the_dropout_ridge_is_refused_naming_it():
    column = lambda values: [[v] for v in values]  # noqa: E731 - Excel passes a column as rows
    history = [0, 1, 2, 3, 4, 5, 6]
    error = evaluate(
        BY_NAME["BGBB_FIT"], column(history), column(history), column([6] * 7), column([100, 50, 30, 20, 10, 5, 3])
    )
    assert error.code == "#NUM!"
    assert error.message.startswith(
        "BG/BB fit: the likelihood has no finite peak; it stays flat as gamma and delta grow together (stopped at "
    ), error.message
    assert "the data show no spread between customers in dropout probabilities (gamma / delta = 0.85" in error.message
