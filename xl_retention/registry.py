"""The one registry of Excel functions.

Each Excel function is declared here once: its name, the core callable, its arguments
with a one-line doc, and whether it maps elementwise over ranges or aggregates a range.
Every surface is generated from :data:`FUNCTIONS`: the xlwings functions
(:mod:`xl_retention.udfs`), the embedded recalculation engine's functions,
``xl-retention functions`` and ``docs/functions.md``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from . import metrics


@dataclass(frozen=True)
class Argument:
    """One argument of an Excel function.

    ``optional`` arguments may be omitted (or left blank) and then take ``default``.
    ``whole``: the argument is a range passed to the core whole, as a flat array
    (``"flat"``, blanks as NaN) or as a 2-D table (``"table"``, ragged ends as NaN).
    """

    name: str
    doc: str
    optional: bool = False
    default: Any = None
    whole: Literal["flat", "table"] | None = None


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
        optional argument is omitted (REPEAT_PURCHASE_RATE(order_counts)).
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
SCORES = Argument("scores", "a range of survey scores, whole numbers 0-10; blanks skipped", whole="flat")
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
            Argument("total", "all customers who bought; omit to pass order counts", optional=True),
        ),
        "Repeat purchase rate: returning / total, or the share of buyers with 2+ orders.",
        aggregate_without="total",
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

BY_NAME: dict[str, ExcelFunction] = {f.name: f for f in FUNCTIONS}

# Words VBA reserves: xlwings writes a VBA wrapper per function on Windows, and an
# argument with one of these names breaks Import Functions.
VBA_RESERVED = frozenset(
    """and as boolean byref byte byval call case class const currency date debug decimal
    declare defbool defbyte defcur defdate defdbl defdec defint deflng deflnglng deflngptr
    defobj defsng defstr defvar dim do double each else elseif empty end endif enum eqv erase
    error event exit false for friend function get global gosub goto if imp implements in
    integer is let lib like long longlong longptr loop lset me mod new next not nothing null
    object on option optional or paramarray preserve print private property public raiseevent
    redim rem resume return rset select set single static step stop string sub then to true
    type typeof until variant wend while with withevents xor""".split()
)
_VBA_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,254}$")


def check_vba_names(function: ExcelFunction) -> list[str]:
    """Problems with ``function``'s names as VBA identifiers (an empty list when fine)."""
    problems = []
    for name in (function.name, *(a.name for a in function.args)):
        if not _VBA_IDENTIFIER.match(name):
            problems.append(f"{function.name}: {name!r} is not a VBA identifier")
        elif name.lower() in VBA_RESERVED:
            problems.append(f"{function.name}: {name!r} is a reserved word in VBA")
    return problems
