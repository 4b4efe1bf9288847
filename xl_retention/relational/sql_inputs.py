"""The input tables as ``xl-retention sql``'s queries read them (:func:`_inputs`), each read as ``xl-retention
import`` reads a file: a NULL where a value is read stops the query naming it (:func:`_without_nulls`), dates after the
current month or placeholders of a missing date stop it, scores as the import reads them (:func:`_scored`: -99 no
answer, another outside 0-10 or not whole stops it, as do answers of another scale), segments labelled as the import
labels them (:func:`_labelled`: one typed two ways stops it); :func:`spellings_query` lists those typed two ways.
"""

from __future__ import annotations

from collections.abc import Sequence

import ibis
import ibis.expr.types as ir

from ..errors import RetentionInputError
from . import definitions as d
from .sql_folding import NO_CASEFOLD, folded
from .sql_salesforce import one_salesforce_id
from .sql_stops import (
    STOP,
    answers_once,
    months_without_times,
    not_a_missing_date,
    not_after_this_month,
    one_row_per_customer_month,
    one_spelling,
    orders_once,
    without_missing_months,
    without_negative_mrr,
)
from .sql_stops import stop as _stop
from .sql_written_ids import as_written, email_lowered, email_parts, placeholder_email, trimmed_id

__all__ = ["SPELLINGS", "spellings_query"]


#: The columns of each input table the SQL reads (and ``segment`` with ``--segment``).
_RAW: dict[str, dict[str, str]] = {
    "subscriptions": {"customer_id": "string", "month": "date", "mrr": "float64"},
    "orders": {"customer_id": "string", "date": "timestamp", "amount": "float64"},
    "visits": {"visitor_id": "string", "date": "timestamp"},
    "answers": {"date": "timestamp", "score": "float64"},
}


#: Dialects without regular expressions in Ibis (SQLite's are Python functions Ibis registers on its own connection,
#: _IBIS_REGEX_SEARCH and _IBIS_REGEX_REPLACE, which the printed SQL cannot call: H385's finding 01)
_NO_REGEX = frozenset({"mysql", "mssql", "sqlite"})
#: The words a query stops with where one segment is typed two ways (as ``xl-retention import`` refuses them:
#: :mod:`xl_retention.reading.segment_spellings`); the two spellings follow, then :data:`_SPELLINGS_END`.
SPELLINGS = STOP + "segment values that differ only in capitals, spaces, apostrophes or hyphens ("
_SPELLINGS_END = ": one segment typed two ways?): write each segment's value one way"


def _is_code(label: ir.StringValue, regex: bool = True) -> ir.BooleanValue:
    """Whether ``label`` is a currency's code as the import takes it (:data:`.segments.CODE`: three letters A-Z or
    a-z); compared letter by letter where the dialect has no regular expressions (the segment is read by code point
    there: :data:`.sql_rewrite.CODE_POINT_COLLATIONS`)."""
    from .segments import CODE

    if regex:
        return label.re_search(f"^{CODE}$")
    letters = [label.substr(i, 1) for i in range(3)]
    ascii_letter = [((c >= "A") & (c <= "Z")) | ((c >= "a") & (c <= "z")) for c in letters]
    return (label.length() == 3) & ibis.and_(*ascii_letter)


def _labels(table: ir.Table, regex: bool = True, currency: bool = False) -> ir.Table:
    """``table`` with its ``segment`` as ``xl-retention import`` labels it (docs/metrics.md, "Segments"): spaces at
    either end dropped, a blank ``(blank)``; ``currency`` (the segment column is named as currencies: ``--segment
    currency``): every code upper case (``usd`` and ``USD`` are USD), as
    :func:`.segments.segment_labels` does. ``regex``: the dialect has regular expressions (Spark's TRIM of ibis'
    ``strip`` takes 'v' and 'f' as spaces: :func:`.refusals.trimmed`; MySQL and SQL Server have none, their TRIM is
    right)."""
    from .refusals import trimmed

    label = (trimmed(table.segment) if regex else table.segment.strip()).nullif("")
    rows = table.mutate(segment=label.isnull().ifelse(ibis.literal(d.BLANK_SEGMENT), label))
    if currency:
        rows = rows.mutate(
            segment=_is_code(rows.segment, regex).ifelse(rows.segment.upper(), _coded(rows.segment, regex))
        )
    return rows


