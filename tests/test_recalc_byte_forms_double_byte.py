"""LENB, LEFTB, RIGHTB, MIDB, FINDB, SEARCHB and REPLACEB over a double-byte character are listed as CODE is: their
bytes are the computer's language's (H570's finding 03: LENB('日本語テキスト') was a Western Excel's 7 under ok, a
Japanese Excel gives 14); over single-byte text they are computed."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation.batch import recalc_file

WHY = (
    "{name} of a text holding {what} is not computed: Excel counts its bytes in the code page of the computer opening "
    "the file (2 for such a character where Chinese, Japanese or Korean is the default language, 1 elsewhere), as CODE "
    "gives its number there"
)
CELLS = "a double-byte character (the text the cells give)"


def test_byte_forms_over_double_byte_text_are_listed(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["A2"] = "日本語テキスト", "Revenue"
    formulas = {
        "B1": "=LENB(A1)",
        "B2": "=LEFTB(A1,4)",
        "B3": "=MIDB(A1,3,4)",
        "B4": '=FINDB("語",A1)',
        "B5": "=RIGHTB(A2,3)",
        "B6": "=LENB(A2)",
        "B7": '=SEARCHB("n",A2)',
        "B8": '=REPLACEB(A2,1,1,"日")',
        "B9": '=LENB("café")',
        "B10": '=IFERROR(SEARCHB("x",A1),0)',
        "B11": '=LENB("España")',  # ñ: no DBCS code page holds it in two bytes
    }
    for ref, formula in formulas.items():
        sheet[ref] = formula
    book.save(tmp_path / "t.xlsx")
    result = recalc_file(tmp_path / "t.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "incomplete"
    reasons = {issue.address: issue.reason for issue in result.unsupported}
    hidden = " (its error is hidden by IFERROR or the like; it is listed where the cell shows it)"
    assert reasons == {
        "S!B1": WHY.format(name="LENB", what=CELLS),
        "S!B2": WHY.format(name="LEFTB", what=CELLS),
        "S!B3": WHY.format(name="MIDB", what=CELLS),
        "S!B4": WHY.format(name="FINDB", what="'語' (U+8A9E)"),
        "S!B8": WHY.format(name="REPLACEB", what="'日' (U+65E5)"),
        "S!B9": WHY.format(name="LENB", what="'é' (U+00E9)"),
        "S!B10": WHY.format(name="SEARCHB", what=CELLS) + hidden,
    }
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out[ref].value for ref in ("B5", "B6", "B7", "B11")] == ["nue", 7, 5, 6]
