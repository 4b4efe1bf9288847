"""NUMBERVALUE without its separator arguments reads the locale's (Microsoft's NUMBERVALUE page): ``"1.2.3"`` is
#VALUE! to an en-US Excel (a decimal separator more than once) and 123 to a decimal-comma Excel (a group separator
before the decimal one is ignored, whatever the sizes of the groups). It was written #VALUE! under status ok with an
empty reason, where ``"1.200.000"`` (VALUE's thousands) was listed (H524's finding 06): now listed alike, the text and
where it is named. A text NUMBERVALUE reads as no number in every locale names what in it is no number: a sign after a
digit or twice, a % before the end, the decimal separator twice (LibreOffice 7.4 headless: #VALUE! for each)."""

from __future__ import annotations

from one_sheet import recalc_sheet, recalc_stored, sheet_book

LOCALE = (
    "NUMBERVALUE's text {where}{text!r}, its separators not given, is read by the decimal separator of the computer's "
    "regional settings, which the file does not record: an en-US Excel gives #VALUE!, a decimal-comma Excel {other} "
    "(its group separator '.' ignored before the decimal separator: Microsoft's NUMBERVALUE page), so the embedded "
    "engine does not compute it"
)


def test_a_text_only_a_decimal_comma_excel_reads_is_listed_with_its_cell_and_text(tmp_path):
    result, values = recalc_sheet(
        tmp_path,
        {
            "A1": "1.20.3",
            "B1": '=_xlfn.NUMBERVALUE("1.2.3")',
            "B2": "=_xlfn.NUMBERVALUE(A1)",
            "B3": '=_xlfn.NUMBERVALUE("1.2"&".3")',  # made when the formula runs
            "B4": "=B1+1",
            "B5": '=_xlfn.NUMBERVALUE("1.2.3",",",".")',  # its separators given: every Excel's 123
            "B6": '=_xlfn.NUMBERVALUE("1.5")',  # a number to en-US: computed as before
        },
    )
    assert result.status == "incomplete"
    listed = {u.address: (u.function, u.reason) for u in result.unsupported}
    assert listed.pop("S!B3") == (
        "NUMBERVALUE",
        "NUMBERVALUE's text (made when the formula runs), its separators not given, holds a currency sign or is read "
        "as a number only by a decimal-comma Excel ('1.2.3': 123 there, #VALUE! to an en-US Excel): either is read "
        "by the computer's regional settings, which the file does not record, so the embedded engine does not "
        "compute it",
    )
    assert listed == {
        "S!B1": ("locale", LOCALE.format(where="", text="1.2.3", other="123")),
        "S!B2": ("locale", LOCALE.format(where="in A1 ", text="1.20.3", other="1203")),
        "S!B4": ("locale", "reads S!B1 (locale), which has no current value (the embedded engine cannot compute it)"),
    }
    assert result.errors == []
    assert [values.get(f"B{r}") for r in range(1, 7)] == [None, None, None, None, 123, 1.5]


def test_excels_stored_value_of_such_a_text_is_kept(tmp_path):
    book = sheet_book({"B1": '=_xlfn.NUMBERVALUE("1.2.3")', "B2": "=B1*2"})
    values, result = recalc_stored(book, tmp_path, {"B1": "123", "B2": "246"}, ["B1", "B2"])
    assert values == {"B1": 123, "B2": 246}
    listed = {u.address: u.function for u in result.unsupported}
    assert listed["S!B1"] == "locale" and "S!B2" in listed  # (B2 not computed: its reason is the currency case's)


def test_a_text_no_locale_reads_names_what_in_it_is_no_number(tmp_path):
    result, values = recalc_sheet(
        tmp_path,
        {
            "A1": "5-",
            "B1": "=_xlfn.NUMBERVALUE(A1)",
            "B2": '=_xlfn.NUMBERVALUE("--5")',
            "B3": '=_xlfn.NUMBERVALUE("5%3")',
            "B4": '=_xlfn.NUMBERVALUE("1,2,3",",",".")',
        },
    )
    assert (result.status, result.unsupported) == ("ok", [])
    assert [values[f"B{r}"] for r in range(1, 5)] == ["#VALUE!"] * 4
    assert [(e.address, e.reason) for e in result.errors] == [
        (
            "S!B1",
            "NUMBERVALUE: the text '5-' in S!A1 holds the sign '-' after a digit: NUMBERVALUE reads one sign, before "
            "the digits (#VALUE!)",
        ),
        (
            "S!B2",
            "NUMBERVALUE: the text '--5' holds 2 signs ('--'): NUMBERVALUE reads one sign, before the digits (#VALUE!)",
        ),
        (
            "S!B3",
            "NUMBERVALUE: the text '5%3' holds '%' before its end: NUMBERVALUE reads percent signs only at the end of "
            "it (#VALUE!)",
        ),
        (
            "S!B4",
            "NUMBERVALUE: the text '1,2,3' holds the decimal separator ',' 2 times (Microsoft's NUMBERVALUE page: more "
            "than once is #VALUE!) (#VALUE!)",
        ),
    ]


def test_the_twin_thousands_text_is_listed_as_before(tmp_path):
    """``1.200.000`` stays :mod:`.locale_results`' (its reading named by VALUE's thousands rule)."""
    result, _ = recalc_sheet(tmp_path, {"B1": '=_xlfn.NUMBERVALUE("1.200.000")'})
    (listed,) = result.unsupported
    assert listed.function == "locale"
    assert listed.reason.startswith("holds the text '1.200.000' (in the formula), which Excel reads by the decimal")
