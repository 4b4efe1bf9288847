"""A command's model fit imports scipy.optimize's ``minimize`` without the package's ``__init__``
(``xl_retention._imports.scipy_minimize``, issue 14, thirty-second session): the template's Lifetime value sheet fits
an sBG model in every ``recalc``, and the package's ``__init__`` imports every other solver (linear programming,
global optimisers, scipy.spatial, scipy.fft): about 0.1 s of its 0.3 s import. The fit is the same (the same
function), the BLAS libraries threadpoolctl limits are the same, and code that then imports scipy.optimize, or reads
one of its names, sees the package as a normal import gives it. A library's caller, or a process running threads,
imports the package as usual. Each case runs in a fresh interpreter (what is imported is a process's state)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import openpyxl

from xl_retention.workbook import build_template
from xl_retention.workbook.sample import sample_inputs

COMMAND_FIT = """
    import json, sys
    from xl_retention._imports import defer_openpyxl_init
    defer_openpyxl_init()  # as the command line and a batch's workers do first
    from xl_retention.models import sbg_fit
    fit = sbg_fit([1000, 631, 468, 382, 326, 289, 262, 241])
"""
OTHERS = (
    "scipy.optimize._linprog",
    "scipy.optimize._shgo",
    "scipy.optimize._basinhopping",
    "scipy.spatial",
    "scipy.fft",
)


def _run(code: str) -> dict:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_commands_fit_imports_minimize_without_the_other_solvers() -> None:
    got = _run(
        COMMAND_FIT
        + f"""
    print(json.dumps({{
        "fit": [fit.alpha.hex(), fit.beta.hex(), fit.log_likelihood.hex()],
        "minimize": "scipy.optimize._minimize" in sys.modules,
        "others": [m for m in {OTHERS!r} if m in sys.modules],
    }}))
    """
    )
    assert got["minimize"] and got["others"] == []  # at the parent: all five imported by the fit
    library = _run(
        f"""
    import json, sys
    from xl_retention.models import sbg_fit
    fit = sbg_fit([1000, 631, 468, 382, 326, 289, 262, 241])
    print(json.dumps({{
        "fit": [fit.alpha.hex(), fit.beta.hex(), fit.log_likelihood.hex()],
        "others": [m for m in {OTHERS!r} if m in sys.modules],
    }}))
    """
    )
    assert library["others"] == list(OTHERS)  # a library's caller: the package imported as usual
    assert got["fit"] == library["fit"]  # the same fit to the last bit
    assert round(float.fromhex(got["fit"][0]), 3) == 0.704 and round(float.fromhex(got["fit"][1]), 3) == 1.182


def test_the_package_imported_after_a_fit_is_the_whole_package() -> None:
    got = _run(
        COMMAND_FIT
        + """
    from threadpoolctl import threadpool_info
    blas = sorted(p["filepath"] for p in threadpool_info() if p["user_api"] == "blas")
    import scipy.optimize
    from scipy.optimize import brentq, minimize
    from scipy.optimize._minimize import minimize as used
    root = brentq(lambda x: x * x - 2, 0, 2)
    import scipy.optimize._shgo  # a submodule of its own: the package's __init__ has run
    print(json.dumps({
        "blas": blas, "names": sorted(scipy.optimize.__all__), "same": minimize is used,
        "root": round(root, 12), "shgo": callable(scipy.optimize.shgo),
        "getattr": "__getattr__" in vars(scipy.optimize),
    }))
    """
    )
    whole = _run(
        """
    import json, scipy.optimize
    from threadpoolctl import threadpool_info
    blas = sorted(p["filepath"] for p in threadpool_info() if p["user_api"] == "blas")
    print(json.dumps({"blas": blas, "names": sorted(scipy.optimize.__all__)}))
    """
    )
    assert got["blas"] == whole["blas"]  # numpy's and scipy's OpenBLAS: the libraries a fit keeps to one thread
    assert got["names"] == whole["names"] and got["same"] and got["shgo"] and not got["getattr"]
    assert got["root"] == 1.414213562373


def test_a_submodule_imported_first_runs_the_packages_init() -> None:
    got = _run(
        COMMAND_FIT
        + """
    import scipy.optimize._shgo
    import scipy.optimize
    print(json.dumps([callable(scipy.optimize.linprog), "scipy.optimize._linprog" in sys.modules]))
    """
    )
    assert got == [True, True]


def test_with_threads_running_the_package_is_imported_as_usual() -> None:
    got = _run(
        """
    import json, sys, threading
    from xl_retention._imports import defer_openpyxl_init, scipy_minimize
    defer_openpyxl_init()
    found = {}
    def other():
        import scipy.optimize
        found["shgo"] = callable(scipy.optimize.shgo)
    started = threading.Event()
    waiting = threading.Thread(target=started.wait)
    waiting.start()
    threads = [threading.Thread(target=scipy_minimize), threading.Thread(target=other)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    started.set()
    waiting.join()
    import scipy.optimize
    print(json.dumps({**found, "same": scipy.optimize.minimize is scipy_minimize(),
                      "linprog": "scipy.optimize._linprog" in sys.modules}))
    """
    )
    assert got == {"shgo": True, "same": True, "linprog": True}


def test_the_recalculated_template_is_the_same(tmp_path: Path) -> None:
    book = tmp_path / "tracker.xlsx"
    build_template(book, months=24, inputs=sample_inputs(24))
    outputs = []
    for light in (True, False):
        out = tmp_path / ("light" if light else "whole")
        got = _run(
            f"""
        import contextlib, io, json, sys
        {"" if light else "import scipy.optimize"}
        from xl_retention.cli import main
        with contextlib.redirect_stdout(io.StringIO()) as printed:
            code = main(["recalc", {str(book)!r}, "--engine", "embedded", "--json", "--output-dir", {str(out)!r}])
        print(json.dumps([code, json.loads(printed.getvalue())["files"][0]["status"],
                          "scipy.optimize._shgo" in sys.modules]))
        """
        )
        assert got == [0, "ok", not light]
        outputs.append((out / "tracker.xlsx").read_bytes())
    assert outputs[0] == outputs[1]
    wb = openpyxl.load_workbook(tmp_path / "light" / "tracker.xlsx", data_only=True)
    assert isinstance(wb["Lifetime value"]["B8"].value, float)  # the CLV, from the sBG fit's churn
