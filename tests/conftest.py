"""Shared fixtures: real encrypted databases in tmp_path, headless Qt, Chinese by default."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from desktop import translations  # noqa: E402
from desktop.core import i18n  # noqa: E402
from desktop.services import roster  # noqa: E402
from desktop.services.workspace import Workspace  # noqa: E402

PASSPHRASE = "correct horse 马 battery"


@pytest.fixture(autouse=True, scope="session")
def private_settings(tmp_path_factory):
    """QSettings() and the data folder (logs, demo) of the program under test go to a
    temporary folder, never the user's."""
    from PySide6.QtCore import QSettings
    os.environ.setdefault("XUNCHA_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path_factory.mktemp("settings")))


@pytest.fixture(autouse=True, scope="session")
def chinese_catalogue():
    """The compiled Chinese catalogue, loaded as the app loads it (and built first when the .qm
    is missing or older than the .ts)."""
    assert translations.install(), "resources/i18n/xuncha_zh_CN.qm cannot be built or loaded"


@pytest.fixture(autouse=True)
def chinese_interface():
    i18n.set_language("zh_CN")
    yield
    i18n.set_language("zh_CN")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "round.db"


@pytest.fixture
def workspace(db_path: Path):
    ws, _ = roster.create_database(db_path, PASSPHRASE, roster.NewRound(
        round_name="2026年第一轮巡察", year=2026, team_name="第二巡察组",
        inspector_name="王堃", role="leader"))
    yield ws
    ws.close()


def make_tree(ws: Workspace) -> dict[str, str]:
    """A district with a town and two villages; returns their ids by name."""
    d = roster.add_district(ws, "武进区").created[0]
    t = roster.add_town(ws, "湖塘镇", d).created[0]
    v1 = roster.add_village(ws, "新桥村", t).created[0]
    v2 = roster.add_village(ws, "东塘社区", t).created[0]
    return {"district": d, "town": t, "village": v1, "village2": v2}
