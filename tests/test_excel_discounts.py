"""DISC, INTRATE, RECEIVED, PRICEDISC, YIELDDISC, PRICEMAT and YIELDMAT, which the embedded engine lacked: a workbook
written by a program (no stored value) came out incomplete, the cells empty. Values of Microsoft's examples of each
function; every basis is computed with the day counts Microsoft documents (MS-OI29500), an issue after settlement
stays listed (tests/test_h345_discount_day_counts.py holds Excel's own answers across years)."""

import pytest
from one_sheet import recalc_sheet, recalculated


def test_microsofts_examples(tmp_path):
    values = recalculated(
        tmp_path,
        {
            "B1": "=DISC(DATE(2007,1,25),DATE(2007,6,15),97.975,100,1)",
            "B2": "=INTRATE(DATE(2008,2,15),DATE(2008,5,15),1000000,1014420,2)",
            "B3": "=RECEIVED(DATE(2008,2,15),DATE(2008,5,15),1000000,0.0575,2)",
            "B4": "=PRICEDISC(DATE(2008,2,16),DATE(2008,3,1),0.0525,100,2)",
            "B5": "=YIELDDISC(DATE(2008,2,16),DATE(2008,3,1),99.795,100,2)",
            "B6": "=DISC(DATE(2008,3,1),DATE(2008,2,16),99,100)",  # settlement after maturity
            "B7": "=PRICEDISC(DATE(2008,2,16),DATE(2008,3,1),0,100)",
            "B8": '=DISC("x",DATE(2008,3,1),0,100)',
            "B9": "=DISC(DATE(2008,1,1),DATE(2008,7,1),98,100,5)",
            "B10": "=PRICEMAT(DATE(2008,2,15),DATE(2008,4,13),DATE(2007,11,11),0.061,0.061,0)",
            "B11": "=YIELDMAT(DATE(2008,3,15),DATE(2008,11,3),DATE(2007,11,8),0.0625,100.0123,0)",
            "B12": "=PRICEMAT(DATE(2008,2,15),DATE(2008,4,13),DATE(2007,11,11),-0.01,0.061)",
        },
    )
    assert values["B1"] == pytest.approx(0.052420213, rel=1e-8)
    assert values["B2"] == pytest.approx(0.05768, rel=1e-12)
    assert values["B3"] == pytest.approx(1014584.654, rel=1e-9)
    assert values["B4"] == pytest.approx(99.79583333, rel=1e-9)
    assert values["B5"] == pytest.approx(0.052822572, rel=1e-8)
    assert [values["B6"], values["B7"], values["B8"], values["B9"]] == ["#NUM!", "#NUM!", "#VALUE!", "#NUM!"]
    assert values["B10"] == pytest.approx(99.98449888, rel=1e-9)
    assert values["B11"] == pytest.approx(0.060954334, rel=1e-8)
    assert values["B12"] == "#NUM!"


def test_an_issue_after_settlement_is_listed_not_guessed(tmp_path):
    result, values = recalc_sheet(tmp_path, {"B1": "=YIELDMAT(DATE(2008,3,15),DATE(2008,11,3),DATE(2008,4,8),0.06,99)"})
    assert result.status == "incomplete", result.message
    assert "B1" not in values


def test_disc_and_yieldmat_count_actual_actual_across_a_years_end_as_microsoft_documents(tmp_path):
    """Microsoft documents DISC's and YIELDMAT's basis 1 (MS-OI29500, Part 1 Section 18.17.7.91 and .355): dates at
    most a year apart are counted over 365 days, 366 where a 29 February is in the period; dates further apart over the
    average days of the years touched. Listed as not computed before (across one year end, under two years)."""
    result, values = recalc_sheet(
        tmp_path,
        {
            "B1": "=DISC(DATE(2018,7,1),DATE(2019,3,1),97.975,100,1)",  # 243 days, no 29 February: 365
            "B2": "=DISC(DATE(2007,11,25),DATE(2008,6,15),97,100,1)",  # 203 days over 29 February 2008: 366
            "B3": "=DISC(DATE(2018,7,1),DATE(2019,9,1),97.975,100,1)",  # over a year: 427 days, 2018-2019 average 365
            # issue 2006-11-08 to maturity 2008-11-03: 726 days, settlement 2007-03-15 to maturity 599, issue to
            # settlement 127, each over the year from issue to settlement, 365 days (Excel's YIELDMAT: not each span's
            # own YEARFRAC)
            "B4": "=YIELDMAT(DATE(2007,3,15),DATE(2008,11,3),DATE(2006,11,8),0.0625,100.0123,1)",
        },
    )
    assert result.status == "ok", result.message
    assert values["B1"] == (100 - 97.975) / 100 / (243 / 365)
    assert values["B2"] == (100 - 97) / 100 / (203 / 366)
    assert values["B3"] == (100 - 97.975) / 100 / (427 / 365)
    dim, dsm, accrued = 726 / 365, 599 / 365, 127 / 365
    paid = 100.0123 / 100 + accrued * 0.0625
    assert values["B4"] == pytest.approx(((1 + dim * 0.0625) - paid) / paid / dsm, rel=1e-15)


