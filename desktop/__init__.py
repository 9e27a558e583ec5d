"""Desktop workbench for village inspection teams (对村(社区)巡察组工作台)."""

__version__ = "0.1.0"
APP_NAME = "xuncha"
