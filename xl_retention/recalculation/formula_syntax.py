"""Formulas no Excel reads from a file, told apart from formulas the engine cannot compute.

A script writing a workbook (openpyxl, pandas) stores a formula's text as given. Written as a German or French Excel
shows it (``=SUM(A1;A2)``, ``=1,5*2``), with a parenthesis or a text left open, an operator without its operand, or
an unquoted sheet name holding a space (``Sheet 2!A:B``), it is no formula to Excel either: Excel offers to repair
the file and removes it. Its reason says what is wrong and how a file writes it, rather than "the embedded engine
cannot compute this formula", which sent the user to an Excel that cannot either (H556's finding 02).
"""

from __future__ import annotations

from collections.abc import Iterable

from openpyxl.formula.tokenizer import Token, Tokenizer, TokenizerError

__all__ = ["written_wrong"]

_EXCEL_CANNOT = "no Excel reads it from a file (it removes the formula when it opens the file)"


def written_wrong(formula: str, sheets: Iterable[str] = ()) -> tuple[str, str] | None:
    """(what, reason) when ``formula`` (``=...``, as the file holds it) is written so that no Excel reads it; None
    for a formula Excel reads. ``sheets``: the workbook's sheet names, to tell ``Sheet 2!A:B`` (a sheet's name left
    unquoted) from an intersection of two references.

    >>> written_wrong("=SUM(A1;A2)")[1][:60]
    "';' between arguments, as a German or French Excel shows the"
    >>> written_wrong("=SUM(A1:A3")[0], written_wrong('="open')[0], written_wrong("=1,5*2")[0]
    ('parenthesis left open', 'text left open', 'decimal comma')
    >>> written_wrong("=VLOOKUP(A1,Sheet 2!A:B,2,0)", ["S", "Sheet 2"])[1][:60]
    "the sheet name Sheet 2 holds a space: write it 'Sheet 2'!A:B"
    >>> written_wrong("=SUM(A1:A3)") is None and written_wrong("={1,2;3,4}") is None
    True
    >>> written_wrong("=SUM(Table1[Sales)")[0], written_wrong("='Sheet 2!A1+1")[0], written_wrong("={1,2")[0]
    ('bracket left open', 'sheet name left open', 'brace left open')
    >>> written_wrong("=IFERROR(A1,#CALC!)") is None and written_wrong("=SUM(A1#)") is None
    True
    """
    formula = formula if formula.startswith("=") else "=" + formula  # the engine's texts: without their "="
    try:
        tokens = [token for token in Tokenizer(formula).items if token.type != Token.WSPACE or token.value]
    except TokenizerError as error:  # told apart by its words: other errors (#SPILL!, A1#) are no proof (H567's 01)
        said = str(error)
        if "while parsing string" in said:
            return "text left open", f'a text is left open (a " without its closing "): {_EXCEL_CANNOT}'
        if "while parsing link" in said:
            return (
                "sheet name left open",
                f"a sheet name's quote is left open (a ' without its closing '): {_EXCEL_CANNOT}",
            )
        if "unmatched '['" in said:
            return "bracket left open", f"a '[' is left open (a table's column without its ']'): {_EXCEL_CANNOT}"
        return None
    except IndexError:  # a closing parenthesis the tokenizer finds nothing open for
        return "parenthesis without its opening", f"a ')' closes nothing: {_EXCEL_CANNOT}"
    lower = {sheet.lower() for sheet in sheets}
    opened: list[str] = []
    for i, token in enumerate(tokens):
        if token.subtype == Token.OPEN:
            opened.append(token.type)
        elif token.subtype == Token.CLOSE:
            if not opened:
                return "parenthesis without its opening", f"a ')' closes nothing: {_EXCEL_CANNOT}"
            opened.pop()
        elif token.type == Token.SEP and token.subtype == Token.ROW and (not opened or opened[-1] != Token.ARRAY):
            return (
                "';' separator",
                "';' between arguments, as a German or French Excel shows them: a file holds ',' (write "
                f"{_commas(formula)}); {_EXCEL_CANNOT}",
            )
        elif (
            token.type == Token.OP_IN
            and token.value == ","
            and not opened
            and 0 < i < len(tokens) - 1
            and tokens[i - 1].subtype == Token.NUMBER
            and tokens[i + 1].subtype == Token.NUMBER
        ):
            number = f"{tokens[i - 1].value},{tokens[i + 1].value}"
            return (
                "decimal comma",
                f"a decimal comma ({number}): a file holds a point ({number.replace(',', '.')}); {_EXCEL_CANNOT}",
            )
        elif token.type == Token.WSPACE and 0 < i < len(tokens) - 1 and lower:
            before, after = tokens[i - 1].value, tokens[i + 1].value
            if tokens[i - 1].type == Token.OPERAND and "!" in after and not before.startswith("'"):
                sheet = f"{before}{token.value}{after.split('!', 1)[0]}"
                if sheet.lower() in lower:
                    return (
                        "unquoted sheet name",
                        f"the sheet name {sheet} holds a space: write it '{sheet}'!{after.split('!', 1)[1]}; "
                        f"{_EXCEL_CANNOT}",
                    )
    if opened and opened[-1] == Token.ARRAY:
        return "brace left open", f"an array constant's brace is left open (a '{{' without its '}}'): {_EXCEL_CANNOT}"
    if opened:
        return "parenthesis left open", f"a parenthesis is left open ({len(opened)} without its ')'): {_EXCEL_CANNOT}"
    if tokens and tokens[-1].type in (Token.OP_IN, Token.OP_PRE):
        return (
            "operator without operand",
            f"the formula ends with the operator {tokens[-1].value} and nothing after it: {_EXCEL_CANNOT}",
        )
    return None


def _commas(formula: str) -> str:
    """``formula`` with its ';' outside texts and array constants written as ','."""
    out, in_text, braces = [], False, 0
    for character in formula:
        if character == '"':
            in_text = not in_text
        elif not in_text and character in "{}":
            braces += 1 if character == "{" else -1
        out.append("," if character == ";" and not in_text and braces == 0 else character)
    return "".join(out)
