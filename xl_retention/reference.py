"""The formula reference, rendered from the registry: for the CLI and docs/functions.md."""

from __future__ import annotations

from .registry import FUNCTIONS, ExcelFunction


def _mapping(function: ExcelFunction) -> str:
    if function.kind == "aggregate":
        shape = "one row that spills" if function.returns == "row" else "one value"
        return f"aggregates a range into {shape}"
    text = "elementwise: ranges map cell by cell and spill"
    if function.aggregate_without:
        text += f"; without `{function.aggregate_without}`, aggregates a range"
    return text


def python_names(function: ExcelFunction) -> dict[str, str]:
    """The arguments whose Python parameter is named otherwise, Excel's name -> Python's: ``age`` is ``T`` in the
    BG/NBD and Pareto/NBD functions (``T`` as in the papers and lifetimes; an Excel argument ``T`` beside ``t`` would
    be one name to VBA, which ignores case).

    >>> from xl_retention.registry import FUNCTIONS
    >>> python_names(next(f for f in FUNCTIONS if f.name == "BGNBD_FIT"))
    {'age': 'T'}
    """
    import inspect

    parameters = list(inspect.signature(function.func).parameters)
    return {a.name: p for a, p in zip(function.args, parameters, strict=False) if a.name != p}


def _python(function: ExcelFunction) -> str:
    """``Python: `xl_retention.crr` ``, with the Python arguments where a name differs from the formula's."""
    name = f"xl_retention.{function.func.__name__}"
    renamed = python_names(function)
    if not renamed:
        return f"Python: `{name}`"
    shown = ", ".join(renamed.get(a.name, a.name) for a in function.args)
    said = ", ".join(f"`{e}` is `{p}`" for e, p in renamed.items())
    return f"Python: `{name}({shown})` ({said} in Python)"


def as_text() -> str:
    """One line a function, then its arguments: for ``xl-retention functions``."""
    lines = []
    for f in FUNCTIONS:
        lines.append(f"{f.signature}\n    {f.description}")
        for a in f.args:
            stated = "default" in a.doc  # 'confidence level, default 0.95': said once
            default = f" (default {a.default:g})" if a.optional and a.default is not None and not stated else ""
            lines.append(f"      {a.name}: {a.doc}{default}")
    return "\n".join(lines) + "\n"


def as_markdown() -> str:
    """``docs/functions.md``: generated, never edited by hand."""
    out = [
        "# Formula reference",
        "",
        "Generated from `xl_retention/registry.py` by `xl-retention functions --markdown`;",
        "do not edit by hand (a test fails when this file is out of date). Definitions,",
        "argument order and errors follow the metrics contract, [metrics.md](metrics.md); the Python",
        "function of each formula is its name in lower case (`xl_retention.crr`), its arguments the formula's in the",
        "same order (a name Python spells otherwise is shown beside it: `age` is `T`).",
        "",
        "Every formula: all inputs blank gives a blank; some blank, text, a boolean or an",
        "error cell as input gives `#VALUE!` (Office.js' newer error values too, `#BUSY!`, `#BLOCKED!`,",
        "`#CONNECT!`, `#EXTERNAL!`, `#FIELD!`, `#PYTHON!`, `#UNKNOWN!`, and those classic xlwings hands over as",
        "COM's error numbers, `#SPILL!`, `#CALC!`, ...: the reason names the error value, not text or a number);",
        "a denominator of 0 gives `#DIV/0!`; a negative",
        "count or amount, a rate outside [0, 1] or an impossible combination gives `#NUM!`.",
        "",
        "| Formula | What it computes | Ranges |",
        "|---|---|---|",
    ]
    for f in FUNCTIONS:
        out.append(f"| `{f.signature}` | {f.doc} | {_mapping(f)} |")
    for f in FUNCTIONS:
        out += ["", f"## {f.name}", "", f.doc, "", f"`={f.signature}` · {_python(f)}", ""]
        out += ["| Argument | Meaning |", "|---|---|"]
        renamed = python_names(f)
        for a in f.args:
            optional = (
                f" Optional, default {a.default:g}."
                if a.optional and a.default is not None and "default" not in a.doc
                else (" Optional." if a.optional else "")
            )
            python = f" (Python: `{renamed[a.name]}`)" if a.name in renamed else ""
            out.append(f"| `{a.name}`{python} | {a.doc}.{optional} |")
        if f.columns:
            out += ["", "Spills one row: " + ", ".join(f.columns) + "."]
    return "\n".join(out) + "\n"
