"""A number's stored text that reads back as exactly the new result stays byte for byte (recalculation/excel_numbers:
same_number, kept_text, kept_texts). Excel stores some doubles with fewer digits than the 17 the writer gives:
=ROUND(2.149,1) as ``2.1`` (not ``2.1000000000000001``), =1/1000 as ``1E-3``; recalc rewrote those texts though the
value had not changed, so an Excel-saved sheet was rewritten and a signature over it removed. Every path that
writes a cached value keeps them: the plain layouts (untyped, all numbers or mixed; typed), the general path (a
shared formula, a comment in the sheet), an array's other cells, a chart's cached points. A text that does not read
back as the new result (another number, ``0.3`` for 0.30000000000000004, ``-0`` for 0, ``1000.0`` for the whole
number 1000) is rewritten."""

from __future__ import annotations

import math
import random
import re
import zipfile
from operator import ne
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from chart_caches_scaffold import prefixed, recalculated_chart, sheet_s
from openpyxl.chart import LineChart, Reference
from signed_packages import sign

from xl_retention.cells import CellError
from xl_retention.recalculation import recalc_file
from xl_retention.recalculation.xlsx_values import write_cached_values

SHEET = "xl/worksheets/sheet1.xml"
_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'

#: the inputs: 2.149, 0.1, 1000, 10
INPUTS = (
    '<row r="1"><c r="A1"><v>2.149</v></c><c r="B1"><v>0.1</v></c><c r="C1"><v>1000</v></c>'
    '<c r="D1"><v>10</v></c></row>'
)
#: formulas and their results as Excel stores them: fewer digits than 17 where its text reads back as the double
EXCEL_ROW = (
    '<row r="2"><c r="A2"><f>ROUND(A1,1)</f><v>2.1</v></c><c r="B2"><f>ROUND(B1+0.2,1)</f><v>0.3</v></c>'
    '<c r="C2"><f>1/C1</f><v>1E-3</v></c><c r="D2"><f>D1*D1</f><v>100</v></c>'
    '<c r="E2"><f>B1+0.2</f><v>0.30000000000000004</v></c></row>'
)
#: the results those formulas compute
RESULTS = {"A2": 2.1, "B2": 0.3, "C2": 1 / 1000, "D2": 100.0, "E2": 0.1 + 0.2}


