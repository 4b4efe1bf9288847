import sys

from ._imports import cache_patterns

cache_patterns()  # before the command's modules compile their regular expressions (xl_retention._imports)

from .cli import main  # noqa: E402

sys.exit(main())
