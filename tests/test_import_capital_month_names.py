"""Dates with the month's abbreviation in capitals, as Oracle (its default DD-MON-YYYY), SAP and feedback tools built on
them export them ('05-JAN-2026', '31-JAN-2026 23:59:00'), were refused as "dates that do not parse" with no hint, though
'05-Jan-2026' was read: pandas' format guess does not read the capitals. The guess now reads them as capitalised (the
format found, %b, reads either), so the file is read; the month's name is never taken for another."""

from __future__ import annotations

import pandas as pd
import pytest
from import_cli import run


@pytest.mark.parametrize(
    "dates",
    [
        ("05-JAN-2026", "31-JAN-2026", "03-FEB-2026"),
        ("05-JAN-2026 10:02:03", "31-JAN-2026 23:59:00", "03-FEB-2026 08:00:00"),
        ("JAN 5, 2026", "JAN 31, 2026", "FEB 3, 2026"),
        ("05-JANUARY-2026", "31-JANUARY-2026", "03-FEBRUARY-2026"),
    ],
)
def test_capital_month_names_are_read(tmp_path, dates) -> None:
    text = "customer_id,date,amount\n" + "".join(
        f'{who},"{when}",10\n' for who, when in zip(("a", "b", "a"), dates, strict=True)
    )
    (tmp_path / "orders.csv").write_text(text)
    out = run(tmp_path, "--orders", tmp_path / "orders.csv")
    purchases = pd.read_csv(out / "purchases.csv", dtype={"month": str}).set_index("month")
    assert purchases.iloc[:, 0].to_dict() == {"2026-01": 2, "2026-02": 1}
