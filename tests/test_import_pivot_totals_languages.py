"""A pivot table's total and grand total rows in every language Excel ships ("Общий итог", "Итог", "Celkový součet",
"المجموع", 'סה"כ', "Γενικό σύνολο", "Végösszeg") are refused as the English and German ones are: read as a customer,
each month's total doubled its MRR (H222's finding 10: January 3 customers, MRR 300 for 2 and 150, exit 0)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from import_cli import refusal

from xl_retention.reading.summaries import SUMMARY
from xl_retention.reading.total_labels import says_total

#: Excel's own pivot labels (Grand Total, Total) in its other languages, and the customers' names that are no total
LABELS = ["Общий итог", "Итог", "Celkový součet", "المجموع", 'סה"כ', "סה״כ", "Γενικό σύνολο", "Végösszeg",
          "Genel Toplam", "총합계", "Suma końcowa", "Загальний підсумок", "Kokonaissumma", "Hovedtotal",
          "Sveukupni zbroj", "Skupna vsota", "Обща сума", "Bendroji suma", "Kopsumma", "Üldkokkuvõte",
          "ผลรวมทั้งหมด", "Tổng Cuối", "Total Keseluruhan", "Jumlah Besar", "Жалпы қорытынды", "कुल योग",
          "الإجمالي الكلي", "Celkový súčet"]  # fmt: skip
CUSTOMERS = ["Acme", "Ivan Petrov", "Celkový servis", "Globex", "Итоговая компания", "Kokoro", "Spoluprace s.r.o."]


def _write(path: Path, rows: list[tuple[str, str, int]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([("customer_id", "month", "mrr"), *rows])


@pytest.mark.parametrize("label", LABELS)
def test_a_pivot_total_row_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], label: str) -> None:
    path = tmp_path / "in.csv"
    _write(path, [("A", "2026-01", 100), ("B", "2026-01", 50), (label, "2026-01", 150),
                  ("A", "2026-02", 100), ("B", "2026-02", 50), (label, "2026-02", 150)])  # fmt: skip
    assert refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "o")) == (
        f"in.csv, column 'customer_id': a summary row of each group of rows and of the whole export (its totals, not "
        f"data) in rows 4, 7 (counting the header as row 1): '{label}', '{label}': remove them"
    )  # each month's total named at once (H370's finding 01), not row 4 alone
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("label", ["Общий итог", "Celkový součet", "المجموع", 'סה"כ', "Γενικό σύνολο", "कुल योग"])
def test_a_total_row_between_the_months_is_refused_by_its_label_and_sum(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], label: str
) -> None:
    # the totals of the first two months only, twelve months of rows after them: neither the file's first row nor
    # among its last rows, found by its label and its MRR being the month's sum
    rows = [("A", "2026-01", 100), ("B", "2026-01", 50), (label, "2026-01", 150)]
    rows += [("A", "2026-02", 100), ("B", "2026-02", 60), (label, "2026-02", 160)]
    rows += [(c, f"2026-{m:02d}", v) for m in range(3, 13) for c, v in (("A", 100), ("B", 60))]
    path = tmp_path / "in.csv"
    _write(path, rows)
    assert refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "o")) == (
        "in.csv, column 'customer_id': a total row of each month (its MRR is the sum of the month's other rows: the "
        f"report's totals, not a customer) in rows 4, 7 (counting the header as row 1): '{label}', '{label}': "
        "remove them"
    )


def test_labels_and_customers() -> None:
    assert [v for v in LABELS if not (says_total(v) and SUMMARY.match(v))] == []
    assert [v for v in CUSTOMERS if says_total(v) or SUMMARY.match(v)] == []