def _currency_spellings() -> dict[str, tuple[list[str], list[str]]]:
    """Each currency's code -> (its symbols as written, its symbols and names in upper case), as
    :func:`xl_retention.reading.currency.code_of` reads them (``€``, ``Euro``, ``euros``: EUR; a bare ``$``, which
    several currencies write, is none's).

    >>> _currency_spellings()["EUR"]
    (['€'], ['€', 'EURO', 'EUROS'])
    """
    import re

    from ..reading.currency import _NAMES, _SYMBOLS, code_of

    out: dict[str, tuple[list[str], list[str]]] = {}
    for written in (*_SYMBOLS, *_NAMES):
        code = code_of(written)
        if re.fullmatch(r"[A-Z]{3}", code) and code != written.upper():
            raw, upper = out.setdefault(code, ([], []))
            if written in _SYMBOLS and written not in raw:
                raw.append(written)
            if written.upper() not in upper:
                upper.append(written.upper())
    return out


def _coded(label: ir.StringValue, regex: bool = True) -> ir.StringValue:
    """``label`` (a currency column's value, not a code) as its currency's code where it is one's symbol or name
    (``€``, ``Euro``: EUR), as the tables read it (:func:`xl_retention.reading.currency.code_of`; H400's task 3):
    ``EUR`` and ``€`` are one segment, EUR, not two (``--segment currency=EUR``'s rows would leave out those written
    ``€``). Its symbol as written or in upper case (a database's UPPER of ``zł`` may keep ``ł``), a name's spaces
    taken as one where the dialect has regular expressions; anything else as it is."""
    upper = label.upper()
    spaced = upper.re_replace(r"\s+", " ") if regex else upper
    cases = [(label.isin(raw) | spaced.isin(names), ibis.literal(code))
             for code, (raw, names) in _currency_spellings().items()]  # fmt: skip
    return ibis.cases(*cases, else_=label)


def _spellings(rows: ir.Table, regex: bool = True, casefold: bool = True) -> ir.Table:
    """The segment values of ``rows`` (:func:`_labels`) typed two ways: ``__s``, one of them, with ``__a``, ``__b``
    (the smallest and largest of those that fold alike: :func:`.sql_folding.folded`, of the distinct values)."""
    spelled = rows.select(__s=rows.segment).distinct()
    spelled = spelled.mutate(__key=folded(spelled.__s, regex, casefold))
    twice = spelled.group_by("__key").aggregate(__a=spelled.__s.min(), __b=spelled.__s.max())
    twice = twice.filter(twice.__a != twice.__b)
    return spelled.join(twice, "__key").select("__s", "__a", "__b")


def _labelled(table: ir.Table, regex: bool = True, currency: bool = False, casefold: bool = True) -> ir.Table:
    """``table`` with its ``segment`` labelled (:func:`_labels`); where two of its values differ only in capitals,
    spaces, apostrophes or hyphens (``EMEA`` and ``emea``), the query stops with an error naming both: the label
    becomes :data:`SPELLINGS` and them cast to a number, which the databases refuse (``Could not convert string
    ...``; where the cast is no error, :func:`.sql_rewrite._raising` writes another stop)."""
    rows = _labels(table, regex, currency)
    twice = _spellings(rows, regex, casefold)
    joined = rows.left_join(twice, rows.segment == twice.__s)
    both = ibis.literal(SPELLINGS + "'") + joined.__a + ibis.literal("' and '") + joined.__b
    stop = _stop(both + ibis.literal("'" + _SPELLINGS_END), "string")
    return joined.mutate(segment=joined.__a.isnull().ifelse(joined.segment, stop)).select(*table.columns)


