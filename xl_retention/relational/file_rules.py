"""The rules a file's values are refused by (:func:`xl_retention.reading.prepare`), applied to an engine's typed table.

A database table (DuckDB, PostgreSQL, Spark) whose columns are typed stays in its engine
(:func:`.typed_tables.from_table`); docs/metrics.md states every refusal for every engine, so each rule of the file
path that looks at values is listed once here, in :data:`FILE_RULES`, with the input kinds it applies to and how it
is asked of a typed table:

* ``"ids"`` rules are asked of the table's DISTINCT ids (one query; most tables' machine ids are passed over by a
  filter in the engine first) by the file path's own function, and add a check naming the ids found
  (:func:`id_checks`): ``ACME GmbH`` beside ``Acme GmbH``, ``noemail@example.com``;
* ``"read"`` rules are asked by the column names and a few distinct values or counts (one query or two); where the
  rule may refuse, the table is read as a file's (:func:`read_as_file`), so that the file path's rule decides and
  names the rows as for a CSV file.

A rule added to the file path is added here too; tests/test_relational_file_rules.py builds a table for each entry
and checks that DuckDB refuses it, and that every refusal :func:`~xl_retention.reading.prepare` calls is listed
(here, or among those the engine's own checks mirror).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import ibis
import ibis.expr.types as ir
import pandas as pd

from ..reading import DataError, key
from .backends import computed_once
from .refusals import ROW, _stripped, trimmed

__all__ = ["FILE_RULES", "FileRule", "Typed", "id_checks", "read_as_file"]


@dataclass
class Typed:
    """A typed table on its engine as :func:`.typed_tables.from_table` has it: ``names`` ours -> the table's columns."""

    con: Any
    table: ir.Table
    kind: str
    names: dict[str, str]
    source: str
    billing: bool = False
    segment: str | None = None
    columns: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.columns = [c for c in self.table.columns if c != ROW]

    def text(self, column: str) -> bool:
        return self.table.schema()[column].is_string()

    def distinct(self, value: ir.Value, limit: int | None = None) -> list[Any]:
        """The distinct non-null values of ``value`` (an expression over one table), at most ``limit``."""
        query = value.name("v").as_table()
        query = query.filter(query.v.notnull()).distinct()
        return self.con.execute(query.limit(limit) if limit else query)["v"].tolist()

    def any(self, condition: ir.BooleanValue) -> bool:
        return int(self.con.execute(self.table.aggregate(n=condition.ifelse(1, 0).sum()))["n"].iloc[0] or 0) > 0


@dataclass(frozen=True)
class FileRule:
    """One rule of the file path (``rule``: the reading function) as asked of a typed table of ``kinds``."""

    rule: str
    kinds: frozenset[str]
    stage: str  # "ids": ask(distinct ids, what) -> (values, problem, advice) or None; "read": ask(typed) -> bool
    ask: Callable[..., Any]
    first: bool = False  # an "ids" rule the file path asks before any value is read (blanks come after it)


# -- the rules on ids -------------------------------------------------------------------------------------------------
# Each is asked of ``typed.table``: the DISTINCT ids (one column ``v``, a temporary table on DuckDB and PostgreSQL),
# filtered in the engine to the few that may break the rule, which the file path's own function then decides on.
def _lookalike_ids(typed: Typed, what: str) -> tuple[list[Any], str, str] | None:
    """:func:`~xl_retention.reading.lookalike_ids.refuse_lookalike_ids`: the ids that are one in lower case (the
    engine's grouping) and those with a character outside printable ASCII, two spaces running or a backtick, whose
    fold only Python reads; then any id whose lower case is what one of the latter folds to (``O’Neil`` beside
    ``O'Neil``, ``Straße`` beside ``STRASSE``)."""
    from ..reading.lookalike_ids import folded, lookalike_advice, lookalike_problem, lookalike_spellings

    d = typed.table
    lower = d.v.lower()
    twins = d.group_by(k=lower).aggregate(n=d.count()).filter(lambda g: g.n > 1).select("k")
    found = set(typed.distinct(d.filter(lower.isin(twins.k) | d.v.re_search(_SPECIAL)).v))
    odd = sorted({folded(v) for v in found if isinstance(v, str) and _special(v)})
    for start in range(0, len(odd), 1_000):  # what they fold to, written otherwise
        found |= set(typed.distinct(d.filter(lower.isin(odd[start : start + 1_000])).v))
    spellings = lookalike_spellings(sorted(found, key=str)) if found else []  # code-point order on every engine
    return (spellings, lookalike_problem(what, spellings), lookalike_advice(what)) if spellings else None


