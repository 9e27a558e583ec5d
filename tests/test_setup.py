"""The locked set-up (dev.py, uv.lock) and the warnings policy of the CLI and the app."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import dev  # noqa: E402


def test_the_lock_covers_every_platform_we_ship_with_hashes() -> None:
    lock = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
    packages = {p["name"]: p for p in lock["package"]}
    for name in ("pyside6-essentials", "sqlcipher3-wheels", "cryptography", "pyinstaller"):
        wheels = [w["url"].rsplit("/", 1)[1] for w in packages[name].get("wheels", [])]
        assert any("win_amd64" in w for w in wheels), name
        assert any("manylinux" in w and "x86_64" in w for w in wheels), name
    unhashed = [p["name"] for p in packages.values() if p["name"] != "xuncha"
                for w in p.get("wheels", []) if not w.get("hash", "").startswith("sha256:")]
    assert unhashed == []
    # runtime, test and build dependencies and the uv that installs them are all locked
    for name in ("pyhanko", "pytest", "pytest-qt", "hypothesis", "pyinstaller", "uv"):
        assert name in packages


def test_dot_venv_holds_exactly_the_lock() -> None:
    assert dev.installed_drift(dev.locked_versions()) == []


def test_the_uv_bootstrap_is_pinned_and_hash_checked() -> None:
    line = dev.uv_requirement()
    version = dev.locked_versions()["uv"]
    assert line.startswith(f"uv=={version} --hash=sha256:")
    assert line.count("--hash=sha256:") >= 2  # one per platform's wheel at least


def test_a_damaged_or_missing_lock_is_a_clear_refusal(tmp_path: Path) -> None:
    with pytest.raises(dev.SetupError, match="uv.lock"):
        dev.read_lock(tmp_path / "uv.lock")
    (tmp_path / "uv.lock").write_text("[[package]\nname = ", encoding="utf-8")
    with pytest.raises(dev.SetupError, match="已损坏 / the lock file uv.lock is damaged"):
        dev.read_lock(tmp_path / "uv.lock")


def test_runtime_packages_are_the_programs_own_dependencies() -> None:
    runtime = dev.runtime_packages()
    assert {"pyside6-essentials", "sqlalchemy", "pyhanko", "cryptography", "cffi"} <= set(runtime)
    assert not {"pytest", "hypothesis", "pyinstaller", "ruff", "uv"} & set(runtime)


@pytest.mark.slow
def test_a_hash_changed_in_the_lock_is_refused_and_installs_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "pyproject.toml", project)
    shutil.copytree(ROOT / "desktop", project / "desktop",
                    ignore=shutil.ignore_patterns("__pycache__"))
    lock = (ROOT / "uv.lock").read_text(encoding="utf-8")
    wheel = lock.index("iniconfig-", lock.index('name = "iniconfig"'))
    wheel = lock.index(".whl", wheel)
    at = lock.index('hash = "sha256:', wheel) + len('hash = "sha256:')
    (project / "uv.lock").write_text(lock[:at] + ("0" if lock[at] != "0" else "1") + lock[at + 1:],
                                     encoding="utf-8")
    environment = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(environment)], check=True)
    # online as the set-up is: uv itself was installed by pip, so its wheel need not be cached
    monkeypatch.delenv("UV_OFFLINE", raising=False)
    with pytest.raises(dev.SetupError, match=r"iniconfig==\S+ 的哈希与锁文件不符") as refused:
        dev.sync(project, environment)
    assert "does not match uv.lock" in str(refused.value)
    installed = list(environment.glob("lib*/python*/site-packages/*")) + list(
        environment.glob("Lib/site-packages/*"))
    assert [p.name for p in installed if not p.name.startswith("_virtualenv")] == []


def test_third_party_warnings_go_to_the_log_not_the_console(tmp_path: Path) -> None:
    code = ("import warnings\n"
            "from desktop import logs\n"
            "logs.capture_warnings()\n"
            "logs.configure()\n"
            "warnings.warn('a library notice 第三方', DeprecationWarning)\n"
            "warnings.warn('another library notice', UserWarning)\n")
    env = {**os.environ, "XUNCHA_DATA_DIR": str(tmp_path), "PYTHONWARNINGS": "always"}
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         timeout=60)
    assert run.returncode == 0 and run.stderr == "" and run.stdout == ""
    log = (tmp_path / "logs" / "xuncha.log").read_text(encoding="utf-8")
    assert "a library notice 第三方" in log and "another library notice" in log


def test_without_capture_the_same_warning_reaches_the_console(tmp_path: Path) -> None:
    """The control for the test above: Python itself prints such a warning on stderr."""
    code = "import warnings\nwarnings.warn('a library notice', UserWarning)\n"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60)
    assert "a library notice" in run.stderr


def test_version_verbose_lists_every_library() -> None:
    run = subprocess.run([sys.executable, "-m", "desktop.cli", "--version", "--verbose"],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0 and run.stderr == ""
    locked = dev.locked_versions()
    for name in ("SQLAlchemy", "cryptography", "pyHanko", "reportlab"):
        version = locked[name.lower()]
        assert f"  {name} {version}" in run.stdout


def test_doctor_speaks_both_languages() -> None:
    run = subprocess.run([sys.executable, str(ROOT / "dev.py"), "doctor"], capture_output=True,
                         text=True, timeout=120)
    assert "Python" in run.stdout and "系统工具" in run.stdout and "system tools" in run.stdout
    assert ".venv 与锁文件一致 / .venv matches the lock" in run.stdout
