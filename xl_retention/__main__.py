import sys

from xl_retention_start import main  # a Ctrl+C while the command's modules are imported: one line, no traceback

sys.exit(main())
