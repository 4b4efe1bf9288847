"""A result's zip comment names no folder (H187's finding 08) and keeps the input's own comment byte for byte.

``recalc model.xlsx`` in ``/Users/jsmith/Clients/Acme Corp - confidential`` wrote that whole path into
``model.recalc.xlsx``'s zip comment (``unzip -z`` shows it): the user's login and the client's folder travelled with
the workbook sent on. The line a rerun needs to tell its earlier result holds a digest of the input's path instead.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc, recalc_file


def _model(folder: Path, comment: bytes = b"") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    wb = openpyxl.Workbook()
    wb.active.title = "S"
    wb.active["A1"], wb.active["B1"] = 2, "=A1*3"
    path = folder / "model.xlsx"
    wb.save(path)
    if comment:
        with zipfile.ZipFile(path, "a") as package:
            package.comment = comment
    return path


def test_a_result_names_no_folder_of_its_input(tmp_path: Path) -> None:
    source = _model(tmp_path / "Users" / "jsmith" / "Clients" / "Acme Corp - confidential")
    output = source.with_name("model.recalc.xlsx")
    assert recalc_file(source, output).status == "ok"
    comment = zipfile.ZipFile(output).comment
    assert b"jsmith" not in comment and b"Acme" not in comment and b"model" not in comment
    assert comment.startswith(b"xl-retention recalc of sha256:") and comment.count(b"\n") == 0
    assert openpyxl.load_workbook(output, data_only=True)["S"]["B1"].value == 6
    assert recalc_file(source, output).status == "ok"  # a rerun still replaces its earlier result


def test_the_input_comment_is_kept_byte_for_byte(tmp_path: Path) -> None:
    theirs = "Acme Q3 model, v7\r\n\r\nsigned off: J. Smith ✓\r\n".encode()
    source = _model(tmp_path / "in", theirs)
    report = recalc(source, engine="embedded", output_dir=tmp_path / "out").files[0]
    assert report.status == "ok", report.message
    comment = zipfile.ZipFile(tmp_path / "out" / "model.xlsx").comment
    assert comment.startswith(theirs)
    assert comment[len(theirs) :].startswith(b"xl-retention recalc of sha256:")
    assert b"\n" not in comment[len(theirs) :] and str(tmp_path).encode() not in comment


def test_another_input_of_the_same_name_still_does_not_replace_the_result(tmp_path: Path) -> None:
    first = _model(tmp_path / "a")
    second = _model(tmp_path / "b")
    out = tmp_path / "out"
    assert recalc(first, engine="embedded", output_dir=out).files[0].status == "ok"
    before = (out / "model.xlsx").read_bytes()
    report = recalc(second, engine="embedded", output_dir=out).files[0]
    assert report.status == "failed"
    assert "not an earlier result of model.xlsx" in report.message
    assert (out / "model.xlsx").read_bytes() == before
    assert recalc(first, engine="embedded", output_dir=out).files[0].status == "ok"


def test_a_result_naming_its_input_path_as_before_is_still_replaced(tmp_path: Path) -> None:
    """Results written before the path's digest name the path itself (with the entries' digest): still replaced."""
    source = _model(tmp_path / "in")
    output = source.with_name("model.recalc.xlsx")
    assert recalc_file(source, output).status == "ok"
    with zipfile.ZipFile(output, "a") as package:
        digest = package.comment.split(b"\t")[1]
        package.comment = b"xl-retention recalc of " + str(source.resolve()).encode() + b"\t" + digest
    assert recalc_file(source, output).status == "ok"
    assert str(tmp_path).encode() not in zipfile.ZipFile(output).comment
