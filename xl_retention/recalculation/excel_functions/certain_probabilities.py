"""Discrete distributions and inverses at a probability (or mean) of exactly 0 or 1, as Excel computes them.

The engine refused valid edge cases with #NUM! or answered wrongly (H223's finding 08): BINOM.INV(3,0,0.5)
was 3 where a success probability of 0 gives 0 successes (Excel, LibreOffice: 0); BINOM.DIST(0,3,0,FALSE),
BINOM.DIST(3,3,1,TRUE), NEGBINOM.DIST(0,3,1,FALSE), POISSON.DIST(0,0,FALSE), BINOM.DIST.RANGE(3,1,3) were
#NUM! where the answer is certain (1); GAMMA.DIST(0,1,2,FALSE) #NUM! for the exponential density 1/beta = 0.5;
CHISQ.INV(0,2) and CHISQ.INV.RT(1,2) #NUM! for 0. Microsoft's pages refuse only a probability below 0 or
above 1 (a mean below 0, x below 0). These functions are computed here (scipy.stats) with Excel's checks:
counts truncated to whole numbers, #NUM! outside each domain, #VALUE! for text that is no number.

>>> binom_inv(3, 0, 0.5), binom_dist(0, 3, 0, False), binom_dist(3, 3, 1, True), negbinom_dist(0, 3, 1, False)
(0.0, 1.0, 1.0, 1.0)
>>> poisson_dist(0, 0, False), binom_dist_range(3, 1, 3), gamma_dist(0, 1, 2, False), chisq_inv(0, 2)
(1.0, 1.0, 0.5, 0.0)
"""

from __future__ import annotations

import math
from typing import Any

from ._core import ExcelError, boolean, excel_function, number

__all__ = [
    "binom_dist",
    "binom_dist_range",
    "binom_inv",
    "chisq_dist",
    "chisq_inv",
    "chisq_inv_rt",
    "confidence_t",
    "f_dist",
    "f_inv",
    "gamma_dist",
    "negbinom_dist",
    "poisson_dist",
]


def _stats() -> Any:
    from scipy import stats  # loaded when such a function is first computed (about 0.2 s)

    return stats


def _whole(value: Any) -> float:
    return float(math.trunc(number(value)))


def _probability(value: Any) -> float:
    p = number(value)
    if not 0.0 <= p <= 1.0:
        raise ExcelError("#NUM!")
    return p


def _binom_pmf(k: float, n: float, p: float) -> float:
    """The binomial density as Excel writes it, C(n, k) p^k (1-p)^(n-k) (0^0 = 1), for up to 1,000 trials."""
    if n <= 1000:
        return math.comb(int(n), int(k)) * p**k * (1.0 - p) ** (n - k)
    return float(_stats().binom.pmf(k, n, p))


def _binom_cdf(k: float, n: float, p: float) -> float:
    if n <= 1000:
        return math.fsum(_binom_pmf(i, n, p) for i in range(int(k) + 1))
    return float(_stats().binom.cdf(k, n, p))


def _finite(result: float) -> float:
    if not math.isfinite(result):
        raise ExcelError("#NUM!")
    return float(result)


@excel_function("BINOM.DIST", 4, 4)
def binom_dist(successes: Any, trials: Any, probability: Any, cumulative: Any) -> float:
    """BINOM.DIST(number_s, trials, probability_s, cumulative): #NUM! for number_s < 0 or > trials, a
    probability outside [0, 1]; counts truncated.

    >>> binom_dist(1, 3, 0.5, False), binom_dist(2.9, 3, 0.5, True), binom_dist(1, 3, 0, False)
    (0.375, 0.875, 0.0)
    """
    k, n, p, cum = _whole(successes), _whole(trials), _probability(probability), boolean(cumulative)
    if k < 0 or k > n:
        raise ExcelError("#NUM!")
    return _finite(_binom_cdf(k, n, p) if cum else _binom_pmf(k, n, p))


excel_function("BINOMDIST", 4, 4)(binom_dist)


@excel_function("BINOM.INV", 3, 3)
def binom_inv(trials: Any, probability: Any, alpha: Any) -> float:
    """BINOM.INV(trials, probability_s, alpha): the smallest number of successes whose cumulative
    probability is alpha or more; #NUM! for trials < 0, a probability or alpha outside [0, 1].

    >>> binom_inv(6, 0.5, 0.75), binom_inv(3, 1, 0.5), binom_inv(10, 0.3, 0)
    (4.0, 3.0, 0.0)
    """
    n, p, a = _whole(trials), _probability(probability), _probability(alpha)
    if n < 0:
        raise ExcelError("#NUM!")
    dist = _stats().binom(n, p)
    k = float(dist.ppf(a)) if 0.0 < a else 0.0
    k = min(max(k, 0.0), n) if math.isfinite(k) else n
    while k > 0 and dist.cdf(k - 1) >= a:  # the smallest such count, whatever ppf's rounding
        k -= 1
    while k < n and dist.cdf(k) < a:
        k += 1
    return k


