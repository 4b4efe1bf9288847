"""A row flagged as in its free trial (``is_trial``, ``IsTrial``, ``on_trial``, "Trial?" true) is read as a
``trialing`` status is, never as a paying subscription.

Only a ``trialing`` status was read: a subscriptions file whose trials are said by a flag column (TRUE, true, 1,
yes) counted each trial's price as MRR from its start, exit 0 (4 customers and 300 MRR where 2 pay 150). Now such
rows are refused naming the column and the rows, unless a trial-end column says the trial ends after today (then
not paying yet, counted nowhere, with a note); in a snapshots file a flagged row with an MRR above 0 is refused, one
with MRR 0 is read. A column named so whose values are no flags (trial days) is left alone.
"""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from xl_retention.reading import DataError, ReadOptions
from xl_retention.reading.notes import collected
from xl_retention.workbook.importer import load_tables

TODAY = ReadOptions(today="2026-11-20")


def ends(tmp_path, text: str, name: str = "subs.csv", **kwargs):
    path = tmp_path / name
    path.write_text(text)
    with collected() as notes:
        tables = load_tables(path, options=TODAY, **kwargs)
    frame = tables.movements
    got = {str(m): (int(frame.loc[m, "customers_end"]), float(frame.loc[m, "mrr_end"])) for m in frame.index}
    return got, notes + tables.notes


@pytest.mark.parametrize(
    ("column", "true", "false"),
    [("is_trial", "TRUE", "FALSE"), ("trial", "true", "false"), ("IsTrial", "1", "0"), ("on_trial", "yes", "no"),
     ("Trial?", "x", ""), ("subscriptions.in_trial", "True", "False")],
)  # fmt: skip
def test_a_flagged_trial_in_intervals_is_refused(tmp_path, column, true, false):
    text = (
        f"customer_id,start,end,mrr,{column}\n"
        f"a,2026-01-01,,100,{false}\nb,2026-01-01,,100,{true}\nc,2026-02-01,,50,{false}\n"
    )
    with pytest.raises(DataError) as error:
        ends(tmp_path, text)
    assert str(error.value) == (
        f"subs.csv, column {column!r}: subscriptions flagged as in their free trial, to be removed or given their "
        "trial's end in a column (trial_end): a trial pays nothing, and its price would count as MRR from its start "
        f"in row 3 (counting the header as row 1): {true!r}"
    )
    got, _ = ends(tmp_path, text.replace(f",{true}\n", f",{false}\n"))  # no trial: all three pay
    assert got["2026-02"] == (3, 250.0)


def test_a_flagged_trial_with_its_end_after_today_is_not_paying_yet(tmp_path):
    text = (
        "customer_id,start,end,mrr,is_trial,trial_end\n"
        "a,2026-01-01,,100,false,\nb,2026-11-10,,100,TRUE,2026-12-05\nc,2026-02-01,,50,false,2026-02-15\n"
    )
    got, notes = ends(tmp_path, text)
    assert got["2026-01"] == (1, 100.0) and got["2026-02"] == (2, 150.0) and got["2026-11"] == (2, 150.0)
    assert (
        "subs.csv: 1 subscription flagged as in a free trial ('is_trial' true) ending after today: not paying yet, "
        "counted nowhere (an export after the trial's end counts it from then)" in notes
    )
    passed = text.replace("2026-12-05", "2026-11-15")  # the flag says in trial, its end has passed: cannot be told
    with pytest.raises(DataError, match=r"column 'is_trial': subscriptions in their free trial whose trial end is not"):
        ends(tmp_path, passed)


def test_a_flagged_snapshot_with_an_mrr_is_refused_and_one_at_zero_is_read(tmp_path):
    text = "customer_id,month,mrr,IsTrial\na,2026-01,100,FALSE\nb,2026-01,100,TRUE\na,2026-02,100,FALSE\n"
    with pytest.raises(DataError) as error:
        ends(tmp_path, text + "b,2026-02,100,FALSE\n")
    assert str(error.value).startswith(
        "subs.csv, column 'IsTrial': snapshot rows with an MRR flagged as in a free trial (a trial pays nothing"
    )
    assert str(error.value).endswith(
        "in row 3 (counting the header as row 1): 'TRUE': write their MRR as 0, or correct the flag"
    )
    got, _ = ends(tmp_path, text.replace("b,2026-01,100,TRUE", "b,2026-01,0,TRUE") + "b,2026-02,100,FALSE\n")
    assert got["2026-01"] == (1, 100.0) and got["2026-02"] == (2, 200.0)


def test_a_billing_export_from_excel_with_boolean_cells(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["customer_id", "Start", "End", "Plan Amount", "Plan Interval", "on_trial"])
    sheet.append(["a", dt.date(2026, 1, 1), None, 1200, "year", False])
    sheet.append(["b", dt.date(2026, 1, 1), None, 100, "month", True])
    book.save(tmp_path / "subs.xlsx")
    with pytest.raises(DataError, match=r"column 'on_trial': subscriptions flagged as in their free trial.* row 3 "):
        load_tables(tmp_path / "subs.xlsx", columns={"start": "Start", "end": "End"}, options=TODAY)


@pytest.mark.parametrize(
    ("values", "refused"),
    [(("14", "0", "30"), False), (("14 days", "", "7 days"), False), (("yes", "maybe", "no"), True)],
)
def test_a_trial_column_that_is_no_flag(tmp_path, values, refused):
    text = "customer_id,start,end,mrr,trial\n" + "".join(
        f"{c},2026-01-01,,100,{v}\n" for c, v in zip("abc", values, strict=True)
    )
    if refused:
        with pytest.raises(DataError, match=r"column 'trial': values that say neither true nor false .* row 3 "):
            ends(tmp_path, text)
    else:
        got, _ = ends(tmp_path, text)
        assert got["2026-01"] == (3, 300.0)