def _package(path: Path, rows: str) -> Path:
    """A one-sheet package ``S`` laid out as Excel saves one, holding ``rows`` (its ``<sheetData>``'s content)."""
    sheet = f'{_HEAD}<worksheet xmlns="{_NS}"><dimension ref="A1:F3"/><sheetData>{rows}</sheetData></worksheet>'
    parts = {
        "[Content_Types].xml": f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": f'{_HEAD}<Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
        f'Type="{_DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'{_HEAD}<workbook xmlns="{_NS}" xmlns:r="{_DOC}"><sheets>'
        '<sheet name="S" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>',
        "xl/_rels/workbook.xml.rels": f'{_HEAD}<Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
        f'Type="{_DOC}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        SHEET: sheet,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in parts.items():
            package.writestr(name, text)
    return path


def _sheet(path: Path) -> bytes:
    with zipfile.ZipFile(path) as package:
        return package.read(SHEET)


def _stored(xml: bytes) -> dict[str, str]:
    """Each cell's stored ``<v>`` text, by reference."""
    return {ref.decode(): v.decode() for ref, v in re.findall(rb'<c r="([A-Z]+[0-9]+)"[^>]*>.*?<v>([^<]*)</v>', xml)}


def test_recalc_keeps_an_excel_saved_sheet_whose_values_did_not_change(tmp_path: Path) -> None:
    path = _package(tmp_path / "saved.xlsx", INPUTS + EXCEL_ROW)
    out = tmp_path / "out" / "saved.xlsx"
    report = recalc_file(path, out, engine="embedded")
    assert (report.status, report.message) == ("ok", "")
    assert _sheet(out) == _sheet(path)  # at the parent: 2.1000000000000001, 0.29999999999999999, 1E-3 written
    values = [c.value for c in openpyxl.load_workbook(out, data_only=True)["S"][2]]
    assert values == [2.1, 0.3, 0.001, 100, 0.30000000000000004] and type(values[3]) is int


def test_a_signature_over_it_stays(tmp_path: Path) -> None:
    path = sign(_package(tmp_path / "saved.xlsx", INPUTS + EXCEL_ROW), [SHEET], out=tmp_path / "signed.xlsx")
    out = tmp_path / "out" / "signed.xlsx"
    report = recalc_file(path, out, engine="embedded")
    assert (report.status, report.message) == ("ok", "")  # at the parent: "its digital signature was removed..."
    with zipfile.ZipFile(path) as before, zipfile.ZipFile(out) as after:
        for name in (SHEET, "_xmlsignatures/sig1.xml", "_xmlsignatures/origin.sigs", "_rels/.rels"):
            assert after.read(name) == before.read(name)


def test_recalc_rewrites_a_stored_text_that_no_longer_reads_back_as_the_result(tmp_path: Path) -> None:
    """Inputs changed since Excel saved (A1 2.151, D1 11), and texts that read back otherwise: ``0.3`` stored for
    =B1+0.2 (0.30000000000000004), ``1000.0`` for a whole number (openpyxl would read a float), ``-0`` for 0."""
    inputs = INPUTS.replace("<v>2.149</v>", "<v>2.151</v>").replace("<v>10</v>", "<v>11</v>")
    row = EXCEL_ROW.replace("<v>0.30000000000000004</v>", "<v>0.3</v>") + (
        '<row r="3"><c r="A3"><f>C1*1</f><v>1000.0</v></c><c r="B3"><f>C1-C1</f><v>-0</v></c>'
        '<c r="C3"><f>ROUND(A1,1)*1</f><v>2.2000000000000002</v></c></row>'
    )
    path = _package(tmp_path / "changed.xlsx", inputs + row)
    out = tmp_path / "out" / "changed.xlsx"
    report = recalc_file(path, out, engine="embedded")
    assert (report.status, report.message) == ("ok", "")
    assert _stored(_sheet(out)) == {
        **{"A1": "2.151", "B1": "0.1", "C1": "1000", "D1": "11"},
        **{"A2": "2.2000000000000002", "B2": "0.3", "C2": "1E-3", "D2": "121", "E2": "0.30000000000000004"},
        **{"A3": "1000", "B3": "0", "C3": "2.2000000000000002"},
    }


CHANGED = {"A2": 2.2, "B2": 0.3, "C2": 1 / 1000, "D2": 100.0, "E2": 0.3}
#: the texts written for CHANGED over EXCEL_ROW: A2 and E2 rewritten, the rest as stored
CHANGED_TEXTS = {"A2": "2.2000000000000002", "B2": "0.3", "C2": "1E-3", "D2": "100", "E2": "0.29999999999999999"}

#: EXCEL_ROW as each writing path meets it: its sheet rows, the values written besides RESULTS, and the change those
#: make (a text result given its type)
LAYOUTS = {
    "plain, numbers only": (EXCEL_ROW, {}, (b"", b"")),
    "plain, a text among them": (
        EXCEL_ROW + '<row r="3"><c r="A3"><f>"x"</f><v>1</v></c></row>',
        {"A3": "x"},
        (b'<c r="A3"><f>"x"</f><v>1</v>', b'<c r="A3" t="str"><f>"x"</f><v>x</v>'),
    ),
    "plain, typed, numbers only": (
        EXCEL_ROW + '<row r="3"><c r="A3" t="str"><f>"x"</f><v>x</v></c></row>',
        {"A3": 5.0},
        (b'<c r="A3" t="str"><f>"x"</f><v>x</v>', b'<c r="A3"><f>"x"</f><v>5</v>'),
    ),
    "plain, typed": (EXCEL_ROW + '<row r="3"><c r="A3" t="str"><f>"x"</f><v>x</v></c></row>', {"A3": "x"}, (b"", b"")),
    "a shared formula": (
        EXCEL_ROW.replace("<f>B1+0.2</f>", '<f t="shared" ref="E2:E3" si="0">B1+0.2</f>')
        + '<row r="3"><c r="E3"><f t="shared" si="0"/><v>0.2</v></c></row>',
        {"E3": 0.2},
        (b"", b""),
    ),
    "a comment in the sheet": (EXCEL_ROW.replace('<c r="C2">', '<!-- a note --><c r="C2">'), {}, (b"", b"")),
}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("kinds", ["floats", "an int and numpy floats"])
def test_every_writing_path_keeps_a_text_that_reads_back_and_rewrites_one_that_does_not(
    tmp_path: Path, layout: str, kinds: str
) -> None:
    rows, more, change = LAYOUTS[layout]
    path = _package(tmp_path / "saved.xlsx", INPUTS + rows)
    saved = _sheet(path).replace(*change)
    for results, expected in ((RESULTS, None), (CHANGED, CHANGED_TEXTS)):
        values = {**results, **more}
        if kinds != "floats":
            values = {**values, "D2": 100, "A2": np.float64(values["A2"]), "C2": np.float64(values["C2"])}
        written = write_cached_values(path, tmp_path / "again.xlsx", {"S": values})
        assert written == len(values)
        after = _sheet(tmp_path / "again.xlsx")
        if expected is None:
            assert after == saved  # at the parent: 2.1000000000000001, 0.29999999999999999, 1E-3 rewritten
        else:
            assert {ref: _stored(after)[ref] for ref in expected} == expected
            back = after.replace(b"2.2000000000000002", b"2.1").replace(b"0.29999999999999999", b"0.30000000000000004")
            assert back == saved  # the rest as it was


def test_an_arrays_other_cells_keep_their_stored_texts(tmp_path: Path) -> None:
    rows = INPUTS + (
        '<row r="2"><c r="F2"><f t="array" ref="F2:F3">ROUND(A1:A2,1)</f><v>2.1</v></c></row>'
        '<row r="3"><c r="F3"><v>0.3</v></c></row>'
    )
    path = _package(tmp_path / "array.xlsx", rows)
    for member, text in ((0.3, "0.3"), (1 / 100, "1E-2"), (0.1 + 0.2, "0.30000000000000004")):
        write_cached_values(path, tmp_path / "again.xlsx", {"S": {"F2": 2.1}}, members={"S": {"F3": member}})
        after = _sheet(tmp_path / "again.xlsx")
        assert _stored(after)["F3"] == text
        if text == "0.3":
            assert after == _sheet(path)  # at the parent: 0.29999999999999999


def test_a_charts_cached_points_keep_their_stored_texts(tmp_path: Path) -> None:
    """A chart over B1:B4 whose cache Excel saved as 2.1, 0.3, 1E-3, 100: its part comes back byte for byte; a
    point that no longer reads back as its cell's value (0.3 under =0.1+0.2) is rewritten."""
    for formulas, texts in (
        (("=ROUND(2.149,1)", "=ROUND(0.1+0.2,1)", "=1/1000", "=10*10"), None),
        (("=ROUND(2.149,1)", "=0.1+0.2", "=1/1000", "=10*10"), [b"2.1", b"0.30000000000000004", b"1E-3", b"100"]),
    ):
        book, sheet = sheet_s()
        for row, formula in enumerate(formulas, 1):
            sheet.cell(row, 2, formula)
        chart = LineChart()
        chart.add_data(Reference(sheet, min_col=2, min_row=1, max_row=4))
        sheet.add_chart(chart, "D2")
        book.save(tmp_path / "t.xlsx")

        def cached(part: bytes) -> bytes:  # the chart as Excel saved it: its reference and the cached points
            part = re.sub(rb"<numRef><f>([^<]*)</f></numRef>", rb"<c:numRef><c:f>\1</c:f></c:numRef>", prefixed(part))
            points = b"".join(
                b'<c:pt idx="%d"><c:v>%s</c:v></c:pt>' % p for p in enumerate((b"2.1", b"0.3", b"1E-3", b"100"))
            )
            cache = b'<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="4"/>' + points + b"</c:numCache>"
            return re.sub(rb"(<c:numRef><c:f>[^<]*\$B\$1:\$B\$4</c:f>)", lambda m: m.group(1) + cache, part)

        before, after = recalculated_chart(tmp_path / "t.xlsx", cached, tmp_path / "out.xlsx")
        if texts is None:
            assert after == before  # at the parent: 2.1000000000000001, 0.29999999999999999
        else:
            assert (
                re.findall(rb"<c:v>([^<]*)</c:v>", re.findall(rb"<c:numCache>.*?</c:numCache>", after, re.S)[0])
                == texts
            )


def test_kept_texts_in_bulk_decide_as_one_by_one() -> None:
    """kept_texts (the plain paths' bulk decision) keeps exactly the texts same_number keeps, one by one: shorter
    texts (LibreOffice's, Excel's), repr's, whole numbers' (1000 / 1000.0 / 1E+3), zeros' signs, stale ones, texts
    that are no number's; with an odd text among them (the one-by-one branch) and without."""
    from xl_retention.recalculation.excel_numbers import kept_texts, numbers_texts, same_number

    draw = random.Random(309)
    numbers: list[float] = []
    stored: list[str] = []
    for _ in range(4000):
        x = draw.choice([draw.uniform(-1e4, 1e4), round(draw.uniform(-100, 100), 2), float(draw.randint(-9, 9)), 0.0])
        x = draw.choice([x, -0.0]) if x == 0 else x
        text = draw.choice(
            [repr(x), f"{x:.15g}", f"{x:.17G}", f"{x:.1f}", f"{x:.0f}" if x.is_integer() else "", "-0", "0", "1E+3"]
        )
        numbers.append(x)
        stored.append(text if draw.random() > 0.05 else repr(x + 1))
    texts = numbers_texts(numbers)
    one_by_one = [old if same_number(old, x) else new for old, x, new in zip(stored, numbers, texts, strict=True)]
    assert kept_texts(list(texts), stored, numbers) == one_by_one
    assert sum(map(ne, one_by_one, texts)) > 400  # (many kept)
    odd = [*stored[:-1], " 2.1"]
    assert kept_texts(list(texts), odd, numbers) == [*one_by_one[:-1], texts[-1]]
    assert kept_texts(list(texts), [*stored[:-1], "inf"], [*numbers[:-1], math.inf]) == [*one_by_one[:-1], texts[-1]]


def test_a_cell_whose_type_and_text_did_not_change_keeps_its_start_tag_and_empty_value(tmp_path: Path) -> None:
    """Excel writes a dynamic array's type before its cm attribute (``t="e" cm="1"``) and some files hold an empty
    text as ``<v/>``: the writer moved ``t`` to the end and wrote ``<v></v>``, a change where nothing changed (the
    only differences left, besides values the engine computes otherwise, over the 74 Excel-saved workbooks of
    bench/excel_oracle_manifest.csv). A type that changes is still moved, an empty text that changes still written."""
    rows = INPUTS + (
        '<row r="2"><c r="A2" t="e" cm="1"><f t="array" ref="A2">1/0</f><v>#DIV/0!</v></c>'
        '<c r="B2" t="str" cm="1"><f t="array" ref="B2">""</f><v/></c></row>'
        '<row r="3"><c r="A3" t="str"><f>""</f><v/></c><c r="B3" t="str"><f>MID("a",5,1)</f><v/></c></row>'
    )
    path = _package(tmp_path / "saved.xlsx", rows)
    same = {"A2": CellError("#DIV/0!"), "B2": "", "A3": "", "B3": None}
    for cells in ({"A2": same["A2"], "B2": same["B2"]}, {"A3": same["A3"], "B3": same["B3"]}, same):
        write_cached_values(path, tmp_path / "again.xlsx", {"S": cells})
        assert _sheet(tmp_path / "again.xlsx") == _sheet(path)  # at the parent: cm="1" t="e", <v></v>
    plain = _package(tmp_path / "plain.xlsx", INPUTS + rows[rows.index('<row r="3">') :])  # the plain path's
    write_cached_values(plain, tmp_path / "again.xlsx", {"S": {"A3": "", "B3": None}})
    assert _sheet(tmp_path / "again.xlsx") == _sheet(plain)
    write_cached_values(path, tmp_path / "again.xlsx", {"S": {**same, "A2": 2.1, "B2": "x", "A3": "y"}})
    after = _sheet(tmp_path / "again.xlsx").decode()
    assert '<c r="A2" cm="1"><f t="array" ref="A2">1/0</f><v>2.1000000000000001</v></c>' in after
    assert '<c r="B2" t="str" cm="1"><f t="array" ref="B2">""</f><v>x</v></c>' in after  # (its type as it was)
    assert '<c r="A3" t="str"><f>""</f><v>y</v></c><c r="B3" t="str"><f>MID("a",5,1)</f><v/></c>' in after
