"""A log of payments read as monthly rows: a payment of a yearly (quarterly, ...) plan counted one month only.

A billing export read by month (``month`` mapped: one row per customer and month) takes each row as the month's
state: its MRR is the price per interval divided by the interval's months. A yearly subscriber is then on every month's
row. A log of payments (App Store Connect's Subscriber report, one row per paid period with its "Standard
Subscription Duration"; a list of charges with the plan's interval) has one row per payment instead: read by month,
the yearly subscriber would be counted in the month they paid and lost the month after, and their MRR with them.

So a row of an interval of two months or more whose customer has no row in the month before nor in the month after,
while the file goes on after it, says the rows are payments: refused, naming the rows (a snapshot of a yearly plan
one month long is no subscription). One sort of the rows' (customer, month) keys.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from .errors import bad_rows

__all__ = [
    "PAID_AMOUNTS",
    "PAYMENT_IDS",
    "payment_id_columns",
    "refuse_open_renewals",
    "refuse_payment_log",
    "refuse_payments_as_months",
]


def refuse_payment_log(typed: Mapping[str, Any], names: Mapping[str, str], source: str, written: Any = None) -> None:
    """Refuse a billing export read by month whose rows are payments (see the module docstring). ``typed``: the
    columns as read (``month`` datetime64, ``customer_id``, ``interval`` in months, ``interval_count``);
    ``written``: the interval column as the file writes it, for the message.

    >>> import numpy as np
    >>> typed = {"customer_id": np.array(["A", "B", "A"], dtype=object), "interval": np.array([1.0, 12.0, 1.0]),
    ...          "month": np.array(["2024-01-15", "2024-01-20", "2024-02-15"], dtype="datetime64[ns]")}
    >>> try:
    ...     refuse_payment_log(typed, {"interval": "Duration", "month": "Date"}, "s.csv")
    ... except Exception as error:
    ...     print(str(error)[:109])
    s.csv, column 'Duration': rows of a plan of 2 months or more (the first: 12 months) whose customer has no row
    """
    import pandas as pd

    months = np.asarray(typed["interval"], dtype=np.float64)
    if "interval_count" in typed:
        months = months * np.asarray(typed["interval_count"], dtype=np.float64)
    several = months >= 2 - 1e-9
    if not several.any():
        return
    month = np.asarray(typed["month"]).astype("datetime64[M]").astype(np.int64)
    known = month != np.iinfo(np.int64).min  # NaT: no month (refused elsewhere)
    codes, _ = pd.factorize(pd.Series(np.asarray(typed["customer_id"], dtype=object)))
    span = int(month[known].max() - month[known].min()) + 3 if known.any() else 3
    keys = np.unique(codes.astype(np.int64) * span + (month - month[known].min() + 1))
    base = codes.astype(np.int64) * span + (month - month[known].min() + 1)

    def listed(shift: int) -> np.ndarray:
        wanted = base + shift
        found = np.searchsorted(keys, wanted)
        found = np.minimum(found, len(keys) - 1)
        return keys[found] == wanted

    last = int(month[known].max())
    alone = several & known & (codes >= 0) & (month < last) & ~listed(1) & ~listed(-1)
    if not alone.any():
        return
    first = int(np.flatnonzero(alone)[0])
    problem = (
        f"rows of a plan of 2 months or more (the first: {months[first]:g} months) whose customer has no row in the "
        f"month before nor after, while the file goes on to {np.datetime64(last, 'M')}: the rows are payments (one "
        f"per paid period), not each month's subscriptions (a subscriber of a {months[first]:g}-month plan would be "
        f"on every month's row); read by month, the customer would be lost the month after paying"
    )
    advice = (
        f"give one row per customer and month the payment covers ({names['month']!r} each month, the price per "
        "interval beside), or one row per subscription with its start and end"
    )
    shown = written() if callable(written) else written if written is not None else typed["interval"]
    raise bad_rows(source, names["interval"], problem, np.flatnonzero(alone), shown, advice=advice)


#: Names (as :func:`~.names.key` spells them) of a payment's amount: a payments or invoices export's, not a month's.
_PAID_AMOUNTS = frozenset({"amount_paid", "paid_amount", "total_paid", "amount_charged", "charged_amount",
                           "payment_amount", "amount_captured", "captured_amount",
                           # German, French, Spanish, Italian, Portuguese, Dutch ("Bezahlt", "Montant payé")
                           "bezahlt", "gezahlt", "betrag_bezahlt", "bezahlter_betrag", "gezahlter_betrag",
                           "montant_payé", "montant_paye", "importe_pagado", "importo_pagato", "valor_pago",
                           "betaald_bedrag", "betaald"})  # fmt: skip
#: Names (as :func:`~.names.key` spells them) of what an invoice or a charge billed, in the languages the README's
#: exports are read in ("Invoice Total", "Amount Billed", "Total Charged", "Rechnungsbetrag", "Montant facturé",
#: "Importe facturado"): mapped as mrr beside a month, each row is an invoice, as with "Amount Paid".
_BILLED_AMOUNTS = frozenset({
    "invoice_total", "invoice_amount", "total_invoice", "amount_invoiced", "invoiced_amount", "total_invoiced",
    "amount_billed", "billed_amount", "total_billed", "billing_amount", "total_charged", "charge_amount",
    "charge_total", "rechnungsbetrag", "rechnungssumme", "rechnungsbetrag_brutto", "rechnungsbetrag_netto",
    "montant_facturé", "montant_facture", "montant_de_la_facture", "total_facturé", "total_facture",
    "importe_facturado", "total_facturado", "importe_de_la_factura", "importo_fatturato", "totale_fattura",
    "valor_faturado", "total_faturado", "factuurbedrag", "gefactureerd_bedrag", "fakturabelopp", "fakturerat_belopp",
    "kwota_faktury",
})  # fmt: skip
#: Prefixes of Stripe's ids of one payment: an invoice, a charge, a payment (intent), an invoice's line.
_PAYMENT_IDS = ("in_", "ch_", "py_", "pi_", "il_")


def refuse_payments_as_months(df: Any, names: Mapping[str, str], source: str) -> None:
    """Refuse payments read by month (``month`` mapped: one row per customer and month): a money column named as a
    payment's amount (Stripe's "Amount Paid", "Total Paid", "Charged Amount", "Bezahlt") or an invoice's or a
    charge's (:data:`_BILLED_AMOUNTS`: "Invoice Total", "Amount Billed", "Rechnungsbetrag") taken as the MRR, or an
    ``id`` column of Stripe's invoice or charge ids (``in_...``, ``ch_...``) beside it. Each row is then a payment,
    counted in its month only: a yearly invoice would be 12 months' MRR in one month and the customer lost the
    month after.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"id": ["in_1", "in_2"], "Customer": ["a", "b"], "Amount Paid": ["100", "1200"]})
    >>> try:
    ...     refuse_payments_as_months(df, {"mrr": "Amount Paid", "month": "Date"}, "i.csv")
    ... except Exception as error:
    ...     print(str(error)[:90])
    i.csv: 'Amount Paid' (taken as mrr) is what a payment paid, and the rows are payments (a y
    """
    from .errors import DataError
    from .names import key

    money = names.get("mrr", names.get("amount"))
    if money is None:
        return
    ids = payment_id_columns(df.columns)
    by_id = None
    for column in ids:
        values = df[column].dropna().astype(str).str.strip()
        values = values[values != ""]
        if len(values) and values.iloc[0].startswith(_PAYMENT_IDS) and values.str.startswith(_PAYMENT_IDS).all():
            by_id = column
            break
    if key(money) not in _PAID_AMOUNTS | _BILLED_AMOUNTS and by_id is None:
        return
    why = (
        f"{money!r} (taken as mrr) is what a payment paid"
        if key(money) in _PAID_AMOUNTS
        else f"{money!r} (taken as mrr) is what an invoice or a charge billed"
        if key(money) in _BILLED_AMOUNTS
        else f"{by_id!r} holds Stripe's ids of invoices or charges"
    )
    raise DataError(
        f"{source}: {why}, and the rows are payments (a yearly invoice would be 12 months' MRR in its month and the "
        f"customer lost the month after), not each customer's month: import them with --orders, or give one row per "
        f"customer and month with the MRR (or one per subscription with start, end and the price per interval)",
        source=source,
        column=str(money),
    )


def payment_id_columns(columns: Any) -> list[str]:
    """The columns that may hold a payment's id (``id``, ``invoice_id``, ``charge_id``, ...), whose values all
    starting with :data:`PAYMENT_IDS` say the rows are payments (:func:`refuse_payments_as_months`).

    >>> payment_id_columns(["id", "Customer", "Invoice Number"])
    ['id', 'Invoice Number']
    """
    from .names import key

    return [str(c) for c in columns if key(c) in ("id", "invoice_id", "charge_id", "invoice", "invoice_number")]


#: Public names of the payments' money columns and ids (the SQL engines ask them of a typed table's columns).
PAID_AMOUNTS, PAYMENT_IDS = _PAID_AMOUNTS | _BILLED_AMOUNTS, _PAYMENT_IDS


def refuse_open_renewals(typed: Mapping[str, Any], names: Mapping[str, str], source: str, df: Any = None) -> None:
    """Refuse a billing export read as subscriptions (``start`` mapped, no ``end``) whose customer has two open rows of
    one interval the interval apart (a monthly row a month after another, within 4 days): the rows are payments
    (renewals), each of which would be a subscription of its own running on, its MRR added every month.

    >>> import numpy as np
    >>> typed = {"customer_id": np.array(["A", "A", "B"], dtype=object), "interval": np.array([1.0, 1.0, 12.0]),
    ...          "start": np.array(["2024-01-15", "2024-02-15", "2024-01-20"], dtype="datetime64[ns]")}
    >>> try:
    ...     refuse_open_renewals(typed, {"start": "Created", "interval": "Plan Interval"}, "c.csv")
    ... except Exception as error:
    ...     print(str(error)[:86])
    c.csv, column 'Created': open rows of one customer one billing interval apart (a payme
    """
    import pandas as pd

    months = np.asarray(typed["interval"], dtype=np.float64)
    if "interval_count" in typed:
        months = months * np.asarray(typed["interval_count"], dtype=np.float64)
    frame = pd.DataFrame({"who": np.asarray(typed["customer_id"], dtype=object), "months": months,
                          "start": np.asarray(typed["start"]), "row": np.arange(len(months)),
                          "sub": _subscription_ids(df, len(months))})  # fmt: skip
    frame = frame[frame["start"].notna()].sort_values(["who", "months", "start"], kind="stable")
    subs = frame["sub"].to_numpy()
    same = (frame["who"].to_numpy()[1:] == frame["who"].to_numpy()[:-1]) & (
        frame["months"].to_numpy()[1:] == frame["months"].to_numpy()[:-1]
    )
    same &= (subs[1:] == subs[:-1]) | (subs[1:] == "") | (subs[:-1] == "")  # two subscriptions' ids: two
    days = np.diff(frame["start"].to_numpy()).astype("timedelta64[s]").astype(np.float64) / 86400
    apart = same & (np.abs(days - frame["months"].to_numpy()[1:] * 30.4375) <= 4)
    if not apart.any():
        return
    rows = np.sort(frame["row"].to_numpy()[1:][apart])
    problem = (
        "open rows of one customer one billing interval apart (a payment and its renewal, no end date): the rows "
        "are payments, and each would be a subscription of its own, running on with its MRR added every month"
    )
    advice = "give one row per subscription with its start and end (or import the payments with --orders)"
    from .errors import bad_rows

    starts = np.asarray(typed["start"]).astype("datetime64[D]").astype(str)
    raise bad_rows(source, names["start"], problem, rows, starts, advice=advice)


def _subscription_ids(df: Any, count: int) -> np.ndarray:
    """Each row's subscription id (a column named so: ``subscription_id``, "Subscription", ``links.subscription``), ""
    without one."""
    from .names import key

    if df is not None:
        for column in map(str, df.columns):
            if key(column) in (
                "subscription_id",
                "subscription",
                "sub_id",
                "links.subscription",
                "subscription_number",
            ):
                values = df[column].astype(object).where(df[column].notna(), "").astype(str).str.strip()
                return values.to_numpy(dtype=object)
    return np.full(count, "", dtype=object)