#: Ids whose fold (:func:`~xl_retention.reading.lookalike_ids.folded`) may differ from their lower case.
_SPECIAL = "[^ -~]|  |`"


def _special(text: str) -> bool:
    return not (text.isascii() and text.isprintable()) or "  " in text or "`" in text


#: The beginnings of the no one's words of :data:`~xl_retention.reading.no_one_ids.PLACEHOLDER_EMAIL` before an
#: ``@`` (n: no, none, na, null, nil, ...) and after it: the engine's filter, a superset.
_NO_ONE_EMAIL = (
    r"^(n|unknown|walk|guest|anon|do|dummy|placeholder|fake|kein|gast|laufkunde|sans|pas|sin|invit|x)[^@]*@"
    r"|@(no|invalid|unknown|fake)"
)


def _placeholder_emails(typed: Typed, what: str) -> tuple[list[Any], str, str] | None:
    """:func:`~xl_retention.reading.no_one_ids.refuse_placeholder_emails`: asked of the distinct ids holding an @
    whose part before or after it begins as a word of no one (the engine's filter, :data:`_NO_ONE_EMAIL`)."""
    from ..reading.no_one_ids import placeholder_advice, placeholder_emails, placeholder_problem

    d = typed.table
    asked = d.filter(d.v.contains("@") & d.v.lower().re_search(_NO_ONE_EMAIL)).v
    found = placeholder_emails(typed.distinct(asked))
    return (sorted(found), placeholder_problem(what), placeholder_advice(what)) if found else None


def _subtotal_ids(typed: Typed, what: str) -> tuple[list[Any], str, str] | None:
    """:func:`~xl_retention.reading.summaries.refuse_subtotal_ids` (before the values are read, in every kind of
    file): asked of the distinct ids holding a total's word (``tota``, ``sum``, ``somme``, ``gesamt`` in any case:
    every word of its patterns holds one); its own refusal of them gives the labels and the problem."""
    from ..reading.summaries import SUBTOTAL_ADVICE, refuse_subtotal_ids

    d = typed.table
    lower = d.v.lower()
    candidates = sorted(typed.distinct(d.filter(ibis.or_(*(lower.contains(w) for w in _TOTAL_WORDS))).v), key=str)

    def refused(values: list[Any]) -> DataError | None:
        try:
            refuse_subtotal_ids(pd.Series(values, dtype=object), "", "v")
        except DataError as error:
            return error
        return None

    error = refused(candidates)
    if error is None:
        return None
    labels = [c for c in candidates if refused([c]) is not None]  # the few candidates, each asked
    return labels, str(error).split("column 'v': ", 1)[1].rsplit(" in row", 1)[0], SUBTOTAL_ADVICE


_TOTAL_WORDS = ("tota", "sum", "somme", "gesamt")


#: (column, problem, condition, shown column, advice: what to do, after the rows)
Check = tuple[str, str, ir.BooleanValue, str, str]


