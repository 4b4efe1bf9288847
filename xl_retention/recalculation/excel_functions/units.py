"""Units of Excel's CONVERT: each unit's size in its dimension's base unit, and metric prefixes.

The factors are those of Excel's CONVERT documentation (a unit's size in the SI base unit of its
dimension: gram, metre, second, pascal, newton, joule, watt, tesla, cubic metre, square metre,
bit, metre per second). Units marked metric accept a prefix (``"Mg"``, ``"km"``, ``"mn"`` is
the minute, not a milli-n); ``bit`` and ``byte`` also take binary prefixes (``"kibyte"``).
Temperatures convert with offsets. Unknown units, or units of different dimensions, are #N/A.
"""

from __future__ import annotations

from ._core import ExcelError

PREFIXES = {
    "Y": 1e24, "Z": 1e21, "E": 1e18, "P": 1e15, "T": 1e12, "G": 1e9, "M": 1e6, "k": 1e3, "h": 1e2, "da": 1e1,
    "e": 1e1, "d": 1e-1, "c": 1e-2, "m": 1e-3, "u": 1e-6, "n": 1e-9, "p": 1e-12, "f": 1e-15, "a": 1e-18,
    "z": 1e-21, "y": 1e-24,
}  # fmt: skip
BINARY_PREFIXES = {"ki": 2.0**10, "Mi": 2.0**20, "Gi": 2.0**30, "Ti": 2.0**40, "Pi": 2.0**50, "Ei": 2.0**60,
                   "Zi": 2.0**70, "Yi": 2.0**80}  # fmt: skip

_INCH = 0.0254
_FOOT = 0.3048
_MILE = 1609.344
_NMI = 1852.0
_LY = 9.46073047258e15
_PICA = _INCH / 72

# unit -> (dimension, size in the dimension's base unit, metric prefixes allowed)
UNITS: dict[str, tuple[str, float, bool]] = {
    # mass (gram)
    "g": ("mass", 1.0, True), "sg": ("mass", 14593.9029372064, False), "lbm": ("mass", 453.59237, False),
    "u": ("mass", 1.66053906660e-24, True), "ozm": ("mass", 28.349523125, False), "grain": ("mass", 0.06479891, False),
    "cwt": ("mass", 45359.237, False), "shweight": ("mass", 45359.237, False), "uk_cwt": ("mass", 50802.34544, False),
    "lcwt": ("mass", 50802.34544, False), "hweight": ("mass", 50802.34544, False), "stone": ("mass", 6350.29318, False),
    "ton": ("mass", 907184.74, False), "uk_ton": ("mass", 1016046.9088, False), "LTON": ("mass", 1016046.9088, False),
    "brton": ("mass", 1016046.9088, False),
    # length (metre)
    "m": ("length", 1.0, True), "mi": ("length", _MILE, False), "Nmi": ("length", _NMI, False),
    "in": ("length", _INCH, False), "ft": ("length", _FOOT, False), "yd": ("length", 0.9144, False),
    "ang": ("length", 1e-10, True), "ell": ("length", 1.143, False), "ly": ("length", _LY, True),
    "parsec": ("length", 3.08567758128155e16, True), "pc": ("length", 3.08567758128155e16, True),
    "Picapt": ("length", _PICA, False), "Pica": ("length", _PICA, False), "pica": ("length", _INCH / 6, False),
    "survey_mi": ("length", 1609.3472186944, False),
    # time (second)
    "yr": ("time", 31557600.0, False), "day": ("time", 86400.0, False), "d": ("time", 86400.0, False),
    "hr": ("time", 3600.0, False), "mn": ("time", 60.0, False), "min": ("time", 60.0, False),
    "sec": ("time", 1.0, True), "s": ("time", 1.0, True),
    # pressure (pascal)
    "Pa": ("pressure", 1.0, True), "p": ("pressure", 1.0, True), "atm": ("pressure", 101325.0, True),
    "at": ("pressure", 101325.0, True), "mmHg": ("pressure", 133.322, True),
    "psi": ("pressure", 6894.75729316836, False),
    "Torr": ("pressure", 101325.0 / 760, False),
    # force (newton)
    "N": ("force", 1.0, True), "dyn": ("force", 1e-5, True), "dy": ("force", 1e-5, True),
    "lbf": ("force", 4.4482216152605, False), "pond": ("force", 9.80665e-3, True),
    # energy (joule)
    "J": ("energy", 1.0, True), "e": ("energy", 1e-7, True), "c": ("energy", 4.184, True),
    "cal": ("energy", 4.1868, True),
    "eV": ("energy", 1.602176634e-19, True), "ev": ("energy", 1.602176634e-19, True),
    "HPh": ("energy", 2684519.53769617, False), "hh": ("energy", 2684519.53769617, False),
    "Wh": ("energy", 3600.0, True), "wh": ("energy", 3600.0, True), "flb": ("energy", 1.3558179483314, False),
    "BTU": ("energy", 1055.05585262, False), "btu": ("energy", 1055.05585262, False),
    # power (watt)
    "HP": ("power", 745.69987158227, False), "h": ("power", 745.69987158227, False), "PS": ("power", 735.49875, False),
    "W": ("power", 1.0, True), "w": ("power", 1.0, True),
    # magnetism (tesla)
    "T": ("magnetism", 1.0, True), "ga": ("magnetism", 1e-4, True),
    # volume (cubic metre)
    "tsp": ("volume", 4.92892159375e-6, False), "tspm": ("volume", 5e-6, False),
    "tbs": ("volume", 1.478676478125e-5, False),
    "oz": ("volume", 2.95735295625e-5, False), "cup": ("volume", 2.365882365e-4, False),
    "pt": ("volume", 4.73176473e-4, False), "us_pt": ("volume", 4.73176473e-4, False),
    "uk_pt": ("volume", 5.6826125e-4, False), "qt": ("volume", 9.46352946e-4, False),
    "uk_qt": ("volume", 1.1365225e-3, False), "gal": ("volume", 3.785411784e-3, False),
    "uk_gal": ("volume", 4.54609e-3, False), "l": ("volume", 1e-3, True), "L": ("volume", 1e-3, True),
    "lt": ("volume", 1e-3, True), "barrel": ("volume", 0.158987294928, False),
    "bushel": ("volume", 0.03523907016688, False), "GRT": ("volume", 2.8316846592, False),
    "regton": ("volume", 2.8316846592, False), "MTON": ("volume", 1.13267386368, False),
    # information (bit)
    "bit": ("information", 1.0, True), "byte": ("information", 8.0, True),
    # speed (metre per second)
    "admkn": ("speed", 1853.184 / 3600, False), "kn": ("speed", _NMI / 3600, False),
    "m/h": ("speed", 1 / 3600, True), "m/hr": ("speed", 1 / 3600, True), "m/s": ("speed", 1.0, True),
    "m/sec": ("speed", 1.0, True), "mph": ("speed", _MILE / 3600, False),
    # area (square metre)
    "uk_acre": ("area", 4046.8564224, False), "us_acre": ("area", 4046.87260987425, False),
    "ar": ("area", 100.0, True), "ha": ("area", 10000.0, False), "Morgen": ("area", 2500.0, False),
}  # fmt: skip

