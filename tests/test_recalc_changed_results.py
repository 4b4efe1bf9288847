"""A rerun replaces its earlier result only while that result is as this command wrote it.

``recalc tracker.xlsx --output-dir out`` then ``import --into out/tracker.xlsx`` (the user works on the result) then
the same recalc again: the rerun replaced out/tracker.xlsx by a new result of tracker.xlsx, status ok, and the
imported months were gone. ``import --into`` (and ``recalc --in-place``) keep the zip comment that names the input,
so the result looked like an earlier result of it. Now the comment also holds a digest of the result's entries as
written; a result changed since is named and kept, byte for byte.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc, recalc_file
from xl_retention.workbook.inplace import Package


def _source(tmp_path: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.active.title = "S"
    wb.active["A1"], wb.active["B1"] = 2, "=A1*3"
    path = tmp_path / "report.xlsx"
    wb.save(path)
    return path


def test_an_earlier_result_changed_in_place_since_is_kept(tmp_path: Path) -> None:
    source = _source(tmp_path)
    output = tmp_path / "out" / "report.xlsx"
    first = recalc(source, engine="embedded", output_dir=output.parent).files[0]
    assert first.status == "ok", first.message
    again = recalc(source, engine="embedded", output_dir=output.parent).files[0]  # unchanged: a rerun replaces it
    assert again.status == "ok", again.message
    package = Package(output)  # what import --into does: the sheet changed in place, the zip comment kept
    package.edit("xl/worksheets/sheet1.xml", lambda xml: xml.replace(b"<v>2</v>", b"<v>7</v>", 1))
    package.save()
    assert b"xl-retention recalc of" in zipfile.ZipFile(output).comment
    before = output.read_bytes()
    third = recalc_file(source, output)
    assert third.status == "failed"
    assert third.message == (
        f"report.xlsx: its output {output} is an earlier result of report.xlsx changed since this command wrote it "
        "(imported into, or recalculated in place): not replaced; move it or choose another output folder "
        "(--output-dir)"
    )
    assert output.read_bytes() == before
    assert openpyxl.load_workbook(output).active["A1"].value == 7


def test_an_earlier_result_recalculated_in_place_is_kept(tmp_path: Path) -> None:
    source = _source(tmp_path)
    output = tmp_path / "report.recalc.xlsx"
    assert recalc_file(source, output).status == "ok"
    wb = openpyxl.load_workbook(output)
    assert wb.active["B1"].value == "=A1*3"
    package = Package(output)
    package.edit("xl/worksheets/sheet1.xml", lambda xml: xml.replace(b"<v>2</v>", b"<v>5</v>", 1))
    package.save()
    assert recalc_file(output, output, in_place=True).status == "ok"  # B1 is 15 now, the comment kept
    assert openpyxl.load_workbook(output, data_only=True).active["B1"].value == 15
    assert recalc_file(source, output).status == "failed"
    assert openpyxl.load_workbook(output, data_only=True).active["B1"].value == 15


def test_a_result_marked_without_a_digest_is_still_replaced(tmp_path: Path) -> None:
    """Results written before the digest was added name their input alone: a rerun replaces them, as it did."""
    source = _source(tmp_path)
    output = tmp_path / "report.recalc.xlsx"
    assert recalc_file(source, output).status == "ok"
    with zipfile.ZipFile(output, "a") as package:
        package.comment = b"xl-retention recalc of " + str(source.resolve()).encode()
    assert recalc_file(source, output).status == "ok"
    assert b"\t" in zipfile.ZipFile(output).comment