def id_checks(typed: Typed, shaped: ir.Table) -> tuple[list[Check], list[Check]]:
    """The checks (column, problem, condition over ``shaped``, shown column) of the ``"ids"`` rules of
    :data:`FILE_RULES` on the customer or visitor ids of ``shaped`` (:func:`.input_shape.shape`'s table: ids stripped,
    e-mails in lower case, as the file path reads them), each asked of the distinct ids (computed once); text ids
    only (a typed integer id has no spelling). Those of the rules asked ``first`` (before the blanks), then the
    others."""
    checks: tuple[list[Check], list[Check]] = ([], [])
    rules = [rule for rule in FILE_RULES if rule.stage == "ids" and typed.kind in rule.kinds]
    for who, what in (("customer_id", "customer ids"), ("visitor_id", "visitor ids")):
        if not rules or who not in shaped.columns or who not in typed.names or not typed.text(typed.names[who]):
            continue
        ids = shaped[who].cast("string")
        with computed_once(typed.con, shaped.select(v=ids).filter(ids.notnull()).distinct()) as d:
            asked = Typed(typed.con, d, typed.kind, typed.names, typed.source)
            for rule in rules:
                found = rule.ask(asked, what)
                if found:
                    values, problem, advice = found
                    checks[0 if rule.first else 1].append((typed.names[who], problem, ids.isin(values), who, advice))
    return checks


# -- the rules read as a file's where they may refuse -----------------------------------------------------------------
def _customer_lists(typed: Typed) -> bool:
    """:func:`~xl_retention.reading.customer_lists.refuse_customer_lists`: a column named as a count of orders or
    visits, of counts with one above 1, where each id is on one row."""
    from ..reading.customer_lists import count_columns, says_counts

    who = typed.names.get("customer_id" if typed.kind == "orders" else "visitor_id")
    counted = count_columns(typed.columns, typed.names, typed.kind)
    if who is None or "date" not in typed.names or not counted:
        return False
    t = typed.table
    found = typed.con.execute(t.aggregate(n=t.count(), ids=t[who].count(), distinct=t[who].nunique())).iloc[0]
    if int(found["n"]) < 2 or int(found["ids"]) != int(found["distinct"]):
        return False
    return any(says_counts(typed.distinct(t[c], 10_001)) for c in counted)


def _plan_currencies(typed: Typed) -> bool:
    """:func:`~xl_retention.reading.plan_currencies.check_plan_currencies` asked of the distinct values of the plan
    columns that hold a major currency's code as a word (the engine filters them)."""
    from ..reading.currency_names import MAJOR_CODES, named_currency
    from ..reading.plan_currencies import check_plan_currencies, plan_columns

    planned = [c for c in plan_columns(typed.columns, typed.names, typed.segment) if typed.text(c)]
    if not planned:
        return False
    codes = "|".join(sorted(code.lower() for code in MAJOR_CODES))
    said = {}
    for c in planned:
        text = typed.table[c]
        said[c] = typed.distinct(
            text.lower().re_search(f"(^|[^a-z])({codes})([^a-z]|$)").ifelse(text, ibis.null("string")), 1_000
        )
    for c in typed.columns:  # a currency column's codes, or numbers (a currency_rate: no currency column)
        if named_currency(c) and c not in said:
            said[c] = typed.distinct(typed.table[c], 100)
    size = max(map(len, said.values()))
    frame = pd.DataFrame({c: pd.Series(said.get(c, []) + [None] * (size - len(said.get(c, []))),
                                       dtype=None if c in said and not typed.text(c) else object)
                          for c in typed.columns})  # fmt: skip
    try:
        check_plan_currencies(frame, typed.source, typed.names, typed.segment)
    except DataError:
        return True
    return False


def _payments_as_months(typed: Typed) -> bool:
    """:func:`~xl_retention.reading.payment_logs.refuse_payments_as_months`: the money column named as a payment's
    amount, or an id column of Stripe's invoice or charge ids only."""
    from ..reading.payment_logs import PAID_AMOUNTS, PAYMENT_IDS, payment_id_columns

    money = typed.names.get("mrr", typed.names.get("amount"))
    if money is None:
        return False
    if key(money) in PAID_AMOUNTS:
        return True
    t = typed.table
    for c in payment_id_columns(typed.columns):
        text = _stripped(t[c].cast("string")).nullif("")
        paid = ibis.or_(*(text.startswith(p) for p in PAYMENT_IDS))
        found = typed.con.execute(t.aggregate(n=text.count(), paid=paid.ifelse(1, 0).sum())).iloc[0]
        if int(found["n"]) and int(found["paid"] or 0) == int(found["n"]):
            return True
    return False


