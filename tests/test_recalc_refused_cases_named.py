"""A function of this package's that leaves a cell not computed names the case, not "cannot compute this formula"
(H313's findings 08 and 09); DISC & co. are computed in every basis, as Microsoft documents their day counts.

Microsoft's DISC example (settlement 2018-07-01, maturity 2048-01-01, price 97.975, redemption 100, basis 1 in A6)
and INTRATE(.., 1) from 2008-02-15 to 2009-05-15: basis 1 over a year end (both computed now); REGEXEXTRACT(A2, .., 1)
and (.., 2): every match and the capture groups, arrays; ENCODEURL("Café (Paris)"): a bracket. Each was
listed with "the embedded engine cannot compute this formula (=...)", which reads like a formula the parser could not
read. DISC with basis 1 within one year and the first match of REGEXEXTRACT are computed, as before.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import openpyxl
import pytest

from xl_retention.recalculation import recalc_file


def test_each_refused_case_is_named(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "R"
    sheet["A2"], sheet["A3"] = datetime.date(2018, 7, 1), datetime.date(2048, 1, 1)
    sheet["A4"], sheet["A5"], sheet["A6"] = 97.975, 100, 1
    sheet["A7"] = "Sonia Rees\n(378) 555-4195\nAngel Brown\n(878) 555-8622"
    sheet["B1"] = "=DISC(A2,A3,A4,A5,A6)"  # Microsoft's example, basis 1 over 30 years: computed
    sheet["B5"] = "=INTRATE(DATE(2007,11,25),DATE(2008,6,15),97,100,A6)"  # the basis in a cell: computed
    sheet["B6"] = "=DISC(DATE(2007,11,25),DATE(2008,6,15),97,100,A6)"  # over one year end: MS-OI29500's count
    sheet["B2"] = "=INTRATE(DATE(2008,2,15),DATE(2009,5,15),1000000,1014420,1)"
    sheet["B3"] = "=DISC(DATE(2008,2,15),DATE(2008,11,15),98,100,1)"  # within one year: computed
    sheet["B4"] = "=PRICEMAT(DATE(2008,2,29),DATE(2008,4,13),DATE(2007,11,11),0.061,0.061)"  # basis 0, February's end
    sheet["B7"] = "=PRICEMAT(DATE(2008,2,15),DATE(2008,4,13),DATE(2008,3,1),0.061,0.061)"  # issued after settlement
    sheet["C1"] = '=_xlfn.REGEXEXTRACT(A7,"[0-9()]+ [0-9-]+",1)'
    sheet["C2"] = '=_xlfn.REGEXEXTRACT("Order 2026-11 total","(\\d{4})-(\\d{2})",2)'
    sheet["C3"] = '=_xlfn.REGEXEXTRACT(A7,"[0-9()]+ [0-9-]+")'  # the first match: computed
    sheet["D1"] = '=_xlfn.ENCODEURL("Café (Paris)")'
    sheet["D2"] = '=_xlfn.ENCODEURL("Café Paris")'  # a letter beyond ASCII: its UTF-8 bytes, computed
    book.save(tmp_path / "cases.xlsx")
    report = recalc_file(tmp_path / "cases.xlsx", tmp_path / "out.xlsx")
    assert report.status == "incomplete"
    assert sorted((u.address, u.function, u.reason) for u in report.unsupported) == [
        ("'R'!B7", "PRICEMAT", "PRICEMAT with an issue on or after settlement is not computed"),
        (
            "'R'!C1",
            "REGEXEXTRACT",
            "REGEXEXTRACT with return_mode 1 (every match, as an array) is not computed by the embedded engine",
        ),
        (
            "'R'!C2",
            "REGEXEXTRACT",
            "REGEXEXTRACT with return_mode 2 (the capture groups, as an array) is not computed by the embedded engine",
        ),
        (
            "'R'!D1",
            "ENCODEURL",
            "ENCODEURL of a text holding '(' is not computed: Excel's encoding of ~ ! * ' ( ) and of control "
            "characters is not documented",
        ),
    ]
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["R"]
    assert out["B3"].value == pytest.approx((100 - 98) / 100 / (274 / 366), rel=1e-15)  # 2008: 366 days
    assert out["B6"].value == (100 - 97) / 100 / (203 / 366)  # 29 February 2008 in the period: 366 days
    # Microsoft's DISC page: 0.00068638; LibreOffice 0.000686384169121348: 10,776 days over the average of the 31 years
    # 2018-2048 (11,323 days / 31)
    assert round(out["B1"].value, 8) == 0.00068638
    assert out["B1"].value == pytest.approx(0.000686384169121348, rel=1e-14)
    assert out["B1"].value == (100 - 97.975) / 100 / (10776 / (11323 / 31))
    assert out["C3"].value == "(378) 555-4195"
    assert out["D2"].value == "Caf%C3%A9%20Paris"
    assert out["B2"].value == pytest.approx(0.01442 / (455 / 365.5), rel=1e-15)  # 2008-2009 average: 365.5 days
    assert out["B5"].value == pytest.approx(3 / 97 / (203 / 366), rel=1e-15)
    dim, dsm, accrued = 152 / 360, 44 / 360, 108 / 360  # US 30/360: 2007-11-11 to 2008-04-13, 2008-02-29 to it
    assert out["B4"].value == pytest.approx((100 + dim * 6.1) / (1 + dsm * 0.061) - accrued * 6.1, rel=1e-15)
