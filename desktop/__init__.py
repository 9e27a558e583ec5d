"""Desktop workbench for village inspection teams (对村(社区)巡察组工作台)."""

import logging

__version__ = "0.1.0"
APP_NAME = "xuncha"

# Log lines go to the log file once ``desktop.logs.configure`` runs, never to the console:
# the command line speaks to its user in its own words.
logging.getLogger(APP_NAME).addHandler(logging.NullHandler())
