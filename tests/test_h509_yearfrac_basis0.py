"""H509's finding 03: YEARFRAC's basis 0 (US 30/360) from February's last day to a 31st was a day short, status ok:
2024-02-29..2024-03-31 gave 30/360 where Excel (Apache POI's basis0 chain, from Excel's results) and LibreOffice give
31/360. Excel applies one adjustment of a chain, in order; a start on February's last day keeps the end's 31."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from xl_retention.recalculation import recalc


@pytest.mark.parametrize(
    ("formula", "days"),
    [
        ("=YEARFRAC(DATE(2024,2,29),DATE(2024,3,31),0)", 31),  # was 30
        ("=YEARFRAC(DATE(2023,2,28),DATE(2024,12,31))", 661),  # was 660
        ("=YEARFRAC(DATE(2025,2,28),DATE(2025,3,31),0)", 31),  # was 30
        ("=YEARFRAC(DATE(2024,2,29),DATE(2025,2,28),0)", 360),  # both February's last: 30 and 30
        ("=YEARFRAC(DATE(2024,1,31),DATE(2024,3,31),0)", 60),  # a 31st to a 31st: 30 and 30
        ("=YEARFRAC(DATE(2024,1,30),DATE(2024,3,31),0)", 60),
        ("=YEARFRAC(DATE(2024,1,15),DATE(2024,3,31),0)", 76),  # an end's 31 stays beside a start before the 30th
    ],
)
def test_basis_0_follows_excels_chain(tmp_path: Path, formula: str, days: int) -> None:
    book = openpyxl.Workbook()
    book.active["A1"] = formula
    book.save(tmp_path / "y.xlsx")
    report = recalc(tmp_path / "y.xlsx", engine="embedded", output_dir=tmp_path / "out")
    assert [f.status for f in report.files] == ["ok"]
    value = openpyxl.load_workbook(tmp_path / "out" / "y.xlsx", data_only=True).active["A1"].value
    assert value == pytest.approx(days / 360, abs=1e-15)
