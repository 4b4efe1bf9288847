"""A number pasted with a tab, a line break or a space other than " " at an end ("800\\t" from a web page's table,
"118\\n" from a chat) is text to Excel's arithmetic (#VALUE!: Microsoft's advice is VALUE(TRIM(CLEAN(..)))), where the
embedded engine skipped every whitespace and wrote 800 under `ok` (H265's finding 01; LibreOffice gives #VALUE!
too). Spaces alone (" 185 ") are skipped, as Excel skips them. The #VALUE! names the cell and what is around it."""

from __future__ import annotations

import re
import zipfile

import openpyxl
import pytest

from xl_retention.recalculation.batch import recalc_file

TEXTS = ["185\t", "185\n", "185\u2009", "185\u3000", "185\u00a0", "\t185", " 185 ", "$1,200\t"]


def _shared_strings(path):
    """The workbook at ``path`` with its inline strings made shared strings, as Excel and LibreOffice save texts."""
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    texts: list[bytes] = []

    def shared(match: re.Match[bytes]) -> bytes:
        texts.append(match.group(2))
        return b'<c r="' + match.group(1) + b'" t="s"><v>' + str(len(texts) - 1).encode() + b"</v></c>"

    sheet = "xl/worksheets/sheet1.xml"
    inline = rb'<c r="([A-Z]+\d+)" t="inlineStr"><is><t[^>]*>([^<]*)</t></is></c>'
    parts[sheet] = re.sub(inline, shared, parts[sheet])
    items = b"".join(b'<si><t xml:space="preserve">' + text + b"</t></si>" for text in texts)
    main = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    parts["xl/sharedStrings.xml"] = (
        b'<sst xmlns="'
        + main
        + b'" count="%d" uniqueCount="%d">'
        % (
            len(texts),
            len(texts),
        )
        + items
        + b"</sst>"
    )
    kind = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="' + kind + b'"/></Types>'
    )
    relation = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdShared" Type="' + relation + b'" Target="sharedStrings.xml"/></Relationships>',
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return len(texts)


@pytest.mark.parametrize("shared", [False, True])
def test_texts_with_odd_spaces_are_no_numbers(tmp_path, shared):
    """openpyxl writes inline strings, Excel and LibreOffice shared strings: both are found."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for row, text in enumerate(TEXTS, 1):
        ws.cell(row, 1, text)
        ws.cell(row, 2, f"=A{row}+0")
        ws.cell(row, 3, f"=SUM(A{row},1)")  # a text in a reference: left out of SUM, as Excel does
    wb.save(tmp_path / "in.xlsx")
    if shared:
        assert _shared_strings(tmp_path / "in.xlsx") == len(TEXTS)
    report = recalc_file(tmp_path / "in.xlsx", tmp_path / "out.xlsx", engine="embedded")
    ws = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [ws.cell(row, 2).value for row in range(1, 9)] == ["#VALUE!"] * 6 + [185, "#VALUE!"]
    assert [ws.cell(row, 3).value for row in range(1, 9)] == [1] * 8
    reasons = {error.address: error.reason for error in report.errors}
    assert reasons["S!B1"] == (
        "S!A1 is the text '185\\t', no number to Excel (with a tab around '185'): type 185 again in the cell "
        "without it (#VALUE!)"
    )
    assert reasons["S!B5"] == (
        "S!A5 is the text '185\\xa0', no number to Excel (with a no-break space around '185'): type 185 again in "
        "the cell without it (#VALUE!)"
    )
    assert report.status == "ok"


def test_a_tracker_input_pasted_with_a_line_break(tmp_path):
    from xl_retention.workbook.template import build_template

    build_template(tmp_path / "t.xlsx", months=3, start="2026-01")
    wb = openpyxl.load_workbook(tmp_path / "t.xlsx")
    customers = wb["Customers"]
    customers["B2"], customers["C2"], customers["D2"] = 100, 10, 95
    customers["C3"], customers["D3"] = 12, "101\n"  # (the start, B3, is January's end)
    wb.save(tmp_path / "t.xlsx")
    report = recalc_file(tmp_path / "t.xlsx", tmp_path / "out.xlsx", engine="embedded")
    values = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["Customers"]
    assert (values["F2"].value, values["F3"].value) == (0.85, "#VALUE!")
    reasons = {error.address: error.reason for error in report.errors}
    assert reasons["Customers!F3"] == (
        "CRR: customers_end must be a number, got the text '101\\n' (a number stored as text: type it as a number), "
        "in Customers!D3 (Customers at end) (#VALUE!)"
    )
