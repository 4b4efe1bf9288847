"""CODE of a character outside Windows-1252 (H509's finding 07): the engine gave its Unicode number (CODE("Ω") 937,
CODE("Łódź") 321) with status ok, a number no Excel gives: Excel's CODE is the character's number in the code page of
the computer opening the file (63, "?", on a Western Windows; 217 on a Greek one). Such a cell is now listed with the
reason; a character of Windows-1252 is computed as Excel for Windows gives it, and CHAR(129) is U+0081 (was U+FFFD)."""

from one_sheet import recalc_sheet

_REASON = (
    "CODE of {what} outside Windows-1252 is not computed: Excel gives its number in the code page of the computer "
    "opening the file (63, '?', on a Western Windows; another under a Greek, Cyrillic or Central European one), "
    "UNICODE its Unicode number"
)


def test_code_outside_windows_1252_is_listed(tmp_path):
    result, values = recalc_sheet(
        tmp_path,
        {
            "A1": "Ωmega",
            "A2": "€",
            "B1": "=CODE(A1)",
            "B2": '=CODE("Łódź")',
            "B3": "=CODE(A2)",
            "B4": '=CODE("é")',
            "B5": "=CODE(CHAR(129))",
            "B6": "=_xlfn.UNICODE(CHAR(129))",
            "B7": "=_xlfn.UNICODE(A1)",
        },
    )
    assert result.status == "incomplete"
    assert sorted((u.address, u.function, u.reason) for u in result.unsupported) == [
        ("S!B1", "CODE", _REASON.format(what="a character (the text the cells give)")),
        ("S!B2", "CODE", _REASON.format(what="'Ł' (U+0141)")),
    ]
    assert "B1" not in values and "B2" not in values
    assert [values[f"B{r}"] for r in range(3, 8)] == [128, 233, 129, 129, 937]
