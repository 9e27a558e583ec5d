"""Choosing the Chinese TrueType fonts (desktop.packet.fonts): the Windows fonts first, Debian's
free fonts otherwise, one file for every role when asked, and a translated error when none."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.packet import fonts
from desktop.packet.fonts import FontMissing, FontUnusable, cjk_fonts

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


def test_the_debian_fonts_by_role() -> None:
    chosen = cjk_fonts(places=(Path("/nonexistent/Windows/Fonts"),
                               Path("/usr/share/fonts/truetype")))
    assert "uming" in chosen.body and "uming" in chosen.title
    assert "wqy" in chosen.heading and "ukai" in chosen.kai
    assert cjk_fonts(places=(Path("/nonexistent/Windows/Fonts"),
                             Path("/usr/share/fonts/truetype"))) is chosen  # registered once


def test_a_windows_font_comes_first_and_missing_roles_borrow(tmp_path: Path) -> None:
    windows = tmp_path / "Windows" / "Fonts"
    windows.mkdir(parents=True)
    shutil.copy(WQY, windows / "simhei.ttf")  # stands in for 黑体
    chosen = cjk_fonts(places=(windows, tmp_path / "no-free-fonts"))
    assert chosen.heading == chosen.body == chosen.title == chosen.kai
    assert "simhei" in chosen.heading


def test_one_font_for_every_role() -> None:
    chosen = cjk_fonts(WQY)
    assert len({chosen.body, chosen.title, chosen.heading, chosen.kai}) == 1


def test_the_environment_names_the_font(monkeypatch: pytest.MonkeyPatch,
                                        tmp_path: Path) -> None:
    monkeypatch.setenv(fonts.ENVIRONMENT, str(WQY))
    assert cjk_fonts().body == cjk_fonts(WQY).body
    bad = tmp_path / "fake.ttf"
    bad.write_bytes(b"\0\1\0\0 not really a font")
    monkeypatch.setenv(fonts.ENVIRONMENT, str(bad))
    with pytest.raises(FontUnusable, match="不能用于 PDF 文件"):
        cjk_fonts()


def test_a_latin_only_font_is_not_a_chinese_font() -> None:
    with pytest.raises(FontUnusable):
        cjk_fonts("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def test_no_chinese_font_at_all(tmp_path: Path) -> None:
    with pytest.raises(FontMissing, match="找不到生成 PDF 文件所需的中文 TrueType 字体"):
        cjk_fonts(places=(tmp_path, tmp_path))
