"""IMSUM, IMSUB, IMPRODUCT, IMDIV and IMCONJUGATE: the engine left out a part below 1E-10 where Excel keeps each part
to 15 significant digits (IMSUM("1E-12+i","1") was "1+i", IMDIV("1","3E11") "0", IMAGINARY of 1E-11i 0, status ok).
Microsoft's examples of IMPRODUCT and IMDIV keep their values."""

from one_sheet import recalc_sheet, recalculated


def test_small_parts_are_kept_to_15_digits(tmp_path):
    values = recalculated(
        tmp_path,
        {
            "A1": "1+2i", "A2": "3-i",
            "B1": '=IMSUM("1E-12+i","1")',
            "B2": '=IMSUM("1E-12+i","0")',
            "B3": '=IMSUB("1.000000000001","1")',
            "B4": '=IMDIV("1","3E11")',
            "B5": '=IMPRODUCT("1E-6+i","1E-6")',
            "B6": '=IMAGINARY(IMSUM("1","1E-11i"))',
            "B7": '=IMCONJUGATE("1E-12+3j")',
            "B8": '=IMPRODUCT("3+4i","5-3i")',  # Microsoft's example: 27+11i
            "B9": '=IMDIV("-238+240i","10+24i")',  # Microsoft's example: 5+12i
            "B10": "=IMSUM(A1:A2)",
            "B11": '=IMSUM("1.1","2.2")="3.3"',
            "B12": '=IMSUM("1+i","1+j")',
            "B13": '=IMDIV("1","0")',
            "B14": '=IMSUM("1+x")',
        },
    )  # fmt: skip
    assert [values[f"B{n}"] for n in range(1, 6)] == [
        "1.000000000001+i", "1E-12+i", "1.00008890058234E-12", "3.33333333333333E-12", "1E-12+0.000001i",
    ]  # fmt: skip
    assert values["B6"] == 1e-11
    assert [values[f"B{n}"] for n in range(7, 15)] == [
        "1E-12-3j", "27+11i", "5+12i", "4+i", True, "#VALUE!", "#NUM!", "#NUM!",
    ]  # fmt: skip


def test_an_empty_argument_is_listed(tmp_path):
    result, values = recalc_sheet(tmp_path, {"B1": '=IMSUM("")', "B2": "=IMSUM(A1:A2)", "A1": "1+i"})
    assert result.status == "incomplete", result.message
    assert not {"B1", "B2"} & set(values)


def test_impower_takes_the_polar_form_as_excel(tmp_path):
    """IMPOWER multiplied the number out ("-46+9i"); Excel takes r^n(cos nθ + i sin nθ): Microsoft's example."""
    values = recalculated(tmp_path, {"B1": '=IMPOWER("2+3i",3)', "B2": '=IMPOWER("3+4i",-1)', "B3": '=IMPOWER("0",-1)'})
    assert [values["B1"], values["B2"], values["B3"]] == ["-46+9.00000000000001i", "0.12-0.16i", "#NUM!"]


def test_impower_with_a_rounding_remainder_is_listed(tmp_path):
    """IMPOWER("1+i",2): its real part is the remainder of an angle from atan2, whose last bit may be not Excel's."""
    result, values = recalc_sheet(tmp_path, {"B1": '=IMPOWER("1+i",2)', "B2": '=IMPOWER("1+i",4)'})
    assert result.status == "incomplete", result.message
    assert not {"B1", "B2"} & set(values)


def test_impower_on_an_axis_leaves_a_residue_of_pi_and_is_listed(tmp_path):
    """IMPOWER("i",2) is -1 plus i times the sine of pi as Excel reduces it: published as 1.22514845490862E-16, neither
    the true pi's 1.22464679914735E-16 nor the x87's 1.22460635382238E-16; not known for sure, so the cell is listed
    (x87_trigonometry), while a power whose angle is a multiple of pi exactly in binary is computed."""
    result, values = recalc_sheet(
        tmp_path,
        {"B1": '=IMPOWER("i",2)', "B2": '=IMPOWER("-4",0.5)', "B3": '=IMPOWER("-1",1)', "B4": '=IMPOWER("4",0.5)'},
    )
    assert result.status == "incomplete", result.message
    assert not {"B1", "B2", "B3"} & set(values)
    assert values["B4"] == "2"