excel_function("CRITBINOM", 3, 3)(binom_inv)


@excel_function("NEGBINOM.DIST", 4, 4)
def negbinom_dist(failures: Any, successes: Any, probability: Any, cumulative: Any) -> float:
    """NEGBINOM.DIST(number_f, number_s, probability_s, cumulative): the probability of number_f failures
    before the number_s-th success; #NUM! for number_f < 0, number_s < 1, a probability outside [0, 1].

    >>> negbinom_dist(2, 3, 0.5, False), negbinom_dist(1, 3, 0, False), negbinom_dist(2, 3, 1, True)
    (0.1875, 0.0, 1.0)
    """
    f, s, p, cum = _whole(failures), _whole(successes), _probability(probability), boolean(cumulative)
    if f < 0 or s < 1:
        raise ExcelError("#NUM!")
    if p == 0.0:  # no success ever: no count of failures comes before the s-th
        return 0.0
    dist = _stats().nbinom(s, p)
    return _finite(dist.cdf(f) if cum else dist.pmf(f))


@excel_function("NEGBINOMDIST", 3, 3)
def negbinomdist(failures: Any, successes: Any, probability: Any) -> float:
    """NEGBINOMDIST(number_f, number_s, probability_s): NEGBINOM.DIST's density.

    >>> negbinomdist(0, 3, 1)
    1.0
    """
    return negbinom_dist(failures, successes, probability, False)


@excel_function("POISSON.DIST", 3, 3)
def poisson_dist(x: Any, mean: Any, cumulative: Any) -> float:
    """POISSON.DIST(x, mean, cumulative): #NUM! for x < 0 or mean < 0; x truncated.

    >>> poisson_dist(2, 1.5, False), poisson_dist(3, 0, True), poisson_dist(3, 0, False)
    (0.25102143016698353, 1.0, 0.0)
    """
    k, mu, cum = _whole(x), number(mean), boolean(cumulative)
    if k < 0 or mu < 0:
        raise ExcelError("#NUM!")
    dist = _stats().poisson(mu)
    return _finite(dist.cdf(k) if cum else dist.pmf(k))


excel_function("POISSON", 3, 3)(poisson_dist)


@excel_function("BINOM.DIST.RANGE", 3, 4)
def binom_dist_range(trials: Any, probability: Any, successes: Any, successes2: Any = None) -> float:
    """BINOM.DIST.RANGE(trials, probability_s, number_s, [number_s2]): the probability of number_s to
    number_s2 successes; #NUM! for trials < 0, a probability outside [0, 1], number_s < 0 or > trials,
    number_s2 < number_s or > trials.

    >>> binom_dist_range(3, 0.5, 1, 2), binom_dist_range(3, 0, 0), binom_dist_range(0, 0.3, 0)
    (0.75, 1.0, 1.0)
    """
    n, p, s = _whole(trials), _probability(probability), _whole(successes)
    s2 = s if successes2 is None else _whole(successes2)
    if n < 0 or s < 0 or s > n or s2 < s or s2 > n:
        raise ExcelError("#NUM!")
    if n <= 1000:
        return _finite(math.fsum(_binom_pmf(i, n, p) for i in range(int(s), int(s2) + 1)))
    import numpy as np

    return _finite(float(np.sum(_stats().binom.pmf(np.arange(s, s2 + 1), n, p))))


@excel_function("GAMMA.DIST", 4, 4)
def gamma_dist(x: Any, alpha: Any, beta: Any, cumulative: Any) -> float:
    """GAMMA.DIST(x, alpha, beta, cumulative): #NUM! for x < 0, alpha <= 0 or beta <= 0 (and the infinite
    density at 0 of an alpha below 1).

    >>> gamma_dist(0, 2, 2, False), gamma_dist(2, 1, 2, True), gamma_dist(0, 1, 2, True)
    (0.0, 0.6321205588285577, 0.0)
    """
    value, a, b, cum = number(x), number(alpha), number(beta), boolean(cumulative)
    if value < 0 or a <= 0 or b <= 0:
        raise ExcelError("#NUM!")
    dist = _stats().gamma(a, scale=b)
    return _finite(dist.cdf(value) if cum else dist.pdf(value))


excel_function("GAMMADIST", 4, 4)(gamma_dist)


def _chisq_df(value: Any) -> float:
    df = _whole(value)
    if df < 1 or df > 1e10:
        raise ExcelError("#NUM!")
    return df


