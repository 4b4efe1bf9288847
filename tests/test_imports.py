"""openpyxl's package initialisation deferred by ``xl_retention._imports`` (issue 14), as the command line does it:
openpyxl works as usual for code run after it, and a recalculation loads only the tokenizer and the cell helpers."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_openpyxl_works_as_usual_after_importing_xl_retention(tmp_path):
    out = _run(
        f"""
        from xl_retention._imports import defer_openpyxl_init; defer_openpyxl_init()
        import openpyxl
        from openpyxl import Workbook, load_workbook
        wb = Workbook()
        wb.active["A1"] = 41
        wb.active["A2"] = "=A1+1"
        wb.save(r"{tmp_path / "a.xlsx"}")
        back = load_workbook(r"{tmp_path / "a.xlsx"}")
        print(back.active["A1"].value, back.active["A2"].value, openpyxl.__version__ == openpyxl._constants.__version__)
        """
    )
    assert out == "41 =A1+1 True"


def test_a_missing_attribute_is_an_attribute_error():
    out = _run(
        """
        from xl_retention._imports import defer_openpyxl_init; defer_openpyxl_init()
        import openpyxl
        try:
            openpyxl.no_such_thing
        except AttributeError as error:
            print(error)
        print(hasattr(openpyxl, "load_workbook"))
        """
    )
    assert out == "module 'openpyxl' has no attribute 'no_such_thing'\nTrue"


def test_recalculation_modules_leave_openpyxl_reader_and_writer_unloaded():
    out = _run(
        """
        import sys
        from xl_retention._imports import defer_openpyxl_init; defer_openpyxl_init()
        import xl_retention.cli, xl_retention.recalculation.embedded, xl_retention.workbook.checks
        import xl_retention.workbook.chart_ranges
        from xl_retention._imports import is_initialised
        print(is_initialised(sys.modules["openpyxl"]), "openpyxl.reader.excel" in sys.modules)
        from xl_retention.workbook import build_template
        print(callable(build_template), is_initialised(sys.modules["openpyxl"]))
        """
    )
    assert out == "False False\nTrue True"


def test_a_deep_submodule_imported_first_works():
    out = _run(
        """
        from xl_retention._imports import defer_openpyxl_init; defer_openpyxl_init()
        from openpyxl.reader.strings import read_string_table
        import openpyxl.cell
        from openpyxl.styles import Font
        import openpyxl
        loads = callable(openpyxl.load_workbook)
        print(callable(read_string_table), openpyxl.cell.Cell.__name__, Font(bold=True).b, loads)
        """
    )
    assert out == "True Cell True True"


def test_threads_that_first_use_openpyxl_together_see_it_whole():
    """Eight threads using openpyxl at once after the deferral: none sees a half-initialised package (H26)."""
    out = _run(
        """
        from xl_retention._imports import defer_openpyxl_init; defer_openpyxl_init()
        import threading
        errors = []
        def use():
            try:
                import openpyxl
                openpyxl.Workbook()
            except Exception as error:
                errors.append(repr(error))
        threads = [threading.Thread(target=use) for _ in range(8)]
        [t.start() for t in threads]
        [t.join() for t in threads]
        print(errors)
        """
    )
    assert out == "[]"


def test_importing_xl_retention_leaves_openpyxl_alone():
    out = _run("import sys, xl_retention; print('openpyxl' in sys.modules)")
    assert out == "False"


def test_the_command_line_defers_openpyxl(tmp_path):
    out = _run(
        """
        import sys
        from xl_retention import cli
        cli.main(["functions"])
        from xl_retention._imports import is_initialised
        print("DEFERRED", "openpyxl" in sys.modules and not is_initialised(sys.modules["openpyxl"]))
        """
    )
    assert out.splitlines()[-1] == "DEFERRED True"
