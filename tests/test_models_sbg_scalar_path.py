"""SBG_SURVIVAL of one cell's plain numbers skips numpy's broadcasting (issue 14: the template calls it 2,880 times)
and must give the same bits as the array path, refuse the same inputs and still take the far-shapes branch."""

import numpy as np
import pytest

from xl_retention.cells import evaluate
from xl_retention.errors import OutOfRangeError
from xl_retention.models import sbg_survival
from xl_retention.registry import BY_NAME

CASES = [
    (0.704, 1.182, 0.0),
    (0.704, 1.182, 7.0),
    (1e-8, 3.5, 12.0),
    (3e5, 6e5, 4.0),
    (6e5, 6e5, 3.0),
    (1e15, 1e15, 3.0),
]


@pytest.mark.parametrize(("alpha", "beta", "t"), CASES)
def test_scalar_equals_array_bits(alpha, beta, t):
    one = sbg_survival(alpha, beta, t)
    assert type(one) is float
    assert one == sbg_survival(np.array([alpha]), np.array([beta]), np.array([t]))[0]
    assert evaluate(BY_NAME["SBG_SURVIVAL"], alpha, beta, t) == one


def test_far_shapes_from_a_cell_are_exact():
    # alpha = beta = 1e15: S(3) = prod (beta + i) / (alpha + beta + i) = 1/8 (betaln's difference gave 1.0)
    assert sbg_survival(1e15, 1e15, 3.0) == pytest.approx(0.125, rel=1e-12)


def test_a_sum_beyond_the_largest_number_is_refused_from_a_cell():
    with pytest.raises(OutOfRangeError, match="alpha \\+ beta is beyond the largest number"):
        sbg_survival(1e308, 1e308, 1.0)
    assert evaluate(BY_NAME["SBG_SURVIVAL"], 1e308, 1e308, 1.0).code == "#NUM!"