@excel_function("CHISQ.INV", 2, 2)
def chisq_inv(probability: Any, degrees: Any) -> float:
    """CHISQ.INV(probability, deg_freedom): the left-tailed inverse; #NUM! for a probability outside [0, 1)
    (1: infinite), deg_freedom < 1 or > 10^10; deg_freedom truncated.

    >>> chisq_inv(0.5, 3.6)
    2.3659738843753377
    """
    p, df = _probability(probability), _chisq_df(degrees)
    return _finite(_stats().chi2.ppf(p, df))


@excel_function("CHISQ.INV.RT", 2, 2)
def chisq_inv_rt(probability: Any, degrees: Any) -> float:
    """CHISQ.INV.RT(probability, deg_freedom): the right-tailed inverse; #NUM! for a probability outside
    (0, 1] (0: infinite), deg_freedom < 1 or > 10^10.

    >>> chisq_inv_rt(1, 2), chisq_inv_rt(0.5, 3)
    (0.0, 2.3659738843753377)
    """
    p, df = _probability(probability), _chisq_df(degrees)
    return _finite(_stats().chi2.isf(p, df))


excel_function("CHIINV", 2, 2)(chisq_inv_rt)


@excel_function("CONFIDENCE.T", 3, 3)
def confidence_t(alpha: Any, deviation: Any, size: Any) -> float:
    """CONFIDENCE.T(alpha, standard_dev, size): #NUM! for alpha outside (0, 1), standard_dev <= 0 or size < 1;
    size truncated; a size of 1 is #DIV/0! (Microsoft's page: no degrees of freedom), where the engine said #NUM!.

    >>> confidence_t(0.05, 1, 50.9)
    0.2841968554957299
    """
    a, sd, n = number(alpha), number(deviation), _whole(size)
    if not 0.0 < a < 1.0 or sd <= 0 or n < 1:
        raise ExcelError("#NUM!")
    if n == 1:
        raise ExcelError("#DIV/0!")
    return _finite(_stats().t.isf(a / 2.0, n - 1) * sd / math.sqrt(n))


@excel_function("CHISQ.DIST", 3, 3)
def chisq_dist(x: Any, degrees: Any, cumulative: Any) -> float:
    """CHISQ.DIST(x, deg_freedom, cumulative): #NUM! for x < 0, deg_freedom < 1 or > 10^10 (truncated); the
    density at 0 is 0.5 for 2 degrees of freedom (the engine said 0), infinite (#NUM!) for 1.

    >>> chisq_dist(0, 2, False), chisq_dist(0, 3, False), chisq_dist(2, 3.6, True)
    (0.5, 0.0, 0.42759329552912023)
    """
    value, df, cum = number(x), _chisq_df(degrees), boolean(cumulative)
    if value < 0:
        raise ExcelError("#NUM!")
    if value == 0 and not cum:  # the density at 0, exactly: infinite for 1 degree of freedom, 1/2 for 2, else 0
        return _finite(math.inf if df == 1 else 0.5 if df == 2 else 0.0)
    dist = _stats().chi2(df)
    return _finite(dist.cdf(value) if cum else dist.pdf(value))


def _f_df(value: Any) -> float:
    df = _whole(value)
    if df < 1 or df >= 1e10:
        raise ExcelError("#NUM!")
    return df


@excel_function("F.DIST", 4, 4)
def f_dist(x: Any, degrees1: Any, degrees2: Any, cumulative: Any) -> float:
    """F.DIST(x, deg_freedom1, deg_freedom2, cumulative): #NUM! for x < 0, a deg_freedom < 1 (truncated); the
    density at 0 is 1 for deg_freedom1 = 2 (the engine said 0), infinite (#NUM!) for 1.

    >>> f_dist(0, 2, 3, False), f_dist(1.2, 3.5, 7.9, True)
    (1.0, 0.6225650748827719)
    """
    value, d1, d2, cum = number(x), _f_df(degrees1), _f_df(degrees2), boolean(cumulative)
    if value < 0:
        raise ExcelError("#NUM!")
    if value == 0 and not cum:  # the density at 0, exactly: infinite for deg_freedom1 1, 1 for 2, else 0
        return _finite(math.inf if d1 == 1 else 1.0 if d1 == 2 else 0.0)
    dist = _stats().f(d1, d2)
    return _finite(dist.cdf(value) if cum else dist.pdf(value))


@excel_function("F.INV", 3, 3)
def f_inv(probability: Any, degrees1: Any, degrees2: Any) -> float:
    """F.INV(probability, deg_freedom1, deg_freedom2): the left-tailed inverse; #NUM! for a probability outside
    [0, 1) (0 gives 0: the engine said #NUM!), a deg_freedom < 1 (truncated).

    >>> f_inv(0, 2, 3), f_inv(0.5, 3.5, 7.9)
    (0.0, 0.870944253187285)
    """
    p, d1, d2 = _probability(probability), _f_df(degrees1), _f_df(degrees2)
    return _finite(_stats().f.ppf(p, d1, d2))
