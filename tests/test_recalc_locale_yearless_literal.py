"""A day and month typed without a year inside the formula (H509's finding 06): ``=DATEVALUE("3/4")`` and
``="3/4"+0`` were 46085 (4 March of 2026, en-US's reading) with status ok, where the same text in a cell (``=A1+0``)
and ``DATEVALUE("3/4/2024")`` are listed as ``locale``: a day-first Excel reads 3 April (46115). They are listed now;
"1/2" joined to another text by & stays a part of it (``("1 "&"1/2")+0`` is 1.5 in every Excel), and a text both
read alike ("5/5") is computed."""

import datetime as dt

from one_sheet import recalc_sheet


def _serial(day: dt.date) -> int:
    return (day - dt.date(1899, 12, 30)).days


def test_yearless_date_typed_in_the_formula_is_listed(tmp_path):
    result, values = recalc_sheet(
        tmp_path,
        {
            "B1": '=DATEVALUE("3/4")',
            "B2": '="3/4"+0',
            "B3": '=("1 "&"1/2")+0',
            "B4": '=DATEVALUE("5/5")',
            "B5": '=LEN("3/4")',
        },
    )
    year = dt.date.today().year
    us, day_first = _serial(dt.date(year, 3, 4)), _serial(dt.date(year, 4, 3))
    reason = (
        "holds the text '3/4' (in the formula), which Excel reads by the date order of the computer's regional "
        "settings (Microsoft's DATEVALUE page: the system date setting may make the results vary), which the file "
        f"does not record: an en-US Excel gives {us}, a day-first Excel {day_first}; the file stores no value of "
        "Excel's to tell which, so the embedded engine does not compute it"
    )
    assert result.status == "incomplete"
    assert sorted((u.address, u.function, u.reason) for u in result.unsupported) == [
        ("S!B1", "locale", reason),
        ("S!B2", "locale", reason),
    ]
    assert "B1" not in values and "B2" not in values
    assert [values["B3"], values["B4"], values["B5"]] == [1.5, _serial(dt.date(year, 5, 5)), 3]
