"""PayPal's activity download itemizes a payment's "Shipping and Handling Amount" and "Sales Tax" inside its "Gross"
(what the buyer paid): the PayPal reader kept only the Gross, so both counted as order revenue (Jan 65.00 for
60.00, Feb 32.84 for 25.60, silently). They are read beside it now, by the rules of reading.order_shipping and
reading.taxes."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import run

HEAD = (
    '"Date","Time","TimeZone","Name","Type","Status","Currency","Gross","Fee","Net","From Email Address",'
    '"To Email Address","Transaction ID","Item Title","Shipping and Handling Amount","Insurance Amount","Sales Tax",'
    '"Reference Txn ID","Quantity","Balance"\n'
)
ROWS = (
    '"01/05/2026","10:00:00","PST","Ann","Website Payment","Completed","USD","45.00","-1.61","43.39","ann@x.com",'
    '"shop@x.com","T1","Mug","5.00","0.00","0.00","","1","43.39"\n'
    '"01/09/2026","10:00:00","PST","Bob","Website Payment","Completed","USD","20.00","-0.88","19.12","bob@x.com",'
    '"shop@x.com","T2","Cup","0.00","0.00","0.00","","1","62.51"\n'
    '"02/03/2026","10:00:00","PST","Ann","Website Payment","Completed","USD","32.84","-1.24","31.60","ann@x.com",'
    '"shop@x.com","T3","Mug","5.00","0.00","2.24","","1","94.11"\n'
)


def test_paypal_gross_less_its_shipping_and_sales_tax(tmp_path: Path) -> None:
    path = tmp_path / "paypal.csv"
    path.write_text(HEAD + ROWS)
    out = run(tmp_path, "--orders", path, "--monthfirst")
    got = pd.read_csv(out / "order_revenue_cohorts.csv").set_index("cohort").fillna(-1).values.tolist()
    assert got == [[60.0, 25.6], [0.0, -1.0]]  # 40.00 + 20.00; 32.84 - 2.24 tax (8.75 % of 25.60) - 5.00


def test_a_converted_payment_has_its_shipping_taken_off_at_its_rate(tmp_path: Path) -> None:
    converted = (
        '"01/12/2026","10:00:00","PST","Cy","Website Payment","Completed","EUR","50.00","-1.80","48.20","cy@x.com",'
        '"shop@x.com","T4","Mug","10.00","0.00","0.00","","1","0.00"\n'
        '"01/12/2026","10:00:00","PST","","General Currency Conversion","Completed","EUR","-48.20","0.00","-48.20",'
        '"","","C1","","","","","T4","","0.00"\n'
        '"01/12/2026","10:00:00","PST","","General Currency Conversion","Completed","USD","52.06","0.00","52.06",'
        '"","","C2","","","","","T4","","146.17"\n'
    )
    path = tmp_path / "paypal.csv"
    path.write_text(HEAD + ROWS + converted)
    out = run(tmp_path, "--orders", path, "--monthfirst")
    got = pd.read_csv(out / "order_revenue_cohorts.csv").set_index("cohort").fillna(-1).values.tolist()
    # T4: 50.00 EUR at 52.06 / 48.20 = 54.00 USD, less its 10.00 EUR shipping at that rate (10.80): 43.20
    assert got == [[pytest.approx(103.2), 25.6], [0.0, -1.0]]
