"""The log file and the diagnostics bundle: useful for support, never holding the data."""

from __future__ import annotations

import json
import zipfile

import pytest

from desktop import diagnostics, logs
from desktop.core import errors


@pytest.fixture
def log_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XUNCHA_DATA_DIR", str(tmp_path / "data"))
    yield logs.configure().parent
    for handler in list(logs.log.handlers):
        logs.log.removeHandler(handler)
        handler.close()


def test_a_defect_is_logged_without_its_message(log_folder):
    try:
        raise ValueError("谈话对象 张三 身份证 11010519491231002X")
    except ValueError as e:
        logs.log_defect(e)
    text = (log_folder / logs.LOG_NAME).read_text(encoding="utf-8")
    assert "defect ValueError at test_logs.py:" in text
    assert "张三" not in text and "11010519491231002X" not in text


def test_the_diagnostics_bundle_has_versions_and_logs_only(log_folder, tmp_path):
    bundle = diagnostics.export_diagnostics(tmp_path / "诊断.zip", {"qt": "6.x"})
    with zipfile.ZipFile(bundle) as z:
        names = z.namelist()
        found = json.loads(z.read("versions.json"))
    assert names == ["versions.json", f"logs/{logs.LOG_NAME}"]
    assert found["xuncha"] and found["qt"] == "6.x" and "SQLAlchemy" in found
    with pytest.raises(errors.FileExists):
        diagnostics.export_diagnostics(bundle)
    with pytest.raises(errors.ReadOnlyLocation):
        diagnostics.export_diagnostics(tmp_path / "no-such-folder" / "x.zip")
