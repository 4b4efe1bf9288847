"""xl-retention: retention metrics for Excel users, with one definition each.

The core (this package, minus ``udfs``) is pure Python over numpy: no xlwings import.

>>> import xl_retention as xr
>>> xr.crr(535, 75, 500)
0.92
"""

from __future__ import annotations

from .errors import (
    NotANumberError,
    OutOfRangeError,
    RetentionInputError,
    ZeroDenominatorError,
)
from .metrics import (
    NPSBreakdown,
    churn_rate,
    clv,
    crr,
    customer_lifetime,
    customers_lost,
    gross_revenue_churn,
    grr,
    net_revenue_churn,
    nps,
    nps_breakdown,
    nps_moe,
    nrr,
    quick_ratio,
    repeat_purchase_rate,
    returning_visitor_rate,
)
from .models import (
    BdWFit,
    BGNBDFit,
    GammaGammaFit,
    SBGFit,
    bdw_churn_probability,
    bdw_clv,
    bdw_del,
    bdw_derl,
    bdw_fit,
    bdw_retention,
    bdw_survival,
    bgnbd_clv,
    bgnbd_expected,
    bgnbd_fit,
    bgnbd_p_alive,
    gammagamma_fit,
    gammagamma_mean,
    rfm_summary,
    sbg_churn_probability,
    sbg_clv,
    sbg_del,
    sbg_derl,
    sbg_fit,
    sbg_retention,
    sbg_survival,
)
from .recalculation import recalc  # light: the engines are imported when used

__version__ = "0.1.0"


__all__ = [
    "BdWFit",
    "BGNBDFit",
    "GammaGammaFit",
    "SBGFit",
    "bdw_churn_probability",
    "bdw_clv",
    "bdw_del",
    "bdw_derl",
    "bdw_fit",
    "bdw_retention",
    "bdw_survival",
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
    "NPSBreakdown",
    "NotANumberError",
    "OutOfRangeError",
    "RetentionInputError",
    "ZeroDenominatorError",
    "__version__",
    "recalc",
    "churn_rate",
    "clv",
    "crr",
    "customer_lifetime",
    "customers_lost",
    "grr",
    "gross_revenue_churn",
    "net_revenue_churn",
    "nps",
    "nps_breakdown",
    "nps_moe",
    "nrr",
    "quick_ratio",
    "repeat_purchase_rate",
    "returning_visitor_rate",
]
