"""The Chinese catalogue: up to date with the code, complete, and what the interface shows.

resources/i18n/xuncha_zh_CN.ts is the one source of the translations. These tests run the real
pyside6-lupdate over the code (packaging/translations.py) and read the .ts it writes.
"""

from __future__ import annotations

import difflib
import importlib.util
import re
import shutil
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop import translations
from desktop.core import i18n
from desktop.core.i18n import set_language, tr

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "xuncha_zh_CN.ts"
UPDATE = "python packaging/translations.py update"


def _packaging():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("packaging_translations",
                                                  ROOT / "packaging" / "translations.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


packaging = _packaging()


def messages(ts: Path) -> list[ET.Element]:
    return list(ET.parse(ts).getroot().iter("message"))


def catalogue(ts: Path) -> dict[str, str]:
    """Source → translation of every message in ``ts``."""
    return {m.findtext("source", ""): m.findtext("translation", "") for m in messages(ts)}


def untranslated(ts: Path) -> list[str]:
    """The sources that are still unfinished or have an empty translation."""
    return [m.findtext("source", "") for m in messages(ts)
            if (m.find("translation") is None
                or m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
                or not (m.findtext("translation") or "").strip())]


def behind(ts: Path, tmp_path: Path, extra: list[Path] | None = None) -> str:
    """What lupdate over the code (plus ``extra`` files) would change in ``ts``; "" if nothing."""
    fresh = tmp_path / ts.name
    shutil.copyfile(ts, fresh)
    packaging.update(fresh, packaging.sources() + (extra or []))
    before, after = ts.read_text(encoding="utf-8"), fresh.read_text(encoding="utf-8")
    if before.splitlines() == after.splitlines():
        return ""
    old, new = set(catalogue(ts)), set(catalogue(fresh))
    if old != new:
        return (f"new in the code: {sorted(new - old)}; no longer in the code: "
                f"{sorted(old - new)}")
    return "\n".join(list(difflib.unified_diff(before.splitlines(), after.splitlines(),
                                               lineterm=""))[:40])


def placeholders(text: str) -> set[str]:
    """The ``{name}`` fields (a date may be written differently: the format is free) and the
    ``%`` conversions of argparse's phrases."""
    try:
        fields = {f"{{{name}}}" for _, name, _, _ in string.Formatter().parse(text)
                  if name is not None}
    except ValueError:  # unbalanced braces
        fields = {"<not a format string>"}
    return fields | set(re.findall(r"%(?:\([a-z_]+\))?[sdrf]", text))


def test_the_catalogue_is_up_to_date_with_the_code(tmp_path: Path) -> None:
    assert len(messages(TS)) > 900
    lag = behind(TS, tmp_path)
    assert lag == "", f"{TS.name} is behind the code (run `{UPDATE}`, then translate): {lag}"


def test_every_string_has_a_chinese_translation() -> None:
    missing = untranslated(TS)
    assert missing == [], f"{len(missing)} strings have no Chinese translation in {TS.name}"


def test_translations_keep_the_placeholders() -> None:
    wrong = {source: text for source, text in catalogue(TS).items()
             if placeholders(source) != placeholders(text)}
    assert wrong == {}


def test_a_string_without_translation_is_caught(tmp_path: Path) -> None:
    screen = tmp_path / "new_screen.py"
    screen.write_text('from desktop.core.i18n import N_, tr\n\n'
                      'LABELS = {"x": N_("A label nobody has translated")}\n\n\n'
                      'def title() -> str:\n'
                      '    return tr("A title nobody " "has translated: {name}", name="x")\n',
                      encoding="utf-8")
    lag = behind(TS, tmp_path, [screen])
    assert "A label nobody has translated" in lag
    assert "A title nobody has translated: {name}" in lag
    assert sorted(untranslated(tmp_path / TS.name)) == ["A label nobody has translated",
                                                        "A title nobody has translated: {name}"]


def test_the_compiled_catalogue_gives_every_translation() -> None:
    assert i18n.has_catalogue()
    wrong = {source: tr(source) for source, text in catalogue(TS).items() if tr(source) != text}
    assert wrong == {}


def test_language_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    set_language("en")
    assert tr("Open {name}", name="a.db") == "Open a.db"
    set_language("zh_CN")
    assert tr("Open {name}", name="a.db") == "打开 a.db"
    assert tr("Not in the catalogue") == "Not in the catalogue"
    monkeypatch.setattr(i18n, "_lookup", None)  # no catalogue installed: English
    assert tr("Open {name}", name="a.db") == "Open a.db"


def test_the_catalogue_is_found_where_the_program_looks() -> None:
    assert translations.ts_file() == TS
    assert translations.qm_file() == TS.with_suffix(".qm") and TS.with_suffix(".qm").is_file()