#: Each input's columns where a NULL stops the query (xl-retention import refuses a blank there) and what it would
#: read as; the column the stop stands in (one every row's filter reads: a row is never filtered out before it), and
#: the column that names the row.
_NULLS: dict[str, tuple[str, str, dict[str, str]]] = {
    "subscriptions": ("mrr", "customer_id", {"customer_id": "a row of no one", "month": "a row of no month",
                                             "mrr": "no MRR: a customer lost"}),
    "orders": ("amount", "customer_id", {"customer_id": "an order of no one", "date": "an order of no month",
                                         "amount": "no order"}),
    "visits": ("visitor_id", "visitor_id", {"visitor_id": "a visit of no one", "date": "a visit of no month"}),
    "answers": ("score", "score", {"date": "an answer of no month"}),
}  # fmt: skip


def _without_nulls(table: ir.Table, name: str, spaces: bool = False, regex: bool = True) -> ir.Table:
    """``table`` (the input ``name``) whose rows with a NULL where the SQL reads a value (:data:`_NULLS`) stop the
    query, naming the input, the column and the row's id: a NULL MRR would be a churn, a NULL amount no order,
    silently, where the import refuses a blank. ``spaces``: the ids are read as written
    (:func:`.sql_written_ids.as_written`), where an id of '' or spaces stops the query too (``regex``: trimmed by
    regular expressions)."""

    target, who, columns = _NULLS[name]
    value = table[target]
    for column, reads in reversed(columns.items()):
        # an id is read stripped, blank as NULL (sql_ids.visible_id): '' or '   ' is no NULL to look for, and the
        # row's id names nothing there; its date names the row (as the import's refusal does)
        blank = column in ("customer_id", "visitor_id")
        named = ("month" if name == "subscriptions" else "date") if blank else who
        said = "blank or NULL" if blank else "NULL"
        message = (
            ibis.literal(
                f"{STOP}{name}.{column} is {said} in a row (read as {reads}, where xl-retention import refuses a "
                f"blank): fill or remove it (the row's {named}: "
            )
            + table[named].cast("string").fill_null("NULL")
            + ibis.literal(")")
        )
        missing = table[column].isnull()
        if blank and spaces:
            missing |= (trimmed_id(table[column], regex) == "").fill_null(False)
        value = missing.ifelse(_stop(message, str(table.schema()[target])), value)
    return table.mutate(**{target: value})


def _ids_of_someone(table: ir.Table, name: str, regex: bool = True) -> ir.Table:
    """``table`` (the input ``name``, its ids read as written: :func:`.sql_written_ids.as_written`) whose rows with
    an id that stands for no one stop the query naming it, as :func:`.sql_ids.no_one_stop` does where ids are read
    as the import reads them: a guest's word (:data:`~xl_retention.reading.values.NO_ONE`'s words, not its
    numbers: a typed integer column's 0 may be an id) or a till's placeholder e-mail
    (:data:`~xl_retention.reading.no_one_ids.PLACEHOLDER_EMAIL`: :func:`.sql_written_ids.placeholder_email`),
    spaces at either end aside; ``regex``: the dialect has regular expressions. Spark's, Snowflake's, BigQuery's,
    Trino's, ... SQL counted '' as a customer, '(not set)' and noemail@example.com as one who stays (H471, H479)."""
    from ..reading.values import NO_ONE
    from .sql_ids import no_one_words

    target, who, _ = _NULLS[name]
    words = sorted(w for w in NO_ONE if not w.lstrip("-").isdigit())
    # the id trimmed, in lower case (and its parts about the @, without regular expressions) columns of a subquery (a
    # view: Ibis merges two selects into one), which the tests below read: inlined, MySQL's SQL wrote its six TRIMs
    # some 50 times in each test (1.7 MB of SQL)
    rows = table.mutate(__read=trimmed_id(table[who], regex)).mutate(__lowered=ibis._.__read.lower()).view()
    parts = None
    if not regex:
        rows = rows.mutate(**email_parts(rows.__lowered)).view()
        parts = {k: rows[k] for k in email_parts(rows.__lowered)}
    read, lowered = rows.__read, rows.__lowered
    value = rows[target]
    for found, said in reversed(list(zip((lowered.isin(words), placeholder_email(lowered, regex, parts)),
                                         no_one_words(who), strict=True))):  # fmt: skip
        message = (
            ibis.literal(f"{STOP}{name}.{who} is '")
            + read
            + ibis.literal(f"' in a row, an id that stands for no one ({said}")
        )
        value = found.fill_null(False).ifelse(_stop(message, str(table.schema()[target])), value)
    return rows.mutate(**{target: value}).select(*table.columns)


