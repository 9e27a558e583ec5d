"""`python -m desktop` starts the desktop app."""

from desktop.app import main

raise SystemExit(main())