# squared and cubed lengths: m2, ft3, ... (a prefix is squared or cubed with the unit)
for _name in ("m", "mi", "Nmi", "in", "ft", "yd", "ang", "ly", "Picapt", "Pica", "pica"):
    _dim, _size, _metric = UNITS[_name]
    UNITS.setdefault(f"{_name}2", ("area", _size**2, _metric))
    UNITS.setdefault(f"{_name}^2", ("area", _size**2, _metric))
    UNITS.setdefault(f"{_name}3", ("volume", _size**3, _metric))
    UNITS.setdefault(f"{_name}^3", ("volume", _size**3, _metric))

_TEMPERATURES = {"C": "C", "cel": "C", "F": "F", "fah": "F", "K": "K", "kel": "K", "Rank": "Rank", "Reau": "Reau"}


def _to_celsius(value: float, scale: str) -> float:
    return {
        "C": lambda v: v, "F": lambda v: (v - 32) * 5 / 9, "K": lambda v: v - 273.15,
        "Rank": lambda v: (v - 491.67) * 5 / 9, "Reau": lambda v: v * 1.25,
    }[scale](value)  # fmt: skip


def _from_celsius(value: float, scale: str) -> float:
    return {
        "C": lambda v: v, "F": lambda v: v * 9 / 5 + 32, "K": lambda v: v + 273.15,
        "Rank": lambda v: v * 9 / 5 + 491.67, "Reau": lambda v: v / 1.25,
    }[scale](value)  # fmt: skip


def _temperature(unit: str) -> tuple[str, float] | None:
    if unit in _TEMPERATURES:
        return _TEMPERATURES[unit], 1.0
    for prefix, size in PREFIXES.items():  # prefixed kelvin: mK
        if unit.startswith(prefix) and unit[len(prefix) :] in ("K", "kel"):
            return "K", size
    return None


def lookup(unit: str) -> tuple[str, float]:
    """(dimension, size in the base unit) of an Excel unit name, prefixes included; unknown: #N/A."""
    if unit in UNITS:
        dimension, size, _ = UNITS[unit]
        return dimension, size
    candidates = list(PREFIXES.items()) + list(BINARY_PREFIXES.items())
    for prefix, factor in sorted(candidates, key=lambda item: -len(item[0])):
        base = unit[len(prefix) :]
        if unit.startswith(prefix) and base in UNITS and UNITS[base][2]:
            if prefix in BINARY_PREFIXES and base not in ("bit", "byte"):
                continue
            dimension, size, _ = UNITS[base]
            power = 3 if base.endswith("3") else 2 if base.endswith("2") else 1
            return dimension, size * factor**power
    raise ExcelError("#N/A")


def convert_units(value: float, from_unit: str, to_unit: str) -> float:
    """``value`` in ``from_unit`` expressed in ``to_unit``, as Excel's CONVERT.

    >>> convert_units(1, "Mg", "g"), convert_units(1, "hr", "mn"), convert_units(100, "C", "F")
    (1000000.0, 60.0, 212.0)
    """
    source, target = _temperature(from_unit), _temperature(to_unit)
    if source or target:
        if not (source and target):
            raise ExcelError("#N/A")
        celsius = _to_celsius(value * source[1], source[0])
        return _from_celsius(celsius, target[0]) / target[1]
    (dimension, size), (target_dimension, target_size) = lookup(from_unit), lookup(to_unit)
    if dimension != target_dimension:
        raise ExcelError("#N/A")
    return value * size / target_size
