"""import --into adding months to a tracker with a Total row under the months that sums only columns of the user's
own (=SUM(L2:L4) in an added column L): it was left where it was, in the row of the first month added, read as that
month's figure and summing the old months only; now it moves below the new months as a Total over the template's
columns does (tests/test_import_total_row.py), or the import refuses naming what moving it would misplace."""

from __future__ import annotations

import openpyxl
from test_import_total_row import imported, tracker  # the same tracker and subscriptions as a Total over ours


def bonus(wb) -> None:
    ws = wb["Customers"]
    ws["L1"] = "Bonus"
    ws["L2"], ws["L3"], ws["L4"] = 20, 30, 40
    ws["L5"], ws["M5"] = "=SUM(L2:L4)", "Total bonus"  # the user's columns only: nothing under A to K
    wb["Revenue"]["Z1"], wb["Revenue"]["Z2"], wb["Revenue"]["Z5"] = "Mine", 7, "=AVERAGE($Z$2:$Z$4)"


def test_a_total_over_the_users_own_columns_moves_below_the_new_months(tmp_path, capsys):
    """Was: Customers!L5 '=SUM(L2:L4)' and M5 'Total bonus' stayed in row 5, April's, exit 0 (April's bonus read 90,
    the total left out May and June)."""
    book = tracker(tmp_path / "t.xlsx", bonus)
    code, out, err = imported(tmp_path, book, capsys, "--recalc")
    assert code == 0, err
    assert "Customers!L8 =SUM(L2:L4) -> =SUM(L2:L7)" in out and "Revenue!Z8 =AVERAGE($Z$2:$Z$4) -> " in out
    wb = openpyxl.load_workbook(book)
    ws = wb["Customers"]
    assert [ws[f"L{r}"].value for r in range(2, 9)] == [20, 30, 40, None, None, None, "=SUM(L2:L7)"]
    assert [ws[f"M{r}"].value for r in (5, 8)] == [None, "Total bonus"]
    assert ws["A7"].value.strftime("%Y-%m") == "2026-06" and ws["A8"].value is None
    assert wb["Revenue"]["Z8"].value == "=AVERAGE($Z$2:$Z$7)" and wb["Revenue"]["Z5"].value is None
    values = openpyxl.load_workbook(book, data_only=True)
    assert values["Customers"]["L8"].value == 90 and values["Customers"]["C5"].value == 1  # April: b back
    assert values["Revenue"]["Z8"].value == 7


def test_figures_typed_for_the_months_to_come_beside_a_total_are_not_moved_off_their_months(tmp_path, capsys):
    """A Target column typed for six months (N2:N7) beside the bonus total: moving row 5 down would put April's
    target beside July -> refused naming the cell, file unchanged."""

    def targets(wb) -> None:
        bonus(wb)
        wb["Customers"]["N1"] = "Target"
        for r in range(2, 8):
            wb["Customers"][f"N{r}"] = 100 * r

    book = tracker(tmp_path / "t.xlsx", targets)
    before = book.read_bytes()
    code, _, err = imported(tmp_path, book, capsys)
    assert code == 1 and book.read_bytes() == before
    assert err.strip() == (
        "xl-retention: error: Customers!L5 under the months would move down below the new months 2026-04 to 2026-06 "
        "as Insert Rows would, and so would Customers!N5, a figure of yours in the row of 2026-04, typed beside the "
        "months before it: move the rows under the months (a total) further down, or that figure, and import again"
    )


def test_figures_typed_for_the_months_to_come_alone_stay_beside_their_months(tmp_path, capsys):
    """Without a total under the months, a Target column typed past the last month stays where it is: April's
    target beside April."""

    def targets(wb) -> None:
        wb["Customers"]["N1"] = "Target"
        for r in range(2, 8):
            wb["Customers"][f"N{r}"] = 100 * r

    book = tracker(tmp_path / "t.xlsx", targets)
    code, _, err = imported(tmp_path, book, capsys)
    assert code == 0, err
    ws = openpyxl.load_workbook(book)["Customers"]
    assert [(ws[f"A{r}"].value.strftime("%Y-%m"), ws[f"N{r}"].value) for r in (5, 7)] == [
        ("2026-04", 500),
        ("2026-06", 700),
    ]


def test_a_forecast_filled_down_past_the_months_stays_beside_its_months(tmp_path, capsys):
    """A column of the user's with a formula per month to come (N5 =AVERAGE(L2:L4), N6 =AVERAGE(L3:L5), filled
    down) is no total: it stays beside its months, not moved three rows down off them."""

    def forecast(wb) -> None:
        ws = wb["Customers"]
        ws["L1"], ws["L2"], ws["L3"], ws["L4"], ws["N1"] = "Bonus", 20, 30, 40, "Forecast"
        for r in range(5, 8):
            ws[f"N{r}"] = f"=AVERAGE(L{r - 3}:L{r - 1})"

    book = tracker(tmp_path / "t.xlsx", forecast)
    code, out, err = imported(tmp_path, book, capsys)
    assert code == 0, err
    ws = openpyxl.load_workbook(book)["Customers"]
    assert [ws[f"N{r}"].value for r in range(5, 9)] == ["=AVERAGE(L2:L4)", "=AVERAGE(L3:L5)", "=AVERAGE(L4:L6)", None]
    assert "formula(s) of yours" not in out
