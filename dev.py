"""Set up the project and start the app or run the tests, on any machine with Python 3.11+.

    python3 dev.py app      # first time: creates .venv and installs the lock, then starts
    python3 dev.py test     # same set-up, then the whole test suite (headless)
    python3 dev.py doctor   # what this machine lacks: Python, system tools, fonts, lock drift
    python3 dev.py upgrade  # newest allowed versions, tested in a scratch copy; lock kept if red

Extra arguments after ``app`` or ``test`` go to the app or to pytest; after ``upgrade``, package
names limit the upgrade to them.

What installs is ``uv.lock`` (every platform we ship, with hashes), never a fresh resolve:
pip installs the locked ``uv`` (hash-checked), and ``uv sync --locked`` makes ``.venv`` hold
exactly the lock. A changed ``uv.lock`` or ``pyproject.toml`` re-syncs on the next command.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
LOCK = ROOT / "uv.lock"
VENV = ROOT / ".venv"
MARKER = VENV / ".setup-done"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
UV = BIN / ("uv.exe" if os.name == "nt" else "uv")
# pdfsig, qpdf, pdftotext, pdffonts, pdfdetach, pdftoppm, zbarimg are called by the tests
SYSTEM_TOOLS = ("pdftotext", "pdftoppm", "pdfsig", "pdffonts", "pdfdetach", "qpdf",
                "fc-list", "zbarimg")


class SetupError(Exception):
    """The set-up cannot go on; the message says why, in Chinese and English."""


def read_lock(lock: Path = LOCK) -> dict[str, dict]:
    """The locked packages by name (``uv.lock`` is TOML: one ``[[package]]`` table each)."""
    import tomllib

    try:
        data = tomllib.loads(lock.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SetupError(f"锁文件 {lock.name} 不存在 / the lock file {lock.name} is missing") from None
    except tomllib.TOMLDecodeError as error:
        raise SetupError(f"锁文件 {lock.name} 已损坏 / the lock file {lock.name} is damaged: "
                         f"{error}") from None
    return {package["name"]: package for package in data.get("package", [])}


def locked_versions(lock: Path = LOCK) -> dict[str, str]:
    return {name: package["version"] for name, package in read_lock(lock).items()
            if "version" in package and package.get("source", {}).get("editable") is None}


def runtime_packages(lock: Path = LOCK) -> list[str]:
    """The locked packages the program itself runs on: its dependencies, transitively."""
    packages = read_lock(lock)
    wanted = [dep["name"] for dep in packages["xuncha"].get("dependencies", [])]
    seen: set[str] = set()
    while wanted:
        name = wanted.pop()
        if name not in seen:
            seen.add(name)
            wanted += [dep["name"] for dep in packages.get(name, {}).get("dependencies", [])]
    return sorted(seen)


def uv_requirement(lock: Path = LOCK) -> str:
    """A pip requirement line for the locked uv with the hash of every file the lock lists."""
    package = read_lock(lock).get("uv")
    if package is None:
        raise SetupError("锁文件中没有 uv / uv is not in the lock (dependency group dev)")
    files = [*package.get("wheels", []), *([package["sdist"]] if "sdist" in package else [])]
    hashes = " ".join(f"--hash={entry['hash']}" for entry in files if "hash" in entry)
    return f"uv=={package['version']} {hashes}"


def wanted_state(project: Path = ROOT) -> str:
    digest = hashlib.sha256()
    for path in (project / "pyproject.toml", project / LOCK.name):
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()


def run(command: list[str], what: str, **kwargs) -> None:
    if subprocess.run(command, **kwargs).returncode != 0:
        raise SetupError(what)


def sync(project: Path, environment: Path) -> None:
    """Make ``environment`` hold exactly ``project``'s lock (hashes checked by uv)."""
    env = {**os.environ, "UV_PROJECT_ENVIRONMENT": str(environment),
           "UV_PYTHON_DOWNLOADS": "never"}
    env.pop("VIRTUAL_ENV", None)
    done = subprocess.run([str(UV), "sync", "--locked", "--all-extras", "--no-progress",
                           "--quiet"], cwd=project, env=env, stderr=subprocess.PIPE, text=True)
    if done.returncode == 0:
        return
    sys.stderr.write(done.stderr)
    mismatch = re.search(r"Hash mismatch for `([^`]+)`", done.stderr)
    if mismatch:
        raise SetupError(
            f"{mismatch[1]} 的哈希与锁文件不符：包或锁文件被改动过，什么也没有安装。\n"
            f"The hash of {mismatch[1]} does not match uv.lock: the package or the lock was "
            "altered; nothing was installed.")
    raise SetupError(
        "无法按锁文件安装依赖包（上面是 uv 的说明）。锁文件与 pyproject.toml 不一致时，"
        "请运行 python3 dev.py upgrade 或 uv lock。\n"
        "The locked packages could not be installed (uv says why above). If uv.lock does not "
        "match pyproject.toml, run python3 dev.py upgrade or uv lock.")