def _scored(table: ir.Table) -> ir.Table:
    """The ``answers`` ``table`` with each score as ``xl-retention import --nps`` reads it: -99 (Qualtrics' code of a
    question seen but unanswered, :data:`~xl_retention.reading.scores.UNANSWERED`) no answer (NULL, not counted); any
    other score outside 0-10 or not whole stops the query naming it (the import refuses it: counted, -99 was a
    detractor and 11 a promoter, silently)."""
    from ..reading.scores import UNANSWERED

    score = d.whole_score(table.score)  # 3.0000000000000004 is 3, as the import reads it (at 15 digits)
    wrong = (score < 0) | (score > 10) | (score != score.round())
    message = (
        ibis.literal(f"{STOP}answers.score is ")
        + score.cast("string")
        + ibis.literal(
            " in a row (outside 0-10 or not whole, where xl-retention import refuses it; NULL or -99 is no answer): "
            "correct or remove it"
        )
    )
    read = (score == UNANSWERED).ifelse(ibis.null("float64"), wrong.ifelse(_stop(message, "float64"), score))
    return _on_the_nps_scale(table.mutate(score=read))


def _on_the_nps_scale(table: ir.Table) -> ir.Table:
    """The ``answers`` ``table`` whose scores stop the query where at least
    :data:`~xl_retention.score_scales.SCALE_ANSWERS` of them, none above 7, are another question's (a 1-5 CSAT, a 1-7
    CES), as ``xl-retention import`` refuses them (:func:`~xl_retention.reading.scores.check_scale`, whose words the
    stop repeats): read as NPS, every answer of a 1-5 question is a detractor (NPS -100), and a 1-7 question's 7s are
    passives, none a promoter (:func:`~xl_retention.score_scales.as_nps`), silently."""
    from ..score_scales import SCALE_ANSWERS, SCALE_TOP, as_nps

    found = table.aggregate(__top=table.score.max(), __answered=table.score.count())
    rows = table.cross_join(found)
    other = (rows.__answered >= SCALE_ANSWERS) & (rows.__top <= SCALE_TOP)
    top = rows.__top.cast("int64").cast("string")
    as_read = (rows.__top >= 7).ifelse(ibis.literal(as_nps(7)), ibis.literal(as_nps(0)))  # a 7: a passive
    message = (
        ibis.literal(f"{STOP}answers.score has no answer above ")
        + top
        + ibis.literal(" in ")
        + rows.__answered.cast("string")
        + ibis.literal(": the answers of a 1-")
        + top
        + ibis.literal(
            " scale (a satisfaction or effort question), not of NPS's 0-10 'How likely are you to recommend ...?' "
            "(read as NPS, "
        )
        + as_read
        + ibis.literal("), where xl-retention import refuses them")
    )
    score = other.ifelse(_stop(message, "float64"), rows.score)
    return rows.mutate(score=score).select(*table.columns)


def _raw(name: str, column: str | None) -> ir.Table:
    """The input table ``name`` as the SQL reads it, with the segment column ``column`` (None: none) as
    ``segment``."""
    if column is None:
        return ibis.table(_RAW[name], name=name)
    table = ibis.table({**_RAW[name], column: "string"}, name=name)
    return table if column == "segment" else table.rename(segment=column)


def _segment_column(segment: bool | str | None) -> str | None:
    """The input tables' segment column of ``segment`` (True: ``segment``; a name; False or None: no segment)."""
    if segment is None or segment is False:
        return None
    column = "segment" if segment is True else str(segment).strip()
    if not column:  # an unset shell variable, `--segment "$SEG"`: no name, not a clash with the SQL's columns (H490)
        raise RetentionInputError(
            f"--segment needs a column name, got {str(segment)!r}; --segment alone reads the column segment",
            "segment",
            column,
        )
    taken = sorted({c for columns in _RAW.values() for c in columns})
    if column in taken:
        raise RetentionInputError(
            f"--segment {segment}: the segment column cannot be one of the columns the SQL reads ({', '.join(taken)})",
            "segment",
            column,
        )
    return column


