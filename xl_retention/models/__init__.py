"""Probability models of retention and repeat buying, one module per model.

Contractual setting (subscriptions, renewals at discrete periods):

- :mod:`.sbg`: shifted-beta-geometric (Fader & Hardie 2007; lifetime values Fader & Hardie 2010);
- :mod:`.bdw`: beta-discrete-Weibull, the sBG with duration dependence (Fader, Hardie, Liu, Davin &
  Steenburgh 2018).

Non-contractual setting (purchases at any time, or at discrete occasions):

- :mod:`.bgnbd`: BG/NBD (Fader, Hardie & Lee 2005);
- :mod:`.paretonbd`: Pareto/NBD (Schmittlein, Morrison & Colombo 1987);
- :mod:`.bgbb`: BG/BB for discrete transaction opportunities (Fader, Hardie & Shang 2010);
- :mod:`.gammagamma`: Gamma-Gamma model of average order value (Fader & Hardie 2013).

Uncertainty: every fit result carries standard errors, intervals, ``summary()`` and
``interval(projection, ...)`` (:class:`FitResult`); :mod:`.intervals` gives them as functions
of the data for the formulas (``*_FIT_SE``, ``*_INTERVAL``). :mod:`._rfm` re-exports
:func:`rfm_summary` from :mod:`xl_retention.tables.rfm`.

Shared helpers: :mod:`._optimize` (maximum likelihood by scipy's L-BFGS-B with analytic
gradients, edge and ridge checks, standard errors from the observed information),
:mod:`._special` (hypergeometric functions where scipy's lose accuracy), :mod:`._common`
(argument checks). Formulas and equation numbers: docs/models.md.

A fit that does not converge, or whose maximum lies at 0 or infinity (on an edge, or along
a flat ridge), raises :class:`~xl_retention.errors.OutOfRangeError` (``#NUM!``): never a
silent guess. Elementwise functions take scalars, lists, arrays or Series and return the
same kind. scipy and pandas are imported inside the functions that need them, so this
package imports with numpy alone (xlwings Lite loads it in Pyodide).
"""

from __future__ import annotations

from ._optimize import FitResult, Interval
from ._rfm import rfm_summary
from .bdw import BdWFit, bdw_churn_probability, bdw_clv, bdw_del, bdw_derl, bdw_fit, bdw_retention, bdw_survival
from .bgbb import BGBBFit, bgbb_dert, bgbb_expected, bgbb_fit, bgbb_p_alive
from .bgnbd import BGNBDFit, bgnbd_clv, bgnbd_expected, bgnbd_fit, bgnbd_p_alive
from .gammagamma import GammaGammaFit, gammagamma_fit, gammagamma_mean
from .intervals import (
    bdw_clv_interval,
    bdw_fit_se,
    bdw_retention_interval,
    bdw_survival_interval,
    bgbb_fit_se,
    bgnbd_expected_interval,
    bgnbd_fit_se,
    gammagamma_fit_se,
    paretonbd_expected_interval,
    paretonbd_fit_se,
    sbg_clv_interval,
    sbg_fit_se,
    sbg_retention_interval,
    sbg_survival_interval,
)
from .paretonbd import ParetoNBDFit, paretonbd_clv, paretonbd_expected, paretonbd_fit, paretonbd_p_alive
from .sbg import (
    SBGFit,
    sbg_churn_probability,
    sbg_clv,
    sbg_del,
    sbg_derl,
    sbg_fit,
    sbg_retention,
    sbg_survival,
)

__all__ = [
    "bdw_retention_interval",
    "sbg_retention_interval",
    "bdw_clv_interval",
    "bdw_fit_se",
    "bdw_survival_interval",
    "bgbb_fit_se",
    "bgnbd_expected_interval",
    "bgnbd_fit_se",
    "gammagamma_fit_se",
    "paretonbd_expected_interval",
    "paretonbd_fit_se",
    "sbg_clv_interval",
    "sbg_fit_se",
    "sbg_survival_interval",
    "BGBBFit",
    "ParetoNBDFit",
    "bgbb_dert",
    "bgbb_expected",
    "bgbb_fit",
    "bgbb_p_alive",
    "paretonbd_clv",
    "paretonbd_expected",
    "paretonbd_fit",
    "paretonbd_p_alive",
    "BdWFit",
    "FitResult",
    "Interval",
    "bdw_churn_probability",
    "bdw_clv",
    "bdw_del",
    "bdw_derl",
    "bdw_fit",
    "bdw_retention",
    "bdw_survival",
    "BGNBDFit",
    "GammaGammaFit",
    "SBGFit",
    "bgnbd_clv",
    "bgnbd_expected",
    "bgnbd_fit",
    "bgnbd_p_alive",
    "gammagamma_fit",
    "gammagamma_mean",
    "rfm_summary",
    "sbg_churn_probability",
    "sbg_clv",
    "sbg_del",
    "sbg_derl",
    "sbg_fit",
    "sbg_retention",
    "sbg_survival",
]
