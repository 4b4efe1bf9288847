"""``workbook.importer.check_package`` used the private ``reading.files._refuse_misnamed``: it has a public name,
:func:`xl_retention.reading.files.refuse_misnamed` (the old name stays an alias until the importer switches)."""

from __future__ import annotations

import pytest

from xl_retention.reading import files
from xl_retention.reading.errors import DataError


def test_refuse_misnamed_is_public_and_names_what_the_file_is(tmp_path) -> None:
    path = tmp_path / "orders.ods"
    path.write_text("customer_id,date,amount\na,2026-01-05,10\n", encoding="utf-8")
    assert "refuse_misnamed" in files.__all__
    with pytest.raises(DataError) as caught:
        files.refuse_misnamed(path, ".ods")
    assert str(caught.value) == "orders.ods is a text (CSV) file, not what its name (.ods) says: rename it .csv"
    assert files._refuse_misnamed is files.refuse_misnamed  # the old name until workbook.importer switches
