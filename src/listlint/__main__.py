"""Run listlint as ``python -m listlint``."""

import sys

from listlint.cli import main

sys.exit(main())