def _interval_months(typed: Typed) -> ir.FloatingValue | None:
    """Each row's months per billing interval (the interval spellings read by reading.billing's rule, times the
    interval count), None where the table has no interval."""
    from ..reading.billing import interval_in_text, interval_months

    if "interval" not in typed.names:
        return None
    spelled = typed.table[typed.names["interval"]].cast("string")
    found = {v: interval_months(v) or interval_in_text(v) for v in typed.distinct(spelled, 10_000)}
    readable = {v: float(m) for v, m in found.items() if m is not None}
    if not readable:
        return None
    months = spelled.substitute(readable, else_=ibis.null("float64")).cast("float64")
    if "interval_count" in typed.names:
        months = months * typed.table[typed.names["interval_count"]].cast("float64")
    return months


def _payment_log(typed: Typed) -> bool:
    """:func:`~xl_retention.reading.payment_logs.refuse_payment_log`: a billing snapshots row of 2 months or more
    whose customer has no row the month before nor after, before the table's last month."""
    from .definitions import month_ordinal

    months = _interval_months(typed)
    if months is None or not typed.table.schema()[typed.names["month"]].is_temporal():
        return False
    t = typed.table
    rows = t.select(c=t[typed.names["customer_id"]], m=month_ordinal(t[typed.names["month"]]), k=months)
    per = rows.filter(rows.c.notnull() & rows.m.notnull()).group_by(["c", "m"])
    per = per.aggregate(several=(rows.k >= 2 - 1e-9).ifelse(1, 0).max())  # a customer's month: one row (a window)
    near = ibis.window(group_by=per.c, order_by=per.m)
    per = per.mutate(before=per.m.lag().over(near), after=per.m.lead().over(near), last=per.m.max().over())
    alone = (per.several == 1) & (per.m < per["last"]) & (per.before.isnull() | (per.before != per.m - 1))
    several = per.filter(alone & (per.after.isnull() | (per.after != per.m + 1)))
    return int(typed.con.execute(several.count())) > 0


def _open_renewals(typed: Typed) -> bool:
    """:func:`~xl_retention.reading.payment_logs.refuse_open_renewals`: a billing intervals table without an end
    where one customer's open rows of one interval start the interval apart (within 4 days)."""
    months = _interval_months(typed)
    if months is None or "end" in typed.names or not typed.table.schema()[typed.names["start"]].is_temporal():
        return False
    t = typed.table
    rows = t.select(c=t[typed.names["customer_id"]], k=months,
                    s=t[typed.names["start"]].cast("timestamp").epoch_seconds().cast("float64"))  # fmt: skip
    rows = rows.filter(rows.s.notnull() & rows.k.notnull())
    rows = rows.mutate(b=rows.s.lag().over(group_by=[rows.c, rows.k], order_by=rows.s))
    apart = ((rows.s - rows.b) / 86_400 - rows.k * 30.4375).abs() <= 4
    return int(typed.con.execute(rows.filter(rows.b.notnull() & apart).count())) > 0


def _tax_included(typed: Typed) -> bool:
    """:func:`~xl_retention.reading.tax_flags.refuse_tax_included` by its values: a column not read (under any name:
    'Type', 'Kind') that says ``Inclusive``, ``incl. tax``, or Paddle's ``internal`` under a tax's name. (Names that
    may say it are read as a file's already: :func:`~xl_retention.reading.tax_flags.may_say_tax_included`.)"""
    from ..reading.tax_flags import _INCLUSIVE_VALUES, _PADDLE_INCLUSIVE, _TAX, _words

    used = {str(c) for c in typed.names.values()}
    asked = []
    for c in typed.columns:
        if c in used or not typed.text(c):
            continue
        said = trimmed(typed.table[c]).lower().re_replace(r"[\s\-]+", "_")
        values = _INCLUSIVE_VALUES | (_PADDLE_INCLUSIVE if _words(c) & _TAX else set())
        asked.append(said.isin(sorted(values)) | said.startswith("tax_inclusive") | said.startswith("inclusive"))
    return bool(asked) and typed.any(ibis.or_(*asked))