def release_catalogue(python: Path, project: Path) -> None:
    """The compiled Chinese catalogue (resources/i18n/*.qm, not committed)."""
    run([str(python), str(project / "packaging" / "translations.py"), "release"],
        "无法编译中文界面文件 / the Chinese catalogue could not be compiled")


def setup() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - runs on older Pythons to say so
        sys.exit("Python 3.11 or newer is needed / 需要 Python 3.11 或更新版本")
    wanted = wanted_state()
    if MARKER.exists() and MARKER.read_text() == wanted and PYTHON.exists() and UV.exists():
        return
    if MARKER.exists():
        print("uv.lock 或 pyproject.toml 已改变，重新同步 .venv … / "
              "the lock changed, syncing .venv …", flush=True)
        MARKER.unlink()
    if not PYTHON.exists():
        print("创建 .venv … / creating .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if not UV.exists():  # later syncs keep uv at its locked version (group dev)
        bootstrap_uv()
    sync(ROOT, VENV)
    release_catalogue(PYTHON, ROOT)
    MARKER.write_text(wanted)


def bootstrap_uv() -> None:
    """pip installs the locked uv, hash-checked; the sync then removes pip from .venv."""
    run([str(PYTHON), "-m", "ensurepip"], "无法安装 pip / pip could not be installed",
        stdout=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory() as scratch:
        requirements = Path(scratch) / "uv.txt"
        requirements.write_text(uv_requirement() + "\n", encoding="utf-8")
        run([str(PYTHON), "-m", "pip", "install", "--disable-pip-version-check", "-q",
             "--require-hashes", "--no-deps", "-r", str(requirements)],
            "无法安装锁定版本的 uv / the locked uv could not be installed")


def missing_tools() -> list[str]:
    return [tool for tool in SYSTEM_TOOLS if shutil.which(tool) is None]


def doctor() -> int:
    """One screen: what this machine has and lacks for the app and the tests."""
    problems = 0

    def line(ok: bool, zh: str, en: str) -> None:
        nonlocal problems
        problems += not ok
        print(f"{'✓' if ok else '✗'} {zh} / {en}")

    version = ".".join(map(str, sys.version_info[:3]))
    line(sys.version_info >= (3, 11), f"Python {version}（需要 3.11 或更新）",
         f"Python {version} (3.11 or newer needed)")
    missing = missing_tools()
    line(not missing, "系统工具齐全" if not missing else "缺少系统工具：" + "、".join(missing),
         "system tools present" if not missing else "missing system tools: " + ", ".join(missing))
    fonts = ""
    if shutil.which("fc-list"):
        fonts = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True,
                               text=True).stdout
    line(bool(fonts.strip()), "已安装中文字体" if fonts.strip() else "没有中文字体",
         "Chinese fonts installed" if fonts.strip() else "no Chinese fonts")
    if missing or not fonts.strip():
        print("  Debian/Ubuntu/Kylin/UOS: sudo bash packaging/install-system-packages.sh")
    try:
        locked = locked_versions()
    except SetupError as error:
        line(False, str(error), "")
        return 1
    synced = MARKER.exists() and MARKER.read_text() == wanted_state()
    line(synced, ".venv 与锁文件一致" if synced else ".venv 未按当前锁文件同步（运行 dev.py test 即同步）",
         ".venv matches the lock" if synced else ".venv is not synced to the lock "
         "(dev.py test syncs it)")
    if PYTHON.exists():
        drift = installed_drift(locked)
        line(not drift, "已安装的版本与锁文件相同" if not drift else "与锁文件不同：" + "，".join(drift),
             "installed versions match the lock" if not drift else "differ from the lock: "
             + ", ".join(drift))
    print("没有发现问题 / nothing missing" if not problems else f"{problems} 个问题 / problem(s)")
    return 1 if problems else 0


def installed_drift(locked: dict[str, str]) -> list[str]:
    """Packages whose version in .venv is not the locked one (``name installed≠locked``)."""
    script = ("import json, importlib.metadata as m; print(json.dumps({d.metadata['Name'].lower()"
              ".replace('_', '-'): d.version for d in m.distributions()}))")
    import json

    found = subprocess.run([str(PYTHON), "-c", script], capture_output=True, text=True)
    installed = json.loads(found.stdout or "{}")
    marker_free = {"colorama", "pywin32-ctypes", "pefile", "tzdata"}  # Windows-only in the lock
    drift = []
    for name, version in sorted(locked.items()):
        have = installed.get(name)
        if have is None and name in marker_free:
            continue
        if have != version:
            drift.append(f"{name} {have or '—'}≠{version}")
    return drift


def upgrade(packages: list[str]) -> int:
    """Re-resolve in a scratch copy, run the whole suite there, keep the new lock if green."""
    setup()
    old = locked_versions()
    with tempfile.TemporaryDirectory(prefix="xuncha-upgrade-") as scratch:
        copy = Path(scratch) / "project"
        shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(
            ".venv", ".git", "build", "dist", "__pycache__", ".pytest_cache", ".hypothesis",
            "*.egg-info", "*.qm"))
        flags = [f"--upgrade-package={name}" for name in packages] or ["--upgrade"]
        run([str(UV), "lock", *flags, "--no-progress", "--quiet"], "uv lock --upgrade failed",
            cwd=copy, env={**os.environ, "UV_PYTHON_DOWNLOADS": "never"})
        new = locked_versions(copy / "uv.lock")
        changed = {name for name in old.keys() | new.keys() if old.get(name) != new.get(name)}
        if not changed:
            print("已是允许范围内的最新版本 / already the newest allowed versions")
            return 0
        environment = copy / ".venv"
        venv.EnvBuilder(with_pip=False).create(environment)
        python = environment / PYTHON.relative_to(VENV)
        sync(copy, environment)
        release_catalogue(python, copy)
        (environment / MARKER.name).write_text(wanted_state(copy))  # as setup() leaves it
        print(f"在副本中运行全部测试 / running the whole suite in {copy} …", flush=True)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        env.pop("VIRTUAL_ENV", None)
        passed = subprocess.call([str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider"],
                                 cwd=copy, env=env) == 0
        result = "通过 / passed" if passed else "未通过 / FAILED"
        width = max(len(name) for name in changed)
        print(f"\n{'package':<{width}}  {'old':>12}    {'new':<12}  suite")
        for name in sorted(changed):
            print(f"{name:<{width}}  {old.get(name, '—'):>12} →  {new.get(name, '—'):<12}  "
                  f"{result}")
        if not passed:
            print("锁文件未改动 / uv.lock left as it was")
            return 1
        shutil.copyfile(copy / "uv.lock", LOCK)
    print("已写入新的 uv.lock；下一个命令会同步 .venv / uv.lock rewritten; the next command syncs "
          ".venv")
    return 0


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("app", [])
    if command not in ("app", "test", "doctor", "upgrade"):
        print(__doc__)
        return 2
    try:
        if command == "doctor":
            return doctor()
        if command == "upgrade":
            return upgrade(rest)
        setup()
    except SetupError as error:
        print(error, file=sys.stderr)
        return 1
    if command == "app":
        return subprocess.call([str(PYTHON), "-m", "desktop", *rest])
    missing = missing_tools()
    if missing:
        print("缺少系统工具 / missing system tools: " + ", ".join(missing)
              + "\nDebian/Ubuntu/Kylin/UOS: sudo bash packaging/install-system-packages.sh",
              file=sys.stderr)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.call([str(PYTHON), "-m", "pytest", *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
