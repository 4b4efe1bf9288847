"""A name a formula uses, written out as the rewrite (:mod:`.rewrite`) gives it to the engine: a name defined by a
formula expanded (the names its formula uses too), a relative name's reference moved to the cell using it, a name of
several areas read as Excel reads the union, and a reference to a deleted sheet as the ``#REF!`` error it is; also
:mod:`.limit_areas`'."""

from __future__ import annotations

import re

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import column_index_from_string, get_column_letter

from .array_lifting import lift_arrays
from .formula_tokens import _LAST_COLUMN, _LAST_ROW
from .sheet_ranges import bracketed
from .union_references import unions

__all__ = ["deleted_sheets", "expanded_name", "moved_reference", "unions_of_names"]


def deleted_sheets(tokens: list[Token]) -> bool:
    """``#REF!A1``, ``#REF!A1:B2`` (what Excel leaves of a reference to a deleted sheet) -> ``#REF!``: the reference
    is the error value, as in Excel (the engine cannot read the form). Marks the reference's token ``SKIP``; True
    when it did."""
    changed = False
    for i, token in enumerate(tokens[:-1]):
        after = tokens[i + 1]
        if (
            token.type == Token.OPERAND
            and token.subtype == Token.ERROR
            and token.value.upper() == "#REF!"
            and after.type == Token.OPERAND
            and after.subtype == Token.RANGE
            and "!" not in after.value
        ):
            token.value, after.type, changed = "#REF!", "SKIP", True
    return changed


def moved_reference(reference: str, row: int, col: int) -> str | None:
    """A relative name's reference, which Excel stores relative to A1, for the cell at (row, col): each column or row
    without ``$`` moved by the cell's offset from A1, wrapping round the sheet's edges (``S!A1048576`` in B2 is
    ``S!B1``, the cell above); None when it is no A1 reference."""
    prefix, bang, area = reference.rpartition("!")
    parts = []
    for part in area.split(":"):
        match = re.fullmatch(r"(\$?)([A-Za-z]{1,3})?(\$?)(\d+)?", part)
        if match is None or not (match.group(2) or match.group(4)):
            return None
        column, number = match.group(2) or "", match.group(4) or ""
        if column and not match.group(1):
            column = get_column_letter((column_index_from_string(column.upper()) + col - 2) % _LAST_COLUMN + 1)
        if number and not match.group(3):
            number = str((int(number) + row - 2) % _LAST_ROW + 1)
        parts.append(f"{match.group(1)}{column}{match.group(3)}{number}")
    return prefix + bang + ":".join(parts)


def expanded_name(name: str, defined: dict[str, str], depth: int) -> str | None:
    """The formula of a name defined by one, with the names it uses expanded too; None for a loop of names."""
    if depth > 20:
        return None
    text = defined[name]
    try:
        tokens = list(Tokenizer("=" + text).items)
    except Exception:  # a definition the tokenizer does not understand: the engine decides
        return None
    deleted_sheets(tokens)  # Rate = #REF!$B$1: a name over a deleted sheet is #REF!
    lift_arrays(tokens, True, {})  # Excel evaluates a name's formula as an array formula: EDATE(d,SEQUENCE(12)) is 12
    parts = []
    for token in tokens:
        if token.type == "SKIP":
            continue
        bare = token.value.rpartition("!")[2].lower()
        if token.type == Token.OPERAND and token.subtype == Token.RANGE and bare in defined:
            inner = expanded_name(bare, defined, depth + 1)
            if inner is None:
                return None
            parts.append(bracketed(inner))
        else:
            parts.append(token.value)
    return "".join(parts)


def unions_of_names(text: str) -> list[Token] | None:
    """The tokens of ``text`` (a formula whose names are written out) with the unions a name of several areas gave
    read as Excel reads them (:func:`.union_references.unions`: ``COUNT(Blocks)``, ``INDEX(Blocks,2,1,2)``); None when
    there is none."""
    try:
        tokens = list(Tokenizer(text).items)
    except Exception:  # noqa: BLE001  (a text the tokenizer does not read: as it was)
        return None
    return tokens if unions(tokens) else None
