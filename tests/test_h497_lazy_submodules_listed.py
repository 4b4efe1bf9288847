"""``xl_retention.relational``, ``xl_retention.tables`` and ``xl_retention.workbook`` load their functions on first
use (a module ``__getattr__``); ``dir()`` listed none of them (``dir(relational)`` was ``['Any', 'annotations',
'importlib']``), so ``help()`` and Tab completion did not show README's ``subscription_tables`` or
``movements_from_counts`` (H490's finding 04). Their ``__dir__`` lists ``__all__`` (PEP 562)."""

from __future__ import annotations

import pydoc
import rlcompleter

import pytest

import xl_retention.relational as relational
import xl_retention.tables as tables
import xl_retention.workbook as workbook


@pytest.mark.parametrize("module", [relational, tables, workbook])
def test_dir_lists_every_public_name(module) -> None:
    assert set(module.__all__) <= set(dir(module))


def test_help_and_tab_show_readme_functions() -> None:
    assert "subscription_tables(" in pydoc.render_doc(relational, renderer=pydoc.plaintext)
    assert "movements_from_counts(" in pydoc.render_doc(tables, renderer=pydoc.plaintext)
    completer = rlcompleter.Completer({"R": relational, "T": tables})
    assert completer.complete("R.subscription_t", 0) == "R.subscription_tables("
    assert completer.complete("T.movements_f", 0) == "T.movements_from_counts("