def _inputs(segment: bool | str | None, engine: str | None = None) -> dict[str, ir.Table]:
    column = _segment_column(segment)
    spaces, regex = as_written(engine), engine not in _NO_REGEX
    subs, orders, visits, answers = (_without_nulls(_raw(n, column), n, spaces, regex) for n in _RAW)
    if spaces:
        subs, orders, visits = (_ids_of_someone(t, n, regex) for t, n in ((subs, "subscriptions"), (orders, "orders"),
                                                                           (visits, "visits")))  # fmt: skip
    # an e-mail's capitals are one address, as the import reads them (DuckDB's SQL stopped on 'Ann@Example.com'
    # beside 'ann@example.com' as typed two ways; the others counted two customers): H479
    subs, orders, visits = (t.mutate(**{w: email_lowered(t[w])}) for t, w in ((subs, "customer_id"), (orders,
                            "customer_id"), (visits, "visitor_id")))  # fmt: skip
    if not spaces:  # Salesforce's 18-character ids beside their 15-character form: that id, as the import reads them
        subs, orders = one_salesforce_id(subs), one_salesforce_id(orders)
    subs, orders, visits, answers = (
        not_after_this_month(t, n, "month" if n == "subscriptions" else "date", *_NULLS[n][:2])
        for t, n in zip((subs, orders, visits, answers), _RAW, strict=True)
    )
    subs, orders, visits, answers = (
        not_a_missing_date(t, n, "month" if n == "subscriptions" else "date", *_NULLS[n][:2])
        for t, n in zip((subs, orders, visits, answers), _RAW, strict=True)
    )
    subs = months_without_times(without_negative_mrr(subs), text_dates=engine == "sqlite")
    casefold = engine not in NO_CASEFOLD
    subs, orders = (
        one_spelling(subs, "subscriptions", "customer_id", regex, casefold, spaces),
        one_spelling(orders, "orders", "customer_id", regex, casefold, spaces),
    )
    visits = one_spelling(visits, "visits", "visitor_id", regex, casefold, spaces)
    answers = _scored(answers)
    if column is not None:
        from ..reading.currency import named_currency

        regex, currency = engine not in _NO_REGEX, named_currency(column)
        subs, orders, visits, answers = (
            _labelled(t, regex, currency, casefold) for t in (subs, orders, visits, answers)
        )
    orders = orders_once(orders, text_dates=engine == "sqlite")
    answers = answers_once(answers, text_dates=engine == "sqlite")
    keep = ["segment"] if column is not None else []
    return {
        "subscriptions": without_missing_months(
            one_row_per_customer_month(subs.select("customer_id", *keep, m=d.month_ordinal(subs.month), mrr=subs.mrr))
        ),
        "orders": orders.select(
            "customer_id", *keep, m=d.month_ordinal(orders.date), t=orders.date, amount=orders.amount
        ),  # fmt: skip
        "visits": visits.select("visitor_id", *keep, m=d.month_ordinal(visits.date), t=visits.date),
        "answers": answers.select(*keep, m=d.month_ordinal(answers.date), score=answers.score),
    }


def spellings_query(inputs: Sequence[str], segment: bool | str = True, engine: str | None = None) -> ir.Table:
    """The segment values of each input of ``inputs`` (``subscriptions``, ...) typed two ways: one row per pair
    (``input``, ``first``, ``second``), none where every segment is typed one way. For the dialects where a query
    cannot stop with a message naming them (MySQL: :func:`.sql_rewrite._raising`)."""
    column = _segment_column(segment) or "segment"
    from ..reading.currency import named_currency

    regex = engine not in _NO_REGEX
    parts = []
    for name in inputs:
        labels = _labels(_raw(name, column), regex, named_currency(column))
        twice = _spellings(labels, regex, engine not in NO_CASEFOLD)
        twice = twice.select("__a", "__b").distinct()
        parts.append(twice.select(input=ibis.literal(name), first=twice.__a, second=twice.__b))
    found = parts[0] if len(parts) == 1 else ibis.union(*parts, distinct=False)
    return found.order_by(["input", "first"])
