"""A call this package lists as not computed (its "not implemented" error: YIELDMAT issued after settlement), read
by another of its functions in the same formula, came out #VALUE! with status ok: the error went on as the code
"#NIMPL!", which the engine reads as #VALUE! (TEXT(..), FVSCHEDULE(..) #VALUE!, ERROR.TYPE(..) #N/A, ARRAYTOTEXT(..)
the text "#NIMPL!"). Each such cell is listed now, with no value (a cell with an error value is evaluated once more
noting the calls, as one behind IFERROR was); a cell only reading a listed cell is computed from the value kept."""

from one_sheet import recalc_sheet

LISTED = "YIELDMAT(DATE(2008,3,15),DATE(2008,11,3),DATE(2008,4,8),0.06,99)"


def test_a_listed_call_inside_another_function_lists_the_cell(tmp_path):
    result, values = recalc_sheet(
        tmp_path,
        {
            "B1": f'=TEXT({LISTED},"0.00")',
            "B2": f"=FVSCHEDULE({LISTED},{{0.1}})",
            "B3": f"=ERROR.TYPE({LISTED})",
            "B4": f"=_xlfn.ARRAYTOTEXT({LISTED})",
            "B5": "=ERROR.TYPE(1/0)",
        },
    )
    assert result.status == "incomplete", result.message
    assert {u.address for u in result.unsupported} == {"S!B1", "S!B2", "S!B3", "S!B4"}
    assert values == {"B5": 2}


def test_a_cell_reading_a_kept_cell_is_computed_from_its_value(tmp_path):
    import datetime as dt

    from test_excel_leftovers4 import _book, _values

    from xl_retention.recalculation import recalc_file

    cells = {"A1": dt.date(2026, 1, 15), "B1": '=TEXT(A1,"MMMM JJJJ")', "B2": "=LEN(B1)", "B3": "=UPPER(B1)"}
    source = _book(tmp_path, cells, {"B1": "Januar 2026"})
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert [u.address for u in result.unsupported] == ["S!B1"]
    assert _values(tmp_path / "out.xlsx", ["B1", "B2", "B3"]) == {"B1": "Januar 2026", "B2": 11, "B3": "JANUAR 2026"}
