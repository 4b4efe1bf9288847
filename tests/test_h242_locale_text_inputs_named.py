"""A tracker's count pasted as the text '2,451' is named once with what to do (H242's finding 03): recalc said only
"28 cells could not be recalculated (unsupported locale): they keep no value stored in the file, or its inputs changed
since", and no line said to type Customers!D5 as a number. The file stays incomplete (a decimal-comma Excel reads
'2,451' as 2.451): the figure is the user's to settle."""

from __future__ import annotations

import openpyxl

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template


def _tracker(tmp_path, typed: dict[tuple[str, str], object]):
    path = build_template(tmp_path / "w.xlsx", start="2026-08", months=6)
    wb = openpyxl.load_workbook(path)
    customers, revenue = wb["Customers"], wb["Revenue"]
    customers["B2"], revenue["B2"] = 2412, 52310
    for row, (gained, end) in enumerate([(137, 2421), (141, 2436), (129, 2440), (145, 2451)], start=2):
        customers[f"C{row}"], customers[f"D{row}"] = gained, end
        revenue[f"C{row}"] = 4000
    for (sheet, ref), value in typed.items():
        wb[sheet][ref] = value
    wb.save(path)
    return path


def test_one_text_input_is_named_with_the_number_to_type(tmp_path):
    report = recalc_file(_tracker(tmp_path, {("Customers", "D5"): "2,451"}), tmp_path / "out.xlsx")
    assert report.status == "incomplete"
    assert report.message.startswith(
        "w.xlsx: Customers!D5 (Customers at end) is the text '2,451': type it as a number there (an en-US Excel reads "
        "2451, a decimal-comma Excel 2.451; the file does not say which reading its Excel takes, so the formulas "
        "reading it are not recalculated); w.xlsx: "
    ), report.message


def test_several_text_inputs_are_each_named(tmp_path):
    typed = {("Customers", "D5"): "2,451", ("Revenue", "C3"): "4,650", ("Customers", "B2"): "2,412"}
    report = recalc_file(_tracker(tmp_path, typed), tmp_path / "out.xlsx")
    assert report.status == "incomplete"
    line = report.message.split("; w.xlsx: ")[0]
    assert line.startswith("w.xlsx: type each of these as a number in its cell: ")
    for said in (
        "Customers!D5 (Customers at end) is the text '2,451' (an en-US Excel reads 2451, a decimal-comma Excel 2.451)",
        "Revenue!C3 (New MRR) is the text '4,650' (an en-US Excel reads 4650, a decimal-comma Excel 4.650)",
        "Customers!B2 (Customers at start) is the text '2,412' (an en-US Excel reads 2412, a decimal-comma Excel "
        "2.412)",
    ):
        assert said in line, line


def test_thousands_grouped_by_spaces_are_a_locales_reading(tmp_path):
    """'1 200' (a no-break space, France's grouping; a plain space and U+202F alike) pasted in New MRR (H486's finding
    03): recalc wrote #VALUE! over Revenue!H3 and every later MRR, "no number", status ok, where a French Excel reads
    1200 and '1.200', '1 200,50' are named as the locale's. Now named the same way, the file incomplete."""
    for k, text in enumerate(("1\u00a0200", "1 200", "1\u202f200")):
        (tmp_path / str(k)).mkdir()
        report = recalc_file(_tracker(tmp_path / str(k), {("Revenue", "C3"): text}), tmp_path / str(k) / "out.xlsx")
        assert report.status == "incomplete"
        assert report.message.startswith(
            "w.xlsx: Revenue!C3 (New MRR) is the text '1 200': type it as a number there (an Excel grouping "
            "thousands so reads 1200, an en-US Excel no number; the file does not say which reading its Excel "
            "takes, so the formulas reading it are not recalculated); w.xlsx: "
        ), report.message
        assert all(e.address != "Revenue!H3" for e in report.errors)
