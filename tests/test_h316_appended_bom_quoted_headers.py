"""Two exports each with a byte-order mark and every field quoted, appended with ``cat`` (H314's finding 07): the
second header's first cell is read as ``\ufeff"Sale Date"`` with its quotes (the BOM hides the opening quote from the
CSV reader), so the repeated header was missed and the import said "2 currencies (USD, CURRENCY)" with the advice
``--segment Currency=Currency``. Now named as a row that repeats the header.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from xl_retention import cli


def test_07_appended_bom_quoted_exports_are_named_as_repeated_headers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    head = ('"Sale Date","Order ID","Buyer User ID","Currency","Order Value","Discount Amount","Shipping",'
            '"Sales Tax","Order Total","Status","Buyer"\n')  # fmt: skip
    october = ('"10/02/2026","3100000002","800001","USD","20.00","0","0","0","20.00","Completed","b1"\n'
               '"10/01/2026","3100000001","800002","USD","15.00","0","0","0","15.00","Completed","b2"\n')  # fmt: skip
    november = ('"11/03/2026","3100000004","800001","USD","12.00","0","0","0","12.00","Completed","b1"\n'
                '"11/02/2026","3100000003","800003","USD","9.00","0","0","0","9.00","Completed","b3"\n')  # fmt: skip
    path = tmp_path / "EtsySoldOrders_oct_nov.csv"
    path.write_bytes(("\ufeff" + head + october).encode() + ("\ufeff" + head + november).encode())  # cat oct nov
    args = ["import", "--orders", str(path), "--columns", "customer_id=Buyer User ID,date=Sale Date,amount=Order Total",
            "--date-format", "%m/%d/%Y", "--to-csv", str(tmp_path / "out")]  # fmt: skip
    assert cli.main(args) == 1
    assert capsys.readouterr().err.strip() == (
        "xl-retention: error: EtsySoldOrders_oct_nov.csv, column 'Sale Date': rows that repeat the header (files "
        "appended with their headers?) in row 4 (counting the header as row 1): '\\ufeff\"Sale Date\"': remove them"
    )
