"""Entry script of the built command line, xuncha (see packaging/xuncha.spec)."""

import sys

from desktop.cli import main

sys.exit(main())
