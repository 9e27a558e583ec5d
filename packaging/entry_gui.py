"""Entry script of the built desktop app, xuncha-gui (see packaging/xuncha.spec)."""

import sys

from desktop.app import main

sys.exit(main())
