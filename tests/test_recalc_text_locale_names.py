"""TEXT's month and day names of a locale tag other than English or German (``[$-40C]mmmm`` is "mars" in Excel).

Such a cell was listed as one the engine "cannot compute this formula", naming no reason. Now the full names of
French, Spanish, Italian, Dutch, Portuguese, Swedish, Danish and Norwegian Bokmål are shown (Unicode CLDR through
Babel; LibreOffice 7.4 gives the same names for all twelve months and seven days), and the names it does not know
(a language whose month names change with their use, as Polish and Russian; any language's abbreviations but
English and German) are listed with a reason naming the format and the locale.
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet

MARCH_1 = "DATE(2024,3,1)"  # a Friday


def test_full_month_and_day_names_of_common_locales(tmp_path: Path) -> None:
    cells: dict[str, object] = {
        "A1": f'=TEXT({MARCH_1},"[$-40C]mmmm")',
        "A2": f'=TEXT({MARCH_1},"[$-C0A]mmmm yyyy")',
        "A3": f'=TEXT({MARCH_1},"[$-410]dddd d mmmm")',
        "A4": f'=TEXT({MARCH_1},"[$-413]dddd")',
        "A5": '=TEXT(DATE(2024,3,4),"[$-416]dddd, mmmm")',
        "A6": f'=TEXT({MARCH_1},"[$-fr-CA]mmmm")',
        "A7": '=TEXT(DATE(2024,8,1),"[$-40C]mmmm")',
        "A8": f'=TEXT({MARCH_1},"[$-41D]dddd mmmmm")',
        "A9": f'=TEXT({MARCH_1},"[$-407]mmm")',  # Excel's German abbreviation
        "A10": f'=TEXT({MARCH_1},"[$-40C]dd/mm/yyyy")',  # no names: as ever
    }
    result, values = recalc_sheet(tmp_path, cells)
    assert result.status == "ok", result.message
    assert [values[f"A{r}"] for r in range(1, 11)] == [
        "mars",
        "marzo 2024",
        "venerdì 1 marzo",
        "vrijdag",
        "segunda-feira, março",
        "mars",
        "août",
        "fredag m",
        "Mrz",
        "01/03/2024",
    ]


def test_names_it_does_not_know_are_listed_with_the_locale(tmp_path: Path) -> None:
    cells: dict[str, object] = {
        "A1": f'=TEXT({MARCH_1},"[$-419]mmmm")',  # Russian: "март" alone, "марта" in a date
        "A2": f'=TEXT({MARCH_1},"[$-40C]mmm yyyy")',  # French abbreviations: Windows' own
        "A3": f'=IFERROR(TEXT({MARCH_1},Z1),"")',
        "Z1": "[$-415]dddd",
        "A4": f'=TEXT({MARCH_1},"[$-40C]mmmm")',
    }
    result, values = recalc_sheet(tmp_path, cells)
    listed = {u.address: (u.function, u.reason) for u in result.unsupported}
    assert listed == {
        "S!A1": (
            "TEXT",
            'TEXT\'s format "[$-419]mmmm" shows the month or day names of the locale [$-419] (ru-RU), which the '
            "embedded engine does not have",
        ),
        "S!A2": (
            "TEXT",
            'TEXT\'s format "[$-40C]mmm yyyy" shows the abbreviated month names of the locale [$-40C] (Excel takes '
            "them from Windows' locale data, which other sources abbreviate otherwise), which the embedded engine "
            "does not have",
        ),
        "S!A3": (
            "TEXT",
            'TEXT\'s format Z1: "[$-415]dddd" shows the month or day names of the locale [$-415] (pl-PL), which the '
            "embedded engine does not have",
        ),
    }
    assert values["A4"] == "mars"
