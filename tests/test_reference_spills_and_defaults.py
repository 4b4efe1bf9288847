"""What Excel's autocomplete (xlwings' custom-functions meta) and `xl-retention functions` say of a formula (H167
findings 03, 05): a default was printed twice ('confidence level, default 0.95 (default 0.95)', 'default 1 (default
1.0)'), and the functions that spill a row of standard errors or of an estimate and its interval did not say which
cell is which (only docs/functions.md did).
"""

from __future__ import annotations

import subprocess
import sys

from xlwings.server import custom_functions_meta

from xl_retention import udfs


def _listing() -> str:
    done = subprocess.run(
        [sys.executable, "-m", "xl_retention", "functions"], capture_output=True, text=True, check=True
    )
    return done.stdout


def test_each_default_is_said_once() -> None:
    listing = _listing()
    assert "      confidence: confidence level, default 0.95\n" in listing
    assert "      margin: margin on an order, a share from 0 to 1, default 1\n" in listing
    assert "      months: horizon in months, default 12\n" in listing
    assert "(default 0.95)" not in listing and "(default 1.0)" not in listing and "(default 12)" not in listing
    assert "30 for days (default), 4.345 for weeks, 1 for months\n" in listing


def test_the_spilled_columns_are_named_in_the_listing_and_for_excel() -> None:
    listing = _listing()
    assert (
        "SBG_FIT_SE(survivors, [cohort_size])\n    Standard errors of SBG_FIT. Spills one row: alpha, beta.\n"
        in listing
    )
    assert (
        "BGNBD_FIT_SE(frequency, recency, age)\n    Standard errors of BGNBD_FIT. Spills one row: r, alpha, a, b.\n"
        in (listing)
    )
    assert (
        "SBG_SURVIVAL_INTERVAL(survivors, t, [confidence], [cohort_size])\n    sBG survival after t periods fitted to "
        "survivors, and its confidence interval. Spills one row: estimate, lower, upper.\n"
    ) in listing
    # a description naming its columns already is left as it is
    assert "    sBG maximum-likelihood fit: alpha, beta and the log-likelihood, as one row that spills.\n" in listing
    described = {f["name"]: f["description"] for f in custom_functions_meta(udfs)["functions"]}
    assert described["SBG_FIT_SE"] == "Standard errors of SBG_FIT. Spills one row: alpha, beta."
    assert described["GAMMAGAMMA_FIT_SE"] == "Standard errors of GAMMAGAMMA_FIT. Spills one row: p, q, v."
    assert described["BDW_CLV_INTERVAL"].endswith(
        "and its confidence interval. Spills one row: estimate, lower, upper."
    )
    assert described["NPS_BREAKDOWN"] == "Promoters, passives, detractors and responses, as one row that spills."