def test_disc_and_yieldmat_count_us_30_360_from_februarys_end_as_microsoft_documents(tmp_path):
    """MS-OI29500's US (NASD) 30/360 of DISC and YIELDMAT, one step of a chain: from the last of February to a 31st
    only the first day becomes the 30th (31 days, where YEARFRAC's basis 0 counts 30); both the last of February: both
    the 30th. Listed as not computed before (basis 0 from or to the end of February); PRICEMAT too now."""
    result, values = recalc_sheet(
        tmp_path,
        {
            "B1": "=DISC(DATE(2008,2,29),DATE(2008,3,31),99,100,0)",  # 30 + 1 days
            "B2": "=DISC(DATE(2007,2,28),DATE(2008,2,29),99,100)",  # both the last of February: 360 days
            "B3": "=DISC(DATE(2008,1,15),DATE(2008,2,29),99,100,0)",  # to the last of February alone: 30 + 14 days
            # issue 2008-02-29 to maturity 2008-08-31: 180 + 1 days; settlement 2008-03-31 to maturity 150 (both 31st);
            # issue to settlement 30 + 1
            "B4": "=YIELDMAT(DATE(2008,3,31),DATE(2008,8,31),DATE(2008,2,29),0.0625,100.0123,0)",
            "B5": "=PRICEMAT(DATE(2008,3,31),DATE(2008,8,31),DATE(2008,2,29),0.0625,0.06,0)",
        },
    )
    assert result.status == "ok", result.message
    assert values["B1"] == 0.01 / (31 / 360)
    assert values["B2"] == 0.01 / (360 / 360)
    assert values["B3"] == 0.01 / (44 / 360)
    dim, dsm, accrued = 181 / 360, 150 / 360, 31 / 360
    paid = 100.0123 / 100 + accrued * 0.0625
    assert values["B4"] == pytest.approx(((1 + dim * 0.0625) - paid) / paid / dsm, rel=1e-15)
    assert values["B5"] == pytest.approx((100 + dim * 6.25) / (1 + dsm * 0.06) - accrued * 6.25, rel=1e-15)


def test_european_30_360_takes_every_31st_as_the_30th_as_excels_yearfrac(tmp_path):
    """Basis 4 counts a 31st as the 30th at either end, in every function: Excel's own YEARFRAC (values Excel stored
    in pycel's yearfrac workbook: 2001-01-30 to 2001-03-31 is 60 days, 0.1666..., not 61) and DAYS360's European
    method as Microsoft documents it. LibreOffice's INTRATE, RECEIVED, PRICEDISC and ACCRINTM count 61 days there
    (its GetDiffDate keeps the 31st: 0.0590163934, 1010.2710894, 98.9833, 10.1667, checked with soffice): not
    followed."""
    values = recalculated(
        tmp_path,
        {
            "B1": "=YEARFRAC(DATE(2001,1,30),DATE(2001,3,31),4)",
            "B2": "=YEARFRAC(DATE(2003,1,31),DATE(2001,6,1),4)",  # Excel stored 1.663888888888889
            "B3": "=DAYS360(DATE(2001,1,30),DATE(2001,3,31),TRUE)",
            "B4": "=INTRATE(DATE(2001,1,30),DATE(2001,3,31),1000,1010,4)",
            "B5": "=RECEIVED(DATE(2001,1,30),DATE(2001,3,31),1000,0.06,4)",
            "B6": "=PRICEDISC(DATE(2001,1,30),DATE(2001,3,31),0.06,100,4)",
            "B7": "=ACCRINTM(DATE(2001,1,30),DATE(2001,3,31),0.06,1000,4)",
        },
    )
    assert values["B1"] == pytest.approx(0.16666666666666666, rel=1e-15)
    assert values["B2"] == pytest.approx(1.663888888888889, rel=1e-15)
    assert values["B3"] == 60
    assert values["B4"] == pytest.approx(0.01 / (60 / 360), rel=1e-12)
    assert values["B5"] == pytest.approx(1000 / (1 - 0.06 * 60 / 360), rel=1e-12)
    assert values["B6"] == pytest.approx(100 - 0.06 * 100 * 60 / 360, rel=1e-12)
    assert values["B7"] == pytest.approx(1000 * 0.06 * 60 / 360, rel=1e-12)
