"""A survivor count that is not whole was quoted with 6 significant digits: 631.0000001 (a share x 1000 made by a
formula) as "got 631", 1234567.4 as "got 1.23457e+06", a refusal that read as self-contradictory. The value is quoted
as given (H296's finding 02)."""

from __future__ import annotations

import pytest

import xl_retention as xr
from xl_retention.errors import OutOfRangeError


@pytest.mark.parametrize("fitting", [xr.sbg_fit, xr.bdw_fit])
@pytest.mark.parametrize(
    ("survivors", "quoted"),
    [([1000, 631.0000001, 468, 382], "631.0000001 at period 1"),
     ([2000000, 1234567.4, 900000], "1234567.4 at period 1"),
     ([1000, 631, -5.0, 0], "-5 at period 2")],
)  # fmt: skip
def test_the_value_is_quoted_as_given(fitting, survivors, quoted) -> None:
    with pytest.raises(OutOfRangeError) as caught:
        fitting(survivors)
    assert str(caught.value) == f"survivors must be whole counts >= 0, got {quoted}"
