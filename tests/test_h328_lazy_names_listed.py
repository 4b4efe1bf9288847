"""The public classes and submodules ``xl_retention`` imports on first use (``xr.ExistingCustomersWarning``,
``xr.DataError``, ``xr.tables``) were missing from ``dir(xr)`` until used, so an editor's or IPython's completion of
``xr.`` did not offer them though README names them (H328 item 5). The module's ``__dir__`` lists them (PEP 562)."""

from __future__ import annotations

import subprocess
import sys


def test_dir_lists_the_names_imported_on_first_use() -> None:
    code = (
        "import xl_retention as xr, sys; names = dir(xr); "
        "print(sorted(n for n in ('ExistingCustomersWarning', 'InProgressMonthWarning', 'LaterMonthsWarning', "
        "'DataError', 'tables', 'movements', 'crr', 'recalc') if n in names)); "
        "print('xl_retention.tables.existing_customers' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[0] == (
        "['DataError', 'ExistingCustomersWarning', 'InProgressMonthWarning', 'LaterMonthsWarning', 'crr', "
        "'movements', 'recalc', 'tables']"
    )
    assert out[1] == "False"  # listed without importing pandas' tables: the import stays light


def test_every_public_name_resolves() -> None:
    import xl_retention as xr

    assert set(xr.__all__) <= set(dir(xr))
    for name in dir(xr):
        getattr(xr, name)
    assert issubclass(xr.ExistingCustomersWarning, UserWarning)
