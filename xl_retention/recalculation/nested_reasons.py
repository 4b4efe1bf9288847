"""One xl-retention formula inside another: the outer one's error argument given the inner one's reason.

``=CUSTOMER_LIFETIME(CHURN_RATE(A1,B1,C1))`` with C1 = 0: CHURN_RATE gives ``#DIV/0!`` ("customers_start is 0"),
CUSTOMER_LIFETIME ``#VALUE!`` ("churn_rate is the error value #DIV/0!"), as docs/metrics.md's "an error cell as input"
says (``#VALUE!``, as the same call through a cell, ``=CUSTOMER_LIFETIME(E4)``, gives). Both messages were heard
when the cell was evaluated again for its reason, but the first, the inner one's, was the cell's, and its code
(``#DIV/0!``) is not the cell's (``#VALUE!``): the reason was left empty (H267's finding 05). :func:`outer_reason`
finds the outer message that took the inner one's error; :func:`with_cause` writes the two as one, as a reason
passed on through a cell reads: "CUSTOMER_LIFETIME: churn_rate is the error value #DIV/0!, because CHURN_RATE:
customers_start is 0 in S!C1 (no customers at the start): the ratio is undefined (#VALUE!)".
"""

from __future__ import annotations

import re

__all__ = ["outer_reason", "with_cause"]

#: a registry function's own message of an error argument: "CLV: churn_rate is the error value #DIV/0! (#VALUE!)"
_OUTER = re.compile(
    r"^(?P<head>[A-Z_][A-Z0-9_.]*: \w+ is the error value (?P<error>#[A-Z0-9/!?]+)) \((?P<code>#[A-Z0-9/!?]+)\)$"
)


def _code(reason: str) -> str:
    return reason.rpartition(" (")[2].removesuffix(")")


def outer_reason(heard: list[str], chosen: str) -> str | None:
    """The last message of ``heard`` (a cell's, in the order heard) after ``chosen`` (the inner reason) of a function
    given ``chosen``'s error as an argument and giving another error; None where there is none.

    >>> outer_reason(["CHURN_RATE: customers_start is 0 (#DIV/0!)", "CLV: churn_rate is the error value #DIV/0! "
    ...               "(#VALUE!)"], "CHURN_RATE: customers_start is 0 (#DIV/0!)")
    'CLV: churn_rate is the error value #DIV/0! (#VALUE!)'
    >>> outer_reason(["CRR: got 'x' (#VALUE!)", "CLV: churn_rate is the error value #VALUE! (#VALUE!)"],
    ...              "CRR: got 'x' (#VALUE!)") is None
    True
    """
    code = _code(chosen)
    found = None
    for reason in heard[heard.index(chosen) + 1 :] if chosen in heard else ():
        match = _OUTER.match(reason)
        if match is not None and match["error"] == code and match["code"] != code:
            found = reason
    return found


def with_cause(outer: str, cause: str) -> str:
    """``outer`` ("F: x is the error value #DIV/0! (#VALUE!)") with ``cause`` (the inner function's reason, its cell
    named) after it: "F: x is the error value #DIV/0!, because G: ... (#VALUE!)".

    >>> with_cause("CLV: churn_rate is the error value #DIV/0! (#VALUE!)", "CHURN_RATE: customers_start is 0 (#DIV/0!)")
    'CLV: churn_rate is the error value #DIV/0!, because CHURN_RATE: customers_start is 0 (#VALUE!)'
    """
    match = _OUTER.match(outer)
    if match is None:
        return outer
    return f"{match['head']}, because {cause.removesuffix(f' ({_code(cause)})')} ({match['code']})"
