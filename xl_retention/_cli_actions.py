"""argparse actions of the ``xl-retention`` command."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any


class Once(argparse.Action):
    """A value option that may be given once: argparse keeps the last of ``--orders jan.csv --orders feb.csv``
    and so dropped January without a word; now the second value is a usage error naming both (the same value twice
    is allowed: it says nothing new). Registered as the default action of the ``import`` command's options."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        earlier = getattr(namespace, self.dest, None)
        if earlier is not None and earlier != self.default and earlier != values:
            if self.metavar == "F":  # an input file: the user wants both read, one input is one file
                both, advice = (
                    f"{earlier}, {values}",
                    "append the exports into one file (its header once) and give that",
                )
            else:
                both, advice = f"{str(earlier)!r}, {str(values)!r}", "give one"
            raise argparse.ArgumentError(self, f"given twice ({both}): {advice}")
        setattr(namespace, self.dest, values)
