"""AREAS, which the embedded engine lacked (incomplete, no value; IFERROR(AREAS(..),-1) listed): the count of the
areas of a union typed in, of one reference, or of a name of one or several areas, as Excel counts them."""

from one_sheet import recalc_sheet, recalculated


def test_areas_of_unions_references_and_names(tmp_path):
    result, values = recalc_sheet(
        tmp_path,
        {
            "A1": 1, "A2": 2,
            "B1": "=AREAS((B2:D4,E5,F6:I9))",  # Microsoft's example: 3
            "B2": "=AREAS(B2:D4)",
            "B3": "=AREAS(S!A1)+AREAS($A:$A)+AREAS(1:3)",
            "B4": "=AREAS(Blocks)",
            "B5": "=SUM(Data)+AREAS(Data)",
            "B6": "=IFERROR(AREAS(Blocks),-1)",
            "B7": "=AREAS(XYZ1)",  # a name (XYZ is past the last column XFD), of two areas
        },
        names={"Blocks": "S!$A$1:$A$3,S!$C$1", "Data": "S!$A$1:$A$3", "XYZ1": "S!$A$1,S!$C$1"},
    )  # fmt: skip
    assert result.status == "ok", result.message
    assert [values[c] for c in ("B1", "B2", "B3", "B4", "B5", "B6", "B7")] == [3, 1, 3, 2, 4, 2, 2]


def test_areas_of_a_reference_made_when_it_runs_stays_listed(tmp_path):
    result, values = recalc_sheet(tmp_path, {"B1": '=AREAS(INDIRECT("A1"))'})
    assert result.status == "incomplete", result.message
    assert "B1" not in values


def test_example_of_microsoft_as_written(tmp_path):
    assert recalculated(tmp_path, {"B1": "=AREAS((B2:D4,E5,F6:I9))"})["B1"] == 3
