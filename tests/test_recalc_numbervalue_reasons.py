"""NUMBERVALUE of a text it reads as no number is #VALUE! as in Excel and LibreOffice (NUMBERVALUE("USD "&A4), a letter
code no locale's currency; separators it cannot use); the cell was listed with an empty reason (H520's task 2). The
reason names the text, the cell it is in (or the expression giving it) and what in it is no part of a number."""

from one_sheet import recalc_sheet


def test_a_text_numbervalue_reads_as_no_number_is_named(tmp_path):
    result, values = recalc_sheet(
        tmp_path,
        {
            "A4": 5,
            "A5": "USD 1.200,50",
            "B1": '=_xlfn.NUMBERVALUE("USD "&A4)',
            "B2": '=_xlfn.NUMBERVALUE(A5,",",".")',
            "B3": '=_xlfn.NUMBERVALUE("1.200,50",",",".")',
            "B4": '=_xlfn.NUMBERVALUE("1,5.2",",",".")',
            "B5": '=_xlfn.NUMBERVALUE("12",",",",")',
            "B6": '=_xlfn.NUMBERVALUE("1 2 3%")',
        },
    )
    # LibreOffice 7.4 headless: #VALUE!, Err:502 (Excel's #VALUE!), 1200.5, #VALUE!, Err:502, 1.23
    assert [values[f"B{r}"] for r in range(1, 7)] == ["#VALUE!", "#VALUE!", 1200.5, "#VALUE!", "#VALUE!", 1.23]
    assert result.status == "ok"
    assert [(e.address, e.reason) for e in result.errors] == [
        (
            "S!B1",
            "NUMBERVALUE: the text 'USD 5' (what \"USD \"&A4 gives) holds 'USD', no part of a number to NUMBERVALUE "
            "(it reads digits, the decimal separator '.', the group separator ',' before it, spaces and trailing %) "
            "(#VALUE!)",
        ),
        (
            "S!B2",
            "NUMBERVALUE: the text 'USD 1.200,50' in S!A5 holds 'USD', no part of a number to NUMBERVALUE (it reads "
            "digits, the decimal separator ',', the group separator '.' before it, spaces and trailing %) (#VALUE!)",
        ),
        (
            "S!B4",
            "NUMBERVALUE: the text '1,5.2' holds the group separator '.' after the decimal separator ',' (#VALUE!)",
        ),
        ("S!B5", "NUMBERVALUE: the decimal separator ',' is the group separator too (#VALUE!)"),
    ]