def _monthly_totals(typed: Typed) -> bool:
    """:func:`~xl_retention.reading.summaries.refuse_monthly_totals`: rows whose amount is half their month's sum (the
    month's other rows add up to it) whose id is a subtotal's label ("Total January"), or an id with such rows in two
    months of 4 rows or more (a report's total row): each month's sum by one aggregate, the few such rows fetched."""
    from ..reading.no_one_ids import subtotal_labels
    from ..reading.summaries import customer_ids
    from .definitions import month_ordinal

    when = "month" if typed.kind == "snapshots" else "date"
    money = typed.names.get("mrr" if typed.kind == "snapshots" else "amount")
    who = typed.names.get("customer_id")
    if typed.billing or money is None or who is None or when not in typed.names:
        return False
    t = typed.table
    if not (t.schema()[money].is_numeric() and t.schema()[typed.names[when]].is_temporal()):
        return False
    rows = t.select(c=t[who], m=month_ordinal(t[typed.names[when]]), x=t[money].cast("float64"))
    rows = rows.filter(rows.c.notnull() & rows.m.notnull() & rows.x.notnull())
    per = rows.group_by(m2=rows.m).aggregate(n=rows.count(), s=rows.x.sum(), top=rows.x.max(), low=rows.x.min())
    tolerance = ibis.greatest(per.s.abs(), 1.0) * 1e-9 + 0.005
    # a row half its month's sum is the month's largest where no amount is below 0: only such months are joined
    per = per.filter((per.n >= 2) & ((per.low < 0) | ((2 * per.top - per.s).abs() <= tolerance))).mutate(e=tolerance)
    if int(typed.con.execute(per.count())) == 0:
        return False
    joined = rows.join(per, rows.m == per.m2)
    summed = joined.filter((joined.x > 0) & ((2 * joined.x - joined.s).abs() <= joined.e))
    found = typed.con.execute(summed.select("c", "m", "n").distinct().limit(10_000))
    if found.empty:
        return False
    if subtotal_labels(pd.unique(found["c"].to_numpy(dtype=object))):
        return True
    wide = found[found["n"] >= 4]
    wide = wide[~wide["c"].isin(customer_ids(pd.unique(wide["c"].to_numpy(dtype=object))))]  # 'cus_Q1mZ7a': a customer
    return bool(len(wide)) and int(wide.groupby("c")["m"].nunique().max()) >= 2


def _retention_report(typed: Typed) -> bool:
    """:func:`~xl_retention.reading.export_kinds.refuse_retention_report`: by the column names alone."""
    from ..reading.export_kinds import refuse_retention_report

    return _raises(refuse_retention_report, pd.DataFrame(columns=typed.columns), typed.kind, typed.source)


def _subscriptions_as_orders(typed: Typed) -> bool:
    """:func:`~xl_retention.reading.export_kinds.refuse_subscriptions_as_orders`: by the names and a sample of the
    first 1,000 rows (the rule's own sample of an interval column's values)."""
    from ..reading.export_kinds import refuse_subscriptions_as_orders

    sample = typed.con.execute(typed.table.select(*typed.columns).limit(1_000))
    return _raises(refuse_subscriptions_as_orders, sample, typed.names, typed.source)


def _deal_stages(typed: Typed) -> bool:
    """:func:`~xl_retention.reading.deal_stages.check_deal_stages`: asked of each text column's distinct values (1,000
    at most, the rule's own sample) not read."""
    from ..reading.deal_stages import check_deal_stages

    used = {str(c) for c in typed.names.values()}
    said = {c: typed.distinct(typed.table[c], 1_000) for c in typed.columns if c not in used and typed.text(c)}
    if not said:
        return False
    size = max(map(len, said.values()))
    frame = pd.DataFrame({c: pd.Series(v + [None] * (size - len(v)), dtype=object) for c, v in said.items()})
    return _raises(check_deal_stages, frame, typed.source, used)


