"""xl_retention._quick_tokenizer gives openpyxl's tokens, errors and state, faster (bench/README.md, issue 14)."""

from __future__ import annotations

import ast
import importlib.util
import re
import subprocess
import sys
import zipfile
from html import unescape
from pathlib import Path

import openpyxl.formula.tokenizer as openpyxl_tokenizer
import pytest

from xl_retention._quick_tokenizer import QuickTokenizer
from xl_retention.workbook import build_template

ROOT = Path(__file__).resolve().parents[1]

#: formulas at the edges of each step: strings, links, brackets, errors, spaces, signs, arrays, unions, mistakes
EDGES = [
    "",
    "plain text",
    "=",
    "=1",
    "=1E+5+2.5e-3-1E5",
    "=1.5E-3*A1",
    "=2E+",
    "=A1E+1",
    "=-A1+-+B2%*--3",
    "=A1 + B2 -C3",
    "=SUM(A1:A3, B1:B3)",
    "=SUM((A1:A3,B1:B3))",
    "=(A1:A3,B1:B3)",
    "=A1,B1",
    "={1,2;3,4}",
    "={1,2;3,4}+{5}",
    '="a""b"&"c"',
    '="unterminated',
    "='My Sheet'!A1+'It''s'!B2",
    "='unterminated!A1",
    "=Sheet1!#REF!+#N/A+#DIV/0!+#GETTING_DATA",
    "=#BAD!",
    "=A1#",
    "=Table1[[#This Row],[Amount]]*2",
    "=Table1[Amount",
    "=[1]Sheet1!A1",
    "=A1\n+B1",
    "=A1 \n B1",
    "=SUM(A1))",
    "=(A1}",
    "={1,2)",
    "=A1>=B1<>C1<=D1>E1<F1=G1",
    "=IF(A1,,)",
    "=_xlfn.XLOOKUP(A1,B:B,C:C,,0)",
    "=LET(x,1,x+1)",
    "=A1:A3 B2:C2",
    "=SUM(A1 :A3)",
    "='a'!A1:'a'!B2",
    '="x"A1',
    "=A1'b'",
    "=é1+Ä2",
    "=1.2.3",
    "=+1",
    "=TRUE+FALSE",
    "=$A$1:$B$2",
]


def _pristine() -> type:
    """openpyxl's Tokenizer from its own file, loaded apart: untouched by install() in any earlier test."""
    spec = importlib.util.spec_from_file_location("_pristine_tokenizer", openpyxl_tokenizer.__file__)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.Tokenizer


def _outcome(cls: type, formula: str) -> tuple:
    """What tokenizing gives: the tokens and the state, or the error's class name and message."""
    try:
        made = cls(formula)
    except Exception as error:  # noqa: BLE001  (the kinds must be the same)
        return ("raised", type(error).__name__, str(error))
    tokens = [(t.value, t.type, t.subtype) for t in made.items]
    return (tokens, made.offset, list(made.token), [(t.value, t.type) for t in made.token_stack], made.render())


def _corpus(tmp_path: Path) -> set[str]:
    """Every formula of the template (24 and 120 months), the shipped workbook, tests/data's workbooks and the
    formula strings of the test files."""
    formulas = set(EDGES)
    books = [build_template(tmp_path / "t24.xlsx"), build_template(tmp_path / "t120.xlsx", months=120)]
    books += [ROOT / "workbooks" / "retention_template.xlsx", *sorted((ROOT / "tests" / "data").glob("*.xlsx"))]
    for book in books:
        with zipfile.ZipFile(book) as package:
            for name in package.namelist():
                if name.startswith("xl/") and name.endswith(".xml"):
                    text = package.read(name).decode("utf-8")
                    formulas.update("=" + unescape(f) for f in re.findall(r"<f(?:\s[^>]*)?>([^<]*)</f>", text))
    for source in sorted((ROOT / "tests").glob("*.py")):
        try:
            tree = ast.parse(source.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith("="):
                formulas.add(node.value)
    return formulas


def test_same_tokens_errors_and_state_as_openpyxl(tmp_path: Path) -> None:
    original = _pristine()
    formulas = _corpus(tmp_path)
    assert len(formulas) > 5000
    differing = [f for f in formulas if _outcome(QuickTokenizer, f) != _outcome(original, f)]
    assert differing == []
    raised = [f for f in EDGES if _outcome(original, f)[0] == "raised"]
    assert len(raised) >= 8  # the error paths are compared too: unterminated string and link, brackets, ...


def test_edges_give_openpyxl_tokens() -> None:
    assert _outcome(QuickTokenizer, "=1E+5-2")[0] == [
        ("1E+5", "OPERAND", "NUMBER"),
        ("-", "OPERATOR-INFIX", ""),
        ("2", "OPERAND", "NUMBER"),
    ]
    assert _outcome(QuickTokenizer, "='It''s'!A1:B2")[0] == [("'It''s'!A1:B2", "OPERAND", "RANGE")]
    assert _outcome(QuickTokenizer, "=(A1}") == (
        "raised",
        "TokenizerError",
        "Mismatched ( and { pair in '=(A1}'",
    )
    assert _outcome(QuickTokenizer, "=A1#") == (
        "raised",
        "TokenizerError",
        "Unexpected character at position 3 in '=A1#'",
    )


@pytest.mark.parametrize("run_as", ["command", "library"])
def test_installed_in_a_command_process_only(run_as: str) -> None:
    code = (
        "import sys, openpyxl.formula.tokenizer as t, xl_retention._quick_tokenizer as q\n"
        + (
            "from xl_retention._imports import defer_openpyxl_init; defer_openpyxl_init()\n"
            if run_as == "command"
            else ""
        )
        + "import xl_retention.recalculation.embedded\n"
        "print(t.Tokenizer._parse is q._parse, t.Tokenizer._parse_closer is q._parse_closer)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == (["True", "True"] if run_as == "command" else ["False", "False"])
