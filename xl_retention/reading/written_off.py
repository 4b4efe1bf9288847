"""Amounts an invoice did not bring in: written off, credited or adjusted after the sale, beside its amount.

Chargebee's Invoices export writes beside ``Amount`` the parts that were never paid: ``Amount Adjusted`` (adjustment
credit notes), ``Credits Applied``, ``Write Off Amount`` (bad debt); other billing and accounting exports write
"Written Off", "Credited", "Adjustments"; Paddle Billing's ``details.totals.credit`` (the customer's credit balance
spent on the transaction), "Credit Used", "Paid by Credit" (never a credit card's). An invoice written off in full
keeps its Status ``Paid`` in some of them, and counted at its amount it is revenue and a repeat purchase that never
were. Such a column
(:func:`written_off_columns`: its words say written off, bad debt, credited, credit notes or credits applied, or an
adjustment, or end with "adjusted": the amount adjusted, not Etsy's "Adjusted Order Total", the amount after it)
whose numbers are not all 0 is refused, naming it and the rows: what was kept cannot be told from the amount alone
(an adjustment may add or take off, credits may have been paid before). It is left alone where the mapped amount is
the amount paid (Chargebee's ``Amount Paid``, "Total Collected"): those parts are not in it. So is Paddle Billing's
``details.totals.credit`` beside its sibling ``details.totals.grand_total`` mapped as the amount: Paddle's grand
total is a transaction's total after its discount, tax and credits, before its payments (its ``total`` less its
``credit``): the credit is not in it (:func:`credit_in_grand_total`). Where the sibling ``total`` is in the file too,
a row whose grand total is not its total less its credit is refused, naming the rows: which was paid cannot be told.

Money given back *after* payment is in the amount paid, though: Stripe's invoice ``post_payment_credit_notes_amount``
("Post Payment Credit Notes Amount": credit notes issued on a paid invoice, refunded or credited to the customer's
balance) still leaves ``amount_paid`` at the whole 100.00 of an invoice credited 30.00. A credits column whose name
says after payment (:func:`given_back_columns`: "post payment", "after payment") is no written-off column: it is a
refunded amount (:mod:`.refunded_amounts`), taken off the amount whichever money column is mapped (``amount_paid``,
``total``: 70.00 either way), an invoice credited in full no purchase. Stripe's ``pre_payment_credit_notes_amount``
(credited before payment: not in ``amount_paid``, in ``total``) stays one.

Credited to the customer's balance, though, the money is not given back: Stripe spends the balance on the customer's
next invoice, whose ``amount_paid`` and ``amount_due`` are then below its ``total`` (``starting_balance`` below 0).
Beside such a column the credit note would be taken off twice (its own invoice's, then the next invoice's lower
amount): :func:`refuse_balance_credits` refuses a credit note after payment beside an amount other than the total where
the file shows a balance spent (a ``starting_balance`` below 0, an amount below the ``total`` less its credit notes
before payment), or where it has neither column to tell, naming the column and asking to map ``total``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .errors import DataError, bad_rows
from .names import columns_option

__all__ = [
    "bare_credit_columns",
    "check_written_off",
    "credit_in_grand_total",
    "credit_note_columns",
    "given_back_columns",
    "refuse_balance_credits",
    "written_off_columns",
]

#: Words (of :func:`~.order_columns._words`) and word pairs of a column's name that say money the sale did not bring.
_WORDS = frozenset({"writeoff", "writeoffs", "adjustment", "adjustments", "credited", "abgeschrieben",
                    "uncollectible", "uncollected", "gutgeschrieben"})  # fmt: skip
_CREDITS = frozenset({("credit", "note"), ("credit", "notes"), ("credits", "applied"), ("credit", "applied"),
                      ("applied", "credits"), ("applied", "credit"), ("credit", "used"), ("credits", "used"),
                      ("used", "credit"), ("used", "credits"), ("credit", "memo"), ("credit", "memos")})  # fmt: skip
#: Words of a name that are a credit note or memo in one word ("Creditnote", "CreditMemos").
_CREDIT_NOTE_WORDS = frozenset({"creditnote", "creditnotes", "creditmemo", "creditmemos"})
#: Words of a name that say a part paid from the customer's credit balance: "Paid by Credit", Paddle Billing's
#: ``details.totals.credit`` (a name ending in "totals" "credit"); never a card ("Paid by Credit Card").
_PAID_BY = frozenset({("paid", "by", "credit"), ("paid", "with", "credit"), ("paid", "from", "credit")})
_PAIRS = frozenset({("write", "off"), ("written", "off"), ("write", "offs"), ("bad", "debt")}) | _CREDITS
#: Words of a name that say it is no amount (a date, a reason, a count, an id).
_NOT_MONEY = frozenset({"date", "datum", "at", "on", "time", "reason", "status", "type", "id", "number", "no", "nr",
                        "count", "quantity", "qty", "method", "currency", "note", "notes", "by"})  # fmt: skip
#: Word pairs (and words) of a credits column's name that say the credit was given after the payment (Stripe's
#: ``post_payment_credit_notes_amount``): money given back, in the amount paid.
_AFTER_PAYMENT = frozenset({("post", "payment"), ("after", "payment"), ("postpayment",)})
#: A cent: amounts closer than this are equal.
_CENT = 0.005
#: Words of the mapped amount's name that say it is what was paid: the parts not paid are not in it.
_PAID = frozenset({"paid", "collected", "received", "kept", "settled"})
PROBLEM = (
    "amounts {what} after the sale, not paid (counted at {amount!r} the revenue and repeat purchases would count "
    "money never received): write the amount kept as the amount and remove the invoices that kept nothing, or remove "
    "this column where {amount!r} already leaves it out"
)


def _credit_spent(words: list[str]) -> bool:
    """Whether ``words`` say a part paid from the customer's credit balance (:data:`_PAID_BY`), not a card's."""
    threes = set(zip(words, words[1:], words[2:], strict=False))
    return "card" not in words and bool(threes & _PAID_BY or words[-2:] == ["totals", "credit"])


def _what(words: list[str]) -> str | None:
    pairs = set(zip(words, words[1:], strict=False))
    if (
        (pairs & _CREDITS and "card" not in words)
        or _credit_spent(words)
        or {"credited", "gutgeschrieben"} & set(words)
        or _CREDIT_NOTE_WORDS & set(words)
    ):
        return "credited"
    if {"adjustment", "adjustments"} & set(words) or words[-1:] == ["adjusted"] and len(words) > 1:
        return "adjusted"
    if pairs & _PAIRS or set(words) & _WORDS:
        return "written off"
    return None


def _split(name: Any) -> list[str]:
    """The words of ``name`` (:func:`~.order_columns._words`), 'write-off' split at its hyphen."""
    from .order_columns import name_words as _words

    return [p for w in _words(name) if w for p in w.split("-") if p]


def _after_payment(words: list[str]) -> bool:
    """Whether ``words`` (of a credits column's name) say the credit was given after the payment."""
    pairs = set(zip(words, words[1:], strict=False)) | {(w,) for w in words}
    return bool(pairs & _AFTER_PAYMENT)


def given_back_columns(names: Sequence[Any]) -> list[str]:
    """The columns of ``names`` that hold money credited back after the payment (see the module docstring): a credits
    column (its words say credited, credit notes) whose words say after payment; refunded amounts, not written off.

    >>> given_back_columns(["amount_paid", "post_payment_credit_notes_amount", "pre_payment_credit_notes_amount",
    ...                     "Post Payment Credit Notes Amount", "Credit Notes After Payment", "Amount Credited"])
    ['post_payment_credit_notes_amount', 'Post Payment Credit Notes Amount', 'Credit Notes After Payment']
    """
    found = []
    for name in names:
        split = _split(name)
        if _what(split) == "credited" and _after_payment(split) and not set(split) & _NOT_MONEY - {"note", "notes"}:
            found.append(str(name))
    return found


def written_off_columns(names: Sequence[Any]) -> list[str]:
    """The columns of ``names`` named as money an invoice did not bring in (see the module docstring).

    >>> written_off_columns(["Amount", "Write Off Amount", "Credits Applied", "Credit Note Date", "Adjustments",
    ...                      "Amount Credited", "Credit Card", "Amount Adjusted", "Adjusted Order Total",
    ...                      "pre_payment_credit_notes_amount", "post_payment_credit_notes_amount"])
    ['Write Off Amount', 'Credits Applied', 'Adjustments', 'Amount Credited', 'Amount Adjusted', \
'pre_payment_credit_notes_amount']
    >>> written_off_columns(["details.totals.credit", "details.totals.credit_to_balance", "Credit used",
    ...                      "Applied Credit", "Paid by Credit", "Paid by Credit Card", "Credit Card Used", "Credit"])
    ['details.totals.credit', 'Credit used', 'Applied Credit', 'Paid by Credit']
    >>> written_off_columns(["Credit Memo Amount", "Credit Memos", "CreditNotes", "Credit Note", "Credit Memo"])
    ['Credit Memo Amount', 'Credit Memos', 'CreditNotes']
    """
    found = []
    for name in names:
        split = _split(name)
        words = set(split) - ({"by"} if _credit_spent(split) else set())  # "Paid by Credit": an amount
        if _what(split) and not words & _NOT_MONEY - {"note", "notes"} and not _document_alone(split):
            if not (_what(split) == "credited" and _after_payment(split)):  # given back: a refund (module docstring)
                found.append(str(name))
    return found


def _document_alone(words: list[str]) -> bool:
    """Whether ``words`` (of a name) end in a credit note or memo alone ("Credit Note", "credit_memo", "Creditnote"):
    the column may hold the credit note's number as well as its amount."""
    return words[-2:] in (["credit", "note"], ["credit", "memo"]) or words[-1:] in (["creditnote"], ["creditmemo"])


def credit_note_columns(names: Sequence[Any]) -> list[str]:
    """The columns of ``names`` named a credit note or memo alone (:func:`_document_alone`), read as credits written
    off where their numbers are written as money (:func:`_written_as_money`); a number of the credit note's is none.

    >>> credit_note_columns(["Credit Note", "credit_note", "Creditnote", "CreditMemo", "Credit Memo", "Credit Notes",
    ...                      "Credit Note Amount", "Credit Note Number", "Credit Note Date", "Credit Card"])
    ['Credit Note', 'credit_note', 'Creditnote', 'CreditMemo', 'Credit Memo']
    """
    found = []
    for name in names:
        split = _split(name)
        if _what(split) == "credited" and _document_alone(split) and not set(split) & _NOT_MONEY - {"note", "notes"}:
            found.append(str(name))
    return found


def _written_as_money(values: np.ndarray) -> bool:
    """Whether one of ``values`` is written as money, with cents ('20.00', '20,00', 12.5), not a whole number that may
    be a credit note's number ('1001')."""
    import re

    for value in values:
        if isinstance(value, float | np.floating) and not float(value).is_integer():
            return True
        if re.search(r"\d[.,]\d{2}(?!\d)", str(value)):
            return True
    return False


def _grand_total_sibling(credit: str, amount: str) -> str | None:
    """The prefix ``credit`` (a name ending in ``totals.credit``, Paddle Billing's) shares with ``amount`` where
    ``amount`` is its sibling ``totals.grand_total`` (``details.totals.credit`` beside ``details.totals.grand_total``),
    else None."""
    head, _, last = credit.rpartition(".")
    amount_head, _, amount_last = amount.rpartition(".")
    if last.strip().lower() != "credit" or amount_last.strip().lower() != "grand_total" or head != amount_head:
        return None
    return head if head.rpartition(".")[2].strip().lower() == "totals" else None


def credit_in_grand_total(df: pd.DataFrame, credit: str, amount: str, source: str) -> bool:
    """Whether the credits column ``credit`` (Paddle Billing's ``details.totals.credit``) is already out of the amount
    mapped, ``amount``: its sibling ``details.totals.grand_total`` (see the module docstring); :class:`DataError` for
    the rows whose grand total is not their sibling ``total`` less their credit, where that column is in ``df``.

    >>> frame = pd.DataFrame({"details.totals.total": ["50.00", "100.00"], "details.totals.credit": ["20.00", "0"],
    ...                       "details.totals.grand_total": ["30.00", "100.00"]})
    >>> credit_in_grand_total(frame, "details.totals.credit", "details.totals.grand_total", "t.csv")
    True
    >>> credit_in_grand_total(frame, "details.totals.credit", "details.totals.total", "t.csv")
    False
    >>> credit_in_grand_total(frame.assign(**{"details.totals.grand_total": ["50.00", "100.00"]}),
    ...                       "details.totals.credit", "details.totals.grand_total", "t.csv")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: t.csv, column 'details.totals.grand_total': grand totals that are not ...
    """
    from .values import parse_numbers

    head = _grand_total_sibling(credit, amount)
    if head is None:
        return False
    total = f"{head}.total"
    names = [str(c) for c in df.columns]
    if total not in names:
        return True
    read = {n: np.nan_to_num(parse_numbers(df.iloc[:, names.index(n)], source, n, allow_blank=True), nan=0.0)
            for n in (total, credit, amount)}  # fmt: skip
    wrong = np.abs(read[total] - read[credit] - read[amount]) > _CENT
    if wrong.any():
        problem = (
            f"grand totals that are not {total!r} less {credit!r} (Paddle's grand total is the total after "
            "credits: whether the credit was taken off cannot be told)"
        )
        advice = f"correct {amount!r} to the amount kept ({total!r} less {credit!r}), or remove these rows"
        raise bad_rows(source, amount, problem, np.flatnonzero(wrong), df.iloc[:, names.index(amount)].to_numpy(),
                       advice=advice)  # fmt: skip
    _refuse_tax_before_credit(df, head, credit, amount, source)
    return True


def _refuse_tax_before_credit(df: pd.DataFrame, head: str, credit: str, amount: str, source: str) -> None:
    """Refuse the rows with a credit and a tax where the tax column beside the grand total is Paddle's ``tax``, the
    tax of the whole total before credits (Paddle: "When a credit is applied, the tax field shows the full tax amount
    calculated on the transaction total before any credits are applied"): taken off the grand total, after credits,
    it took off more than the tax in it (H513's finding 02: 145.00 for 150.00). Its ``grand_total_tax`` (the tax in
    the grand total) is read where the file has it."""
    from .values import parse_numbers

    names = [str(c) for c in df.columns]
    tax, kept = f"{head}.tax", f"{head}.grand_total_tax"
    if tax not in names or kept in names:
        return
    read = {n: np.nan_to_num(parse_numbers(df.iloc[:, names.index(n)], source, n, allow_blank=True), nan=0.0)
            for n in (tax, credit)}  # fmt: skip
    both = np.flatnonzero((np.abs(read[credit]) > _CENT) & (np.abs(read[tax]) > _CENT))
    if both.size:
        problem = (
            f"taxes of the whole total before the credit in {credit!r} (Paddle's tax field), while {amount!r} is the "
            "total after it, holding only the credit's remainder of the tax"
        )
        advice = f"export {kept!r} too (the tax in the grand total), which is read in its place"
        raise bad_rows(source, tax, problem, both, df.iloc[:, names.index(tax)].to_numpy(), advice=advice)


def check_written_off(df: pd.DataFrame, names: dict[str, str], source: str) -> None:
    """Refuse a column of :func:`written_off_columns` (not the mapped ones) holding a number other than 0, naming it,
    the rows and their values; nothing where the mapped amount is named as paid (``Amount Paid``).

    >>> frame = pd.DataFrame({"Amount": ["100", "50"], "Write Off Amount": ["0.00", "50.00"]})
    >>> check_written_off(frame, {"amount": "Amount"}, "inv.csv")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: inv.csv, column 'Write Off Amount': amounts written off after the sale, ...
    >>> check_written_off(frame, {"amount": "Amount Paid"}, "inv.csv")
    """
    from .order_columns import name_words as _words
    from .values import parse_numbers

    refuse_balance_credits(df, names, source)
    amount = names.get("amount")
    if amount is None or set(_words(amount)) & _PAID:
        return
    mapped = set(names.values())
    alone = credit_note_columns(df.columns)  # "Credit Note": its number, or its amount where written as money
    for name in written_off_columns(df.columns) + alone:
        if name in mapped or credit_in_grand_total(df, name, amount, source):  # Paddle's grand_total: credit out
            continue
        column = df.iloc[:, [str(c) for c in df.columns].index(name)]
        try:
            numbers = parse_numbers(column, source, name, allow_blank=True)
        except DataError:
            continue  # words: a reason or a flag, not an amount
        nonzero = np.abs(np.nan_to_num(numbers, nan=0.0)) > 0.005
        if nonzero.any() and (name not in alone or _written_as_money(column.to_numpy()[nonzero])):
            what = _what([p for w in _words(name) for p in w.split("-")]) or "written off"
            problem = PROBLEM.format(what=what, amount=amount)
            raise bad_rows(source, name, problem, np.flatnonzero(nonzero), column.to_numpy())
    _refuse_bare_credits(df, mapped, amount, source)


def bare_credit_columns(names: Sequence[Any]) -> list[str]:
    """The columns of ``names`` named a credit and nothing more (a ledger's "Credit", "Credit Amount", "Credit ($)"):
    a credit note taken off the sale, or a payment received for it, cannot be told by the name.

    >>> bare_credit_columns(["Amount", "Credit", "Credit Amount", "credit_amount", "Credit Card", "Credit Note",
    ...                      "Store Credit", "Credits ($)", "Total Credit", "Credit Total"])
    ['Credit', 'Credit Amount', 'credit_amount', 'Credits ($)', 'Total Credit', 'Credit Total']
    """
    return [str(n) for n in names if (said := set(_split(n))) and said - _BARE_EXTRA in ({"credit"}, {"credits"})]


#: Words beside "credit" that leave a name bare (:func:`bare_credit_columns`): "Credit Amount", "Credit ($)", "Total
#: Credit".
_BARE_EXTRA = frozenset({"amount", "amt", "value", "total", "$", "€", "£", "usd", "eur", "gbp"})


def _after_credits(
    df: pd.DataFrame, amount: str, name: str, credits: np.ndarray, rows: np.ndarray, source: str
) -> bool:
    """Whether another column is the amount ``amount`` plus the credits ``credits`` (of the column ``name``) in every
    row of ``rows``: the amount mapped is after them (a 'Net' of 80.00 beside 'Amount' 100.00 and 'Credit' 20.00)."""
    from .equal_columns import equal_column
    from .values import parse_numbers

    if [str(c) for c in df.columns].count(amount) != 1:
        return False
    try:
        money = parse_numbers(df[amount], source, amount, allow_blank=True)
    except DataError:
        return False
    total = np.asarray(money, dtype=np.float64) + np.abs(np.nan_to_num(credits, nan=0.0))
    return equal_column(df, [total], np.flatnonzero(rows), {amount, name}, source, None) is not None


def _refuse_bare_credits(df: pd.DataFrame, mapped: set[str], amount: str, source: str) -> None:
    """Refuse a bare credit column (:func:`bare_credit_columns`, not mapped) holding a number other than 0 beside the
    amount ``amount``, in a file with no debit column (a ledger's debit and credit sides are read by
    :mod:`.debit_sides`): a credit note taken off the sale (the revenue is the amount less it) or a payment received
    for it (the amount stands) cannot be told, naming the column, the rows and their values."""
    from .order_columns import name_words as _words
    from .values import parse_numbers

    if any("debit" in _words(c) for c in df.columns):
        return
    for name in bare_credit_columns(df.columns):
        if name in mapped or [str(c) for c in df.columns].count(name) != 1:
            continue
        column = df[name]
        try:
            numbers = parse_numbers(column, source, name, allow_blank=True)
        except DataError:
            continue  # words: not an amount
        nonzero = np.abs(np.nan_to_num(numbers, nan=0.0)) > _CENT
        if nonzero.any() and not _after_credits(df, amount, name, numbers, nonzero, source):
            problem = (
                f"credits beside {amount!r} that may be a credit note taken off the sale or a payment received for "
                f"it (whether {amount!r} keeps them cannot be told)"
            )
            advice = (
                f"map a column of the amount each sale kept ({columns_option([('amount', 'NAME')])}), or write "
                f"{amount!r} less its credit notes as the amount; or remove {name!r} if it holds payments received"
            )
            raise bad_rows(source, name, problem, np.flatnonzero(nonzero), column.to_numpy(), advice=advice)


def _numbers(df: pd.DataFrame, keys: frozenset[str], skip: str | None, source: str) -> tuple[str, np.ndarray] | None:
    """The first column of ``df`` named by ``keys`` (not ``skip``) and its numbers; None where there is none or it
    holds words."""
    from .names import keys_of
    from .values import parse_numbers

    for position, column in enumerate(df.columns):
        if str(column) != skip and keys_of(str(column)) & keys:
            try:
                return str(column), parse_numbers(df.iloc[:, position], source, str(column), allow_blank=True)
            except DataError:
                return None
    return None


def refuse_balance_credits(df: pd.DataFrame, names: dict[str, str], source: str) -> None:
    """Refuse credit notes after payment (:func:`given_back_columns`) beside a mapped amount other than the invoice's
    total (``amount_paid``, ``amount_due``) where the file shows a customer balance spent on an invoice, or cannot
    tell (no ``starting_balance`` and no ``total`` column): credited to the balance, the credit note is in a later
    invoice's lower amount already (see the module docstring).

    >>> frame = pd.DataFrame({"amount_paid": ["10000", "7000"], "total": ["10000", "10000"],
    ...                       "post_payment_credit_notes_amount": ["3000", "0"]})
    >>> refuse_balance_credits(frame, {"amount": "amount_paid"}, "inv.csv")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: inv.csv, column 'post_payment_credit_notes_amount': credit notes issued ...
    >>> refuse_balance_credits(frame, {"amount": "total"}, "inv.csv")
    >>> refuse_balance_credits(frame.assign(amount_paid="10000"), {"amount": "amount_paid"}, "inv.csv")
    """
    from .credit_invoices import TOTAL_KEYS
    from .names import keys_of

    amount = names.get("amount")
    if amount is None or keys_of(amount) & TOTAL_KEYS:
        return
    given = [c for c in given_back_columns(df.columns) if c not in set(names.values())]
    if not given:
        return
    position = [str(c) for c in df.columns].index(given[0])
    credits = _numbers(df.iloc[:, [position]], frozenset(keys_of(given[0])), None, source)
    if credits is None or not (credited := np.nan_to_num(credits[1], nan=0.0) > _CENT).any():
        return
    balance = _numbers(df, frozenset({"starting_balance"}), amount, source)
    total = _numbers(df, frozenset({"total"}), amount, source)
    shown = None
    if balance is not None and (spent := balance[1] < -_CENT).any():
        shown = f"{balance[0]!r} below 0: {df[balance[0]].to_numpy()[spent][0]!r}"
    elif total is not None and (mapped := _numbers(df, frozenset(keys_of(amount)), None, source)) is not None:
        before = _numbers(df, frozenset({"pre_payment_credit_notes_amount"}), amount, source)
        less = np.zeros(len(df)) if before is None else np.nan_to_num(before[1], nan=0.0)
        left = _numbers(df, frozenset({"amount_remaining"}), amount, source)  # unpaid yet: not a balance spent
        owed = np.zeros(len(df), dtype=bool) if left is None else np.nan_to_num(left[1], nan=0.0) > _CENT
        if (below := (mapped[1] > _CENT) & ~owed & (mapped[1] < total[1] - less - _CENT)).any():
            first = np.flatnonzero(below)[0]
            shown = f"{amount!r} {df[amount].iloc[first]!r} below {total[0]!r} {df[total[0]].iloc[first]!r}"
    elif balance is None and total is None:
        shown = "no 'total' or 'starting_balance' column to tell"
    if shown is None:
        return
    problem = (
        f"credit notes issued after payment beside the amount {amount!r}, where a customer balance may be spent on a "
        f"later invoice ({shown}): a credit note credited to the balance is in that invoice's lower {amount!r} "
        "already, and would be taken off twice"
    )
    advice = f"map {total[0]!r} as the amount" if total is not None else "export the invoices' total and map it"
    raise bad_rows(source, given[0], problem, np.flatnonzero(credited), df.iloc[:, position].to_numpy(), advice=advice)