#: Beginnings of every word :data:`~xl_retention.reading.summaries.SUMMARY` says (the engine's filter, a superset).
_SUMMARY_WORDS = (
    *("tota", "sum", "gesamt", "average", "avg", "mean", "durchschnitt", "moyenne", "promedio", "gemiddelde"),
    *("razem", "yhteens", "итого", "всего", "合計", "小計", "総計", "合计", "小计", "总计"),
)


def _summary_rows(typed: Typed) -> bool:
    """:func:`~xl_retention.reading.summaries.refuse_summary_rows`: an id that is a summary's label ('Total',
    'Average', 'Gesamtergebnis'); the table is then read as a file's, whose rule looks at where such rows are."""
    from ..reading.summaries import SUMMARY

    for who in ("customer_id", "visitor_id"):
        if who not in typed.names or not typed.text(typed.names[who]):
            continue
        ids = typed.table[typed.names[who]]
        asked = ids.re_search("(?i)" + "|".join(_SUMMARY_WORDS))  # one pattern: each row's text scanned once
        if any(isinstance(v, str) and SUMMARY.match(v) for v in typed.distinct(asked.ifelse(ids, ibis.null("string")))):
            return True
    return False


def _period_spans(typed: Typed) -> bool:
    """:func:`~xl_retention.reading.period_spans.refuse_period_spans`: a price taken as mrr (no interval) beside a
    billing period's start and end columns, by the names alone."""
    from ..reading.period_spans import period_columns, price_per_period

    money = typed.names.get("mrr")
    return not typed.billing and money is not None and price_per_period(money) and bool(period_columns(typed.columns))


def _later_ends(typed: Typed) -> bool:
    """:func:`~xl_retention.reading.ends.refuse_later_ends`: an end mapped beside an unmapped column named as the day
    service stopped (Recurly's ``canceled_at`` mapped beside ``expires_at``), by the names alone."""
    from ..reading.ends import end_like_columns

    return "end" in typed.names and bool(end_like_columns(typed.columns, typed.names))


def _open_contracts(typed: Typed) -> bool:
    """:func:`~xl_retention.reading.open_contracts.refuse_open_contracts`: a contract's term (or a deal's type) beside
    a start and no end, by the names alone."""
    from ..reading.open_contracts import may_be_open_contracts

    return not typed.billing and may_be_open_contracts(typed.columns, typed.names)


def _deal_amounts(typed: Typed) -> bool:
    """:func:`~xl_retention.reading.deal_amounts.refuse_deal_amounts`: a price named as no month's (a deal's
    'Amount') mapped to mrr beside an end or a CRM's deal column, by the names alone."""
    from ..reading.deal_amounts import may_be_deal_amounts

    return not typed.billing and may_be_deal_amounts(typed.columns, typed.names)


def _family_shares(typed: Typed) -> bool:
    """:func:`~xl_retention.reading.family_shares.family_shared`: RevenueCat's ``ownership_type`` column (a family
    member's row priced 0 adds nothing, one with a price is refused) or its ``store`` (a promotional grant priced 0
    adds nothing), by the columns' names alone."""
    from ..reading.family_shares import may_pay_nothing

    return may_pay_nothing(typed.columns)


def _versions(typed: Typed) -> bool:
    """:func:`~xl_retention.reading.versions.latest_versions`: a subscription's version column beside its name
    (Zuora's "Subscription: Version": earlier versions left out, or refused), by the columns' names alone."""
    from ..reading.versions import version_columns

    return version_columns([str(c) for c in typed.columns]) is not None


