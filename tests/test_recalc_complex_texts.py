"""Excel writes each part of an IM function's complex number at 15 significant digits (H51 finding 03): the engine
wrote up to 17 ("3.3000000000000003"), so comparisons and lengths of the text differed from Excel's (LibreOffice
agrees with Excel on every value below but the exponent's case: 3e+20).
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalculated


def test_complex_numbers_are_written_at_15_digits(tmp_path: Path) -> None:
    cells: dict[str, object] = {
        "A1": '=IMSUM("1.1","2.2")',
        "A2": '=IMDIV("1","3")',
        "A3": "=COMPLEX(1/3,2)",
        "A4": "=IMLOG2(3)",
        "A5": '=IMEXP("1")',
        "A6": '=LEN(IMDIV("1","3"))',
        "A7": '=IMSUM("1.1","2.2")="3.3"',
        "A8": '=IMPRODUCT("1e10+2i","3e10")',
        "A9": '=IMCONJUGATE("3-1.1i")',
        "A10": '=IMREAL("3.3+2i")',
        "A11": '=IMSUM("1.1+2.2j","1j")',
    }
    got = recalculated(tmp_path, cells)
    assert [got[f"A{r}"] for r in range(1, 12)] == [
        "3.3",
        "0.333333333333333",
        "0.333333333333333+2i",
        "1.58496250072116",
        "2.71828182845905",
        17,
        True,
        "3E+20+60000000000i",
        "3+1.1i",
        3.3,
        "1.1+3.2j",
    ]


def test_complex_keeps_a_part_however_small_and_refuses_an_upper_case_suffix(tmp_path: Path) -> None:
    # the engine left out a part below 1E-10: COMPLEX(1E-20,-1) "-i" (Excel "1E-20-i"), COMPLEX(1E-11,0) "0" and
    # IMREAL of it 0; Microsoft's page: a suffix other than "i" or "j", upper case too, is #VALUE! (the engine: "1+2i")
    cells: dict[str, object] = {
        "A1": "=COMPLEX(1E-20,-1)",
        "A2": "=COMPLEX(1E-11,0)",
        "A3": "=IMREAL(COMPLEX(1E-20,-1))",
        "A4": '=COMPLEX(1,2,"I")',
        "A5": '=COMPLEX(1.5,-2.25,"j")',
        "A6": "=COMPLEX(0,0)",
        "A7": "=COMPLEX(0,-1)",
        "A8": "=COMPLEX(B1,3)",  # a blank cell is 0
    }
    got = recalculated(tmp_path, cells)
    assert [got[f"A{r}"] for r in range(1, 9)] == ["1E-20-i", "1E-11", 1e-20, "#VALUE!", "1.5-2.25j", "0", "-i", "3i"]
