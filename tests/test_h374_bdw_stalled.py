"""BdW on 23 small monthly cohorts (H370's finding 04, the survivors triangle its import wrote): L-BFGS-B stalled
short of the peak (scipy's 'ABNORMAL: ', its line search finding no higher point: the gradient of BdW's sums is not
accurate enough at c = 7.7), and the refusal said "did not converge (ABNORMAL: ; ...)", where the tracker's Cohorts
note says xr.bdw_fit names the cause: a flat peak, a ridge or an edge. The likelihood's values say a flat peak: the
log-likelihood -102.1056 at c = 7.7, -102.1042 at c = 10, -102.1228 at c = 100 (each with alpha and beta fitted), a
standard error of 6.2 along its flattest direction; sBG's -102.7929 may be compared with it."""

from __future__ import annotations

import re

import pytest

import xl_retention as xr
from xl_retention.errors import OutOfRangeError

TRIANGLE = [
    [3, 3, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    [6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 5, 5, 5, 5],
    [4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4],
    [2, 2, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    [3, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    [1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    [2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    [3, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0],
    [1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0],
    [3, 3, 2, 2, 2, 1, 1, 1, 0, 0, 0, 0],
    [4, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3],
    [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    [5, 5, 4, 4, 4, 3, 3, 3, 2],
    [4, 4, 4, 4, 4, 3, 3, 3],
    [5, 3, 2, 2, 2, 2, 2],
    [3, 3, 2, 2, 2, 2],
    [1, 1, 1, 1, 1],
    [6, 5, 4, 4],
    [6, 6, 5],
    [1, 1],
    [2],
]


def test_a_stalled_search_is_said_as_the_flat_peak_it_stopped_on() -> None:
    # where on the flat peak the search stops follows the CPU's floating-point kernels (an Intel machine stopped at
    # alpha = 0.029096, c = 7.73837, log-likelihood -102.105566; an AMD EPYC at 0.0293748, 7.66502, -102.105695): the
    # words are exact, the point one on the peak the docstring's values describe
    with pytest.raises(OutOfRangeError) as caught:
        xr.bdw_fit(TRIANGLE)
    said = re.fullmatch(
        r"BdW fit: the likelihood's peak is too flat to determine the parameters \(the search stalled on it at alpha = "
        r"(?P<alpha>[\d.]+), beta = (?P<beta>[\d.]+), c = (?P<c>[\d.]+), log-likelihood (?P<ll>-[\d.]+), the peak's at "
        r"least that; standard error along its flattest direction in the log-parameters (?P<se>[\d.]+), a 95% interval "
        r"wider than a factor e\^20\): the log-likelihood may still be compared with another model's",
        str(caught.value),
    )
    assert said is not None, str(caught.value)
    assert -102.1065 < float(said["ll"]) < -102.1042  # below the -102.1042 at c = 10, within 0.001 of -102.1056
    assert 0.025 < float(said["alpha"]) < 0.035 and 0.2 < float(said["beta"]) < 0.3 and 6 < float(said["c"]) < 10
    assert float(said["se"]) > 20 / (2 * 1.96)  # the 95% interval e^(2 x 1.96 x se) wider than e^20
    sbg = xr.sbg_fit(TRIANGLE)
    assert (round(sbg.alpha, 4), round(sbg.beta, 4), round(sbg.log_likelihood, 4)) == (0.3747, 2.4818, -102.7929)