def _decimal_twins(typed: Typed) -> bool:
    """:func:`~xl_retention.reading.decimal_twins.with_decimal_twins`: Chargebee's ``plan_quantity_in_decimal``
    beside ``plan_quantity`` (a blank filled from it, a disagreement refused), by the columns' names alone."""
    from ..reading.decimal_twins import has_decimal_twins

    return typed.billing and has_decimal_twins([str(c) for c in typed.columns])


def _raises(rule: Callable[..., Any], *arguments: Any) -> bool:
    """Whether the file path's ``rule`` refuses ``arguments`` (a table's names, a sample or its distinct values)."""
    try:
        rule(*arguments)
    except DataError:
        return True
    return False


_SUBSCRIPTIONS = frozenset({"snapshots", "intervals"})
_PEOPLE = frozenset({"snapshots", "intervals", "orders", "visits"})

#: Every rule of the file path on values, as a typed table is asked it (see the module docstring).
FILE_RULES: tuple[FileRule, ...] = (
    FileRule("reading.lookalike_ids.refuse_lookalike_ids", _PEOPLE, "ids", _lookalike_ids),
    FileRule("reading.no_one_ids.refuse_placeholder_emails", _PEOPLE, "ids", _placeholder_emails),
    FileRule("reading.summaries.refuse_subtotal_ids", _PEOPLE, "ids", _subtotal_ids, first=True),
    FileRule("reading.export_kinds.refuse_retention_report", _PEOPLE | {"answers"}, "read", _retention_report),
    FileRule(
        "reading.export_kinds.refuse_subscriptions_as_orders", frozenset({"orders"}), "read", _subscriptions_as_orders
    ),  # fmt: skip
    FileRule("reading.deal_stages.check_deal_stages", frozenset({"orders"}), "read", _deal_stages),
    FileRule("reading.summaries.refuse_summary_rows", _PEOPLE, "read", _summary_rows),
    FileRule("reading.customer_lists.refuse_customer_lists", frozenset({"orders", "visits"}), "read", _customer_lists),
    FileRule("reading.plan_currencies.check_plan_currencies", _SUBSCRIPTIONS | {"orders"}, "read", _plan_currencies),
    FileRule("reading.payment_logs.refuse_payments_as_months", frozenset({"snapshots"}), "read", _payments_as_months),
    FileRule("reading.payment_logs.refuse_payment_log", frozenset({"snapshots"}), "read", _payment_log),
    FileRule("reading.payment_logs.refuse_open_renewals", frozenset({"intervals"}), "read", _open_renewals),
    FileRule("reading.tax_flags.refuse_tax_included", _SUBSCRIPTIONS, "read", _tax_included),
    FileRule("reading.period_spans.refuse_period_spans", _SUBSCRIPTIONS, "read", _period_spans),
    FileRule("reading.ends.refuse_later_ends", frozenset({"intervals"}), "read", _later_ends),
    FileRule("reading.summaries.refuse_monthly_totals", frozenset({"snapshots", "orders"}), "read", _monthly_totals),
    FileRule("reading.open_contracts.refuse_open_contracts", frozenset({"intervals"}), "read", _open_contracts),
    FileRule("reading.deal_amounts.refuse_deal_amounts", frozenset({"intervals"}), "read", _deal_amounts),
    FileRule("reading.family_shares.family_shared", frozenset({"intervals"}), "read", _family_shares),
    FileRule("reading.versions.latest_versions", frozenset({"intervals"}), "read", _versions),
    FileRule("reading.decimal_twins.with_decimal_twins", _SUBSCRIPTIONS, "read", _decimal_twins),
)


def read_as_file(typed: Typed) -> bool:
    """Whether a ``"read"`` rule of :data:`FILE_RULES` may refuse the table: it is then read as a file's."""
    only = {"reading.payment_logs.refuse_payment_log": typed.billing,
            "reading.payment_logs.refuse_open_renewals": typed.billing}  # fmt: skip
    return any(
        rule.stage == "read" and typed.kind in rule.kinds and only.get(rule.rule, True) and rule.ask(typed)
        for rule in FILE_RULES
    )
