"""PayPal's activity download from a German account (H149's finding 01): "Datum", "Typ", "Brutto", "Gebühr",
"Netto", "Absender E-Mail-Adresse", "Empfänger E-Mail-Adresse", "Transaktionscode", "Zugehöriger Transaktionscode",
types "Website-Zahlung" and "Rückzahlung", status "Abgeschlossen", decimal commas.

It was not known as PayPal's: 'Brutto' was refused as a name that says tax included (it is the payment before
PayPal's fee), and a refund's row would have gone to the shop's address ("Absender" of a refund is the shop). Now it
is read as the English download is; a German type or status not known is refused naming it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HEADER = (
    '"Datum","Uhrzeit","Zeitzone","Name","Typ","Status","Währung","Brutto","Gebühr","Netto",'
    '"Absender E-Mail-Adresse","Empfänger E-Mail-Adresse","Transaktionscode","Zugehöriger Transaktionscode",'
    '"Guthaben"\n'
)
ROWS = [
    '"05.01.2026","10:00:00","CET","Anna","Website-Zahlung","Abgeschlossen","EUR","1.234,56","-35,45","1.199,11",'
    '"anna@example.de","shop@example.de","1AB","","1.199,11"\n',
    '"06.01.2026","11:00:00","CET","Ben","Website-Zahlung","Abgeschlossen","EUR","50,00","-1,80","48,20",'
    '"ben@example.de","shop@example.de","2AB","","1.247,31"\n',
    '"10.01.2026","09:00:00","CET","Anna","Rückzahlung","Abgeschlossen","EUR","-50,00","1,80","-48,20",'
    '"shop@example.de","anna@example.de","3AB","1AB","1.199,11"\n',
    '"03.02.2026","12:00:00","CET","Ben","Website-Zahlung","Abgeschlossen","EUR","20,00","-0,73","19,27",'
    '"ben@example.de","shop@example.de","4AB","","1.218,38"\n',
]


def _import(tmp_path: Path, rows: list[str]) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "Download.CSV"
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "xl_retention", "import", "--orders", str(path), "--dayfirst", "--to-csv",
         str(tmp_path / "out")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip


def test_a_german_download_is_read_as_paypal_s(tmp_path: Path) -> None:
    result = _import(tmp_path, ROWS)
    assert result.returncode == 0, result.stderr
    purchases = (tmp_path / "out" / "purchases.csv").read_text().splitlines()
    assert purchases[1:] == ["2026-01,2,0,0,0.0,0.0", "2026-02,1,0,1,0.0,1.0"]
    revenue = (tmp_path / "out" / "order_revenue_cohorts.csv").read_text().splitlines()
    # Anna 1,234.56 less the 50.00 refunded, Ben 50.00; Ben's 20.00 in February (the refund is no buyer of its own)
    assert revenue == ["cohort,0,1", "2026-01,1234.56,20.0", "2026-02,0.0,"]


def test_a_german_type_not_known_is_refused_naming_it(tmp_path: Path) -> None:
    cart = ROWS[0].replace("Website-Zahlung", "Warenkorbartikel")
    result = _import(tmp_path, [*ROWS, cart])
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    line = result.stderr.strip().splitlines()[-1]
    assert "Download.CSV, column 'Typ': PayPal transaction types not known" in line
    assert "row 6" in line and "'Warenkorbartikel'" in line


def test_a_german_status_not_known_is_refused_naming_it(tmp_path: Path) -> None:
    held = ROWS[3].replace("Abgeschlossen", "Storniert")
    result = _import(tmp_path, [*ROWS[:3], held])
    assert result.returncode != 0
    line = result.stderr.strip().splitlines()[-1]
    assert "Download.CSV, column 'Status': PayPal statuses not known as paid or not paid" in line
    assert "row 5" in line and "'Storniert'" in line
