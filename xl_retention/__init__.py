"""xl-retention: retention metrics for Excel users, with one definition each.

The core (this package, minus ``udfs``) is pure Python over numpy: no xlwings import.

>>> import xl_retention as xr
>>> xr.crr(535, 75, 500)
0.92
"""

from __future__ import annotations

import sys as _sys
from typing import Any

if _sys.argv[:1] == ["-m"]:  # python -m is finding a module: the command's process if it is this package's
    from xl_retention_start import one_blas_thread as _one_blas_thread

    _one_blas_thread()  # (before numpy is imported below)

from .errors import (
    NotANumberError,
    OutOfRangeError,
    ReadingNoteWarning,
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
    nps_moe_from_counts,
    nrr,
    quick_ratio,
    repeat_purchase_rate,
    returning_customer_rate,
    returning_visitor_rate,
)
from .models import (
    BdWFit,
    BGBBFit,
    BGNBDFit,
    GammaGammaFit,
    ParetoNBDFit,
    SBGFit,
    bdw_churn_probability,
    bdw_clv,
    bdw_clv_interval,
    bdw_del,
    bdw_derl,
    bdw_fit,
    bdw_fit_se,
    bdw_retention,
    bdw_retention_interval,
    bdw_survival,
    bdw_survival_interval,
    bgbb_dert,
    bgbb_expected,
    bgbb_fit,
    bgbb_fit_se,
    bgbb_p_alive,
    bgnbd_clv,
    bgnbd_expected,
    bgnbd_expected_interval,
    bgnbd_fit,
    bgnbd_fit_se,
    bgnbd_p_alive,
    gammagamma_fit,
    gammagamma_fit_se,
    gammagamma_mean,
    paretonbd_clv,
    paretonbd_expected,
    paretonbd_expected_interval,
    paretonbd_fit,
    paretonbd_fit_se,
    paretonbd_p_alive,
    rfm_summary,
    sbg_churn_probability,
    sbg_clv,
    sbg_clv_interval,
    sbg_del,
    sbg_derl,
    sbg_fit,
    sbg_fit_se,
    sbg_retention,
    sbg_retention_interval,
    sbg_survival,
    sbg_survival_interval,
)
from .recalculation import recalc  # light: the engines are imported when used

__version__ = "0.1.0"

# Submodules README names as ``xl_retention.movements...`` after a plain ``import xl_retention``:
# imported on first use, so the import of the package stays light.
_SUBMODULES = frozenset(
    {"movements", "relational", "tables", "reading", "workbook", "models", "metrics", "cells", "reference"}
)


# The public exception and warning classes whose modules import pandas, by the module that defines them: imported on
# first use too, so that ``warnings.filterwarnings("ignore", category=xr.ExistingCustomersWarning)`` needs no import
# of the submodule (the light ones, RetentionInputError and its subclasses and ReadingNoteWarning, are imported above).
_LAZY_CLASSES = {
    "DataError": "reading.errors",
    "ExistingCustomersWarning": "tables.existing_customers",
    "InProgressMonthWarning": "tables.in_progress",
    "LaterMonthsWarning": "tables.later_months",
}


def __getattr__(name: str) -> Any:
    import importlib

    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    if name in _LAZY_CLASSES:
        return getattr(importlib.import_module(f"{__name__}.{_LAZY_CLASSES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    """The module's names with those imported on first use (PEP 562): ``dir(xr)`` and an editor's completion list
    ``xr.ExistingCustomersWarning`` and ``xr.tables`` before their first use, as ``xr.<Tab>`` offers ``xr.crr``."""
    return sorted(set(globals()) | set(__all__) | _SUBMODULES)


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
    "BdWFit",
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
    "DataError",
    "ExistingCustomersWarning",
    "InProgressMonthWarning",
    "LaterMonthsWarning",
    "NotANumberError",
    "OutOfRangeError",
    "ReadingNoteWarning",
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
    "nps_moe_from_counts",
    "nrr",
    "quick_ratio",
    "repeat_purchase_rate",
    "returning_customer_rate",
    "returning_visitor_rate",
]
