"""The one registry of Excel functions.

Each Excel function is declared here once: its name, the core callable, its arguments
with a one-line doc, and whether it maps elementwise over ranges or aggregates a range.
Every surface is generated from :data:`FUNCTIONS`: the xlwings functions
(:mod:`xl_retention.udfs`), the embedded recalculation engine's functions,
``xl-retention functions`` and ``docs/functions.md``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Literal

from . import metrics, models
from .vba_names import VBA_RESERVED, check_vba_names  # noqa: F401  (re-exported: xlwings' VBA wrappers' names)


@dataclass(frozen=True)
class Argument:
    """One argument of an Excel function.

    ``optional`` arguments may be omitted (or left blank) and then take ``default``.
    ``whole``: the argument is a range passed to the core whole, as a flat array
    (``"flat"``, blanks as NaN) or as a 2-D table (``"table"``, ragged ends as NaN).
    ``blanks_skipped``: the core skips this flat range's blanks wherever they are (NPS
    scores), so the cells after its last value need not be passed at all.
    ``blank_where_zero``: the argument so named being 0 makes this one not needed, so a blank here goes to the core
    (a non-repeater's monetary_value beside frequency 0), not refused as a blank beside other inputs.
    """

    name: str
    doc: str
    optional: bool = False
    default: Any = None
    whole: Literal["flat", "table"] | None = None
    blanks_skipped: bool = False
    blank_where_zero: str | None = None


@dataclass(frozen=True)
class ExcelFunction:
    """One Excel function over a core callable.

    kind:
        ``"elementwise"``: one value per cell; ranges map cell by cell and spill an
        array of the broadcast shape. ``"aggregate"``: the arguments marked ``whole``
        (or else the first) are whole ranges and the result is one value (or one row,
        see ``returns``).
    aggregate_without:
        for an elementwise function that aggregates its first argument when this
        optional argument is omitted (REPEAT_PURCHASE_RATE(returning) over order counts).
    returns:
        ``"value"``, or ``"row"`` for a result that spills as one row, whose column
        names are ``columns``.
    """

    name: str
    func: Callable[..., Any]
    args: tuple[Argument, ...]
    doc: str
    kind: Literal["elementwise", "aggregate"] = "elementwise"
    aggregate_without: str | None = None
    returns: Literal["value", "row"] = "value"
    columns: tuple[str, ...] = ()

    @property
    def description(self) -> str:
        """``doc``, and the spilled row's columns where it does not name them all (what Excel's autocomplete and
        ``xl-retention functions`` show: ``SBG_FIT_SE``'s "... Spills one row: alpha, beta.")."""
        doc = self.doc.lower()
        named = all(c in doc or c.replace("_", "-") in doc for c in self.columns)
        return self.doc if named else f"{self.doc} Spills one row: {', '.join(self.columns)}."

    @property
    def signature(self) -> str:
        """``CRR(customers_end, customers_gained, customers_start)``; optional in brackets."""
        parts = [f"[{a.name}]" if a.optional else a.name for a in self.args]
        return f"{self.name}({', '.join(parts)})"


E = Argument("customers_end", "customers at the end of the period (E)")
N = Argument("customers_gained", "customers gained during the period, new and reactivated (N)")
S = Argument("customers_start", "customers at the start of the period (S)")
LOST_MRR = Argument("lost_mrr", "churned + contraction MRR of the customers at the start")
EXPANSION_MRR = Argument("expansion_mrr", "expansion MRR (upgrades) of the customers at the start")
START_MRR = Argument("start_mrr", "MRR at the start of the period")
SCORES = Argument(
    "scores", "a range of survey scores, whole numbers 0-10; blanks skipped", whole="flat", blanks_skipped=True
)
CHURN = Argument("churn_rate", "churn rate per period, between 0 and 1")

FUNCTIONS: tuple[ExcelFunction, ...] = (
    ExcelFunction("CRR", metrics.crr, (E, N, S), "Customer retention rate: (E - N) / S."),
    ExcelFunction("CHURN_RATE", metrics.churn_rate, (E, N, S), "Customer churn rate: (S + N - E) / S = 1 - CRR."),
    ExcelFunction("CUSTOMERS_LOST", metrics.customers_lost, (E, N, S), "Customers lost: S + N - E."),
    ExcelFunction(
        "NET_REVENUE_CHURN",
        metrics.net_revenue_churn,
        (LOST_MRR, EXPANSION_MRR, START_MRR),
        "Net revenue churn: (lost_mrr - expansion_mrr) / start_mrr; negative is net negative churn.",
    ),
    ExcelFunction(
        "GROSS_REVENUE_CHURN",
        metrics.gross_revenue_churn,
        (LOST_MRR, START_MRR),
        "Gross revenue churn: lost_mrr / start_mrr.",
    ),
    ExcelFunction(
        "NRR",
        metrics.nrr,
        (LOST_MRR, EXPANSION_MRR, START_MRR),
        "Net revenue retention: 1 - net revenue churn; may exceed 1.",
    ),
    ExcelFunction(
        "GRR", metrics.grr, (LOST_MRR, START_MRR), "Gross revenue retention: 1 - gross revenue churn; never above 1."
    ),
    ExcelFunction(
        "QUICK_RATIO",
        metrics.quick_ratio,
        (
            Argument("new_mrr", "MRR from new (and reactivated) customers"),
            EXPANSION_MRR,
            Argument("lost_mrr", "churned + contraction MRR"),
        ),
        "SaaS quick ratio: (new_mrr + expansion_mrr) / lost_mrr.",
    ),
    ExcelFunction(
        "REPEAT_PURCHASE_RATE",
        metrics.repeat_purchase_rate,
        (
            Argument("returning", "customers who bought more than once; alone: a range of order counts per customer"),
            Argument(
                "total", "all customers who bought; omit (or leave its cell empty) to pass order counts", optional=True
            ),
        ),
        "Repeat purchase rate: returning / total, or the share of buyers with 2+ orders.",
        aggregate_without="total",
    ),
    ExcelFunction(
        "RETURNING_CUSTOMER_RATE",
        metrics.returning_customer_rate,
        (Argument("returning", "buyers who ordered in an earlier period"), Argument("total", "all buyers")),
        "Returning customer rate: returning / total (not the repeat purchase rate).",
    ),
    ExcelFunction(
        "RETURNING_VISITOR_RATE",
        metrics.returning_visitor_rate,
        (Argument("returning", "visitors seen before"), Argument("total", "all visitors")),
        "Returning visitor rate: returning / total.",
    ),
    ExcelFunction(
        "NPS",
        metrics.nps,
        (SCORES,),
        "Net promoter score: 100 x (promoters - detractors) / responses.",
        kind="aggregate",
    ),
    ExcelFunction(
        "NPS_MOE",
        metrics.nps_moe,
        (SCORES, Argument("confidence", "confidence level, default 0.95", optional=True, default=0.95)),
        "Margin of error of the NPS in points: z x 100 x sqrt(((p + d) - (p - d)^2) / n).",
        kind="aggregate",
    ),
    ExcelFunction(
        "NPS_MOE_FROM_COUNTS",
        metrics.nps_moe_from_counts,
        (
            Argument("promoters", "answers of 9 or 10"),
            Argument("detractors", "answers of 0 to 6"),
            Argument("responses", "all answers"),
            Argument("confidence", "confidence level, default 0.95", optional=True, default=0.95),
        ),
        "Margin of error of the NPS in points from a survey's counts: the formula of NPS_MOE.",
    ),
    ExcelFunction(
        "NPS_BREAKDOWN",
        metrics.nps_breakdown,
        (SCORES,),
        "Promoters, passives, detractors and responses, as one row that spills.",
        kind="aggregate",
        returns="row",
        columns=("promoters", "passives", "detractors", "responses"),
    ),
    ExcelFunction(
        "CUSTOMER_LIFETIME",
        metrics.customer_lifetime,
        (CHURN,),
        "Expected customer lifetime in periods: 1 / churn_rate.",
    ),
    ExcelFunction(
        "CLV",
        metrics.clv,
        (
            Argument("arpa", "average revenue per account per period"),
            Argument("gross_margin", "gross margin, between 0 and 1"),
            CHURN,
            Argument("discount_rate", "discount rate per period, default 0", optional=True, default=0.0),
        ),
        "Customer lifetime value: m x (1 + d) / (d + churn_rate), m = arpa x gross_margin.",
    ),
)

# -- models: sBG (subscription retention), BG/NBD and Gamma-Gamma (repeat purchases) ----------
SBG_ALPHA = Argument("alpha", "sBG alpha, > 0 (from SBG_FIT)")
SBG_BETA = Argument("beta", "sBG beta, > 0 (from SBG_FIT)")
DISCOUNT = Argument("discount_rate", "discount rate per period up to 1: 0 (needs alpha > 1) or at least 1e-6")
FREQUENCY = Argument("frequency", "repeat purchases per customer, a whole number >= 0")
RECENCY = Argument("recency", "time from the customer's first to last purchase (0 if frequency is 0)")
AGE = Argument("age", "time from the customer's first purchase to the end of observation (T)")
#: a fit's ages: one for all customers of one cohort is repeated for each (models._common._columns)
FIT_AGE = replace(AGE, whole="flat", doc=AGE.doc + "; one value (one cell) for every customer of one cohort")
BG_PARAMETERS = (
    Argument("r", "BG/NBD r, > 0 (from BGNBD_FIT)"),
    Argument("alpha", "BG/NBD alpha, > 0 (from BGNBD_FIT)"),
    Argument("a", "BG/NBD a, > 0 (from BGNBD_FIT)"),
    Argument("b", "BG/NBD b, > 0 (from BGNBD_FIT)"),
)
MONETARY = Argument(
    "monetary_value",
    "mean value of the customer's repeat purchases (> 0 where frequency > 0; blank or 0 where frequency is 0)",
    blank_where_zero="frequency",
)


MODELS: tuple[ExcelFunction, ...] = (
    ExcelFunction(
        "SBG_FIT",
        models.sbg_fit,
        (
            Argument(
                "survivors",
                "customers still active after periods 0, 1, ...: one cohort (a row or a column), "
                "or a table with one cohort per row, blank where not yet observed",
                whole="table",
            ),
            Argument(
                "cohort_size",
                "give it when survivors are shares (1, 0.869, 0.743, ...): the customers of each cohort",
                optional=True,
            ),
        ),
        "sBG maximum-likelihood fit: alpha, beta and the log-likelihood, as one row that spills.",
        kind="aggregate",
        returns="row",
        columns=("alpha", "beta", "log_likelihood"),
    ),
    ExcelFunction(
        "SBG_SURVIVAL",
        models.sbg_survival,
        (SBG_ALPHA, SBG_BETA, Argument("t", "periods, a whole number >= 0")),
        "sBG survival after t periods: B(alpha, beta + t) / B(alpha, beta).",
    ),
    ExcelFunction(
        "SBG_RETENTION",
        models.sbg_retention,
        (SBG_ALPHA, SBG_BETA, Argument("t", "period, a whole number >= 1")),
        "sBG retention rate of period t: (beta + t - 1) / (alpha + beta + t - 1).",
    ),
    ExcelFunction(
        "SBG_CHURN_PROBABILITY",
        models.sbg_churn_probability,
        (SBG_ALPHA, SBG_BETA, Argument("t", "period, a whole number >= 1")),
        "sBG probability that a new customer churns in period t: B(alpha + 1, beta + t - 1) / B(alpha, beta).",
    ),
    ExcelFunction(
        "SBG_DEL",
        models.sbg_del,
        (SBG_ALPHA, SBG_BETA, DISCOUNT),
        "Discounted expected lifetime in periods: 2F1(1, beta; alpha + beta; 1 / (1 + d)).",
    ),
    ExcelFunction(
        "SBG_DERL",
        models.sbg_derl,
        (SBG_ALPHA, SBG_BETA, DISCOUNT, Argument("renewals", "renewals made so far: 0 in the first period")),
        "Discounted expected residual lifetime just before the next renewal (Fader & Hardie 2010).",
    ),
    ExcelFunction(
        "SBG_CLV",
        models.sbg_clv,
        (Argument("margin", "margin per period, paid at its start"), SBG_ALPHA, SBG_BETA, DISCOUNT),
        "sBG lifetime value of a new customer: margin x DEL.",
    ),
    ExcelFunction(
        "BGNBD_FIT",
        models.bgnbd_fit,
        (replace(FREQUENCY, whole="flat"), replace(RECENCY, whole="flat"), FIT_AGE),
        "BG/NBD maximum-likelihood fit: r, alpha, a, b and the log-likelihood, as one row that spills.",
        kind="aggregate",
        returns="row",
        columns=("r", "alpha", "a", "b", "log_likelihood"),
    ),
    ExcelFunction(
        "BGNBD_EXPECTED",
        models.bgnbd_expected,
        (
            *BG_PARAMETERS,
            Argument("t", "length of the future period, in the unit of recency and age"),
            FREQUENCY,
            RECENCY,
            AGE,
        ),
        "BG/NBD expected purchases in the next t time units of a customer with (frequency, recency, age).",
    ),
    ExcelFunction(
        "BGNBD_P_ALIVE",
        models.bgnbd_p_alive,
        (*BG_PARAMETERS, FREQUENCY, RECENCY, AGE),
        "BG/NBD probability that the customer is still active (1 with no repeat purchase).",
    ),
    ExcelFunction(
        "BGNBD_CLV",
        models.bgnbd_clv,
        (
            *BG_PARAMETERS,
            FREQUENCY,
            RECENCY,
            AGE,
            Argument("order_value", "expected average order value, e.g. from GAMMAGAMMA_MEAN"),
            Argument("margin", "margin on an order, a share from 0 to 1, default 1", optional=True, default=1.0),
            Argument("months", "horizon in months, default 12", optional=True, default=12),
            Argument("discount_rate", "monthly discount rate up to 1, default 0.01", optional=True, default=0.01),
            Argument(
                "periods_per_month",
                "time units per month: 30 for days (default), 4.345 for weeks, 1 for months",
                optional=True,
                default=30.0,
            ),
        ),
        "Expected lifetime value: monthly BG/NBD purchases x order_value x margin, discounted monthly.",
    ),
    ExcelFunction(
        "GAMMAGAMMA_FIT",
        models.gammagamma_fit,
        (replace(FREQUENCY, whole="flat"), replace(MONETARY, whole="flat")),
        "Gamma-Gamma maximum-likelihood fit of order values: p, q, v and the log-likelihood, as one row that spills.",
        kind="aggregate",
        returns="row",
        columns=("p", "q", "v", "log_likelihood"),
    ),
    ExcelFunction(
        "GAMMAGAMMA_MEAN",
        models.gammagamma_mean,
        (
            Argument("p", "Gamma-Gamma p, > 0"),
            Argument("q", "Gamma-Gamma q, > 1"),
            Argument("v", "Gamma-Gamma v, > 0"),
            FREQUENCY,
            MONETARY,
        ),
        "Expected average order value: p (v + frequency x monetary_value) / (p x frequency + q - 1).",
    ),
)

# -- more models (issue 15): BdW, BG/BB, Pareto/NBD; standard errors and intervals -------------
SURVIVORS = replace(MODELS[0].args[0], doc="customers still active after periods 0, 1, ...: as for SBG_FIT")
COHORT_SIZE = MODELS[0].args[1]
CONFIDENCE = Argument("confidence", "confidence level of the interval, default 0.95", optional=True, default=0.95)
BDW = (
    Argument("alpha", "BdW alpha, > 0 (from BDW_FIT)"),
    Argument("beta", "BdW beta, > 0 (from BDW_FIT)"),
    Argument("c", "BdW c, > 0: < 1 churn falls with tenure, > 1 rises, 1 the sBG (from BDW_FIT)"),
)
BDW_DISCOUNT = Argument("discount_rate", "discount rate per period up to 1: at least 1e-4 (with c = 1 as for the sBG)")
BB_PARAMETERS = tuple(Argument(n, f"BG/BB {n}, > 0 (from BGBB_FIT)") for n in ("alpha", "beta", "gamma", "delta"))
BB_HISTORY = (
    Argument("frequency", "repeat transactions, a whole number >= 0"),
    Argument("recency", "the opportunity of the last transaction (0 if frequency is 0)"),
    Argument("n_periods", "transaction opportunities observed after the first, a whole number from 1 to 100,000"),
)
ONE_FOR_ALL = "; one value (one cell) for every customer of one cohort"  # the fits repeat it (models._common)
BB_FIT_ARGS = (
    *(replace(a, whole="flat", doc=a.doc + ONE_FOR_ALL if a.name == "n_periods" else a.doc) for a in BB_HISTORY),
    Argument(
        "counts",
        "customers with each history; for one row per customer leave the argument out (or empty), not blank cells",
        whole="flat",
        optional=True,
    ),
)
CLV_ARGUMENTS = next(f for f in MODELS if f.name == "BGNBD_CLV").args[4:]  # frequency ... periods_per_month
PARETO = tuple(Argument(n, f"Pareto/NBD {n}, > 0 (from PARETONBD_FIT)") for n in ("r", "alpha", "s", "beta"))
WHOLE_RFM = (replace(FREQUENCY, whole="flat"), replace(RECENCY, whole="flat"), FIT_AGE)
WHOLE_RFM_CELLS = (FREQUENCY, RECENCY, AGE)
ALL_RFM = (
    Argument("frequencies", "all customers' frequencies, to fit the model", whole="flat"),
    Argument("recencies", "all customers' recencies", whole="flat"),
    Argument("ages", "all customers' ages (T)" + ONE_FOR_ALL, whole="flat"),
)
INTERVAL = ("estimate", "lower", "upper")


def _fit(name: str, func: Callable[..., Any], args: tuple[Argument, ...], doc: str, columns: tuple[str, ...]) -> Any:
    return ExcelFunction(name, func, args, doc, kind="aggregate", returns="row", columns=columns)


MORE_MODELS: tuple[ExcelFunction, ...] = (
    _fit(
        "BDW_FIT",
        models.bdw_fit,
        (SURVIVORS, COHORT_SIZE),
        "BdW (beta-discrete-Weibull) fit: alpha, beta, c and the log-likelihood; c = 1 is the sBG.",
        ("alpha", "beta", "c", "log_likelihood"),
    ),
    ExcelFunction(
        "BDW_SURVIVAL",
        models.bdw_survival,
        (*BDW, Argument("t", "periods, a whole number >= 0")),
        "BdW survival after t periods: B(alpha, beta + t^c) / B(alpha, beta).",
    ),
    ExcelFunction(
        "BDW_RETENTION",
        models.bdw_retention,
        (*BDW, Argument("t", "period, a whole number >= 1")),
        "BdW retention rate of period t: S(t) / S(t - 1).",
    ),
    ExcelFunction(
        "BDW_CHURN_PROBABILITY",
        models.bdw_churn_probability,
        (*BDW, Argument("t", "period, a whole number >= 1")),
        "BdW probability that a new customer churns in period t: S(t - 1) - S(t).",
    ),
    ExcelFunction("BDW_DEL", models.bdw_del, (*BDW, BDW_DISCOUNT), "BdW discounted expected lifetime in periods."),
    ExcelFunction(
        "BDW_DERL",
        models.bdw_derl,
        (*BDW, BDW_DISCOUNT, Argument("renewals", "renewals made so far: 0 in the first period, at most 1e15")),
        "BdW discounted expected residual lifetime just before the next renewal.",
    ),
    ExcelFunction(
        "BDW_CLV",
        models.bdw_clv,
        (Argument("margin", "margin per period, paid at its start"), *BDW, BDW_DISCOUNT),
        "BdW lifetime value of a new customer: margin x DEL.",
    ),
    _fit(
        "BGBB_FIT",
        models.bgbb_fit,
        BB_FIT_ARGS,
        "BG/BB fit of discrete-opportunity histories: alpha, beta, gamma, delta and the log-likelihood.",
        ("alpha", "beta", "gamma", "delta", "log_likelihood"),
    ),
    ExcelFunction(
        "BGBB_P_ALIVE",
        models.bgbb_p_alive,
        (*BB_PARAMETERS, *BB_HISTORY),
        "BG/BB probability that the customer is active at the next opportunity.",
    ),
    ExcelFunction(
        "BGBB_EXPECTED",
        models.bgbb_expected,
        (*BB_PARAMETERS, Argument("periods", "future opportunities, a whole number >= 0"), *BB_HISTORY),
        "BG/BB expected transactions at the next periods opportunities.",
    ),
    ExcelFunction(
        "BGBB_DERT",
        models.bgbb_dert,
        (*BB_PARAMETERS, Argument("discount_rate", "discount rate per opportunity, from 1e-6 to 1"), *BB_HISTORY),
        "BG/BB discounted expected residual transactions.",
    ),
    _fit(
        "PARETONBD_FIT",
        models.paretonbd_fit,
        WHOLE_RFM,
        "Pareto/NBD maximum-likelihood fit: r, alpha, s, beta and the log-likelihood, as one row that spills.",
        ("r", "alpha", "s", "beta", "log_likelihood"),
    ),
    ExcelFunction(
        "PARETONBD_P_ALIVE",
        models.paretonbd_p_alive,
        (*PARETO, FREQUENCY, RECENCY, AGE),
        "Pareto/NBD probability that the customer is still active.",
    ),
    ExcelFunction(
        "PARETONBD_EXPECTED",
        models.paretonbd_expected,
        (
            *PARETO,
            Argument("t", "length of the future period, in the unit of recency and age"),
            FREQUENCY,
            RECENCY,
            AGE,
        ),
        "Pareto/NBD expected purchases in the next t time units of a customer with (frequency, recency, age).",
    ),
    ExcelFunction(
        "PARETONBD_CLV",
        models.paretonbd_clv,
        (*PARETO, *CLV_ARGUMENTS),
        "Expected lifetime value: monthly Pareto/NBD purchases x order_value x margin, discounted monthly.",
    ),
    _fit("SBG_FIT_SE", models.sbg_fit_se, (SURVIVORS, COHORT_SIZE), "Standard errors of SBG_FIT.", ("alpha", "beta")),
    _fit(
        "BDW_FIT_SE", models.bdw_fit_se, (SURVIVORS, COHORT_SIZE), "Standard errors of BDW_FIT.", ("alpha", "beta", "c")
    ),
    _fit("BGNBD_FIT_SE", models.bgnbd_fit_se, WHOLE_RFM, "Standard errors of BGNBD_FIT.", ("r", "alpha", "a", "b")),
    _fit(
        "PARETONBD_FIT_SE",
        models.paretonbd_fit_se,
        WHOLE_RFM,
        "Standard errors of PARETONBD_FIT.",
        ("r", "alpha", "s", "beta"),
    ),
    _fit(
        "BGBB_FIT_SE",
        models.bgbb_fit_se,
        BB_FIT_ARGS,
        "Standard errors of BGBB_FIT.",
        ("alpha", "beta", "gamma", "delta"),
    ),
    _fit(
        "GAMMAGAMMA_FIT_SE",
        models.gammagamma_fit_se,
        (replace(FREQUENCY, whole="flat"), replace(MONETARY, whole="flat")),
        "Standard errors of GAMMAGAMMA_FIT.",
        ("p", "q", "v"),
    ),
    _fit(
        "SBG_SURVIVAL_INTERVAL",
        models.sbg_survival_interval,
        (SURVIVORS, Argument("t", "periods, a whole number >= 0"), CONFIDENCE, COHORT_SIZE),
        "sBG survival after t periods fitted to survivors, and its confidence interval.",
        INTERVAL,
    ),
    _fit(
        "SBG_RETENTION_INTERVAL",
        models.sbg_retention_interval,
        (SURVIVORS, Argument("t", "period, a whole number >= 1"), CONFIDENCE, COHORT_SIZE),
        "sBG retention rate of period t fitted to survivors, and its confidence interval.",
        INTERVAL,
    ),
    _fit(
        "BDW_RETENTION_INTERVAL",
        models.bdw_retention_interval,
        (SURVIVORS, Argument("t", "period, a whole number >= 1"), CONFIDENCE, COHORT_SIZE),
        "BdW retention rate of period t fitted to survivors, and its confidence interval.",
        INTERVAL,
    ),
    _fit(
        "SBG_CLV_INTERVAL",
        models.sbg_clv_interval,
        (SURVIVORS, Argument("margin", "margin per period, paid at its start"), DISCOUNT, CONFIDENCE, COHORT_SIZE),
        "sBG lifetime value of a new customer fitted to survivors, and its confidence interval.",
        INTERVAL,
    ),
    _fit(
        "BDW_SURVIVAL_INTERVAL",
        models.bdw_survival_interval,
        (SURVIVORS, Argument("t", "periods, a whole number >= 0"), CONFIDENCE, COHORT_SIZE),
        "BdW survival after t periods fitted to survivors, and its confidence interval.",
        INTERVAL,
    ),
    _fit(
        "BDW_CLV_INTERVAL",
        models.bdw_clv_interval,
        (SURVIVORS, Argument("margin", "margin per period, paid at its start"), BDW_DISCOUNT, CONFIDENCE, COHORT_SIZE),
        "BdW lifetime value of a new customer fitted to survivors, and its confidence interval.",
        INTERVAL,
    ),
    _fit(
        "BGNBD_EXPECTED_INTERVAL",
        models.bgnbd_expected_interval,
        (*ALL_RFM, Argument("t", "length of the future period"), FREQUENCY, RECENCY, AGE, CONFIDENCE),
        "BG/NBD expected purchases of one customer, fitted to all customers, and its confidence interval.",
        INTERVAL,
    ),
    _fit(
        "PARETONBD_EXPECTED_INTERVAL",
        models.paretonbd_expected_interval,
        (*ALL_RFM, Argument("t", "length of the future period"), FREQUENCY, RECENCY, AGE, CONFIDENCE),
        "Pareto/NBD expected purchases of one customer, fitted to all customers, and its confidence interval.",
        INTERVAL,
    ),
)
FUNCTIONS = FUNCTIONS + MODELS + MORE_MODELS

BY_NAME: dict[str, ExcelFunction] = {f.name: f for f in FUNCTIONS}
